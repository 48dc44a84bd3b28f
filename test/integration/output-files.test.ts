/**
 * The files a run writes its results to (the manifest, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY),
 * through the packaged action: one that cannot be written is refused before any AWS request,
 * naming the file and why; the job IDs are outputs as soon as the jobs exist; and when a write
 * still fails later (the disk fills up during the run), the job IDs reach the log and the
 * error names the file and the errno.
 */
import { foldLog, readLogText } from '../../src/report/manifest-log.js';
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseOutputFile, type ActionRun } from '../../harness/action-runner.js';
import { startFaultProxy, type FaultProxy, type ProxyRecord } from '../support/fault-proxy.js';
import { mountTmpfs } from '../support/tmpfs.js';
import { actionInputs } from '../support/action-inputs.js';
import { createSources, type Sources } from '../support/sources.js';
import { FAST_JOBS, useStack } from '../support/use-stack.js';

const stack = useStack(FAST_JOBS);
let sources: Sources;
let proxy: FaultProxy;
let scratch: string;

beforeAll(async () => {
  sources = await createSources('output-files-ws-', stack);
  proxy = await startFaultProxy({ upstreams: stack.info.endpoints });
  scratch = await mkdtemp(path.join(os.tmpdir(), 'output-files-'));
  await sources.write('clip.bin', 2000);
});

afterAll(async () => {
  await proxy?.close();
  await rm(scratch, { recursive: true, force: true });
  await sources?.remove();
});

/** Records the proxy sees from now on (it keeps every record of the file's runs). */
function fromNow(): (record: ProxyRecord) => boolean {
  const last = proxy.records.length;
  return (record) => record.id > last;
}

/** How many requests the proxy saw while `fn` ran. */
async function requestsDuring<T>(fn: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const before = proxy.records.length;
  const result = await fn();
  return { result, requests: proxy.records.length - before };
}

function runAction(
  prefix: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
  onSpawn?: Parameters<Sources['run']>[0]['onSpawn'],
): Promise<ActionRun> {
  return sources.run({
    env: { ...proxy.env(stack.env()), ...env },
    inputs: actionInputs(stack, prefix, { files: 'clip.bin', ...inputs }),
    ...(onSpawn ? { onSpawn } : {}),
  });
}

/** Waits until `file` holds `text` (30 s at most). */
async function untilContains(file: string, text: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await readFile(file, 'utf8')).includes(text)) {
    if (Date.now() > deadline) throw new Error(`'${file}' never held '${text}'`);
    await sleep(10);
  }
}

/** Appends to `file` until its file system has no byte left, so its next append fails too. */
async function fillLastPage(file: string): Promise<void> {
  const handle = await open(file, 'a');
  // Newlines: a write that does not fit writes what fits, and the next one fails.
  const page = Buffer.alloc(4096, 0x0a);
  try {
    for (;;) await handle.write(page);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
}

function errorLine(run: ActionRun): string {
  return run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
}

async function expectRefusedBeforeAnyRequest(
  prefix: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
  expected: string,
): Promise<void> {
  const { result: run, requests } = await requestsDuring(() => runAction(prefix, inputs, env));
  expect(run.code).toBe(1);
  expect(errorLine(run)).toContain(expected);
  expect(requests).toBe(0);
}

const canMkfifo = await promisify(execFile)('mkfifo', ['--version']).then(
  () => undefined,
  () => 'mkfifo is not on PATH',
);
const fifoTest = canMkfifo === undefined ? test : test.skip;

async function fifo(name: string): Promise<string> {
  const file = path.join(scratch, name);
  await promisify(execFile)('mkfifo', [file]);
  return file;
}

describe('refused before any AWS request', () => {
  test('a manifest whose parent is a file', async () => {
    const parent = path.join(scratch, 'plain-file');
    await writeFile(parent, 'x');
    await expectRefusedBeforeAnyRequest(
      'parent-file',
      { manifest: path.join(parent, 'manifest.json') },
      {},
      `Input \`manifest\`: '${path.join(parent, 'manifest.json')}' cannot be written: '${parent}' on its path is a file, not a folder`,
    );
  });

  fifoTest(
    `a FIFO as the manifest, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY or job-settings (${canMkfifo ?? 'mkfifo'})`,
    async () => {
      const manifest = await fifo('manifest.fifo');
      await expectRefusedBeforeAnyRequest(
        'fifo',
        { manifest },
        {},
        `'${manifest}' cannot be written: it exists and is a FIFO (named pipe)`,
      );
      const output = await fifo('output.fifo');
      await expectRefusedBeforeAnyRequest(
        'fifo',
        {},
        { GITHUB_OUTPUT: output },
        `GITHUB_OUTPUT '${output}' cannot be written: it exists and is a FIFO (named pipe)`,
      );
      const summary = await fifo('summary.fifo');
      await expectRefusedBeforeAnyRequest(
        'fifo',
        {},
        { GITHUB_STEP_SUMMARY: summary },
        `GITHUB_STEP_SUMMARY '${summary}' cannot be written: it exists and is a FIFO (named pipe)`,
      );
      const settings = await fifo('settings.fifo');
      await expectRefusedBeforeAnyRequest(
        'fifo',
        { 'job-settings': settings, 'job-template': '' },
        {},
        `Input \`job-settings\`: '${settings}' is not a regular file`,
      );
    },
  );

  fifoTest("a FIFO where the manifest's log goes: never opened, removed by the run", async () => {
    // An earlier run's manifest, killed while it went on: it names a log, and a FIFO is there.
    const manifest = path.join(scratch, 'fifo-log.json');
    const earlier = { version: 1, region: stack.info.region, files: [], jobs: [], failures: [] };
    await writeFile(manifest, JSON.stringify({ ...earlier, journal: { id: 'x', seq: 1 } }));
    await fifo('fifo-log.json.log');
    const run = await runAction('fifo-log', { manifest });
    expect(run.stdout).not.toContain('::error::');
    expect(run.code).toBe(0);
    // The run's last write is whole and stands alone; the FIFO is gone.
    const written = JSON.parse(await readFile(manifest, 'utf8')) as Record<string, unknown>;
    expect(written.journal).toBeUndefined();
    expect((written.files as unknown[]).length).toBe(1);
    await expect(readFile(`${manifest}.log`)).rejects.toThrow('ENOENT');
  });

  test('GITHUB_OUTPUT in a folder that does not exist', async () => {
    const output = path.join(scratch, 'gone', 'output');
    await expectRefusedBeforeAnyRequest(
      'output-missing',
      {},
      { GITHUB_OUTPUT: output },
      `GITHUB_OUTPUT '${output}' cannot be written: its folder '${path.join(scratch, 'gone')}' does not exist`,
    );
  });

  test('command: verify, GITHUB_STEP_SUMMARY in a folder that does not exist', async () => {
    const summary = path.join(scratch, 'gone-too', 'summary');
    await expectRefusedBeforeAnyRequest(
      'verify-summary-missing',
      { command: 'verify', objects: `s3://${stack.info.bucket}/output-missing/` },
      { GITHUB_STEP_SUMMARY: summary },
      `GITHUB_STEP_SUMMARY '${summary}' cannot be written: its folder '${path.join(scratch, 'gone-too')}' does not exist`,
    );
  });
});

describe('read-only and full file systems', () => {
  test('a manifest in a read-only folder', async () => {
    const dir = path.join(scratch, 'read-only');
    await mkdir(dir);
    await chmod(dir, 0o555);
    const root = process.getuid?.() === 0;
    // Root writes into a folder whatever its mode: a read-only mount shows it instead.
    const mounted = root ? await mountTmpfs(64, true) : undefined;
    if (typeof mounted === 'string') {
      console.warn(`read-only folder case skipped: running as root, and ${mounted}`);
      return;
    }
    const folder = mounted?.dir ?? dir;
    try {
      await expectRefusedBeforeAnyRequest(
        'read-only',
        { manifest: path.join(folder, 'manifest.json') },
        {},
        `its folder '${folder}' is not writable: ${mounted ? 'EROFS' : 'EACCES'}`,
      );
    } finally {
      await mounted?.remove();
    }
  });

  test('a manifest on a full 1 MiB tmpfs', async () => {
    const disk = await mountTmpfs(1024);
    if (typeof disk === 'string') {
      console.warn(`full tmpfs case skipped: ${disk}`);
      return;
    }
    try {
      await disk.fill();
      await expectRefusedBeforeAnyRequest(
        'full-disk',
        { manifest: path.join(disk.dir, 'manifest.json') },
        {},
        `Input \`manifest\`: '${path.join(disk.dir, 'manifest.json')}' cannot be written: its file system has 0 bytes free`,
      );
    } finally {
      await disk.remove();
    }
  });

  test('a disk that fills up once the jobs exist: the job IDs reach the log, the errors name the files', async () => {
    const disk = await mountTmpfs(256);
    if (typeof disk === 'string') {
      console.warn(`filling tmpfs case skipped: ${disk}`);
      return;
    }
    try {
      const output = path.join(disk.dir, 'output');
      await writeFile(output, '');
      // The disk fills once the job's ID is in GITHUB_OUTPUT (written as soon as the job
      // exists), the last page of that file too; the wait's first GetJob is held 1.5 s, so
      // every later write of the manifest, its log or the outputs comes after.
      proxy.addRule({
        service: 'mediaconvert',
        operation: 'GetJob',
        times: 1,
        fault: { kind: 'latency', ms: 1500 },
      });
      const after = fromNow();
      let filled: Promise<void> | undefined;
      const run = await runAction(
        'fills-up',
        { manifest: path.join(disk.dir, 'manifest.json'), wait: 'true', 'wait-timeout': '600' },
        { GITHUB_OUTPUT: output },
        () => {
          filled = proxy
            .waitFor((r) => after(r) && r.operation === 'CreateJob')
            .then(() => untilContains(output, 'job-ids'))
            .then(() => disk.fill())
            .then(() => fillLastPage(output));
        },
      );
      // Nothing of the test may hold a file there when the disk is unmounted.
      await filled;
      expect(run.code).toBe(1);
      const created = /job (\S+) created/.exec(run.stdout)?.[1];
      expect(created).toBeDefined();
      // Its ID alone on a line of the log, however the outputs and the manifest fared.
      expect(run.stdout.split('\n')).toContain(created);
      // The record of the job's outcome (in the log) or the last whole write, whichever the
      // full disk refused first.
      expect(errorLine(run)).toMatch(
        new RegExp(
          `the manifest could not be written, and the run stopped there: cannot write '${disk.dir}/manifest\\.json(\\.log)?': ENOSPC \\(no space left on device\\)`,
        ),
      );
      expect(errorLine(run)).toContain(
        `writing the step outputs to GITHUB_OUTPUT '${output}' failed: ENOSPC (no space left on device)`,
      );
    } finally {
      await disk.remove();
    }
  });
});

test('job-id and job-ids are in GITHUB_OUTPUT as soon as the jobs exist, before the wait ends', async () => {
  const after = fromNow();
  const run = await runAction('early', { wait: 'true', 'wait-timeout': '600' }, {}, (child) => {
    // Killed while it polls the job: only what it wrote before the wait is left.
    void proxy
      .waitFor((r) => after(r) && r.operation === 'GetJob')
      .then(() => child.kill('SIGKILL'));
  });
  expect(run.signal).toBe('SIGKILL');
  const outputs = parseOutputFile(await readFile(run.files.output, 'utf8'));
  const ids = JSON.parse(outputs['job-ids']!) as string[];
  expect(ids).toHaveLength(1);
  expect(outputs['job-id']).toBe(ids[0]);
  // The manifest, the run's journal, has the job too: in the log beside it, folded in.
  const file = path.join(run.runnerTemp, 'mediaconvert-encrypt-manifest.json');
  const manifest = foldLog(
    JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>,
    await readLogText(file),
  ) as { jobs: { id: string }[]; run: { state: string } };
  expect(manifest.jobs.map((j) => j.id)).toEqual(ids);
  expect(manifest.run.state).toBe('running');
});
