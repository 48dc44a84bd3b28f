import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import S3rver from 's3rver';
import { s3Checks } from './s3-checks.js';

export interface S3Server {
  url: string;
  /** Where s3rver keeps buckets and objects on disk. */
  directory: string;
  close(): Promise<void>;
}

/** s3rver on 127.0.0.1 with the given buckets; a temporary directory unless one is given. */
export async function startS3(options: {
  buckets: string[];
  port?: number;
  directory?: string;
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
  // Koa composes its middleware list when the server starts; the router is the last entry.
  const { middleware } = server as unknown as { middleware: unknown[] };
  middleware.splice(middleware.length - 1, 0, s3Checks(directory));
  const address = await server.run();
  // Node closes a keep-alive socket after 5 idle seconds; a client that reuses it at that
  // moment gets "socket hang up", which a streaming PutObject (MediaConvert's outputs) cannot
  // retry. Idle sockets are kept longer, as S3 does; close() still ends them at once.
  (server as unknown as { httpServer: import('node:http').Server }).httpServer.keepAliveTimeout =
    65_000;
  return {
    url: `http://127.0.0.1:${address.port}`,
    directory,
    close: async () => {
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
/** The longest an abort waits for the parts of its upload still being stored. */
const PART_WAIT_MS = 300;

function addAbortMultipartUpload(server: S3rver, directory: string): void {
  /** Parts being stored, by upload ID: an abort waits for them before it removes the folder. */
  const partsInFlight = new Map<string, Set<Promise<unknown>>>();
  /** Uploads being (or already) aborted: a part that comes after the abort gets NoSuchUpload. */
  const aborted = new Set<string>();
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
    if (isPart && storedKey === key && !aborted.has(uploadId)) {
      // In flight until s3rver has stored it or its request is gone (a part cut by its client
      // never finishes in s3rver).
      const part = next();
      const done = Promise.race([
        part.catch(() => undefined),
        new Promise<void>((resolve) => ctx.req.once('close', () => resolve())),
      ]);
      const inFlight = partsInFlight.get(uploadId) ?? new Set<Promise<unknown>>();
      partsInFlight.set(uploadId, inFlight);
      inFlight.add(done);
      try {
        return await part;
      } finally {
        inFlight.delete(done);
        if (inFlight.size === 0) partsInFlight.delete(uploadId);
      }
    }
    if (storedKey === undefined || storedKey !== key || (isPart && aborted.has(uploadId))) {
      ctx.status = 404;
      ctx.type = 'application/xml';
      ctx.body =
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code>' +
        '<Message>The specified upload does not exist.</Message></Error>';
      return;
    }
    // A part being stored would fail to open its file in the folder being removed, and s3rver
    // does not catch that (an uncaught ENOENT). S3 does not fail an abort for a part in flight,
    // so wait for those parts, but never longer than PART_WAIT_MS.
    aborted.add(uploadId);
    await Promise.race([
      Promise.allSettled([...(partsInFlight.get(uploadId) ?? [])]),
      sleep(PART_WAIT_MS),
    ]);
    await rm(uploadDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    ctx.status = 204;
  };
  // Koa composes its middleware list when the server starts; the router is the last entry.
  const { middleware } = server as unknown as { middleware: Middleware[] };
  middleware.splice(middleware.length - 1, 0, abort);
}
