/**
 * Server-side copies as S3 does them where s3rver 3.7 does not, in front of s3rver's router
 * (path-style requests). Re-wrapping a data key replaces an object's metadata by copying the
 * object onto itself, with no byte sent again: CopyObject up to the copy limit, a multipart
 * copy (UploadPartCopy) beyond it.
 * - The copy source is URL-decoded whole: `bucket/a%2Fb.mp4` names `a/b.mp4` (s3rver's
 *   decodeURI leaves `%2F`, and answers NoSuchKey). A `?versionId=` is ignored (no versions).
 * - CopyObject: a metadata directive other than COPY or REPLACE is refused (InvalidArgument);
 *   a source over the copy limit (5 GiB on S3) is refused as S3 refuses it (InvalidRequest);
 *   a copy onto the same object gets a new LastModified (s3rver keeps the file's time).
 * - UploadPartCopy (s3rver answers NotImplemented): the source or a `bytes=first-last` range
 *   of it becomes the part; malformed or out-of-bounds ranges are refused with S3's messages;
 *   the CopyPartResult carries the part's ETag and, when the upload was created with
 *   ChecksumAlgorithm CRC32, its ChecksumCRC32 (kept for the CompleteMultipartUpload check).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import {
  ALGORITHM_FILE,
  crc32,
  crc32Text,
  fail,
  header,
  partChecksumFile,
  target,
  type KoaContext,
  type Middleware,
} from './s3-checks.js';

/** S3's limit for a CopyObject source: larger objects need a multipart copy. */
export const S3_COPY_SOURCE_LIMIT = 5 * 1024 ** 3;

/** The part of s3rver's filesystem store the copies use. */
export interface CopyStore {
  getResourcePath(bucket: string, key: string | undefined, resourceType: string): string;
  getBucket(bucket: string): Promise<unknown>;
  putPart(
    bucket: string,
    uploadId: string,
    partNumber: number,
    content: Readable,
  ): Promise<{ size: number; md5: string }>;
}

interface ObjectRef {
  bucket: string;
  key: string;
}

const MALFORMED_RANGE =
  'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy';

/** `bucket/key` from the header as clients send it (URL-encoded, maybe a leading slash). */
function parseCopySource(raw: string): ObjectRef | undefined {
  const [encoded = ''] = raw.split('?', 1);
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  const trimmed = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  const slash = trimmed.indexOf('/');
  if (slash <= 0 || slash === trimmed.length - 1) return undefined;
  return { bucket: trimmed.slice(0, slash), key: trimmed.slice(slash + 1) };
}

/** Inclusive byte offsets of the part, or a message saying why the range is refused. */
function partRange(
  raw: string | undefined,
  size: number,
): { first: number; last: number } | string {
  if (raw === undefined) return { first: 0, last: size - 1 };
  const match = /^bytes=(\d+)-(\d+)$/.exec(raw);
  const first = Number(match?.[1]);
  const last = Number(match?.[2]);
  if (!match || first > last) return MALFORMED_RANGE;
  if (last >= size) return `Range specified is not valid for source object of size: ${size}`;
  return { first, last };
}

export function s3Copy(store: CopyStore, copySourceLimit = S3_COPY_SOURCE_LIMIT): Middleware {
  /** The source's size, or undefined after answering NoSuchBucket / NoSuchKey. */
  async function sourceSize(ctx: KoaContext, source: ObjectRef): Promise<number | undefined> {
    if (!(await store.getBucket(source.bucket))) {
      fail(ctx, 404, 'NoSuchBucket', 'The specified bucket does not exist');
      return undefined;
    }
    const found = await stat(store.getResourcePath(source.bucket, source.key, 'object')).catch(
      () => undefined,
    );
    if (!found?.isFile()) fail(ctx, 404, 'NoSuchKey', 'The specified key does not exist.');
    return found?.isFile() ? found.size : undefined;
  }

  async function copyObject(ctx: KoaContext, source: ObjectRef, next: () => Promise<void>) {
    const directive = header(ctx, 'x-amz-metadata-directive');
    if (directive !== undefined && directive !== 'COPY' && directive !== 'REPLACE') {
      return fail(ctx, 400, 'InvalidArgument', 'Unknown metadata directive.');
    }
    const size = await sourceSize(ctx, source);
    if (size === undefined) return;
    if (size > copySourceLimit) {
      return fail(
        ctx,
        400,
        'InvalidRequest',
        `The specified copy source is larger than the maximum allowable size for a copy source: ${copySourceLimit}`,
      );
    }
    // What s3rver's decodeURI gives back unchanged.
    ctx.req.headers['x-amz-copy-source'] = encodeURI(`${source.bucket}/${source.key}`);
    await next();
    const { bucket, key } = target(ctx);
    const result = (ctx.body as { CopyObjectResult?: { LastModified?: string } } | undefined)
      ?.CopyObjectResult;
    if (ctx.status !== 200 || !result || bucket !== source.bucket || key !== source.key) return;
    // S3 stores a new object version; LastModified has one-second resolution on the wire.
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    await utimes(store.getResourcePath(bucket, key, 'object'), now, now);
    result.LastModified = now.toISOString();
  }

  async function uploadPartCopy(ctx: KoaContext, source: ObjectRef, uploadId: string) {
    const size = await sourceSize(ctx, source);
    if (size === undefined) return;
    const range = partRange(header(ctx, 'x-amz-copy-source-range'), size);
    if (typeof range === 'string') return fail(ctx, 400, 'InvalidArgument', range);
    const { bucket } = target(ctx);
    const partNumber = Number(ctx.query['partNumber']);
    const uploadDir = path.join(store.getResourcePath(bucket, undefined, 'uploads'), uploadId);
    const algorithm = await readFile(path.join(uploadDir, ALGORITHM_FILE), 'utf8').catch(() => '');
    let crc = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        crc = crc32(chunk, crc);
        done(null, chunk);
      },
    });
    const bytes =
      range.last < range.first
        ? Readable.from([])
        : createReadStream(store.getResourcePath(source.bucket, source.key, 'object'), {
            start: range.first,
            end: range.last,
          });
    // A read error must fail the part, not leave it waiting for an end that never comes.
    bytes.on('error', (error: Error) => counted.destroy(error));
    const { md5 } = await store.putPart(bucket, uploadId, partNumber, bytes.pipe(counted));
    let checksum = '';
    if (algorithm === 'CRC32') {
      await writeFile(path.join(uploadDir, partChecksumFile(partNumber)), crc32Text(crc));
      checksum = `<ChecksumCRC32>${crc32Text(crc)}</ChecksumCRC32>`;
    }
    ctx.status = 200;
    ctx.type = 'application/xml';
    ctx.body =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<CopyPartResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
      `<LastModified>${new Date().toISOString()}</LastModified><ETag>"${md5}"</ETag>${checksum}` +
      '</CopyPartResult>';
  }

  return async (ctx, next) => {
    const raw = header(ctx, 'x-amz-copy-source');
    if (ctx.method !== 'PUT' || raw === undefined) return next();
    const source = parseCopySource(raw);
    if (source === undefined) {
      return fail(
        ctx,
        400,
        'InvalidArgument',
        'Copy Source must mention the source bucket and key: sourcebucket/sourcekey',
      );
    }
    const uploadId = ctx.query['uploadId'];
    if (typeof uploadId === 'string') return uploadPartCopy(ctx, source, uploadId);
    return copyObject(ctx, source, next);
  };
}
