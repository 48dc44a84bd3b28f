import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import S3rver from 's3rver';
import { BODY_CHUNKS, s3Checks } from './s3-checks.js';
import { completeWithoutRehashing } from './s3-complete.js';
import { s3Copy, S3_COPY_SOURCE_LIMIT, type CopyStore } from './s3-copy.js';
import { listenLoopback } from './tls.js';

export interface S3Server {
  url: string;
  /** https://127.0.0.1:PORT when started with `tls`: the same server, TLS in the same process. */
  httpsUrl?: string;
  /** Where s3rver keeps buckets and objects on disk. */
  directory: string;
  close(): Promise<void>;
}

/** s3rver on 127.0.0.1 with the given buckets; a temporary directory unless one is given. */
export async function startS3(options: {
  buckets: string[];
  port?: number;
  directory?: string;
  /** The largest CopyObject source (S3: 5 GiB); lower it to test the multipart-copy path. */
  copySourceLimit?: number;
  /** Serve https too, with this certificate and key (PEM), on a port of its own. */
  tls?: { cert: string; key: string };
}): Promise<S3Server> {
  const owned = options.directory === undefined;
  const directory = options.directory ?? (await mkdtemp(path.join(os.tmpdir(), 'local-s3-')));
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  addAbortMultipartUpload(server, directory);
  storePartsSafely(server);
  storeObjectsBeforeAnswering(server);
  completeWithoutRehashing(server);
  // Koa composes its middleware list when the server starts; the router is the last entry.
  const { middleware } = server as unknown as { middleware: unknown[] };
  middleware.splice(middleware.length - 1, 0, s3Checks(directory));
  const { store } = server as unknown as { store: CopyStore };
  middleware.splice(
    middleware.length - 1,
    0,
    s3Copy(store, options.copySourceLimit ?? S3_COPY_SOURCE_LIMIT),
  );
  const address = await server.run();
  // Node closes a keep-alive socket after 5 idle seconds; a client that reuses it at that
  // moment gets "socket hang up", which a streaming PutObject (MediaConvert's outputs) cannot
  // retry. Idle sockets are kept longer, as S3 does; close() still ends them at once.
  (server as unknown as { httpServer: Server }).httpServer.keepAliveTimeout = 65_000;
  const https = options.tls ? await serveHttps(server, options.tls) : undefined;
  return {
    url: `http://127.0.0.1:${address.port}`,
    ...(https ? { httpsUrl: https.url } : {}),
    directory,
    close: async () => {
      await https?.close();
      await server.close();
      if (owned) await rm(directory, { recursive: true, force: true });
    },
  };
}

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, unknown>;
  req: IncomingMessage;
  res: ServerResponse;
  status: number;
  body: unknown;
  type: string;
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

/**
 * s3rver 3.7 answers AbortMultipartUpload (DELETE ?uploadId=) with 405 and keeps the parts on
 * disk. S3 deletes the upload and its parts; so does this, in front of s3rver's router (path-style
 * requests only, which is what the stack's clients send). Signatures are not checked here.
 * s3rver also stores a part for any upload ID, even one just aborted (it recreates the upload's
 * folder); S3 answers NoSuchUpload, and so does this.
 */
function addAbortMultipartUpload(server: S3rver, directory: string): void {
  const abort: Middleware = async (ctx, next) => {
    const uploadId = ctx.query['uploadId'];
    const isAbort = ctx.method === 'DELETE';
    const isPart = ctx.method === 'PUT' && ctx.query['partNumber'] !== undefined;
    if ((!isAbort && !isPart) || typeof uploadId !== 'string') return next();
    const [, bucket = '', ...keyParts] = ctx.path.split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    const uploadDir = path.join(directory, bucket, '._S3rver_uploads', uploadId);
    const storedKey = /^[0-9a-f]+$/.test(uploadId)
      ? await readFile(path.join(uploadDir, 'key'), 'utf8').catch(() => undefined)
      : undefined;
    if (isPart && storedKey === key) return next();
    if (storedKey === undefined || storedKey !== key) {
      ctx.status = 404;
      ctx.type = 'application/xml';
      ctx.body =
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code>' +
        '<Message>The specified upload does not exist.</Message></Error>';
      return;
    }
    // A part still being written adds files while the folder is removed: retry, as S3 does not
    // fail an abort for a part in flight.
    await rm(uploadDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    ctx.status = 204;
  };
  // Koa composes its middleware list when the server starts; the router is the last entry.
  const { middleware } = server as unknown as { middleware: Middleware[] };
  middleware.splice(middleware.length - 1, 0, abort);
}

interface FilesystemStore {
  putMetadata(bucket: string, key: string, metadata: unknown, md5: string): Promise<void>;
  putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
  getResourcePath(bucket: string, key: string | undefined, resourceType: string): string;
  putPart(
    bucket: string,
    uploadId: string,
    partNumber: number,
    content: Readable,
  ): Promise<{ size: number; md5: string }>;
}

/**
 * Writes a request's body to `file` and returns its size and MD5 (hex). A body that s3-checks.ts
 * has already read arrives as its chunks, which are hashed and written by one writev; on the
 * benchmark's 2 cores, streaming them (a write per 16 KiB TLS record, through a Transform)
 * kept a part's answer waiting 100 to 170 ms when a round of parts ended together. Any other
 * body is streamed.
 */
async function storeBody(
  content: Readable | Buffer,
  file: string,
): Promise<{ size: number; md5: string }> {
  const md5 = createHash('md5');
  let size = 0;
  const chunks = Buffer.isBuffer(content)
    ? [content]
    : (content as Readable & { [BODY_CHUNKS]?: Buffer[] })[BODY_CHUNKS];
  if (chunks) {
    for (const chunk of chunks) {
      md5.update(chunk);
      size += chunk.length;
    }
    const handle = await open(file, 'w');
    try {
      await handle.writev(chunks);
    } finally {
      await handle.close();
    }
    return { size, md5: md5.digest('hex') };
  }
  await pipeline(
    content,
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        md5.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    }),
    createWriteStream(file),
  );
  return { size, md5: md5.digest('hex') };
}

/**
 * s3rver 3.7 stores a part through a file stream with no error listener: when an abort removes
 * the upload's folder while a part is being stored, the failed open is an uncaught exception
 * that ends the process. The same store, with every stream's error handled: that part fails.
 */
function storePartsSafely(server: S3rver): void {
  const { store } = server as unknown as { store: FilesystemStore };
  store.putPart = async (bucket, uploadId, partNumber, content) => {
    const partPath = path.join(
      store.getResourcePath(bucket, undefined, 'uploads'),
      uploadId,
      String(partNumber),
    );
    await mkdir(path.dirname(partPath), { recursive: true });
    const { size, md5: digest } = await storeBody(content, partPath);
    await writeFile(`${partPath}.md5`, digest);
    return { size, md5: digest };
  };
}

interface StoredObject {
  bucket: string;
  key: string;
  content: Readable | Buffer;
  metadata: unknown;
}

/**
 * s3rver 3.7 answers PutObject (and CompleteMultipartUpload, which stores through the same
 * function) once the bytes have passed its MD5, before the file is written: a HeadObject
 * right after sees a shorter object (rclone then reports "corrupted on transfer" and uploads
 * again). The same store, answering once the file is written, as S3 answers once it is stored.
 */
function storeObjectsBeforeAnswering(server: S3rver): void {
  const { store } = server as unknown as { store: FilesystemStore };
  store.putObject = async (object) => {
    const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(path.dirname(objectPath), { recursive: true });
    const { size, md5: digest } = await storeBody(object.content, objectPath);
    await store.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  };
}

/**
 * s3rver's request handler behind an https server of its own. A TLS front that relays to the
 * http port (what the KMS and MediaConvert emulators get) would add a loopback hop that copies
 * every byte of every part twice more on the machine's shared cores.
 */
async function serveHttps(
  server: S3rver,
  identity: { cert: string; key: string },
): Promise<{ url: string; close(): Promise<void> }> {
  const handler = (server as unknown as { callback(): (...args: unknown[]) => void }).callback();
  const https = createHttpsServer({ cert: identity.cert, key: identity.key }, handler);
  https.keepAliveTimeout = 65_000;
  const sockets = new Set<Socket>();
  https.on('connection', (socket: Socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const listening = await listenLoopback(https, sockets);
  return { url: `https://127.0.0.1:${listening.port}`, close: listening.close };
}
