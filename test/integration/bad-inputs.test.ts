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
import { cases, GCM_LIMIT } from './bad-inputs.cases.js';

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
