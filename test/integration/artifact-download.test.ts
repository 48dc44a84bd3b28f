/**
 * The `artifact` input through the packaged action, against a stand-in for the Actions
 * artifact service (test/support/artifact-service.ts): a zip is used only when it matches the
 * digest of the listing, and a disk without room for it is named at once, before the download
 * or as soon as it fills up, instead of after the library's retries.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPackagedAction, type ActionRun } from '../../harness/action-runner.js';
import { makeZip, startArtifactService, type ServedArtifact } from '../support/artifact-service.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack } from '../support/use-stack.js';

const stack = useStack();
let workspace: string;
let clip: Buffer;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'artifact-ws-'));
  clip = await readFile('samples/clip.mp4');
});

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

async function runWith(
  artifact: ServedArtifact,
  extra: { env?: Record<string, string>; prefix?: string[] } = {},
): Promise<{ run: ActionRun; downloads: string[]; requests: string[] }> {
  const service = await startArtifactService([artifact]);
  const proxy = await startFaultProxy({ upstreams: stack.info.endpoints });
  try {
    const run = await runPackagedAction({
      workspace,
      env: { ...proxy.env(stack.env()), ...service.env, ...extra.env },
      inputs: actionInputs(stack, 'artifact', { artifact: artifact.name, 'create-job': 'false' }),
      ...(extra.prefix ? { prefix: extra.prefix } : {}),
    });
    const requests = proxy.records.map((r) => `${r.service} ${r.operation}`);
    return { run, downloads: [...service.downloads], requests };
  } finally {
    await proxy.close();
    await service.close();
  }
}

const leftovers = async (dir: string): Promise<string[]> =>
  (await readdir(dir)).filter((n) => n.startsWith('mediaconvert-encrypt-artifact-'));

test('a zip that matches its listed digest is used', async () => {
  const zip = makeZip([{ name: 'media/a.mp4', data: clip }]);
  const { run, downloads } = await runWith({ name: 'masters', zip });
  expect(run.code).toBe(0);
  expect(downloads).toEqual(['masters']);
  expect(JSON.parse(run.outputs['s3-uris']!)).toEqual([
    `s3://${stack.info.bucket}/artifact/media/a.mp4`,
  ]);
  expect(await leftovers(run.runnerTemp)).toEqual([]);
});

test('a zip that does not match its listed digest: refused naming the artifact, nothing used', async () => {
  const zip = makeZip([{ name: 'media/a.mp4', data: clip }]);
  const listed = `sha256:${'0'.repeat(64)}`;
  const { run, requests } = await runWith({ name: 'masters', zip, digest: listed });
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(
    `::error::artifact 'masters' does not match the digest its listing gives (${listed}): it was changed or damaged after upload, and nothing from it is used`,
  );
  expect(requests).toEqual([]);
  expect(await leftovers(run.runnerTemp)).toEqual([]);
});

test('a listing without a digest: used, with a warning that it could not be checked', async () => {
  const zip = makeZip([{ name: 'a.mp4', data: clip }]);
  const { run } = await runWith({ name: 'old-style', zip, digest: null });
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(
    "::warning::artifact 'old-style' has no digest in its listing (uploaded by actions/upload-artifact before v4?)",
  );
});

test('an artifact larger than the free space: ENOSPC named at once, nothing downloaded', async () => {
  const zip = makeZip([{ name: 'a.mp4', data: clip }]);
  const { run, downloads } = await runWith({ name: 'huge', zip, size: 2 ** 53 - 1 });
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(
    /::error::artifact 'huge' is 9007199254740991 bytes zipped, but the disk holding \S+ has \d+ bytes free: no space left on device \(ENOSPC\)/,
  );
  expect(downloads).toEqual([]);
});

/** `unshare -rm` with a tmpfs mount works here (root, or unprivileged user namespaces). */
function canMountTmpfs(): boolean {
  try {
    execFileSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

const tmpfs = canMountTmpfs();

/** `node -e` script: mounts a 1 MiB tmpfs on argv[1], then runs the action (argv[3]). */
const MOUNT_THEN_RUN = [
  "require('node:child_process').execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', process.argv[1]]);",
  'import(process.argv[3]);',
].join(' ');

if (tmpfs) {
  test('RUNNER_TEMP filling up during the download: ENOSPC named at once, no retries', fullDiskRun);
} else {
  // A runner that cannot mount a small disk reports the test as skipped.
  // eslint-disable-next-line jest/no-disabled-tests -- reported, not run
  test.skip(
    'RUNNER_TEMP filling up during the download (unshare cannot mount a tmpfs here)',
    fullDiskRun,
  );
}

async function fullDiskRun(): Promise<void> {
  // 8 MiB of zeros deflate to a few KiB: the listed size fits, the files do not.
  const zip = makeZip([{ name: 'zeros.mp4', data: Buffer.alloc(8 * 1024 * 1024) }], true);
  const full = await mkdtemp(path.join(os.tmpdir(), 'full-disk-'));
  await mkdir(full, { recursive: true });
  try {
    const started = Date.now();
    const { run, downloads, requests } = await runWith(
      { name: 'zeros', zip },
      {
        env: { RUNNER_TEMP: full },
        // No shell in between: sh drops INPUT_KMS-KEY-ARN and the like (not shell names).
        prefix: ['unshare', '-rm', process.execPath, '-e', MOUNT_THEN_RUN, full],
      },
    );
    const seconds = (Date.now() - started) / 1000;
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::artifact 'zeros' does not fit: the disk holding \S+ is full \(no space left on device, ENOSPC\) while downloading/,
    );
    expect(run.stdout).not.toContain('failed after');
    // The library would try again 5 s later; the step ended before that.
    expect(downloads).toEqual(['zeros']);
    expect(seconds).toBeLessThan(5);
    expect(requests).toEqual([]);
  } finally {
    await rm(full, { recursive: true, force: true });
  }
}
