/**
 * Bad inputs through the packaged action (dist/index.js, as the runner runs it): each fails the
 * step naming the input, with no AWS request (a fault proxy records every one) and no source
 * file touched. The one request allowed: GetJobTemplate / GetQueue for a template or queue that
 * does not exist. Each input has a case here; the many wrong values of one format are checked
 * against the same rules in test/unit/config-refused*.ts.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  chmod,
  copyFile,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  truncate,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPackagedAction } from '../../harness/action-runner.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack } from '../support/use-stack.js';
import { INPUTS } from '../../src/inputs/interface.js';

const GCM_LIMIT = 2 ** 36 - 32;
const isRoot = process.getuid?.() === 0;

const stack = useStack();
let workspace: string;
let outside: string;
let before: Map<string, string>;
let kmsRequestsBefore: number;
let mediaConvertRequestsBefore: number;
let casesRun = 0;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'bad-inputs-ws-'));
  outside = await mkdtemp(path.join(os.tmpdir(), 'bad-inputs-outside-'));
  const at = (p: string) => path.join(workspace, p);
  await mkdir(at('masters'));
  await copyFile('samples/clip.mp4', at('masters/a.mp4'));
  await copyFile('samples/clip.mp4', at('masters/b.mp4'));
  await writeFile(at('empty.mp4'), '');
  await writeFile(at('unreadable.mp4'), 'secret master');
  await chmod(at('unreadable.mp4'), 0o000);
  await mkdir(at('folder'));
  await writeFile(at('folder/inner.mp4'), 'inner');
  await writeFile(path.join(outside, 'secret.mp4'), 'outside the workspace');
  await symlink(path.join(outside, 'secret.mp4'), at('link-out.mp4'));
  await symlink(outside, at('link-dir'));
  await symlink(at('loop.mp4'), at('loop.mp4'));
  await symlink(at('nowhere.mp4'), at('broken.mp4'));
  execFileSync('mkfifo', [at('fifo.mp4')]);
  await mkdir(at('nfc'));
  // The same name in NFC and NFD: two files on Linux, one S3 key after normalization.
  await writeFile(at('nfc/caf\u00e9.mp4'), 'composed');
  await writeFile(at('nfc/cafe\u0301.mp4'), 'decomposed');
  await mkdir(at('big'));
  await writeFile(at('big/huge.mp4'), '');
  await truncate(at('big/huge.mp4'), GCM_LIMIT + 1);
  await mkdir(at('settings'));
  await writeFile(at('settings/broken.json'), '{ "Settings": ');
  await writeFile(at('settings/array.json'), '[]');
  await mkdir(at('.git'));
  await writeFile(at('.git/config'), '[remote "origin"]');
  await writeFile(
    at('settings/secret-broken.json'),
    '{"Settings": {"StaticKeyValue": NotQuotedStaticKeyValue}}',
  );
  await writeFile(at('settings/no-outputs.json'), JSON.stringify({ Inputs: [{}] }));
  await writeFile(at('settings/inputs-object.json'), JSON.stringify({ Settings: { Inputs: {} } }));
  await writeFile(
    at('settings/unknown-template.json'),
    JSON.stringify({ JobTemplate: 'no-such-template', Settings: {} }),
  );
  before = await snapshot([workspace, outside]);
  kmsRequestsBefore = stack.kms.requests.length;
  mediaConvertRequestsBefore = stack.mediaconvert.requests.length;
});

afterAll(async () => {
  if (workspace) await chmod(path.join(workspace, 'unreadable.mp4'), 0o644).catch(() => undefined);
  await rm(workspace, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

/** Every entry under the roots: a content hash for files, the target for links. */
async function snapshot(roots: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(dir: string): Promise<void> {
    for (const name of (await readdir(dir)).sort()) {
      const full = path.join(dir, name);
      const info = await lstat(full);
      const mode = (info.mode & 0o7777).toString(8);
      if (info.isSymbolicLink()) out.set(full, `link ${await readlink(full)}`);
      else if (info.isDirectory()) {
        out.set(full, `dir ${mode}`);
        await walk(full);
      } else if (!info.isFile()) out.set(full, `special ${mode}`);
      else if (info.size > 64 << 20) {
        // The sparse GCM file: reading 64 GiB of holes is pointless; no allocated block means
        // every byte is still zero.
        out.set(full, `sparse ${info.size} ${info.blocks} ${info.mtimeMs} ${mode}`);
      } else {
        const hash = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
        out.set(full, `file ${hash} ${mode}`);
      }
    }
  }
  for (const root of roots) await walk(root);
  return out;
}

interface Case {
  /** The input the message must name. */
  input: string;
  why: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  /** MediaConvert operations this case may send (the existence checks), in order. */
  requests?: string[];
  /** A value that may be a secret: the log must not show it. */
  secret?: string;
  skip?: boolean;
}

const tooMany = JSON.stringify(
  Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])),
);

const cases: Case[] = [
  { input: 'files', why: 'missing', inputs: { files: '' } },
  { input: 'files', why: 'leaves the workspace with ..', inputs: { files: '../*/secret.mp4' } },
  { input: 'files', why: 'absolute path', inputs: { files: '/etc/hostname' } },
  { input: 'files', why: 'matches nothing', inputs: { files: 'masters/*.mov' } },
  { input: 'files', why: 'a file that does not exist', inputs: { files: 'masters/missing.mp4' } },
  { input: 'files', why: 'a directory', inputs: { files: 'masters' } },
  { input: 'files', why: 'an empty file', inputs: { files: 'empty.mp4' } },
  {
    input: 'files',
    why: 'an unreadable file',
    inputs: { files: 'unreadable.mp4' },
    skip: isRoot,
  },
  { input: 'files', why: 'a symlink leading outside', inputs: { files: 'link-out.mp4' } },
  { input: 'files', why: 'a symlinked directory outside', inputs: { files: 'link-dir/**' } },
  { input: 'files', why: 'a symlink loop', inputs: { files: 'loop.mp4' } },
  { input: 'files', why: 'a broken symlink', inputs: { files: 'broken.mp4' } },
  { input: 'files', why: 'a FIFO, not a regular file', inputs: { files: 'fifo.mp4' } },
  { input: 'files', why: 'NFC and NFD names: one object key', inputs: { files: 'nfc/*.mp4' } },
  {
    input: 'files',
    why: 'one empty file among good ones',
    inputs: { files: 'masters/*.mp4\nempty.mp4' },
  },
  {
    input: 'mode',
    why: 'a GCM file over 2^36 - 32 bytes',
    inputs: { files: 'big/huge.mp4', mode: 'AES_GCM' },
  },
  { input: 'artifact', why: 'a name with a slash', inputs: { artifact: 'builds/media' } },
  {
    input: 'artifact-run-id',
    why: 'not a number',
    inputs: { artifact: 'media', 'artifact-run-id': 'latest', 'github-token': 'ghs_example0123' },
  },
  {
    input: 'github-token',
    why: 'given without artifact-run-id',
    inputs: { 'github-token': 'ghs_example0123' },
  },
  { input: 'http-proxy', why: 'not an http(s) URL', inputs: { 'http-proxy': 'socks5://p:1080' } },
  { input: 'kms-key-arn', why: 'missing', inputs: { 'kms-key-arn': '' } },
  {
    input: 'kms-key-arn',
    why: 'a bare key ID',
    inputs: { 'kms-key-arn': '1234abcd-12ab-34cd-56ef-1234567890ab' },
  },
  { input: 'region', why: 'shell text', inputs: { region: 'us-east-1; rm -rf /' } },
  {
    input: 'region',
    why: 'unset everywhere',
    inputs: { region: '' },
    env: { AWS_REGION: '', AWS_DEFAULT_REGION: '' },
  },
  { input: 'mode', why: 'an unknown mode', inputs: { mode: 'AES_XTS' } },
  { input: 'key-length', why: '512', inputs: { 'key-length': '512' } },
  { input: 'iv-length', why: '12 bytes with CBC', inputs: { mode: 'AES_CBC', 'iv-length': '12' } },
  { input: 'key-source', why: 'an unknown source', inputs: { 'key-source': 'hsm' } },
  { input: 'destination', why: 'missing', inputs: { destination: '' } },
  { input: 'destination', why: 'not s3://', inputs: { destination: 'https://media/prefix/' } },
  { input: 's3-sse', why: 'an unknown type', inputs: { 's3-sse': 'SSE-C' } },
  {
    input: 's3-sse-kms-key-id',
    why: 'without s3-sse aws:kms',
    inputs: { 's3-sse-kms-key-id': 'alias/s3' },
  },
  { input: 'part-size-mib', why: 'under 5', inputs: { 'part-size-mib': '4' } },
  { input: 'create-job', why: 'not a boolean', inputs: { 'create-job': 'yes' } },
  { input: 'role-arn', why: 'missing', inputs: { 'role-arn': '' } },
  {
    input: 'job-settings',
    why: 'neither template nor settings',
    inputs: { 'job-template': '', 'job-settings': '' },
  },
  {
    input: 'job-template',
    why: 'a template that does not exist',
    inputs: { 'job-template': 'no-such-template' },
    requests: ['GetJobTemplate'],
  },
  {
    input: 'job-settings',
    why: 'a request file naming a template that does not exist',
    inputs: { 'job-template': '', 'job-settings': 'settings/unknown-template.json' },
    requests: ['GetJobTemplate'],
  },
  {
    input: 'queue',
    why: 'a queue that does not exist',
    inputs: { queue: 'NoSuchQueue' },
    requests: ['GetJobTemplate', 'GetQueue'],
  },
  {
    input: 'job-settings',
    why: 'a missing file',
    inputs: { 'job-settings': 'settings/none.json' },
  },
  {
    input: 'job-settings',
    why: 'malformed JSON',
    inputs: { 'job-settings': 'settings/broken.json' },
  },
  { input: 'job-settings', why: 'a JSON array', inputs: { 'job-settings': 'settings/array.json' } },
  {
    input: 'job-settings',
    why: 'no output groups and no template',
    inputs: { 'job-template': '', 'job-settings': 'settings/no-outputs.json' },
  },
  {
    input: 'job-settings',
    why: 'Inputs that is not an array',
    inputs: { 'job-settings': 'settings/inputs-object.json' },
  },
  { input: 'job-layout', why: 'an unknown layout', inputs: { 'job-layout': 'batch' } },
  { input: 'user-metadata', why: 'more than 10 entries', inputs: { 'user-metadata': tooMany } },
  { input: 'tags', why: 'a line without =', inputs: { tags: 'team' } },
  {
    input: 'user-metadata',
    why: 'a line without = is not quoted (it may be a token)',
    inputs: { 'user-metadata': 'team=media\nghp_NotQuotedToken0123456789' },
    secret: 'ghp_NotQuotedToken0123456789',
  },
  {
    input: 'tags',
    why: 'a line without a key is not quoted',
    inputs: { tags: '=s3cr3t-tag-value' },
    secret: 's3cr3t-tag-value',
  },
  {
    input: 'user-metadata',
    why: 'malformed JSON is not quoted',
    inputs: { 'user-metadata': '{"token": NotQuotedJsonSecret}' },
    secret: 'NotQuotedJsonSecret',
  },
  {
    input: 'job-settings',
    why: 'malformed JSON in the file is not quoted',
    inputs: { 'job-settings': 'settings/secret-broken.json' },
    secret: 'NotQuotedStaticKeyValue',
  },
  { input: 'wait', why: 'not a boolean', inputs: { wait: 'maybe' } },
  { input: 'wait', why: 'true without jobs', inputs: { wait: 'true', 'create-job': 'false' } },
  { input: 'wait-timeout', why: 'zero', inputs: { 'wait-timeout': '0' } },
  { input: 'request-timeout', why: 'a fraction', inputs: { 'request-timeout': '0.5' } },
  { input: 'cancel-on-timeout', why: 'not a boolean', inputs: { 'cancel-on-timeout': '1' } },
  { input: 'concurrency', why: 'over 64', inputs: { concurrency: '65' } },
  { input: 'max-memory-mib', why: 'under 16', inputs: { 'max-memory-mib': '8' } },
  { input: 'fail-fast', why: 'not a boolean', inputs: { 'fail-fast': 'on' } },
  { input: 'shard', why: 'index over count', inputs: { shard: '5/4' } },
  { input: 'if-exists', why: 'not a choice', inputs: { 'if-exists': 'replace' } },
  { input: 'dry-run', why: 'not a boolean', inputs: { 'dry-run': 'yes' } },
  { input: 'delete-inputs', why: 'not a choice', inputs: { 'delete-inputs': 'always' } },
  {
    input: 'delete-inputs',
    why: 'on-complete without wait',
    inputs: { 'delete-inputs': 'on-complete', wait: 'false' },
  },
  {
    input: 'manifest',
    why: 'one of the files to encrypt',
    inputs: { manifest: 'masters/a.mp4' },
  },
  {
    input: 'manifest',
    why: 'an existing file that is not a manifest',
    inputs: { manifest: 'settings/array.json' },
  },
  {
    input: 'include-hidden-files',
    why: 'not a boolean',
    inputs: { 'include-hidden-files': 'yes' },
  },
  { input: 'files', why: 'only hidden files (.git/config)', inputs: { files: '.git/**' } },
  {
    input: 'manifest',
    why: 'unset with no RUNNER_TEMP',
    inputs: { manifest: '' },
    env: { RUNNER_TEMP: '' },
  },
  { input: 'command', why: 'not a command', inputs: { command: 'transcode' } },
  {
    input: 'objects',
    why: 'verify: not an S3 URI',
    inputs: { command: 'verify', objects: 'media/masters/' },
  },
  {
    input: 'manifest',
    why: 'verify: a file that is not a manifest',
    inputs: { command: 'verify', manifest: 'settings/array.json' },
  },
  {
    input: 'to-kms-key-arn',
    why: 'rewrap without it',
    inputs: { command: 'rewrap', objects: 's3://media/masters/' },
  },
];

test('the table has at least 40 cases and a wrong value for every input', () => {
  expect(cases.filter((c) => !c.skip).length).toBeGreaterThanOrEqual(40);
  const covered = new Set(cases.map((c) => c.input));
  expect(INPUTS.map((spec) => spec.name).filter((name) => !covered.has(name))).toEqual([]);
});

describe('each bad input fails naming it, with no AWS request and no file touched', () => {
  // Root reads any file, so the unreadable-file case is reported as skipped there.
  // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect -- reported, not run
  test.skip.each(cases.filter((c) => c.skip))('$input: $why', () => undefined);
  // Concurrent (jest's maxConcurrency at a time): each case waits on its own action process
  // and has its own proxy and prefix; none may write anything, which every case checks.
  test.concurrent.each(cases.filter((c) => !c.skip))('$input: $why', async (c) => {
    casesRun += 1;
    const proxy = await startFaultProxy({ upstreams: stack.info.endpoints });
    const prefix = `bad/${c.input}/`;
    try {
      const run = await runPackagedAction({
        workspace,
        env: { ...proxy.env(stack.env()), ...c.env },
        // The template stays beside a case's job-settings, as a user's step may have both.
        inputs: actionInputs(stack, prefix, {
          files: 'masters/a.mp4',
          'job-template': stack.info.jobTemplate,
          ...c.inputs,
        }),
      });
      try {
        expect(run.code).toBe(1);
        const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatch(new RegExp(`^::error::Input \`${c.input}\`: `));
        expect(proxy.records.map((r) => `${r.service} ${r.operation}`)).toEqual(
          (c.requests ?? []).map((op) => `mediaconvert ${op}`),
        );
        // A case without a secret checks for a NUL character, which no output holds either.
        expect(run.stdout + run.stderr).not.toContain(c.secret ?? '\u0000');
        expect(run.outputs).toEqual({});
        expect(run.summary).toBe('');
        expect(await readdir(run.runnerTemp)).toEqual(['_github_output', '_step_summary']);
        expect(await snapshot([workspace, outside])).toEqual(before);
      } finally {
        await rm(run.runnerTemp, { recursive: true, force: true });
      }
    } finally {
      await proxy.close();
    }
  });
});

test('after the whole table, the emulators saw no request but the existence checks', () => {
  expect(casesRun).toBe(cases.filter((c) => !c.skip).length);
  expect(stack.kms.requests.length).toBe(kmsRequestsBefore);
  const allowed = cases.flatMap((c) => c.requests ?? []);
  expect(
    stack.mediaconvert.requests
      .slice(mediaConvertRequestsBefore)
      .map((r) => r.operation)
      .sort(),
  ).toEqual(allowed.sort());
});
