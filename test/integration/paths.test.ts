/**
 * What happens to files between listing and reading, and names that are not what they seem,
 * through the packaged action against the local stack. The fault proxy holds one request
 * (its `sleep` is a gate the test opens) so that the test can change the file at a known point.
 */
import { randomBytes } from 'node:crypto';
import {
  copyFile,
  mkdir,
  mkdtemp,
  open,
  readFile,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { runPackagedAction } from '../../harness/action-runner.js';
import {
  multipartUploads,
  startFaultProxy,
  type FaultProxy,
  type FaultRule,
} from '../support/fault-proxy.js';
import { stackClients } from '../support/clients.js';
import { actionInputs } from '../support/action-inputs.js';
import { uploadsLeft } from '../support/stack-helpers.js';
import { useStack } from '../support/use-stack.js';
import { MIB } from '../../src/shared/units.js';

const stack = useStack();
let workspace: string;
let outside: string;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'paths-ws-'));
  outside = await mkdtemp(path.join(os.tmpdir(), 'paths-outside-'));
  await writeFile(path.join(outside, 'secret.mp4'), 'outside the workspace');
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

/** A proxy whose `latency` rules wait until the test calls `open()`. */
async function gatedProxy(rule: Omit<FaultRule, 'fault'>) {
  let openGate!: () => void;
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  const proxy = await startFaultProxy({
    upstreams: stack.info.endpoints,
    rules: [{ ...rule, fault: { kind: 'latency', ms: 1 } }],
    sleep: () => gate,
  });
  return { proxy, open: openGate };
}

async function objectExists(key: string): Promise<boolean> {
  const { s3 } = stackClients(stack);
  return s3
    .send(new HeadObjectCommand({ Bucket: stack.info.bucket, Key: key }))
    .then(() => true)
    .catch(() => false);
}

async function noUploadLeft(proxy: FaultProxy, key: string): Promise<void> {
  for (const upload of multipartUploads(proxy.records).filter((u) => u.key === key)) {
    expect(upload.completes).toEqual([]);
    expect(upload.aborts.map((a) => a.status)).toEqual([204]);
  }
  expect(await uploadsLeft(stack)).not.toContain(key);
}

const errorLine = (stdout: string): string =>
  stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';

test('a file swapped for a symbolic link to outside the workspace after listing fails, nothing of it is sent', async () => {
  await mkdir(path.join(workspace, 'swap'));
  const listedFile = path.join(workspace, 'swap', 'a.mp4');
  await copyFile('samples/clip.mp4', listedFile);
  // Held while the data key is made: after listing, before the file is opened.
  const { proxy, open: release } = await gatedProxy({
    service: 'kms',
    operation: 'GenerateDataKey',
  });
  try {
    const running = runPackagedAction({
      workspace,
      env: proxy.env(stack.env()),
      inputs: actionInputs(stack, 'swap', {
        files: 'swap/a.mp4',
        'create-job': 'false',
      }),
    });
    await proxy.waitFor((r) => r.operation === 'GenerateDataKey');
    await rename(listedFile, path.join(workspace, 'swap', 'moved-away.mp4'));
    await symlink(path.join(outside, 'secret.mp4'), listedFile);
    release();
    const run = await running;
    expect(run.code).toBe(1);
    expect(errorLine(run.stdout)).toContain('swap/a.mp4');
    expect(errorLine(run.stdout)).toContain('file was replaced since it was listed');
    expect(proxy.records.filter((r) => r.service === 's3').map((r) => r.operation)).toEqual([]);
    expect(await objectExists('swap/swap/a.mp4')).toBe(false);
    expect(await readFile(path.join(outside, 'secret.mp4'), 'utf8')).toBe('outside the workspace');
  } finally {
    await proxy.close();
  }
});

test('a file rewritten in place while read fails: no object, the multipart upload aborted', async () => {
  await mkdir(path.join(workspace, 'rewrite'));
  const file = path.join(workspace, 'rewrite', 'big.bin');
  await writeFile(file, randomBytes(30 * MIB));
  // With 16 MiB of buffers the read stops about half way while the first parts are held.
  const { proxy, open: release } = await gatedProxy({ service: 's3', operation: 'UploadPart' });
  try {
    const running = runPackagedAction({
      workspace,
      env: proxy.env(stack.env()),
      inputs: actionInputs(stack, 'rewrite', {
        files: 'rewrite/big.bin',
        'create-job': 'false',
        'part-size-mib': '5',
        'max-memory-mib': '16',
        concurrency: '1',
      }),
    });
    await proxy.waitFor((r) => r.operation === 'UploadPart');
    // The tail, not read yet, is rewritten in place: same inode, same size.
    const handle = await open(file, 'r+');
    await handle.write(randomBytes(1024), 0, 1024, 29 * MIB);
    await handle.close();
    release();
    const run = await running;
    expect(run.code).toBe(1);
    expect(errorLine(run.stdout)).toContain('rewrite/big.bin');
    expect(errorLine(run.stdout)).toMatch(/file changed while being read \((mtime|mtime, ctime)/);
    expect(await objectExists('rewrite/rewrite/big.bin')).toBe(false);
    expect(multipartUploads(proxy.records)).toHaveLength(1);
    await noUploadLeft(proxy, 'rewrite/rewrite/big.bin');
  } finally {
    await proxy.close();
  }
});

test('dangling symbolic links matched by the patterns are skipped with a warning naming them, escaped', async () => {
  await mkdir(path.join(workspace, 'links'));
  await copyFile('samples/clip.mp4', path.join(workspace, 'links', 'good.mp4'));
  await symlink(
    path.join(workspace, 'links', 'gone.mp4'),
    path.join(workspace, 'links', 'dangling.mp4'),
  );
  const hostile = 'evil\n::warning::INJECTED.mp4';
  await symlink(path.join(outside, 'nowhere.mp4'), path.join(workspace, 'links', hostile));
  const run = await runPackagedAction({
    workspace,
    env: stack.env(),
    inputs: actionInputs(stack, 'links', {
      files: 'links/*.mp4',
      'create-job': 'false',
    }),
  });
  expect(run.stdout).not.toContain('::error::');
  expect(run.code).toBe(0);
  expect(JSON.parse(run.outputs['s3-uris']!)).toEqual([
    `s3://${stack.info.bucket}/links/links/good.mp4`,
  ]);
  const warnings = run.stdout.split('\n').filter((l) => l.includes('whose target does not exist'));
  expect(warnings).toEqual([
    "::warning::'links/*.mp4': 2 symbolic link(s) whose target does not exist skipped: 'links/dangling.mp4', 'links/evil\\n::warning::INJECTED.mp4'",
  ]);
  expect(run.stdout.split('\n').filter((l) => l.startsWith('::warning::INJECTED'))).toEqual([]);

  // A pattern that matches only such links is refused, before any request.
  const proxy = await startFaultProxy({ upstreams: stack.info.endpoints });
  try {
    const refused = await runPackagedAction({
      workspace,
      env: proxy.env(stack.env()),
      inputs: actionInputs(stack, 'links', {
        files: 'links/dangling*',
        'create-job': 'false',
      }),
    });
    expect(refused.code).toBe(1);
    expect(errorLine(refused.stdout)).toBe(
      "::error::Input `files`: 'links/dangling*' matches only symbolic links whose target does not exist: 'links/dangling.mp4'",
    );
    expect(proxy.records).toEqual([]);
  } finally {
    await proxy.close();
  }
});

test('an NFD file name: NFC object key, the manifest records the name on disk and the key', async () => {
  const nfd = 'cafe\u0301.mp4';
  const nfc = 'caf\u00e9.mp4';
  await mkdir(path.join(workspace, 'nfd'));
  await copyFile('samples/clip.mp4', path.join(workspace, 'nfd', nfd));
  const run = await runPackagedAction({
    workspace,
    env: stack.env(),
    inputs: actionInputs(stack, 'nfd', {
      files: 'nfd/*.mp4',
    }),
  });
  expect(run.stdout).not.toContain('::error::');
  expect(run.code).toBe(0);
  const uri = `s3://${stack.info.bucket}/nfd/nfd/${nfc}`;
  expect(JSON.parse(run.outputs['s3-uris']!)).toEqual([uri]);
  const manifest = JSON.parse(await readFile(run.outputs.manifest!, 'utf8')) as {
    files: { path: string; key: string; s3Uri: string }[];
  };
  expect(manifest.files.map(({ path: p, key, s3Uri }) => ({ p, key, s3Uri }))).toEqual([
    { p: `nfd/${nfd}`, key: `nfd/nfd/${nfc}`, s3Uri: uri },
  ]);
  const sent = JSON.parse(run.outputs['job-settings']!) as {
    Settings: { Inputs: { FileInput: string }[] };
  }[];
  expect(sent[0]!.Settings.Inputs[0]!.FileInput).toBe(uri);
  expect(await objectExists(`nfd/nfd/${nfc}`)).toBe(true);
  expect(await objectExists(`nfd/nfd/${nfd}`)).toBe(false);
});
