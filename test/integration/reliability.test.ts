/**
 * Faults between the packaged action and the local stack, injected by the fault proxy: what a
 * flaky network or a throttled service does to a run. Ciphertext is checked with OpenSSL and
 * the key unwrapped with KMS Decrypt as the stack user, never with the action's own code.
 */
import { readFile } from 'node:fs/promises';
import { ListJobsCommand, type Job } from '@aws-sdk/client-mediaconvert';
import type { ActionRun } from '../../harness/action-runner.js';
import {
  multipartUploads,
  withFaultProxy,
  type FaultProxy,
  type FaultRule,
  type ProxyRecord,
} from '../support/fault-proxy.js';
import { uploadsLeft } from '../support/stack-helpers.js';
import { useStack, FAST_JOBS } from '../support/use-stack.js';
import { createSources, s3Uris, type Sources } from '../support/sources.js';
import { stackClients } from '../support/clients.js';
import { MIB } from '../../src/shared/units.js';

const stack = useStack(FAST_JOBS);
let clients: ReturnType<typeof stackClients>;
let sources: Sources;

beforeAll(async () => {
  clients = stackClients(stack);
  sources = await createSources('reliability-ws-', stack);
});

afterAll(async () => {
  await sources?.remove();
});

function withProxy<T>(
  rules: FaultRule[],
  fn: (proxy: FaultProxy) => Promise<T>,
  seed = 5,
): Promise<T> {
  return withFaultProxy({ upstreams: stack.info.endpoints, rules, seed }, fn);
}

function runAction(
  proxy: FaultProxy,
  inputs: Record<string, string>,
  prefix: string,
): Promise<ActionRun> {
  return sources.upload(proxy.env(stack.env()), prefix, inputs);
}

/** The run reported one object a file, under its path; each decrypts to its source. */
async function expectObjectsDecryptToSources(run: ActionRun, relativePaths: string[]) {
  expect(s3Uris(run).map((u) => u.replace(/^s3:\/\/[^/]+\/[^/]+\//, ''))).toEqual(relativePaths);
  await sources.expectObjectsDecryptToSources(run, relativePaths);
}

/** Parts S3 never took must have been sent again until it did. */
function expectEveryFailedPartRetried(records: readonly ProxyRecord[]): void {
  for (const upload of multipartUploads(records)) {
    const failed = upload.parts.filter((p) => p.status !== 200);
    for (const part of failed) {
      const retried = upload.parts.find(
        (p) => p.partNumber === part.partNumber && p.status === 200 && p.id > part.id,
      );
      expect(retried).toBeDefined();
    }
  }
}

/** Object keys of the multipart uploads s3rver still holds under a prefix. */
async function leftoverUploads(prefix: string): Promise<string[]> {
  return (await uploadsLeft(stack)).filter((key) => key.startsWith(`${prefix}/`));
}

describe('S3', () => {
  test.concurrent(
    'a fifth of part uploads failing (SlowDown, resets mid-body, 500s): every object still decrypts to its source',
    async () => {
      const files = ['flaky/a.bin', 'flaky/b.bin', 'flaky/c.bin'];
      for (const file of files) await sources.write(file, 10 * MIB + 12345);
      const uploadPart = { service: 's3', operation: 'UploadPart' } as const;
      const run = await withProxy(
        [
          { ...uploadPart, probability: 0.08, fault: { kind: 'error' } },
          { ...uploadPart, probability: 0.06, fault: { kind: 'reset' } },
          { ...uploadPart, probability: 0.06, fault: { kind: 'error', error: 'server' } },
        ],
        async (proxy) => {
          const run = await runAction(proxy, { files: 'flaky/*.bin', mode: 'AES_CTR' }, 'flaky');
          const parts = proxy.records.filter((r) => r.operation === 'UploadPart');
          const faults = parts.filter((r) => r.fault !== undefined);
          // 3 files x 3 parts, plus retries; the seed makes the faults the same on every run.
          expect(parts.length - faults.length).toBe(9);
          expect(faults.length).toBeGreaterThanOrEqual(3);
          expect(new Set(faults.map((f) => f.fault))).toEqual(new Set(['error', 'reset']));
          expectEveryFailedPartRetried(proxy.records);
          for (const upload of multipartUploads(proxy.records)) {
            expect(upload.completes.map((c) => c.status)).toEqual([200]);
            expect(upload.aborts).toEqual([]);
          }
          return run;
        },
        // A seed whose draws give a SlowDown, a reset and a 500 among the 9 parts.
        15,
      );
      expect(run.stdout).not.toContain('::error::');
      expect(run.code).toBe(0);
      await expectObjectsDecryptToSources(run, files);
      await sources.expectUntouched();
    },
  );

  test.concurrent(
    'S3 failing for good on one file: the step fails naming it, its upload is aborted, the others are reported',
    async () => {
      const files = ['doomed/a.bin', 'doomed/b.bin', 'doomed/c.bin'];
      for (const file of files) await sources.write(file, 6 * MIB);
      const jobsBefore = await jobsFor('doomed');
      const run = await withProxy(
        [
          {
            service: 's3',
            operation: 'UploadPart',
            pathIncludes: 'doomed/b.bin',
            fault: { kind: 'error', error: 'server' },
          },
        ],
        async (proxy) => {
          const run = await runAction(
            proxy,
            {
              files: 'doomed/*.bin',
              'create-job': 'true',
            },
            'doomed',
          );
          const uploads = multipartUploads(proxy.records);
          const doomed = uploads.filter((u) => u.key.endsWith('doomed/b.bin'));
          expect(doomed).toHaveLength(1);
          for (const upload of doomed) {
            expect(upload.completes).toEqual([]);
            expect(upload.aborts.map((a) => a.status)).toEqual([204]);
            // No part was still in flight when the abort went out: none can land after it.
            const lastPartEnd = Math.max(...upload.parts.map((p) => p.endTick ?? Infinity));
            expect(lastPartEnd).toBeLessThan(upload.aborts[0]!.startTick);
            // The SDK's retries are bounded: at most 6 attempts for each part it tried.
            const partNumbers = new Set(upload.parts.map((p) => p.partNumber));
            expect(upload.parts.length).toBeLessThanOrEqual(6 * partNumbers.size);
          }
          for (const upload of uploads.filter((u) => !u.key.endsWith('doomed/b.bin'))) {
            expect(upload.completes.map((c) => c.status)).toEqual([200]);
          }
          expect(proxy.records.filter((r) => r.operation === 'CreateJob')).toHaveLength(2);
          return run;
        },
      );
      expect(run.code).toBe(1);
      const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
      expect(error).toContain('doomed/b.bin');
      expect(error).toContain('InternalError');
      expect(await leftoverUploads('doomed')).toEqual([]);

      await expectObjectsDecryptToSources(run, ['doomed/a.bin', 'doomed/c.bin']);
      const manifest = JSON.parse(await readFile(run.outputs.manifest!, 'utf8')) as {
        files: { path: string }[];
        failures: { relativePath: string; message: string }[];
        jobs: { id: string }[];
      };
      expect(manifest.files.map((f) => f.path)).toEqual(['doomed/a.bin', 'doomed/c.bin']);
      expect(manifest.failures).toEqual([
        { relativePath: 'doomed/b.bin', message: expect.stringContaining('InternalError') },
      ]);
      const jobIds = JSON.parse(run.outputs['job-ids']!) as string[];
      expect(jobIds).toHaveLength(2);
      expect(manifest.jobs.map((j) => j.id)).toEqual(jobIds);
      expect(run.summary).toContain('doomed/b.bin');
      expect(run.summary).toContain('failed');
      expect((await jobsFor('doomed')).length - jobsBefore.length).toBe(2);
      await sources.expectUntouched();
    },
  );
  test.concurrent(
    'when the abort is refused too, the step still fails naming the file',
    async () => {
      await sources.write('abort-denied/a.bin', 6 * MIB);
      const run = await withProxy(
        [
          {
            service: 's3',
            operation: 'UploadPart',
            skip: 1,
            fault: { kind: 'error', error: 'server' },
          },
          {
            service: 's3',
            operation: 'AbortMultipartUpload',
            fault: { kind: 'error', status: 403, code: 'AccessDenied', message: 'Access Denied' },
          },
        ],
        async (proxy) => {
          const run = await runAction(proxy, { files: 'abort-denied/a.bin' }, 'abort-denied');
          const [upload] = multipartUploads(proxy.records);
          expect(upload!.aborts.map((a) => a.status)).toEqual([403]);
          expect(upload!.completes).toEqual([]);
          return run;
        },
      );
      expect(run.code).toBe(1);
      const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
      expect(error).toContain('abort-denied/a.bin');
      // The parts stay: on real S3 only an AbortIncompleteMultipartUpload lifecycle rule clears them.
      expect(await leftoverUploads('abort-denied')).toEqual(['abort-denied/abort-denied/a.bin']);
    },
  );
});

describe('KMS', () => {
  test.concurrent.each(['kms', 'local'] as const)(
    'throttling bursts on data keys (key-source %s) are retried and the run succeeds',
    async (keySource) => {
      const files = Array.from({ length: 6 }, (_, i) => `burst-${keySource}/f${i}.bin`);
      for (const [n, file] of files.entries()) await sources.write(file, 64 * 1024 + n * 1000);
      const operation = keySource === 'kms' ? 'GenerateDataKey' : 'Encrypt';
      const run = await withProxy(
        [
          // Every file's first attempts at once, then a second burst a little later. No file
          // can meet more than 5 throttles, so none runs out of its 6 attempts.
          { service: 'kms', operation, times: 5, fault: { kind: 'error' } },
          { service: 'kms', operation, skip: 2, times: 3, fault: { kind: 'error' } },
        ],
        async (proxy) => {
          const run = await runAction(
            proxy,
            { files: `burst-${keySource}/*.bin`, 'key-source': keySource, concurrency: '3' },
            `burst-${keySource}`,
          );
          const calls = proxy.records.filter((r) => r.operation === operation);
          expect(calls.filter((r) => r.status === 400)).toHaveLength(8);
          expect(calls.filter((r) => r.status === 200)).toHaveLength(6);
          for (const throttled of calls.filter((r) => r.status === 400)) {
            expect(JSON.parse(throttled.responseBody!)).toMatchObject({
              __type: 'ThrottlingException',
            });
          }
          return run;
        },
      );
      expect(run.stdout).not.toContain('::error::');
      expect(run.code).toBe(0);
      await expectObjectsDecryptToSources(run, files);
    },
  );
});

/** The emulator's jobs whose only input is under `prefix` (ListJobs, as a user would). */
async function jobsFor(prefix: string): Promise<Job[]> {
  const jobs: Job[] = [];
  let NextToken: string | undefined;
  do {
    const page = await clients.mediaconvert.send(
      new ListJobsCommand({ MaxResults: 20, ...(NextToken ? { NextToken } : {}) }),
    );
    jobs.push(...(page.Jobs ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return jobs.filter((job) =>
    job.Settings?.Inputs?.some((input) =>
      input.FileInput?.startsWith(`s3://${stack.info.bucket}/${prefix}/`),
    ),
  );
}

describe('MediaConvert CreateJob', () => {
  test.each([
    ['throttled twice', [{ kind: 'error' }, { kind: 'error' }]],
    ['dropped after the service created the job', [{ kind: 'drop-after-upstream' }]],
    ['dropped, then throttled', [{ kind: 'drop-after-upstream' }, { kind: 'error' }]],
  ] as const)(
    '%s: retried with the same ClientRequestToken, exactly one job exists',
    async (name, faults) => {
      const prefix = `createjob-${name.replace(/\W+/g, '-')}`;
      await sources.copy(`${prefix}/clip.mp4`, 'samples/clip.mp4');
      // The first rule that applies wins: these fault the first, second... CreateJob in turn.
      const rules: FaultRule[] = faults.map((fault) => ({
        service: 'mediaconvert',
        operation: 'CreateJob',
        times: 1,
        fault,
      }));
      const run = await withProxy(rules, async (proxy) => {
        const run = await runAction(
          proxy,
          {
            files: `${prefix}/clip.mp4`,
            'create-job': 'true',
          },
          prefix,
        );
        const creates = proxy.records.filter((r) => r.operation === 'CreateJob');
        expect(creates.map((r) => r.fault ?? 'none')).toEqual([
          ...faults.map((f) => (f.kind === 'error' ? 'error' : f.kind)),
          'none',
        ]);
        const tokens = creates.map(
          (r) => (JSON.parse(r.requestBody!) as { clientRequestToken: string }).clientRequestToken,
        );
        expect(tokens[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
        expect(new Set(tokens).size).toBe(1);
        return run;
      });
      expect(run.stdout).not.toContain('::error::');
      expect(run.code).toBe(0);
      const jobs = await jobsFor(prefix);
      expect(jobs.map((j) => j.Id)).toEqual([run.outputs['job-id']]);
      expect(JSON.parse(run.outputs['job-ids']!)).toEqual([run.outputs['job-id']]);
    },
  );

  test('a template given by ARN is checked by its name, and the run goes on', async () => {
    await sources.write('template-arn/a.bin', 1000);
    const account = stack.info.roleArn.split(':')[4]!;
    const arn = `arn:aws:mediaconvert:${stack.info.region}:${account}:jobTemplates/${stack.info.jobTemplate}`;
    const run = await withProxy([], async (proxy) => {
      const run = await runAction(
        proxy,
        {
          files: 'template-arn/a.bin',
          'create-job': 'true',
          'job-template': arn,
        },
        'template-arn',
      );
      const check = proxy.records.find((r) => r.operation === 'GetJobTemplate');
      expect(check?.url).toBe(`/2017-08-29/jobTemplates/${stack.info.jobTemplate}`);
      expect(check?.status).toBe(200);
      return run;
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs['job-settings']!)).toEqual([
      expect.objectContaining({ JobTemplate: arn }),
    ]);
  });

  test('a role that may not read job templates: a warning, and the run goes on', async () => {
    await sources.write('no-template-read/a.bin', 1000);
    const run = await withProxy(
      [
        {
          service: 'mediaconvert',
          operation: 'GetJobTemplate',
          fault: {
            kind: 'error',
            status: 403,
            code: 'ForbiddenException',
            message: 'User is not authorized to perform: mediaconvert:GetJobTemplate',
          },
        },
      ],
      async (proxy) => {
        const run = await runAction(
          proxy,
          {
            files: 'no-template-read/a.bin',
            'create-job': 'true',
          },
          'no-template-read',
        );
        expect(proxy.records.map((r) => r.operation)).toEqual([
          'GetJobTemplate',
          'GenerateDataKey',
          'PutObject',
          'CreateJob',
        ]);
        return run;
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /::warning::cannot check that job template 'local-mp4' exists \(ForbiddenException/,
    );
    expect(JSON.parse(run.outputs['job-ids']!)).toHaveLength(1);
  });
});
