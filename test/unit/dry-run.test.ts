/**
 * `dry-run: true`: the plan's per-file decision (upload, skip, fail) from HeadObject and the
 * file's hash, and the totals that follow from it: bytes, data keys and jobs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { parseConfig, type Config } from '../../src/inputs/config.js';
import type { MediaFile } from '../../src/files/listing.js';
import type { JobPlan } from '../../src/job/request.js';
import { planDryRun } from '../../src/pipeline/dry-run.js';
import { METADATA } from '../../src/upload/object-metadata.js';
import { s3Error } from '../support/s3-answers.js';

const KMS_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const BUCKET = 'media-in';
const s3 = new S3Client({ region: 'us-east-1' });
const s3Mock = mockClient(s3);

/** Three masters of different sizes, so that every total says which files it counted. */
const BODIES = {
  'a.mov': Buffer.from('master a, eighteen'),
  'b.mov': Buffer.from('master b, a little longer: 35 bytes'),
  'c.mov': Buffer.from('master c'),
};
type Name = keyof typeof BODIES;
let dir: string;
const files: MediaFile[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dry-run-'));
  for (const [name, body] of Object.entries(BODIES)) {
    await writeFile(path.join(dir, name), body);
    files.push({
      absolutePath: path.join(dir, name),
      relativePath: `masters/${name}`,
      bytes: body.length,
      bucket: BUCKET,
      key: `enc/masters/${name}`,
    });
  }
});
afterAll(async () => rm(dir, { recursive: true, force: true }));
beforeEach(() => {
  s3Mock.reset();
});

function config(inputs: Record<string, string> = {}): Config {
  return parseConfig(
    {
      files: 'masters/*.mov',
      'kms-key-arn': KMS_ARN,
      destination: `s3://${BUCKET}/enc/`,
      'create-job': 'false',
      'dry-run': 'true',
      ...inputs,
    },
    { AWS_REGION: 'us-east-1', RUNNER_TEMP: '/tmp/runner' },
  );
}

function jobPlan(layout: JobPlan['layout']): JobPlan {
  return {
    base: { Role: 'arn:aws:iam::123456789012:role/MediaConvertRole', Settings: {} },
    inputTemplate: {},
    layout,
    notes: [],
  };
}

/** What HeadObject finds for a file this very plaintext was uploaded from, in AES_CTR. */
function sameObject(name: Name) {
  const body = BODIES[name];
  return {
    ContentLength: body.length,
    Metadata: {
      [METADATA.mode]: 'AES_CTR',
      [METADATA.iv]: 'LrGuRi1J+wDXgwZp4TuhMg==',
      [METADATA.key]: 'Q'.repeat(248),
      [METADATA.region]: 'us-east-1',
      [METADATA.sha256]: createHash('sha256').update(body).digest('hex'),
      [METADATA.bytes]: String(body.length),
    },
  };
}

const keyOf = (name: Name): string => `enc/masters/${name}`;
const actions = (plan: Awaited<ReturnType<typeof planDryRun>>) =>
  Object.fromEntries(plan.files.map((f) => [f.path, f.action]));

describe('if-exists: overwrite', () => {
  test('every file is uploaded, with no request; one data key a file', async () => {
    const plan = await planDryRun(files, config(), undefined, s3);
    expect(s3Mock.calls()).toHaveLength(0);
    expect(plan).toEqual({
      files: files.map((f) => ({
        path: f.relativePath,
        bytes: f.bytes,
        s3Uri: `s3://${BUCKET}/${f.key}`,
        action: 'upload',
      })),
      bytes: 18 + 35 + 8,
      uploadBytes: 18 + 35 + 8,
      dataKeys: 3,
      jobs: 0,
    });
  });
});

describe('if-exists: skip', () => {
  test('an object holding this plaintext is skipped; a missing or changed one is uploaded', async () => {
    s3Mock.on(HeadObjectCommand, { Key: keyOf('a.mov') }).resolves(sameObject('a.mov'));
    s3Mock.on(HeadObjectCommand, { Key: keyOf('b.mov') }).rejects(s3Error(404));
    // c's object was made from b's bytes: its hash and size differ from c's.
    s3Mock.on(HeadObjectCommand, { Key: keyOf('c.mov') }).resolves(sameObject('b.mov'));
    const plan = await planDryRun(files, config({ 'if-exists': 'skip' }), undefined, s3);
    expect(actions(plan)).toEqual({
      'masters/a.mov': 'skip',
      'masters/b.mov': 'upload',
      'masters/c.mov': 'upload',
    });
    expect(plan.bytes).toBe(18 + 35 + 8);
    expect(plan.uploadBytes).toBe(35 + 8);
    expect(plan.dataKeys).toBe(2);
    expect(s3Mock.commandCalls(HeadObjectCommand)).toHaveLength(3);
  });

  test('every file unchanged: nothing to upload, no data key, and still a job per file', async () => {
    for (const name of Object.keys(BODIES) as Name[]) {
      s3Mock.on(HeadObjectCommand, { Key: keyOf(name) }).resolves(sameObject(name));
    }
    const plan = await planDryRun(files, config({ 'if-exists': 'skip' }), jobPlan('per-file'), s3);
    expect(Object.values(actions(plan))).toEqual(['skip', 'skip', 'skip']);
    expect([plan.uploadBytes, plan.dataKeys, plan.jobs]).toEqual([0, 0, 3]);
  });
});

describe('if-exists: fail', () => {
  test('an existing object fails its file with the reason, without the path in front', async () => {
    s3Mock.on(HeadObjectCommand).rejects(s3Error(404));
    s3Mock.on(HeadObjectCommand, { Key: keyOf('b.mov') }).resolves(sameObject('b.mov'));
    const plan = await planDryRun(files, config({ 'if-exists': 'fail' }), undefined, s3);
    expect(actions(plan)).toEqual({
      'masters/a.mov': 'upload',
      'masters/b.mov': 'fail',
      'masters/c.mov': 'upload',
    });
    const failed = plan.files.find((f) => f.action === 'fail')!;
    expect(failed.reason).toMatch(/^s3:\/\/media-in\/enc\/masters\/b\.mov already exists/);
    expect([plan.uploadBytes, plan.dataKeys]).toEqual([18 + 8, 2]);
  });

  test('a HeadObject that is refused fails the file, saying which check failed', async () => {
    s3Mock.on(HeadObjectCommand).rejects(s3Error(404));
    s3Mock.on(HeadObjectCommand, { Key: keyOf('c.mov') }).rejects(s3Error(403));
    const plan = await planDryRun(files, config({ 'if-exists': 'fail' }), undefined, s3);
    const failed = plan.files.filter((f) => f.action === 'fail');
    expect(failed.map((f) => f.path)).toEqual(['masters/c.mov']);
    expect(failed[0]!.reason).toContain('checking s3://media-in/enc/masters/c.mov (if-exists)');
  });
});

describe('jobs the run would create', () => {
  beforeEach(() => {
    s3Mock.on(HeadObjectCommand).rejects(s3Error(404));
    s3Mock.on(HeadObjectCommand, { Key: keyOf('a.mov') }).resolves(sameObject('a.mov'));
  });

  test('per-file: one for each file that would not fail', async () => {
    const plan = await planDryRun(files, config({ 'if-exists': 'fail' }), jobPlan('per-file'), s3);
    expect(plan.jobs).toBe(2);
  });

  test('single: none when a file would fail, since the one job needs every file', async () => {
    const plan = await planDryRun(files, config({ 'if-exists': 'fail' }), jobPlan('single'), s3);
    expect(plan.jobs).toBe(0);
  });

  test('single: one when every file can be used', async () => {
    const plan = await planDryRun(files, config({ 'if-exists': 'skip' }), jobPlan('single'), s3);
    expect(actions(plan)['masters/a.mov']).toBe('skip');
    expect(plan.jobs).toBe(1);
  });

  test('no job plan (create-job: false): none', async () => {
    const plan = await planDryRun(files, config({ 'if-exists': 'skip' }), undefined, s3);
    expect(plan.jobs).toBe(0);
  });
});

test('no more HeadObject requests at once than `concurrency`', async () => {
  let open = 0;
  let most = 0;
  s3Mock.on(HeadObjectCommand).callsFake(async () => {
    open += 1;
    most = Math.max(most, open);
    // Let the other files' requests start, if the pool would allow them.
    await new Promise((resolve) => setImmediate(resolve));
    open -= 1;
    throw s3Error(404);
  });
  const plan = await planDryRun(
    files,
    config({ 'if-exists': 'fail', concurrency: '2' }),
    undefined,
    s3,
  );
  expect(plan.dataKeys).toBe(3);
  expect(most).toBe(2);
});
