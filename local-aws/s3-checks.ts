/**
 * What S3 checks and s3rver 3.7 does not, added in front of s3rver's router (path-style
 * requests, which is what the stack's clients send):
 * - PutObject and UploadPart: the body against `x-amz-checksum-crc32` (BadDigest) and against a
 *   signed `x-amz-content-sha256` (XAmzContentSHA256Mismatch); the CRC32 is echoed back.
 * - CompleteMultipartUpload: each part's ChecksumCRC32 against the part as stored (InvalidPart),
 *   and a CRC32 for every part when the upload was created with ChecksumAlgorithm CRC32.
 * - ListMultipartUploads (GET /bucket?uploads): the uploads neither completed nor aborted.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

export interface KoaContext {
  method: string;
  path: string;
  query: Record<string, unknown>;
  req: IncomingMessage;
  status: number;
  body: unknown;
  type: string;
  set(name: string, value: string): void;
}
export type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

export const crc32 = (zlib as unknown as { crc32: (data: Uint8Array, value?: number) => number })
  .crc32;

/** Files this layer keeps beside s3rver's own in an upload's folder. */
export const ALGORITHM_FILE = 'checksum-algorithm';
export const partChecksumFile = (partNumber: number): string => `${partNumber}.crc32`;

/** A CRC32 value as S3 writes it: four big-endian bytes in base64. */
export function crc32Text(value: number): string {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out.toString('base64');
}

function sha256Hex(chunks: Buffer[]): string {
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

function xmlEscape(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

export function fail(ctx: KoaContext, status: number, code: string, message: string): void {
  ctx.status = status;
  ctx.type = 'application/xml';
  ctx.body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code>` +
    `<Message>${xmlEscape(message)}</Message></Error>`;
}

/**
 * A request's body as the chunks it arrived in. A part is checked and hashed chunk by chunk and
 * handed on as read, never joined into one buffer: joining copied every byte of every part
 * into new memory on the benchmark's server, which shares the cores of the clients it measures.
 */
async function readChunks(req: IncomingMessage): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  return Buffer.concat(await readChunks(req));
}

/** Where a replayed request carries its chunks, for a store that can write them at once. */
export const BODY_CHUNKS = Symbol('body chunks');

/** Hands s3rver the bytes already read, as the request stream it expects. */
function replay(ctx: KoaContext, chunks: Buffer[]): void {
  const stream = Readable.from(chunks);
  ctx.req = Object.assign(stream, {
    headers: ctx.req.headers,
    [BODY_CHUNKS]: chunks,
  }) as unknown as IncomingMessage;
}

export function target(ctx: KoaContext): { bucket: string; key: string } {
  const [, bucket = '', ...keyParts] = ctx.path.split('/');
  return { bucket, key: decodeURIComponent(keyParts.join('/')) };
}

export function header(ctx: KoaContext, name: string): string | undefined {
  const value = ctx.req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function s3Checks(directory: string): Middleware {
  const uploadsDir = (bucket: string): string => path.join(directory, bucket, '._S3rver_uploads');
  const uploadDir = (bucket: string, uploadId: string): string | undefined =>
    /^[0-9a-f]+$/.test(uploadId) ? path.join(uploadsDir(bucket), uploadId) : undefined;

  return async (ctx, next) => {
    const uploadId = typeof ctx.query['uploadId'] === 'string' ? ctx.query['uploadId'] : undefined;
    const { bucket, key } = target(ctx);
    if (ctx.method === 'GET' && 'uploads' in ctx.query && key === '') {
      return listUploads(ctx, bucket, uploadsDir(bucket));
    }
    if (ctx.method === 'PUT' && key !== '' && !header(ctx, 'x-amz-copy-source')) {
      const encoding = header(ctx, 'content-encoding') ?? '';
      if (encoding.includes('aws-chunked')) return next(); // trailer checksums: not checked here
      const body = await readChunks(ctx.req);
      const crc = crc32Text(body.reduce((value, chunk) => crc32(chunk, value), 0));
      const claimed = header(ctx, 'x-amz-checksum-crc32');
      if (claimed !== undefined && claimed !== crc) {
        return fail(
          ctx,
          400,
          'BadDigest',
          'The CRC32 you specified did not match the calculated checksum.',
        );
      }
      const sha = header(ctx, 'x-amz-content-sha256') ?? '';
      if (/^[0-9a-f]{64}$/.test(sha) && sha256Hex(body) !== sha) {
        return fail(
          ctx,
          400,
          'XAmzContentSHA256Mismatch',
          "The provided 'x-amz-content-sha256' header does not match what was computed.",
        );
      }
      replay(ctx, body);
      await next();
      if (ctx.status !== 200) return;
      if (claimed !== undefined) ctx.set('x-amz-checksum-crc32', crc);
      const partNumber = Number(ctx.query['partNumber']);
      const dir = uploadId === undefined ? undefined : uploadDir(bucket, uploadId);
      if (dir && Number.isInteger(partNumber)) {
        await writeFile(path.join(dir, partChecksumFile(partNumber)), crc);
      }
      return;
    }
    if (ctx.method === 'POST' && 'uploads' in ctx.query && key !== '') {
      await next();
      const created = (ctx.body as { InitiateMultipartUploadResult?: { UploadId?: string } })
        ?.InitiateMultipartUploadResult?.UploadId;
      const algorithm = header(ctx, 'x-amz-checksum-algorithm');
      const dir = created === undefined ? undefined : uploadDir(bucket, created);
      if (dir && algorithm)
        await writeFile(path.join(dir, ALGORITHM_FILE), algorithm.toUpperCase());
      return;
    }
    if (ctx.method === 'POST' && uploadId !== undefined) {
      const body = await readBody(ctx.req);
      const dir = uploadDir(bucket, uploadId);
      const problem = dir ? await checkParts(dir, body.toString('utf8')) : undefined;
      if (problem) return fail(ctx, 400, problem.code, problem.message);
      replay(ctx, [body]);
      return next();
    }
    return next();
  };
}

async function checkParts(
  dir: string,
  xml: string,
): Promise<{ code: string; message: string } | undefined> {
  const algorithm = await readFile(path.join(dir, ALGORITHM_FILE), 'utf8').catch(() => undefined);
  for (const [, part = ''] of xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)) {
    const partNumber = Number(/<PartNumber>\s*(\d+)\s*<\/PartNumber>/.exec(part)?.[1]);
    const claimed = /<ChecksumCRC32>\s*([^<\s]+)\s*<\/ChecksumCRC32>/.exec(part)?.[1];
    if (claimed === undefined) {
      if (algorithm === 'CRC32') {
        return {
          code: 'InvalidRequest',
          message: `The upload was created using a crc32 checksum. The complete request must include the checksum for each part. It was missing for part ${partNumber} in the request.`,
        };
      }
      continue;
    }
    const stored = await readFile(path.join(dir, partChecksumFile(partNumber)), 'utf8').catch(
      () => undefined,
    );
    if (stored !== claimed) {
      return {
        code: 'InvalidPart',
        message:
          "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not have matched the part's entity tag.",
      };
    }
  }
  return undefined;
}

async function listUploads(ctx: KoaContext, bucket: string, dir: string): Promise<void> {
  const prefix = typeof ctx.query['prefix'] === 'string' ? ctx.query['prefix'] : '';
  if (!(await stat(path.dirname(dir)).catch(() => undefined))) {
    return fail(ctx, 404, 'NoSuchBucket', 'The specified bucket does not exist');
  }
  const ids = await readdir(dir).catch(() => [] as string[]);
  const uploads: { key: string; id: string; initiated: Date }[] = [];
  for (const id of ids) {
    const key = await readFile(path.join(dir, id, 'key'), 'utf8').catch(() => undefined);
    if (key === undefined || !key.startsWith(prefix)) continue;
    uploads.push({ key, id, initiated: (await stat(path.join(dir, id))).birthtime });
  }
  uploads.sort(
    (a, b) => a.key.localeCompare(b.key) || a.initiated.getTime() - b.initiated.getTime(),
  );
  const owner = '<ID>local</ID><DisplayName>local</DisplayName>';
  ctx.status = 200;
  ctx.type = 'application/xml';
  ctx.body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    `<Bucket>${xmlEscape(bucket)}</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>` +
    `<Prefix>${xmlEscape(prefix)}</Prefix><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>` +
    uploads
      .map(
        (u) =>
          `<Upload><Key>${xmlEscape(u.key)}</Key><UploadId>${u.id}</UploadId>` +
          `<Initiator>${owner}</Initiator><Owner>${owner}</Owner>` +
          `<StorageClass>STANDARD</StorageClass><Initiated>${u.initiated.toISOString()}</Initiated></Upload>`,
      )
      .join('') +
    '</ListMultipartUploadsResult>';
}
