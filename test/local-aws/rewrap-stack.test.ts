/**
 * What re-wrapping needs from the local stack, done by hand with the SDK: the data key of an
 * uploaded object is re-encrypted to the stack's second key (KMS ReEncrypt, same context), the
 * object's metadata is replaced by a copy onto itself (CopyObject, or a multipart copy when the
 * object is over the copy limit), and a MediaConvert job built from the new metadata decrypts
 * the input with the second key while the first key is disabled.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReEncryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import {
  CreateJobCommand,
  GetJobCommand,
  type MediaConvertClient,
} from '@aws-sdk/client-mediaconvert';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { stackClients } from '../support/clients.js';
import { encrypt, makeClip, mp4JobSettings, type Mode } from '../support/mediaconvert-fixtures.js';
import { MEDIACONVERT_CONTEXT } from '../support/oracle.js';
import { useStack } from '../support/use-stack.js';

const REGION = 'us-east-1';
const KEY = 'mediaconvert-encrypted-decryption-key';
const IV = 'mediaconvert-initialization-vector';
const MODE = 'mediaconvert-decryption-mode';

let s3: S3Client;
let kms: KMSClient;
let mediaconvert: MediaConvertClient;
let clip: Buffer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rewrap-stack-'));
  clip = await makeClip(dir);
}, 30_000);

// The copy limit (S3: 5 GiB) between the CTR object (the clip's size) and the GCM object
// (16 bytes more): the first can be copied by CopyObject, the second needs a multipart copy.
const stack = useStack(() => ({
  region: REGION,
  s3CopySourceLimit: clip.length + 8,
  mediaconvert: { tickMs: 5 },
}));

beforeAll(() => {
  ({ s3, kms, mediaconvert } = stackClients(stack, { maxAttempts: 1 }));
});

afterAll(async () => {
  [s3, kms, mediaconvert].forEach((client) => client?.destroy());
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Encrypts the clip under a data key of the first key and uploads it with its metadata. */
async function upload(key: string, mode: Mode): Promise<Record<string, string>> {
  const dataKey = await kms.send(
    new GenerateDataKeyCommand({
      KeyId: stack.info.kmsKeyArn,
      KeySpec: 'AES_256',
      EncryptionContext: MEDIACONVERT_CONTEXT,
    }),
  );
  const iv = randomBytes(mode === 'AES_GCM' ? 12 : 16);
  const metadata = {
    [MODE]: mode,
    [IV]: iv.toString('base64'),
    [KEY]: Buffer.from(dataKey.CiphertextBlob!).toString('base64'),
  };
  const body = encrypt(mode, dataKey.Plaintext!, iv, clip);
  await s3.send(
    new PutObjectCommand({ Bucket: stack.info.bucket, Key: key, Body: body, Metadata: metadata }),
  );
  return metadata;
}

/** The same metadata with the data key re-encrypted to the second key. */
async function rewrapped(metadata: Record<string, string>): Promise<Record<string, string>> {
  const out = await kms.send(
    new ReEncryptCommand({
      CiphertextBlob: Buffer.from(metadata[KEY]!, 'base64'),
      SourceKeyId: stack.info.kmsKeyArn,
      SourceEncryptionContext: MEDIACONVERT_CONTEXT,
      DestinationKeyId: stack.info.secondKmsKeyArn,
      DestinationEncryptionContext: MEDIACONVERT_CONTEXT,
    }),
  );
  expect(out.KeyId).toBe(stack.info.secondKmsKeyArn);
  return { ...metadata, [KEY]: Buffer.from(out.CiphertextBlob!).toString('base64') };
}

/** Runs a job from the object's stored metadata with the first key disabled. */
async function jobFromStoredMetadata(
  key: string,
): Promise<{ status: string | undefined; error?: string }> {
  const head = await s3.send(new HeadObjectCommand({ Bucket: stack.info.bucket, Key: key }));
  const stored = head.Metadata ?? {};
  stack.kms.setEnabled(stack.info.kmsKeyArn, false);
  try {
    const created = await mediaconvert.send(
      new CreateJobCommand({
        Role: stack.info.roleArn,
        Settings: mp4JobSettings(`s3://${stack.info.bucket}/${key}`, {
          DecryptionMode: stored[MODE]!,
          EncryptedDecryptionKey: stored[KEY]!,
          InitializationVector: stored[IV]!,
        }),
      }),
    );
    await stack.mediaconvert.waitForJob(created.Job!.Id!, 30_000);
    const { Job } = await mediaconvert.send(new GetJobCommand({ Id: created.Job!.Id! }));
    return { status: Job?.Status, ...(Job?.ErrorMessage ? { error: Job.ErrorMessage } : {}) };
  } finally {
    stack.kms.setEnabled(stack.info.kmsKeyArn, true);
  }
}

it('the info file names a second key in the stack’s region', () => {
  expect(stack.info.secondKmsKeyArn).toMatch(/^arn:aws:kms:us-east-1:111122223333:key\//);
  expect(stack.info.secondKmsKeyArn).not.toBe(stack.info.kmsKeyArn);
});

it('a job built from metadata still naming the first key fails while that key is disabled', async () => {
  await upload('rewrap/not-moved.mp4', 'AES_CTR');
  const job = await jobFromStoredMetadata('rewrap/not-moved.mp4');
  expect(job.status).toBe('ERROR');
  expect(job.error).toMatch(/DisabledException/);
}, 60_000);

/** CopyObject of an object onto itself with new metadata; the error name when refused. */
function replaceMetadata(key: string, metadata: Record<string, string>): Promise<string> {
  const bucket = stack.info.bucket;
  return s3
    .send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: key,
        CopySource: `${bucket}/${encodeURIComponent(key)}`,
        MetadataDirective: 'REPLACE',
        Metadata: metadata,
      }),
    )
    .then(
      () => 'copied',
      (error: Error) => error.name,
    );
}

it('moves a data key by CopyObject REPLACE onto the same object; the job completes', async () => {
  const key = 'rewrap/single.mp4';
  const next = await rewrapped(await upload(key, 'AES_CTR'));
  expect(await replaceMetadata(key, next)).toBe('copied');
  const head = await s3.send(new HeadObjectCommand({ Bucket: stack.info.bucket, Key: key }));
  expect(head.Metadata).toEqual(next);
  expect(await jobFromStoredMetadata(key)).toEqual({ status: 'COMPLETE' });
}, 60_000);

it('moves a data key by a multipart copy onto the same object; the job completes', async () => {
  const key = 'rewrap/multipart.mp4';
  const next = await rewrapped(await upload(key, 'AES_GCM'));
  expect(await replaceMetadata(key, next)).toBe('InvalidRequest');
  const bucket = stack.info.bucket;
  const { UploadId } = await s3.send(
    new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, Metadata: next }),
  );
  const part = await s3.send(
    new UploadPartCopyCommand({
      Bucket: bucket,
      Key: key,
      UploadId,
      PartNumber: 1,
      CopySource: `${bucket}/${encodeURIComponent(key)}`,
    }),
  );
  await s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: bucket,
      Key: key,
      UploadId,
      MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.CopyPartResult!.ETag! }] },
    }),
  );
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  expect(head.Metadata).toEqual(next);
  expect(await jobFromStoredMetadata(key)).toEqual({ status: 'COMPLETE' });
}, 60_000);
