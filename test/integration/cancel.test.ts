/**
 * Cancel as the GitHub runner does it, against a slow S3: SIGINT, then SIGTERM 7.5 s later,
 * then SIGKILL 2.5 s after that (actions/runner, ProcessInvoker), plus a repeated signal
 * right after the first. With each part held 10 s by the fault proxy, the packaged action must
 * cut the parts in flight, start no new request but AbortMultipartUpload, write its outputs,
 * manifest and summary, and exit within 2 s of the first signal; so must the CLI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPackagedAction } from '../../harness/action-runner.js';
import { CLI_ENTRY } from '../../harness/runner.js';
import {
  multipartUploads,
  startFaultProxy,
  type FaultProxy,
  type ProxyRecord,
} from '../support/fault-proxy.js';
import { actionInputs } from '../support/action-inputs.js';
import { uploadsLeft } from '../support/stack-helpers.js';
import { useStack } from '../support/use-stack.js';
import { MIB } from '../../src/shared/units.js';

/** The runner's ladder, from its first signal. */
const LADDER: [number, NodeJS.Signals][] = [
  [7500, 'SIGTERM'],
  [10_000, 'SIGKILL'],
];
const EXIT_WITHIN_MS = 2000;

const stack = useStack();
let workspace: string;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'cancel-ws-'));
  await mkdir(path.join(workspace, 'media'));
  await writeFile(path.join(workspace, 'media', 'a-small.bin'), randomBytes(64 * 1024));
  // 30 MiB: six parts of 5 MiB, two in flight at a time, each held 10 s.
  await writeFile(path.join(workspace, 'media', 'big.bin'), randomBytes(30 * MIB));
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

/**
 * Parts held 10 s each; AbortMultipartUpload held `abortMs`, so the repeated signals (at 100
 * and 200 ms) land during clean-up, while the abort still fits its 750 ms with room for a
 * loaded machine.
 */
function slowS3(abortMs = 400): Promise<FaultProxy> {
  return startFaultProxy({
    upstreams: stack.info.endpoints,
    rules: [
      { service: 's3', operation: 'UploadPart', fault: { kind: 'latency', ms: 10_000 } },
      { service: 's3', operation: 'AbortMultipartUpload', fault: { kind: 'latency', ms: abortMs } },
    ],
  });
}

/** The small file is stored and two parts of the big one are held in the proxy. */
async function partsInFlight(proxy: FaultProxy, withJob = false): Promise<void> {
  await proxy.waitFor((r) => r.operation === 'PutObject' && r.status === 200);
  // The small file's job goes out as soon as its object is on record, while the big one
  // uploads: the cancel comes after it, so that one job exists and no other may follow.
  if (withJob) await proxy.waitFor((r) => r.operation === 'CreateJob' && r.status === 201);
  await proxy.waitFor(() => proxy.records.filter((r) => r.operation === 'UploadPart').length === 2);
}

/**
 * Sends the runner's ladder to `child`, with the first signal repeated 100 ms later (and a
 * SIGTERM at 200 ms) as an impatient user or a process group would. Returns the time of the
 * first signal and how many proxy records existed then.
 */
function cancel(
  child: ChildProcess,
  proxy: FaultProxy,
): { at: number; seen: number; handled: () => number } {
  const at = Date.now();
  const seen = proxy.records.length;
  // The requests recorded when the process says it took the signal: a part may still start
  // between kill() and the handler running (the process was busy), never after.
  let handled: number | undefined;
  let said = '';
  const listen = (data: Buffer): void => {
    said += data.toString();
    if (handled === undefined && said.includes('SIGINT received')) handled = proxy.records.length;
  };
  child.stdout?.on('data', listen);
  child.stderr?.on('data', listen);
  child.kill('SIGINT');
  const timers = [
    setTimeout(() => child.kill('SIGINT'), 100),
    setTimeout(() => child.kill('SIGTERM'), 200),
    ...LADDER.map(([ms, signal]) => setTimeout(() => child.kill(signal), ms)),
  ];
  child.once('exit', () => timers.forEach(clearTimeout));
  return { at, seen, handled: () => handled ?? seen };
}

/** Every upload was aborted (answered 204), none completed, and s3rver keeps none. */
async function expectNoUploadLeft(proxy: FaultProxy, prefix: string): Promise<void> {
  const uploads = multipartUploads(proxy.records);
  expect(uploads.map((u) => u.key)).toEqual([`${prefix}/media/big.bin`]);
  for (const upload of uploads) {
    expect(upload.completes).toEqual([]);
    expect(upload.aborts.map((a) => a.status)).toEqual([204]);
    // The parts held in the proxy were cut by the client: none reached S3.
    expect(upload.parts.filter((p) => p.upstreamStatus !== undefined)).toEqual([]);
  }
  expect((await uploadsLeft(stack)).filter((k) => k.startsWith(prefix))).toEqual([]);
}

/**
 * Once the process has taken the first signal, the only request that starts is
 * AbortMultipartUpload; before that only parts may have started (and are cut by the abort).
 */
function expectOnlyTheAbort(
  proxy: FaultProxy,
  { seen, handled }: { seen: number; handled: () => number },
): void {
  const operations = (from: number, to?: number): string[] =>
    proxy.records.slice(from, to).map((r: ProxyRecord) => r.operation);
  const before = operations(seen, handled());
  expect(before.filter((operation) => operation !== 'UploadPart')).toEqual([]);
  expect(operations(handled())).toEqual(['AbortMultipartUpload']);
}

test('the action: exits within 2 s of SIGINT with outputs, manifest and summary; no upload left', async () => {
  const proxy = await slowS3();
  try {
    let child: ChildProcess | undefined;
    const prefix = 'cancel-action';
    const running = runPackagedAction({
      workspace,
      env: proxy.env(stack.env()),
      inputs: actionInputs(stack, prefix, {
        files: 'media/*.bin',
        'part-size-mib': '5',
        concurrency: '2',
      }),
      onSpawn: (c) => (child = c),
    });
    await partsInFlight(proxy, true);
    const canceled = cancel(child!, proxy);
    const { at } = canceled;
    const run = await running;
    const exitedAfterMs = Date.now() - at;

    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(exitedAfterMs).toBeLessThan(EXIT_WITHIN_MS);
    expectOnlyTheAbort(proxy, canceled);
    await expectNoUploadLeft(proxy, prefix);

    expect(run.stdout).toContain('::warning::SIGINT received: aborting requests in flight');
    expect(run.stdout).toContain('still writing the report');
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error).toContain('media/big.bin');
    expect(error).toContain('interrupted by SIGINT');
    // The small file's job was created before the signal; none is created after it.
    expect(error).not.toContain('no job was created');

    // What finished is reported in the outputs, the manifest and the summary.
    const small = `s3://${stack.info.bucket}/${prefix}/media/a-small.bin`;
    expect(JSON.parse(run.outputs['s3-uris']!)).toEqual([small]);
    const created = proxy.records.filter((r) => r.operation === 'CreateJob');
    expect(created.map((r) => r.status)).toEqual([201]);
    expect(JSON.parse(run.outputs['job-ids']!)).toHaveLength(1);
    const manifest = JSON.parse(await readFile(run.outputs.manifest!, 'utf8')) as {
      files: { s3Uri: string }[];
      failures: { relativePath: string }[];
    };
    expect(manifest.files.map((f) => f.s3Uri)).toEqual([small]);
    expect(manifest.failures.map((f) => f.relativePath)).toEqual(['media/big.bin']);
    expect(run.summary).toContain('1 file(s) encrypted and uploaded, 1 failed');
  } finally {
    await proxy.close();
  }
});

test('the action: an AbortMultipartUpload slower than the grace is given up, and said so', async () => {
  const proxy = await slowS3(10_000);
  try {
    let child: ChildProcess | undefined;
    const prefix = 'cancel-stuck';
    const running = runPackagedAction({
      workspace,
      env: proxy.env(stack.env()),
      inputs: actionInputs(stack, prefix, {
        files: 'media/*.bin',
        'create-job': 'false',
        'part-size-mib': '5',
      }),
      onSpawn: (c) => (child = c),
    });
    await partsInFlight(proxy);
    const { at } = cancel(child!, proxy);
    const run = await running;
    expect([run.code, run.signal]).toEqual([1, null]);
    expect(Date.now() - at).toBeLessThan(EXIT_WITHIN_MS);
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error).toContain('interrupted by SIGINT; AbortMultipartUpload also failed');
    expect(error).toContain(
      `incomplete upload of s3://${stack.info.bucket}/${prefix}/media/big.bin`,
    );
    expect(error).toContain('AbortIncompleteMultipartUpload lifecycle rule');
    expect(JSON.parse(run.outputs['s3-uris']!)).toHaveLength(1);
  } finally {
    await proxy.close();
  }
});

test('the CLI: exits 130 within 2 s of SIGINT, prints its outputs, leaves no upload', async () => {
  const proxy = await slowS3();
  try {
    const prefix = 'cancel-cli';
    const manifestPath = path.join(workspace, '..', `${path.basename(workspace)}-cli.json`);
    const child = spawn(
      process.execPath,
      [
        CLI_ENTRY,
        '--files',
        'media/*.bin',
        '--kms-key-arn',
        stack.info.kmsKeyArn,
        '--destination',
        `s3://${stack.info.bucket}/${prefix}/`,
        '--create-job',
        'false',
        '--part-size-mib',
        '5',
        '--manifest',
        manifestPath,
      ],
      {
        cwd: workspace,
        env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...proxy.env(stack.env()) },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (code, signal) => resolve([code, signal])),
    );
    await partsInFlight(proxy);
    const canceled = cancel(child, proxy);
    const { at } = canceled;
    const [code, signal] = await closed;
    const exitedAfterMs = Date.now() - at;

    expect([code, signal]).toEqual([130, null]);
    expect(exitedAfterMs).toBeLessThan(EXIT_WITHIN_MS);
    expectOnlyTheAbort(proxy, canceled);
    await expectNoUploadLeft(proxy, prefix);
    expect(stderr).toContain('SIGINT received');
    const outputs = JSON.parse(stdout) as Record<string, unknown>;
    expect(outputs['s3-uris']).toEqual([`s3://${stack.info.bucket}/${prefix}/media/a-small.bin`]);
    expect(JSON.parse(await readFile(manifestPath, 'utf8'))).toMatchObject({
      failures: [{ relativePath: 'media/big.bin' }],
    });
    await rm(manifestPath, { force: true });
  } finally {
    await proxy.close();
  }
});
