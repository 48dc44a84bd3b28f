import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { s3Error } from '../support/s3-answers.js';
import { decideUpload } from '../../src/upload/if-exists.js';
import type { MediaFile } from '../../src/files/listing.js';
import { METADATA } from '../../src/upload/object-metadata.js';

const s3 = new S3Client({ region: 'us-east-1' });
const s3Mock = mockClient(s3);
const BODY = Buffer.from('plaintext of the master, 40 bytes long..');
const SHA = createHash('sha256').update(BODY).digest('hex');
const IV = 'LrGuRi1J+wDXgwZp4TuhMg==';
const KEY = 'Q'.repeat(248);
let dir: string;
let file: MediaFile;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'if-exists-'));
  await writeFile(path.join(dir, 'a.mov'), BODY);
  file = {
    absolutePath: path.join(dir, 'a.mov'),
    relativePath: 'masters/a.mov',
    bytes: BODY.length,
    bucket: 'media-in',
    key: 'enc/masters/a.mov',
  };
});
afterAll(async () => rm(dir, { recursive: true, force: true }));
beforeEach(() => {
  s3Mock.reset();
});

const config = (ifExists: 'overwrite' | 'skip' | 'fail', mode = 'AES_CTR' as const) => ({
  ifExists,
  mode,
  region: 'us-east-1',
});

function stored(changes: Record<string, string> = {}, contentLength = BODY.length) {
  return {
    ContentLength: contentLength,
    Metadata: {
      [METADATA.mode]: 'AES_CTR',
      [METADATA.iv]: IV,
      [METADATA.key]: KEY,
      [METADATA.region]: 'us-east-1',
      [METADATA.sha256]: SHA,
      [METADATA.bytes]: String(BODY.length),
      ...changes,
    },
  };
}

describe('decideUpload', () => {
  test('overwrite uploads without asking S3', async () => {
    expect(await decideUpload(file, config('overwrite'), s3)).toEqual({ upload: true });
    expect(s3Mock.calls()).toHaveLength(0);
  });

  test('fail: an existing object fails the file, naming it and the object', async () => {
    s3Mock.on(HeadObjectCommand).resolves(stored());
    await expect(decideUpload(file, config('fail'), s3)).rejects.toThrow(
      'masters/a.mov: s3://media-in/enc/masters/a.mov already exists and if-exists is fail',
    );
  });

  test('fail: no object, upload', async () => {
    s3Mock.on(HeadObjectCommand).rejects(s3Error(404));
    expect(await decideUpload(file, config('fail'), s3)).toEqual({ upload: true });
  });

  test('skip: no object, upload with the hash for the metadata', async () => {
    s3Mock.on(HeadObjectCommand).rejects(s3Error(404));
    expect(await decideUpload(file, config('skip'), s3)).toEqual({
      upload: true,
      plaintextSha256: SHA,
    });
  });

  test('skip: same plaintext, size and mode: the result comes from the metadata', async () => {
    s3Mock.on(HeadObjectCommand).resolves(stored());
    expect(await decideUpload(file, config('skip'), s3)).toEqual({
      upload: false,
      result: {
        relativePath: 'masters/a.mov',
        bytes: BODY.length,
        plaintextSha256: SHA,
        s3Uri: 's3://media-in/enc/masters/a.mov',
        decryption: {
          DecryptionMode: 'AES_CTR',
          EncryptedDecryptionKey: KEY,
          InitializationVector: IV,
        },
        skipped: true,
      },
    });
    expect(s3Mock.commandCalls(HeadObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'media-in',
      Key: 'enc/masters/a.mov',
    });
  });

  test.each([
    ['another hash', stored({ [METADATA.sha256]: 'ab'.repeat(32) }), 'the file changed'],
    ['another size', stored({ [METADATA.bytes]: '41' }), 'the file changed'],
    ['no hash', stored({ [METADATA.sha256]: '' }), 'no plaintext SHA-256'],
    ['another mode', stored({ [METADATA.mode]: 'AES_CBC' }), 'encrypted with AES_CBC'],
    ['no IV', stored({ [METADATA.iv]: '' }), 'incomplete'],
    ['a truncated object', stored({}, 12), 'its size is 12 bytes'],
  ])('skip: an object with %s is replaced', async (_, head, why) => {
    s3Mock.on(HeadObjectCommand).resolves(head);
    const decision = await decideUpload(file, config('skip'), s3);
    expect(decision).toMatchObject({ upload: true, plaintextSha256: SHA });
    expect(decision.upload && decision.replacing).toContain(why);
  });

  test('a refused HeadObject fails the file and says which permissions if-exists needs', async () => {
    s3Mock.on(HeadObjectCommand).rejects(s3Error(403));
    await expect(decideUpload(file, config('skip'), s3)).rejects.toThrow(
      /checking s3:\/\/media-in\/enc\/masters\/a\.mov \(if-exists\) failed: .*s3:GetObject.*s3:ListBucket/,
    );
  });
});
