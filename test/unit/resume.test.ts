/** Resume's parts, each against mocked S3 and MediaConvert (the whole: test/integration/kill-resume). */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AbortMultipartUploadCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  ListJobsCommand,
  MediaConvertClient,
  type CreateJobCommandInput,
  type InputDecryptionSettings,
  type Job,
} from '@aws-sdk/client-mediaconvert';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import type { MediaFile } from '../../src/files/listing.js';
import { findEarlierJobs } from '../../src/job/earlier-jobs.js';
import { readResumeManifest } from '../../src/host/resume-manifest.js';
import { journalEntries } from '../../src/pipeline/resume.js';
import { earlierObject } from '../../src/upload/earlier-object.js';
import { METADATA } from '../../src/upload/object-metadata.js';
import { abortStaleUploads, listStaleUploads } from '../../src/upload/stale-uploads.js';
import { FakeLogger } from '../support/logger.js';

const s3 = new S3Client({ region: 'us-east-1' });
const s3Mock = mockClient(s3);
const mc = new MediaConvertClient({ region: 'us-east-1' });
const mcMock = mockClient(mc);
const RUN = '0123456789abcdef0123456789abcdef';
const OTHER_RUN = 'f'.repeat(32);
const BODY = Buffer.from('plaintext of the master, 40 bytes long..');
const SHA = createHash('sha256').update(BODY).digest('hex');
const IV = 'LrGuRi1J+wDXgwZp4TuhMg==';
const KEY = 'Q'.repeat(248);
const DECRYPTION: InputDecryptionSettings = {
  DecryptionMode: 'AES_CTR',
  EncryptedDecryptionKey: KEY,
  InitializationVector: IV,
};
const CONFIG = { mode: 'AES_CTR', region: 'us-east-1' } as const;
let dir: string;
let file: MediaFile;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'resume-'));
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
  mcMock.reset();
});

/** The object an earlier attempt of RUN completed, as HeadObject shows it (CTR: same size). */
function stored(changes: Record<string, string | undefined> = {}, contentLength = BODY.length) {
  const metadata: Record<string, string | undefined> = {
    [METADATA.mode]: 'AES_CTR',
    [METADATA.iv]: IV,
    [METADATA.key]: KEY,
    [METADATA.region]: 'us-east-1',
    [METADATA.bytes]: String(BODY.length),
    [METADATA.run]: RUN,
    ...changes,
  };
  const Metadata = Object.fromEntries(
    Object.entries(metadata).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return { ContentLength: contentLength, LastModified: new Date(1_700_000_000_000), Metadata };
}

describe('earlierObject', () => {
  test('an object of this run with the plaintext SHA-256 of the file: done, not uploaded', async () => {
    s3Mock.on(HeadObjectCommand).resolves(stored({ [METADATA.sha256]: SHA }));
    const found = await earlierObject(file, CONFIG, s3, RUN);
    expect(found).toEqual({
      result: {
        relativePath: 'masters/a.mov',
        bytes: BODY.length,
        plaintextSha256: SHA,
        s3Uri: 's3://media-in/enc/masters/a.mov',
        decryption: DECRYPTION,
        resumed: true,
      },
      lastModified: new Date(1_700_000_000_000),
      checked: 'sha256',
    });
  });

  test.each([
    ['another SHA-256 (the file changed)', stored({ [METADATA.sha256]: '0'.repeat(64) })],
    ['another run', stored({ [METADATA.run]: OTHER_RUN })],
    ['no run (another tool, or before resume)', stored({ [METADATA.run]: undefined })],
    ['another size', stored({}, BODY.length + 16)],
    ['another plaintext size', stored({ [METADATA.bytes]: '41' })],
    ['another mode', stored({ [METADATA.mode]: 'AES_CBC' })],
  ])('an object with %s is uploaded again', async (_why, head) => {
    s3Mock.on(HeadObjectCommand).resolves(head);
    expect(await earlierObject(file, CONFIG, s3, RUN)).toBeUndefined();
  });

  test('no object: uploaded', async () => {
    s3Mock.on(HeadObjectCommand).rejects(
      new S3ServiceException({
        name: 'NotFound',
        $fault: 'client',
        $metadata: { httpStatusCode: 404 },
      }),
    );
    expect(await earlierObject(file, CONFIG, s3, RUN)).toBeUndefined();
  });

  test('without a SHA-256 on the object the journal’s stands in, for the same upload only', async () => {
    s3Mock.on(HeadObjectCommand).resolves(stored());
    const same = { plaintextSha256: SHA, decryption: DECRYPTION };
    expect(await earlierObject(file, CONFIG, s3, RUN, same)).toMatchObject({ checked: 'sha256' });
    const changed = { plaintextSha256: '0'.repeat(64), decryption: DECRYPTION };
    expect(await earlierObject(file, CONFIG, s3, RUN, changed)).toBeUndefined();
    // A journal entry of another upload (another IV) says nothing of this object.
    const other = { ...changed, decryption: { ...DECRYPTION, InitializationVector: 'x' } };
    expect(await earlierObject(file, CONFIG, s3, RUN, other)).toMatchObject({ checked: 'size' });
  });
});

describe('earlierObject, a multipart object: the SHA-256 of its first bytes', () => {
  const headOf = (bytes: number, body: Buffer = BODY) =>
    `${bytes}:${createHash('sha256').update(body.subarray(0, bytes)).digest('hex')}`;

  test('the same first bytes: done, and the log can say how it was matched', async () => {
    s3Mock.on(HeadObjectCommand).resolves(stored({ [METADATA.head]: headOf(25) }));
    expect(await earlierObject(file, CONFIG, s3, RUN)).toMatchObject({
      result: { plaintextSha256: SHA, resumed: true },
      checked: { head: 25 },
    });
  });

  test('a file rewritten with the same size is uploaded again', async () => {
    // What the object holds: another plaintext of the same 40 bytes.
    const other = Buffer.from(BODY.toString().replace('master', 'MASTER'));
    s3Mock.on(HeadObjectCommand).resolves(stored({ [METADATA.head]: headOf(25, other) }));
    expect(await earlierObject(file, CONFIG, s3, RUN)).toBeUndefined();
  });

  test('the whole file as its first bytes, and a cut at a chunk edge, are read right', async () => {
    for (const bytes of [1, BODY.length]) {
      s3Mock.reset();
      s3Mock.on(HeadObjectCommand).resolves(stored({ [METADATA.head]: headOf(bytes) }));
      expect(await earlierObject(file, CONFIG, s3, RUN)).toMatchObject({
        checked: { head: bytes },
      });
    }
  });

  test('a journal entry of the same upload outranks it: the whole SHA-256 is compared', async () => {
    s3Mock.on(HeadObjectCommand).resolves(stored({ [METADATA.head]: `25:${'0'.repeat(64)}` }));
    const journal = { plaintextSha256: SHA, decryption: DECRYPTION };
    expect(await earlierObject(file, CONFIG, s3, RUN, journal)).toMatchObject({
      checked: 'sha256',
    });
  });
});

describe('stale uploads', () => {
  test('lists every page and keeps the uploads at the run’s keys only', async () => {
    s3Mock
      .on(ListMultipartUploadsCommand)
      .resolvesOnce({
        IsTruncated: true,
        NextKeyMarker: 'enc/b',
        NextUploadIdMarker: 'u2',
        Uploads: [
          { Key: 'enc/a', UploadId: 'u1' },
          { Key: 'enc/b', UploadId: 'u2' },
        ],
      })
      .resolvesOnce({ IsTruncated: false, Uploads: [{ Key: 'enc/c', UploadId: 'u3' }] });
    const stale = await listStaleUploads(s3, 'media-in', 'enc/', new Set(['enc/a', 'enc/c']));
    expect(stale).toEqual([
      { key: 'enc/a', uploadId: 'u1' },
      { key: 'enc/c', uploadId: 'u3' },
    ]);
    expect(s3Mock.commandCalls(ListMultipartUploadsCommand)[1]!.args[0].input).toMatchObject({
      Prefix: 'enc/',
      KeyMarker: 'enc/b',
      UploadIdMarker: 'u2',
    });
  });

  test('an upload that cannot be aborted is a problem line that says where it stays', async () => {
    s3Mock.on(AbortMultipartUploadCommand, { UploadId: 'u1' }).resolves({});
    s3Mock.on(AbortMultipartUploadCommand, { UploadId: 'u2' }).rejects(new Error('Access Denied'));
    const problems = await abortStaleUploads(s3, 'media-in', [
      { key: 'enc/a', uploadId: 'u1' },
      { key: 'enc/b', uploadId: 'u2' },
    ]);
    expect(problems).toEqual([
      'the incomplete upload u2 of s3://media-in/enc/b an earlier attempt left could not be aborted (Access Denied); it stays until an AbortIncompleteMultipartUpload lifecycle rule removes it',
    ]);
  });
});

describe('findEarlierJobs', () => {
  const request = (token: string): CreateJobCommandInput => ({
    Role: 'arn:aws:iam::123456789012:role/R',
    Settings: {},
    ClientRequestToken: token,
  });
  const job = (id: string, token: string, extra: Partial<Job> = {}): Job => ({
    Id: id,
    Arn: `arn:${id}`,
    Status: 'PROGRESSING',
    ClientRequestToken: token,
    UserMetadata: { 'mediaconvert-encrypt-run': RUN },
    CreatedAt: new Date(2_000_000),
    Role: 'r',
    Settings: {},
    ...extra,
  });

  test('finds the jobs by token and run, newest first, and stops at the first older than since', async () => {
    const log = new FakeLogger();
    mcMock
      .on(ListJobsCommand)
      .resolvesOnce({
        NextToken: 'page-2',
        Jobs: [
          job('j-new', 't1'),
          job('j-err', 't2', { Status: 'ERROR' }),
          job('j-other-run', 't3', { UserMetadata: { 'mediaconvert-encrypt-run': OTHER_RUN } }),
        ],
      })
      .resolvesOnce({
        NextToken: 'page-3',
        Jobs: [job('j-old-dup', 't1'), job('too-old', 't3', { CreatedAt: new Date(500) })],
      });
    const found = await findEarlierJobs(
      mc,
      [request('t1'), request('t2'), request('t3')],
      RUN,
      new Date(1_000_000),
      log,
    );
    expect([...found.entries()]).toEqual([
      [0, { id: 'j-new', arn: 'arn:j-new', status: 'PROGRESSING', request: request('t1') }],
    ]);
    // The third page is never asked for: the second ended before `since`.
    expect(mcMock).toHaveReceivedCommandTimes(ListJobsCommand, 2);
    expect(log.messages('info')).toEqual([
      'job j-err of an earlier attempt ended ERROR: a new one is created',
    ]);
  });
});

describe('the journal of an earlier attempt', () => {
  const run = { key: RUN, attempt: 2, startedAt: 0, resuming: true };

  test('gives the files of the same run only', () => {
    const file = { s3Uri: 's3://b/k', plaintextSha256: SHA, decryption: DECRYPTION };
    const manifest = { version: 1, run: { key: RUN }, files: [file, { s3Uri: 's3://b/x' }] };
    expect([...journalEntries(manifest, run)]).toEqual([
      ['s3://b/k', { plaintextSha256: SHA, decryption: DECRYPTION }],
    ]);
    expect(journalEntries({ ...manifest, run: { key: OTHER_RUN } }, run).size).toBe(0);
    expect(journalEntries(undefined, run).size).toBe(0);
  });

  test('--resume takes the run of a manifest, one attempt later, and refuses anything else', async () => {
    const good = path.join(dir, 'good.json');
    await writeFile(good, JSON.stringify({ version: 1, run: { key: RUN, attempt: 1 }, files: [] }));
    expect((await readResumeManifest(good, 42)).run).toEqual({
      key: RUN,
      attempt: 2,
      startedAt: 42,
      resuming: true,
    });
    const noRun = path.join(dir, 'no-run.json');
    await writeFile(noRun, JSON.stringify({ version: 1, files: [] }));
    await expect(readResumeManifest(noRun, 0)).rejects.toThrow(
      `Input \`resume\`: '${noRun}' names no run (it was written by a version without resume, or by a dry run); give the manifest of the run to resume`,
    );
    await expect(readResumeManifest(dir, 0)).rejects.toThrow('is not a regular file');
    await expect(readResumeManifest(path.join(dir, 'nope.json'), 0)).rejects.toThrow(
      'cannot be read (ENOENT)',
    );
  });
});
