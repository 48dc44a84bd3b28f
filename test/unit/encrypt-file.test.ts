import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type UploadPartCommandInput,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { parseConfig, type Config } from '../../src/inputs/config.js';
import { encryptAndUpload, METADATA } from '../../src/upload/encrypt-file.js';
import { FileError } from '../../src/shared/errors.js';
import type { MediaFile } from '../../src/files/listing.js';
import { decrypt } from '../support/oracle.js';
import { MIB } from '../../src/shared/units.js';

const KEY = randomBytes(32);
const BLOB = Buffer.from('encrypted-data-key');
const kms = new KMSClient({ region: 'us-east-1' });
const s3 = new S3Client({ region: 'us-east-1' });
const kmsMock = mockClient(kms);
const s3Mock = mockClient(s3);

let dir: string;
let handedOut: Buffer[];
let parts: Map<number, Buffer>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'encrypt-file-test-'));
  handedOut = [];
  parts = new Map();
  kmsMock.reset();
  s3Mock.reset();
  kmsMock.on(GenerateDataKeyCommand).callsFake(async () => {
    const plaintext = Buffer.from(KEY);
    handedOut.push(plaintext);
    return { Plaintext: plaintext, CiphertextBlob: BLOB };
  });
  s3Mock.on(PutObjectCommand).resolves({ ETag: '"e"' });
  s3Mock.on(CreateMultipartUploadCommand).resolves({ UploadId: 'u1' });
  s3Mock.on(UploadPartCommand).callsFake(async (input: UploadPartCommandInput) => {
    parts.set(input.PartNumber ?? 0, Buffer.from(input.Body as Uint8Array));
    return { ETag: `"p${input.PartNumber}"` };
  });
  s3Mock.on(CompleteMultipartUploadCommand).resolves({ ETag: '"whole"' });
  s3Mock.on(AbortMultipartUploadCommand).resolves({});
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function config(raw: Record<string, string> = {}): Config {
  return parseConfig(
    {
      files: '*',
      'kms-key-arn': 'arn:aws:kms:us-east-1:123456789012:alias/media',
      destination: 's3://media-bucket/in/',
      'create-job': 'false',
      'part-size-mib': '5',
      manifest: path.join(dir, 'm.json'),
      ...raw,
    },
    { AWS_REGION: 'us-east-1' },
  );
}

async function mediaFile(
  name: string,
  data: Buffer,
  listedBytes = data.length,
): Promise<MediaFile> {
  const absolutePath = path.join(dir, name);
  await writeFile(absolutePath, data);
  return {
    absolutePath,
    relativePath: name,
    bytes: listedBytes,
    bucket: 'media-bucket',
    key: `in/${name}`,
  };
}

const joinedParts = (): Buffer =>
  Buffer.concat([...parts.entries()].sort(([a], [b]) => a - b).map(([, p]) => p));

async function fileError(promise: Promise<unknown>): Promise<FileError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileError);
  return error as FileError;
}

describe('encryptAndUpload', () => {
  test('CTR with a 12-byte IV follows the OpenSSL convention: four zero bytes complete the counter', async () => {
    const data = randomBytes(1000);
    const file = await mediaFile('a.mp4', data);
    const result = await encryptAndUpload(file, config({ 'iv-length': '12' }), { kms, s3 });
    const iv = Buffer.from(result.decryption.InitializationVector ?? '', 'base64');
    expect(iv).toHaveLength(12);
    const body = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input.Body as Uint8Array;
    expect(decrypt('AES_CTR', KEY, iv, body)).toEqual(data);
    expect(result).toEqual({
      relativePath: 'a.mp4',
      bytes: 1000,
      plaintextSha256: createHash('sha256').update(data).digest('hex'),
      s3Uri: 's3://media-bucket/in/a.mp4',
      decryption: {
        DecryptionMode: 'AES_CTR',
        EncryptedDecryptionKey: BLOB.toString('base64'),
        InitializationVector: iv.toString('base64'),
      },
    });
  });

  test('the object metadata carries what a job needs, the run and, for one PutObject, the plaintext', async () => {
    const data = randomBytes(10);
    const file = await mediaFile('a.mp4', data);
    const runKey = 'f'.repeat(32);
    const result = await encryptAndUpload(file, config(), { kms, s3, runKey });
    const input = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(input?.Metadata).toEqual({
      [METADATA.mode]: 'AES_CTR',
      [METADATA.iv]: result.decryption.InitializationVector,
      [METADATA.key]: BLOB.toString('base64'),
      [METADATA.region]: 'us-east-1',
      [METADATA.bytes]: '10',
      // Read whole before its only request: its hash is known by then.
      [METADATA.sha256]: createHash('sha256').update(data).digest('hex'),
      [METADATA.run]: runKey,
    });
  });

  test('a multipart upload, whose metadata goes with its first part, has the SHA-256 of what was read by then', async () => {
    const data = randomBytes(6 * MIB);
    const file = await mediaFile('big.mov', data);
    await encryptAndUpload(file, config(), { kms, s3 });
    const metadata = s3Mock.commandCalls(CreateMultipartUploadCommand)[0]?.args[0].input.Metadata;
    expect(metadata?.[METADATA.bytes]).toBe(String(6 * MIB));
    expect(metadata).not.toHaveProperty(METADATA.sha256);
    // At least the first part (5 MiB) was read, not the whole file; the hash is of that much.
    const [bytes, sha] = (metadata?.[METADATA.head] ?? '').split(':');
    expect(Number(bytes)).toBeGreaterThanOrEqual(5 * MIB);
    expect(Number(bytes)).toBeLessThan(6 * MIB);
    expect(sha).toBe(
      createHash('sha256')
        .update(data.subarray(0, Number(bytes)))
        .digest('hex'),
    );
  });

  test('a hash known before the pass goes into the metadata of a multipart upload', async () => {
    const data = randomBytes(6 * MIB);
    const sha = createHash('sha256').update(data).digest('hex');
    const file = await mediaFile('big.mov', data);
    await encryptAndUpload(file, config(), { kms, s3, plaintextSha256: sha });
    const input = s3Mock.commandCalls(CreateMultipartUploadCommand)[0]?.args[0].input;
    expect(input?.Metadata).toMatchObject({
      [METADATA.sha256]: sha,
      [METADATA.bytes]: String(6 * MIB),
    });
  });

  test('a file that no longer has the hash read before fails and its upload is aborted', async () => {
    const file = await mediaFile('big.mov', randomBytes(6 * MIB));
    const error = await fileError(
      encryptAndUpload(file, config(), { kms, s3, plaintextSha256: 'ab'.repeat(32) }),
    );
    expect(error.message).toContain('its SHA-256 differs from the first read');
    expect(s3Mock.commandCalls(AbortMultipartUploadCommand)).toHaveLength(1);
    expect(s3Mock.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);
    expect(handedOut.every((k) => k.every((b) => b === 0))).toBe(true);
  });

  test('a GCM file over several parts decrypts, tag checked, from the joined parts', async () => {
    const data = randomBytes(11 * MIB + 3);
    const file = await mediaFile('big.mxf', data);
    const result = await encryptAndUpload(file, config({ mode: 'gcm' }), { kms, s3 });
    expect(parts.size).toBe(3);
    const ciphertext = joinedParts();
    expect(ciphertext).toHaveLength(data.length + 16);
    const iv = Buffer.from(result.decryption.InitializationVector ?? '', 'base64');
    expect(decrypt('AES_GCM', KEY, iv, ciphertext).equals(data)).toBe(true);
    expect(result.bytes).toBe(data.length);
  });

  test('progress reaches the whole ciphertext size', async () => {
    const seen: number[] = [];
    await encryptAndUpload(await mediaFile('big.mov', randomBytes(6 * MIB)), config(), {
      kms,
      s3,
      onProgress: (n) => seen.push(n),
    });
    expect(Math.max(...seen)).toBe(6 * MIB);
  });

  test('a file that grew after it was listed fails the upload, which is aborted', async () => {
    const file = await mediaFile('growing.mp4', randomBytes(12 * MIB), 5 * MIB);
    const error = await fileError(encryptAndUpload(file, config(), { kms, s3 }));
    expect(error.stage).toBe('upload');
    expect(error.message).toContain(
      'file changed while being read: 5242880 bytes listed, 12582912 read',
    );
    expect(s3Mock).toHaveReceivedCommand(AbortMultipartUploadCommand);
    expect(s3Mock).not.toHaveReceivedCommand(CompleteMultipartUploadCommand);
  });

  test('a data key failure is a FileError at stage "data key" and uploads nothing', async () => {
    kmsMock.reset();
    kmsMock.on(GenerateDataKeyCommand).rejects(new Error('AccessDenied'));
    const error = await fileError(
      encryptAndUpload(await mediaFile('a.mp4', randomBytes(5)), config(), { kms, s3 }),
    );
    expect(error.stage).toBe('data key');
    expect(error.path).toBe('a.mp4');
    expect(s3Mock.calls()).toHaveLength(0);
  });

  test('the plaintext key is zeroed after a successful upload and after a failed one', async () => {
    await encryptAndUpload(await mediaFile('ok.mp4', randomBytes(5)), config(), { kms, s3 });
    s3Mock.on(PutObjectCommand).rejects(new Error('SlowDown'));
    const error = await fileError(
      encryptAndUpload(await mediaFile('bad.mp4', randomBytes(5)), config(), { kms, s3 }),
    );
    expect(error.stage).toBe('upload');
    expect(handedOut).toHaveLength(2);
    for (const key of handedOut) expect(key.every((b) => b === 0)).toBe(true);
  });
});

describe('a file swapped or rewritten after it was listed', () => {
  async function listed(name: string, data: Buffer): Promise<MediaFile> {
    const file = await mediaFile(name, data);
    const { identityOf } = await import('../../src/files/listing.js');
    const { stat } = await import('node:fs/promises');
    return { ...file, listed: identityOf(await stat(file.absolutePath)) };
  }

  async function failure(file: MediaFile): Promise<string> {
    const error = await encryptAndUpload(file, config(), { kms, s3 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileError);
    return (error as Error).message;
  }

  test('swapped for a symbolic link to another file: refused before any byte is sent', async () => {
    const file = await listed('swap.mp4', randomBytes(1024));
    const { rename, symlink } = await import('node:fs/promises');
    await writeFile(path.join(dir, 'elsewhere.bin'), randomBytes(1024));
    await rename(file.absolutePath, path.join(dir, 'moved.mp4'));
    await symlink(path.join(dir, 'elsewhere.bin'), file.absolutePath);
    expect(await failure(file)).toContain('file was replaced since it was listed');
    expect(s3Mock).not.toHaveReceivedCommand(PutObjectCommand);
    expect(s3Mock).not.toHaveReceivedCommand(CreateMultipartUploadCommand);
  });

  test('rewritten in place with the same size while read: the upload is aborted', async () => {
    const file = await listed('torn.mov', randomBytes(12 * MIB));
    // When the upload starts, the first parts have been read: rewrite the file under it.
    s3Mock.on(CreateMultipartUploadCommand).callsFake(async () => {
      await writeFile(file.absolutePath, randomBytes(12 * MIB));
      return { UploadId: 'u1' };
    });
    expect(await failure(file)).toMatch(/file changed while being read \((size, )?mtime/);
    expect(s3Mock).toHaveReceivedCommand(AbortMultipartUploadCommand);
    expect(s3Mock).not.toHaveReceivedCommand(CompleteMultipartUploadCommand);
  });

  test('touched between listing and reading: refused', async () => {
    const file = await listed('touched.mp4', randomBytes(1024));
    const { utimes } = await import('node:fs/promises');
    await utimes(file.absolutePath, new Date(), new Date(Date.now() + 60_000));
    expect(await failure(file)).toContain('file changed since it was listed (mtime');
  });
});
