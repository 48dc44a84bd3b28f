/**
 * Copying an object onto itself to replace its metadata, as re-wrapping a data key does: by
 * CopyObject with `x-amz-metadata-directive: REPLACE`, and by a multipart copy (UploadPartCopy,
 * what objects over 5 GB need) into an upload created with the new metadata. The bytes stay,
 * the user metadata is the new set; S3's refusals for the requests it refuses.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCopyCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import { STACK_CREDENTIALS } from '../../local-aws/identity.js';
import { startS3, type S3Server } from '../../local-aws/s3.js';

const BUCKET = 'copies';
const MIB = 1024 * 1024;
/** Lower than S3's 5 GiB so that the refusal of a too-large CopyObject source shows. */
const COPY_LIMIT = 10 * MIB;
const OLD = { 'x-encrypted-key': 'b2xk', 'x-iv': 'aXY=', keep: 'me' };
const NEW = { 'x-encrypted-key': 'bmV3', 'x-iv': 'aXY=' };

let server: S3Server;
let s3: S3Client;

beforeAll(async () => {
  server = await startS3({ buckets: [BUCKET], copySourceLimit: COPY_LIMIT });
  s3 = new S3Client({
    region: 'us-east-1',
    endpoint: server.url,
    forcePathStyle: true,
    credentials: STACK_CREDENTIALS,
    maxAttempts: 1,
  });
});

afterAll(async () => {
  s3?.destroy();
  await server?.close();
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  const error = (await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  )) as Error;
  return { name: error.name, message: error.message };
}

async function put(key: string, body: Buffer, metadata: Record<string, string> = OLD) {
  await s3.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: key,
      Body: body,
      Metadata: metadata,
      ContentType: 'application/octet-stream',
    }),
  );
}

async function read(key: string): Promise<{ metadata: Record<string, string>; sha: string }> {
  const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
  const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  const bytes = await got.Body!.transformToByteArray();
  return { metadata: head.Metadata ?? {}, sha: sha256(bytes) };
}

const copySource = (key: string): string => `${BUCKET}/${encodeURIComponent(key)}`;

describe('CopyObject onto the same object', () => {
  it('with MetadataDirective REPLACE: the new user metadata, the same bytes, a new LastModified', async () => {
    const body = randomBytes(300_000);
    await put('same/a.bin', body);
    const before = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'same/a.bin' }));
    // LastModified has one-second resolution: let a second pass so a change shows.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const copied = await s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'same/a.bin',
        CopySource: copySource('same/a.bin'),
        MetadataDirective: 'REPLACE',
        Metadata: NEW,
        ContentType: 'application/octet-stream',
      }),
    );
    expect(await read('same/a.bin')).toEqual({ metadata: NEW, sha: sha256(body) });
    const after = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'same/a.bin' }));
    expect(after.ETag).toBe(before.ETag);
    expect(after.LastModified!.getTime()).toBeGreaterThan(before.LastModified!.getTime());
    expect(copied.CopyObjectResult?.LastModified?.getTime()).toBe(after.LastModified!.getTime());
    expect(copied.CopyObjectResult?.ETag).toBe(before.ETag);
  });

  it.each([undefined, 'COPY' as const])(
    'refuses a copy onto itself that changes nothing (MetadataDirective %s)',
    async (directive) => {
      await put('same/b.bin', randomBytes(1000));
      const error = await errorOf(
        s3.send(
          new CopyObjectCommand({
            Bucket: BUCKET,
            Key: 'same/b.bin',
            CopySource: copySource('same/b.bin'),
            Metadata: NEW,
            ...(directive ? { MetadataDirective: directive } : {}),
          }),
        ),
      );
      expect(error).toEqual({
        name: 'InvalidRequest',
        message:
          'This copy request is illegal because it is trying to copy an object to itself without ' +
          "changing the object's metadata, storage class, website redirect location or encryption attributes.",
      });
      expect((await read('same/b.bin')).metadata).toEqual(OLD);
    },
  );

  it('refuses a metadata directive other than COPY or REPLACE', async () => {
    await put('same/c.bin', randomBytes(1000));
    const error = await errorOf(
      s3.send(
        new CopyObjectCommand({
          Bucket: BUCKET,
          Key: 'same/c.bin',
          CopySource: copySource('same/c.bin'),
          Metadata: NEW,
          MetadataDirective: 'replace' as 'REPLACE',
        }),
      ),
    );
    expect(error).toEqual({ name: 'InvalidArgument', message: 'Unknown metadata directive.' });
    expect((await read('same/c.bin')).metadata).toEqual(OLD);
  });

  it.each([
    ['with %2F for each slash', (key: string) => `${BUCKET}/${encodeURIComponent(key)}`],
    ['with plain slashes', (key: string) => `${BUCKET}/${key}`],
    ['with a leading slash', (key: string) => `/${BUCKET}/${encodeURI(key)}`],
  ])(
    'copies to another key keeping the metadata (COPY, the default), source %s',
    async (_label, source) => {
      const body = randomBytes(2000);
      await put('same/d e+f.bin', body);
      await s3.send(
        new CopyObjectCommand({
          Bucket: BUCKET,
          Key: 'other/d.bin',
          CopySource: source('same/d e+f.bin'),
        }),
      );
      expect(await read('other/d.bin')).toEqual({ metadata: OLD, sha: sha256(body) });
    },
  );

  it('refuses a copy source that names no key', async () => {
    const error = await errorOf(
      s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'other/e.bin', CopySource: BUCKET })),
    );
    expect(error).toEqual({
      name: 'InvalidArgument',
      message: 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey',
    });
  });
});

/** A multipart copy of `key` onto itself in parts of `partSize`, with `metadata` as the new set. */
async function multipartCopy(
  key: string,
  size: number,
  partSize: number,
  checksum?: 'CRC32',
): Promise<void> {
  const { UploadId } = await s3.send(
    new CreateMultipartUploadCommand({
      Bucket: BUCKET,
      Key: key,
      Metadata: NEW,
      ContentType: 'application/octet-stream',
      ...(checksum ? { ChecksumAlgorithm: checksum } : {}),
    }),
  );
  const parts: CompletedPart[] = [];
  for (let first = 0, number = 1; first < size; first += partSize, number++) {
    const last = Math.min(size, first + partSize) - 1;
    const out = await s3.send(
      new UploadPartCopyCommand({
        Bucket: BUCKET,
        Key: key,
        UploadId,
        PartNumber: number,
        CopySource: copySource(key),
        CopySourceRange: `bytes=${first}-${last}`,
      }),
    );
    expect(out.CopyPartResult?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    parts.push({
      PartNumber: number,
      ETag: out.CopyPartResult!.ETag!,
      ...(checksum ? { ChecksumCRC32: out.CopyPartResult!.ChecksumCRC32! } : {}),
    });
  }
  await s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: BUCKET,
      Key: key,
      UploadId,
      MultipartUpload: { Parts: parts },
    }),
  );
}

describe('multipart copy (UploadPartCopy) onto the same object', () => {
  it('replaces the metadata with the upload’s and keeps every byte, in ranged parts', async () => {
    const size = 12 * MIB + 12_345;
    const body = randomBytes(size);
    await put('big/a.bin', body);
    // Over the copy limit, CopyObject is refused as S3 refuses sources over 5 GiB.
    const tooLarge = await errorOf(
      s3.send(
        new CopyObjectCommand({
          Bucket: BUCKET,
          Key: 'big/a.bin',
          CopySource: copySource('big/a.bin'),
          MetadataDirective: 'REPLACE',
          Metadata: NEW,
        }),
      ),
    );
    expect(tooLarge).toEqual({
      name: 'InvalidRequest',
      message: `The specified copy source is larger than the maximum allowable size for a copy source: ${COPY_LIMIT}`,
    });
    await multipartCopy('big/a.bin', size, 5 * MIB);
    expect(await read('big/a.bin')).toEqual({ metadata: NEW, sha: sha256(body) });
  });

  it('returns each part’s CRC32 when the upload was created with ChecksumAlgorithm CRC32', async () => {
    const size = 6 * MIB;
    const body = randomBytes(size);
    await put('big/b.bin', body);
    await multipartCopy('big/b.bin', size, 5 * MIB, 'CRC32');
    expect(await read('big/b.bin')).toEqual({ metadata: NEW, sha: sha256(body) });
  });

  it('copies the whole source as one part when no range is given', async () => {
    const body = randomBytes(70_000);
    await put('big/c.bin', body);
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'big/c.bin', Metadata: NEW }),
    );
    const out = await s3.send(
      new UploadPartCopyCommand({
        Bucket: BUCKET,
        Key: 'big/c.bin',
        UploadId,
        PartNumber: 1,
        CopySource: copySource('big/c.bin'),
      }),
    );
    expect(out.CopyPartResult?.ETag).toBe(`"${createHash('md5').update(body).digest('hex')}"`);
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: 'big/c.bin',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: out.CopyPartResult!.ETag! }] },
      }),
    );
    expect(await read('big/c.bin')).toEqual({ metadata: NEW, sha: sha256(body) });
  });

  it('refuses malformed and out-of-bounds ranges, a missing source and an unknown upload', async () => {
    await put('big/d.bin', randomBytes(1000));
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'big/d.bin', Metadata: NEW }),
    );
    const copy = (input: { range?: string; source?: string; uploadId?: string }) =>
      errorOf(
        s3.send(
          new UploadPartCopyCommand({
            Bucket: BUCKET,
            Key: 'big/d.bin',
            UploadId: input.uploadId ?? UploadId,
            PartNumber: 1,
            CopySource: input.source ?? copySource('big/d.bin'),
            ...(input.range ? { CopySourceRange: input.range } : {}),
          }),
        ),
      );
    const malformed = {
      name: 'InvalidArgument',
      message:
        'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
    };
    for (const range of ['0-99', 'bytes=5-', 'bytes=-5', 'bytes=0-1,2-3', 'bytes=9-3']) {
      expect({ range, error: await copy({ range }) }).toEqual({ range, error: malformed });
    }
    expect(await copy({ range: 'bytes=0-1000' })).toEqual({
      name: 'InvalidArgument',
      message: 'Range specified is not valid for source object of size: 1000',
    });
    expect((await copy({ source: copySource('big/missing.bin') })).name).toBe('NoSuchKey');
    expect((await copy({ source: 'no-such-bucket/x' })).name).toBe('NoSuchBucket');
    expect((await copy({ uploadId: 'ab'.repeat(16) })).name).toBe('NoSuchUpload');
  });
});
