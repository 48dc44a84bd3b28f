/**
 * The local S3 checks what S3 checks: CRC32 checksums on PutObject and UploadPart, the part
 * checksums on CompleteMultipartUpload, signed payload hashes; and it lists the multipart
 * uploads a run left behind (ListMultipartUploads), as the AWS CLI shows them.
 */
import zlib from 'node:zlib';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { startS3, type S3Server } from '../../local-aws/s3.js';
import { MIB } from '../../src/shared/units.js';
import { startAwsCli, type AwsCli } from '../support/aws-cli.js';
import { s3Client } from '../support/clients.js';

const BUCKET = 'checks';

let server: S3Server;
let s3: S3Client;

beforeAll(async () => {
  server = await startS3({ buckets: [BUCKET] });
  s3 = s3Client(server.url, { maxAttempts: 1 });
});

afterAll(async () => {
  s3?.destroy();
  await server?.close();
});

const crcOf = (bytes: Uint8Array): string => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(zlib.crc32(bytes) >>> 0);
  return out.toString('base64');
};
const WRONG = 'AAAAAA==';

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; status?: number }> {
  const error = (await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  )) as { name: string; $metadata?: { httpStatusCode?: number } };
  return { name: error.name, status: error.$metadata?.httpStatusCode ?? 0 };
}

async function startUpload(key: string): Promise<string> {
  const created = await s3.send(
    new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key, ChecksumAlgorithm: 'CRC32' }),
  );
  return created.UploadId!;
}

async function uploadParts(key: string, uploadId: string, parts: Buffer[]) {
  const done = [];
  for (const [i, Body] of parts.entries()) {
    const out = await s3.send(
      new UploadPartCommand({
        Bucket: BUCKET,
        Key: key,
        UploadId: uploadId,
        PartNumber: i + 1,
        Body,
        ChecksumAlgorithm: 'CRC32',
        ChecksumCRC32: crcOf(Body),
      }),
    );
    done.push({ PartNumber: i + 1, ETag: out.ETag!, ChecksumCRC32: crcOf(Body) });
  }
  return done;
}

async function awsList(cli: AwsCli, prefix: string): Promise<{ Key: string; UploadId: string }[]> {
  const result = await cli.run(
    [
      's3api',
      'list-multipart-uploads',
      '--bucket',
      BUCKET,
      '--prefix',
      prefix,
      '--endpoint-url',
      server.url,
      '--output',
      'json',
    ],
    { AWS_DEFAULT_REGION: 'us-east-1' },
  );
  if (result.code !== 0) throw new Error(`aws failed (${result.code}): ${result.stderr}`);
  // With no upload to show the CLI prints nothing at all.
  const listed = JSON.parse(result.stdout || '{}') as {
    Uploads?: { Key: string; UploadId: string }[];
  };
  return (listed.Uploads ?? []).map(({ Key, UploadId }) => ({ Key, UploadId }));
}

describe('PutObject', () => {
  test('a right CRC32 is accepted and echoed', async () => {
    const Body = Buffer.from('some ciphertext');
    const out = await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'ok', Body, ChecksumCRC32: crcOf(Body) }),
    );
    expect(out.ChecksumCRC32).toBe(crcOf(Body));
  });

  test('a wrong CRC32 is refused with BadDigest and stores nothing', async () => {
    const put = s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'bad', Body: 'bytes', ChecksumCRC32: WRONG }),
    );
    expect(await errorOf(put)).toEqual({ name: 'BadDigest', status: 400 });
    expect(await errorOf(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'bad' })))).toEqual({
      name: 'NoSuchKey',
      status: 404,
    });
  });

  test('a signed payload hash that does not match the body is refused', async () => {
    const lying = s3Client(server.url, { maxAttempts: 1 });
    // Set before signing, so the signature is valid and only the hash is wrong.
    lying.middlewareStack.add(
      (next) => (args) => {
        (args.request as { headers: Record<string, string> }).headers['x-amz-content-sha256'] =
          '0'.repeat(64);
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'high' },
    );
    const put = lying.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'hash', Body: 'bytes' }));
    expect(await errorOf(put)).toEqual({ name: 'XAmzContentSHA256Mismatch', status: 400 });
    lying.destroy();
  });
});

describe('multipart', () => {
  const parts = [Buffer.alloc(5 * MIB, 1), Buffer.from('last part')];

  test('a part with a wrong CRC32 is refused with BadDigest', async () => {
    const uploadId = await startUpload('part-bad');
    const send = s3.send(
      new UploadPartCommand({
        Bucket: BUCKET,
        Key: 'part-bad',
        UploadId: uploadId,
        PartNumber: 1,
        Body: parts[1]!,
        ChecksumCRC32: WRONG,
      }),
    );
    expect(await errorOf(send)).toEqual({ name: 'BadDigest', status: 400 });
    await s3.send(
      new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: 'part-bad', UploadId: uploadId }),
    );
  });

  test('Complete checks every part checksum against the stored part', async () => {
    const key = 'complete';
    const uploadId = await startUpload(key);
    const done = await uploadParts(key, uploadId, parts);
    const complete = (Parts: typeof done) =>
      s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: BUCKET,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts },
        }),
      );
    expect(await errorOf(complete([{ ...done[0]!, ChecksumCRC32: WRONG }, done[1]!]))).toEqual({
      name: 'InvalidPart',
      status: 400,
    });
    const withoutChecksums = done.map(({ PartNumber, ETag }) => ({ PartNumber, ETag }));
    expect(await errorOf(complete(withoutChecksums as typeof done))).toEqual({
      name: 'InvalidRequest',
      status: 400,
    });
    await complete(done);
    const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    const bytes = Buffer.from(await object.Body!.transformToByteArray());
    expect(bytes.equals(Buffer.concat(parts))).toBe(true);
  });

  test('ListMultipartUploads (aws s3api) shows an unfinished upload until it is aborted', async () => {
    const left = await startUpload('left/behind.mp4');
    await uploadParts('left/behind.mp4', left, [parts[1]!]);
    const finished = await startUpload('left/finished.mp4');
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: 'left/finished.mp4',
        UploadId: finished,
        MultipartUpload: { Parts: await uploadParts('left/finished.mp4', finished, [parts[1]!]) },
      }),
    );
    const cli = startAwsCli();
    try {
      expect(await awsList(cli, 'left/')).toEqual([{ Key: 'left/behind.mp4', UploadId: left }]);
      await s3.send(
        new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: 'left/behind.mp4', UploadId: left }),
      );
      expect(await awsList(cli, 'left/')).toEqual([]);
    } finally {
      await cli.close();
    }
  });
});
