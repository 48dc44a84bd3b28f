/**
 * The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then SIGKILL. The packaged
 * action must cut its requests in flight, abort its multipart uploads, create no new job, stop
 * waiting for jobs, report what it finished, and fail the step. Uploads are slowed by the
 * fault proxy so that the signal lands while parts are in flight.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ActionRun } from '../../harness/action-runner.js';
import {
  multipartUploads,
  startFaultProxy,
  type FaultProxy,
  type ProxyRecord,
} from '../support/fault-proxy.js';
import {
  startMediaConvert,
  type MediaConvertEmulator,
} from '../../local-aws/mediaconvert/server.js';
import { JOB_TEMPLATE } from '../../local-aws/stack.js';
import { actionInputs } from '../support/action-inputs.js';
import { uploadsLeft } from '../support/stack-helpers.js';
import { useStack } from '../support/use-stack.js';
import { createSources, type Sources } from '../support/sources.js';
import { MIB } from '../../src/shared/units.js';

/** What the runner allows between SIGINT and SIGTERM, and between SIGTERM and SIGKILL. */
const RUNNER_GRACE_MS = 7500;

const stack = useStack();
let sources: Sources;

beforeAll(async () => {
  sources = await createSources('signals-ws-', stack);
  await mkdir(path.join(sources.workspace, 'masters'));
  // 100 MiB of random bytes (no holes, nothing compressible): 20 parts of 5 MiB, more than
  // the action reads ahead within its default 64 MiB memory budget.
  const big = path.join(sources.workspace, 'masters', 'big.bin');
  await pipeline(
    (function* () {
      for (let i = 0; i < 100; i++) yield randomBytes(MIB);
    })(),
    createWriteStream(big),
  );
  await sources.record('masters/big.bin');
  await sources.write('masters/a-small.bin', 64 * 1024);
  await sources.copy('clip.mp4', 'samples/clip.mp4');
  // Two 5 MiB parts: both fit in flight at once, so the body has been read to the end.
  await sources.write('late/mid.bin', 8 * MIB);
});

afterAll(async () => {
  await sources?.remove();
});

/** Runs the action and sends `signal` once `ready` resolves; returns the run and timings. */
async function runAndSignal(
  proxy: FaultProxy,
  prefix: string,
  inputs: Record<string, string>,
  signal: NodeJS.Signals,
  ready: () => Promise<unknown>,
  afterSignal?: () => void,
): Promise<{ run: ActionRun; exitedAfterMs: number }> {
  let child: ChildProcess | undefined;
  const running = sources.run({
    env: proxy.env(stack.env()),
    inputs: actionInputs(stack, prefix, { 'part-size-mib': '5', ...inputs }),
    onSpawn: (c) => (child = c),
  });
  await ready();
  const signalledAt = Date.now();
  child!.kill(signal);
  afterSignal?.();
  const run = await running;
  const exitedAfterMs = Date.now() - signalledAt;
  return { run, exitedAfterMs };
}

function errorLine(run: ActionRun): string {
  return run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
}

async function leftoverUploads(prefix: string): Promise<string[]> {
  return (await uploadsLeft(stack)).filter((key) => key.startsWith(prefix));
}

describe.each(['SIGTERM', 'SIGINT'] as const)('%s', (signal) => {
  test('mid-upload: parts in flight are cut, the upload is aborted, no job is created after the signal, the step fails', async () => {
    const prefix = `interrupted-${signal}`;
    const proxy = await startFaultProxy({
      upstreams: stack.info.endpoints,
      // Each part waits a second before it reaches S3: the upload is still in flight, for
      // seconds, when the signal comes.
      rules: [{ service: 's3', operation: 'UploadPart', fault: { kind: 'latency', ms: 1000 } }],
    });
    try {
      const isBigPart = (r: ProxyRecord) =>
        r.operation === 'UploadPart' && (r.key ?? '').endsWith('big.bin');
      const { run, exitedAfterMs } = await runAndSignal(
        proxy,
        prefix,
        { files: 'masters/*.bin', concurrency: '2' },
        signal,
        async () => {
          // The small file is done (its object is stored, its job created as soon as the
          // object was on record) and the big one has parts in flight.
          await proxy.waitFor((r) => r.operation === 'PutObject' && r.status === 200);
          await proxy.waitFor((r) => r.operation === 'CreateJob' && r.status === 201);
          await proxy.waitFor(isBigPart);
        },
      );
      expect(run.code).toBe(1);
      expect(run.signal).toBeNull();
      expect(exitedAfterMs).toBeLessThan(RUNNER_GRACE_MS);
      expect(run.stdout).toContain(
        `::warning::${signal} received: aborting requests in flight and uploads`,
      );
      expect(errorLine(run)).toContain('masters/big.bin');
      expect(errorLine(run)).toContain('interrupted');

      const [upload, ...others] = multipartUploads(proxy.records);
      expect(others).toEqual([]);
      expect(upload!.key).toBe(`${prefix}/masters/big.bin`);
      expect(upload!.completes).toEqual([]);
      expect(upload!.aborts.map((a) => a.status)).toEqual([204]);
      expect(upload!.parts.length).toBeLessThan(20);
      expect(await leftoverUploads(prefix)).toEqual([]);

      // The finished file is reported with the job made before the signal; no job is
      // created once the step is being canceled.
      const created = proxy.records.filter((r) => r.operation === 'CreateJob');
      expect(created.map((r) => r.status)).toEqual([201]);
      expect(JSON.parse(run.outputs['s3-uris']!)).toEqual([
        `s3://${stack.info.bucket}/${prefix}/masters/a-small.bin`,
      ]);
      expect(JSON.parse(run.outputs['job-ids']!)).toHaveLength(1);
      expect(errorLine(run)).not.toContain('no job was created');
      await sources.expectUntouched();
    } finally {
      await proxy.close();
    }
  });
});

test('a signal after the whole body was read still aborts the upload in flight', async () => {
  let signalled = false;
  const held: (() => void)[] = [];
  const proxy = await startFaultProxy({
    upstreams: stack.info.endpoints,
    rules: [{ service: 's3', operation: 'UploadPart', fault: { kind: 'latency', ms: 1 } }],
    // Parts wait in the proxy until the signal has been sent.
    sleep: () =>
      signalled ? Promise.resolve() : new Promise<void>((resolve) => held.push(resolve)),
  });
  try {
    const { run } = await runAndSignal(
      proxy,
      'interrupted-late',
      { files: 'late/mid.bin', 'create-job': 'false' },
      'SIGTERM',
      // Both parts are in flight: the whole body has been read.
      () =>
        proxy.waitFor(() => proxy.records.filter((r) => r.operation === 'UploadPart').length === 2),
      () => {
        signalled = true;
        held.splice(0).forEach((go) => go());
      },
    );
    expect(run.code).toBe(1);
    const [upload] = multipartUploads(proxy.records);
    expect(upload!.completes).toEqual([]);
    expect(upload!.aborts.map((a) => a.status)).toEqual([204]);
  } finally {
    await proxy.close();
  }
});

describe('SIGTERM while waiting for a job', () => {
  let slow: MediaConvertEmulator;

  beforeAll(async () => {
    // A MediaConvert whose queue does not start a job for a minute: it stays SUBMITTED.
    slow = await startMediaConvert({
      region: stack.info.region,
      s3Endpoint: stack.info.endpoints.s3,
      kmsEndpoints: { [stack.info.region]: stack.info.endpoints.kms },
      tickMs: 60_000,
      mediaTools: 'none',
    });
    slow.createJobTemplate({
      name: JOB_TEMPLATE,
      settings: {
        outputGroups: [
          {
            outputGroupSettings: {
              type: 'FILE_GROUP_SETTINGS',
              fileGroupSettings: { destination: `s3://${stack.info.bucket}/outputs/` },
            },
            outputs: [{ containerSettings: { container: 'MP4', mp4Settings: {} } }],
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await slow?.close();
  });

  test('the wait stops at once, the job is reported INTERRUPTED and left running', async () => {
    const proxy = await startFaultProxy({
      upstreams: { ...stack.info.endpoints, mediaconvert: slow.url },
    });
    try {
      const { run, exitedAfterMs } = await runAndSignal(
        proxy,
        'waiting',
        { files: 'clip.mp4', wait: 'true', 'wait-timeout': '600' },
        'SIGTERM',
        // Two polls: the action is now sleeping before its third.
        () => proxy.waitFor((r) => r.operation === 'GetJob' && countGetJobs(proxy) >= 2),
      );
      expect(run.code).toBe(1);
      expect(exitedAfterMs).toBeLessThan(RUNNER_GRACE_MS);
      const jobId = run.outputs['job-id']!;
      expect(JSON.parse(run.outputs['job-status']!)).toEqual([
        expect.objectContaining({ id: jobId, status: 'INTERRUPTED' }),
      ]);
      expect(errorLine(run)).toContain(`job ${jobId} ended INTERRUPTED`);
      expect(proxy.records.filter((r) => r.operation === 'CancelJob')).toEqual([]);
      expect(slow.jobs()).toEqual([expect.objectContaining({ id: jobId, status: 'SUBMITTED' })]);
      const manifest = JSON.parse(await readFile(run.outputs.manifest!, 'utf8')) as {
        jobs: { id: string; status: string }[];
      };
      expect(manifest.jobs).toEqual([
        expect.objectContaining({ id: jobId, status: 'INTERRUPTED' }),
      ]);
      await sources.expectUntouched();
    } finally {
      await proxy.close();
    }
  });
});

function countGetJobs(proxy: FaultProxy): number {
  return proxy.records.filter((r) => r.operation === 'GetJob' && r.status === 200).length;
}
