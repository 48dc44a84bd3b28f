/**
 * File names and service messages written by an attacker, through the packaged action and the
 * CLI against the local stack. The runner reads a line (ended by \n or a lone \r) whose start
 * after spaces is `::` as a workflow command, and `##[command]` anywhere in a line; the step
 * summary is Markdown with HTML. None of that may come from a name or a message.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPackagedAction, type ActionRun } from '../../harness/action-runner.js';
import { CLI_ENTRY } from '../../harness/runner.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack, FAST_JOBS } from '../support/use-stack.js';
import { getObject } from '../support/stack-helpers.js';
import { stackClients } from '../support/clients.js';

const NAMES = [
  'v/a\n::warning::INJECTED.mp4',
  '::error::ROOT.mp4',
  '<img src=x onerror=alert(1)>.mp4',
  'cr\r::add-mask::CR.mp4',
  'tick`code`.mp4',
  'ls\u2028::error::LS.mp4',
  'legacy ##[error]OLD.mp4',
  'pipe|cell.mp4',
];

const stack = useStack(FAST_JOBS);
let workspace: string;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'hostile-ws-'));
  await mkdir(path.join(workspace, 'v'));
  for (const name of NAMES) await copyFile('samples/clip.mp4', path.join(workspace, name));
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

/** The lines as the runner's reader splits them. */
function runnerLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Every line the runner would act on, as `name` (e.g. `warning`, `add-mask`). */
function commandsIn(text: string): string[] {
  const commands: string[] = [];
  for (const line of runnerLines(text)) {
    const v2 = /^\s*::([^\s:]+)/.exec(line);
    if (v2) commands.push(v2[1]!);
    const legacy = /##\[([^\s\]]+)/.exec(line);
    if (legacy) commands.push(`##[${legacy[1]!}`);
  }
  return commands;
}

function summaryRows(run: ActionRun): string[] {
  return run.summary.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
}

test('the action: names reach neither a command line nor the summary markup', async () => {
  const run = await runPackagedAction({
    workspace,
    env: { ...stack.env(), RUNNER_DEBUG: '1' },
    inputs: actionInputs(stack, 'hostile', {
      files: '**/*.mp4',
    }),
  });
  expect(run.stderr).not.toContain('::');
  expect(run.code).toBe(0);
  // The run succeeded: the only commands are our debug lines and one group per file.
  const commands = commandsIn(run.stdout);
  expect(new Set(commands)).toEqual(new Set(['debug', 'group', 'endgroup']));
  expect(commands.filter((c) => c === 'group')).toHaveLength(NAMES.length);
  // Each name is shown, escaped, on the line that logs its upload.
  expect(run.stdout).toContain('v/a\\n::warning::INJECTED.mp4: ');
  expect(run.stdout).toContain('\\::error::ROOT.mp4: ');
  expect(run.stdout).toContain('cr\\r::add-mask::CR.mp4');
  expect(run.stdout).toContain('ls\\u2028::error::LS.mp4');
  expect(run.stdout).not.toMatch(/[\u2028\u2029]/);

  // Every file made it, with its exact name as the key.
  const uris = JSON.parse(run.outputs['s3-uris']!) as string[];
  expect(uris.sort()).toEqual(NAMES.map((n) => `s3://${stack.info.bucket}/hostile/${n}`).sort());
  expect(JSON.parse(run.outputs['job-ids']!)).toHaveLength(NAMES.length);
  const { body } = await getObject(stackClients(stack).s3, uris[0]!);
  expect(body.length).toBeGreaterThan(0);

  // The summary: one row per file, five cells each, nothing a name could turn into markup.
  const rows = summaryRows(run);
  expect(rows).toHaveLength(1 + NAMES.length);
  for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(5);
  const fileRows = rows.slice(1).join('\n');
  expect(fileRows).not.toMatch(/[<>`\r\u2028]/);
  expect(fileRows).toContain('&#60;img src=x onerror=alert&#40;1&#41;&#62;.mp4');
  expect(fileRows).toContain('tick&#96;code&#96;.mp4');
});

test('the action: a service error message with line breaks stays on its line', async () => {
  const proxy = await startFaultProxy({
    upstreams: stack.info.endpoints,
    rules: [
      {
        service: 's3',
        operation: 'PutObject',
        pathIncludes: 'ROOT',
        fault: {
          kind: 'error',
          status: 403,
          code: 'AccessDenied',
          message: 'denied\n::add-mask::SERVICE\r::error::SERVICE\u2028::warning::SERVICE',
        },
      },
    ],
  });
  try {
    const run = await runPackagedAction({
      workspace,
      env: proxy.env(stack.env()),
      inputs: actionInputs(stack, 'hostile-error', {
        files: '*.mp4',
        'create-job': 'false',
      }),
    });
    expect(run.code).toBe(1);
    const commands = commandsIn(run.stdout);
    // One warning for the failed file, one error for the step: ours, not the message's.
    expect(commands.filter((c) => c === 'error')).toHaveLength(1);
    expect(commands.filter((c) => c === 'warning')).toHaveLength(1);
    expect(commands).not.toContain('add-mask');
    const error = runnerLines(run.stdout).find((l) => l.startsWith('::error::'))!;
    expect(error).toMatch(/^::error::1 file\(s\) failed:/);
    // (The SDK's XML parser turns the \r into \n, as XML does.)
    expect(error).toMatch(
      /denied\\n::add-mask::SERVICE\\[rn]::error::SERVICE\\u2028::warning::SERVICE/,
    );
    expect(run.summary).toContain('**failed**');
    expect(run.summary).not.toMatch(/[\r\u2028]/);
  } finally {
    await proxy.close();
  }
});

test('the CLI: names and messages on stderr never start a command; stdout is JSON', async () => {
  const child = spawn(
    process.execPath,
    [
      CLI_ENTRY,
      '--files',
      '**/*.mp4',
      '--kms-key-arn',
      stack.info.kmsKeyArn,
      '--destination',
      `s3://${stack.info.bucket}/hostile-cli/`,
      '--create-job',
      'false',
      '--manifest',
      path.join(workspace, '..', `${path.basename(workspace)}-manifest.json`),
    ],
    { cwd: workspace, env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...stack.env() } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  expect(commandsIn(stderr)).toEqual([]);
  expect(commandsIn(stdout)).toEqual([]);
  // eslint-disable-next-line no-control-regex -- no escape sequence may reach a terminal
  expect(stdout + stderr).not.toMatch(/[\u2028\u2029\u001b]/);
  const outputs = JSON.parse(stdout) as { 's3-uris': string[]; manifest: string };
  expect(outputs['s3-uris'].sort()).toEqual(
    NAMES.map((n) => `s3://${stack.info.bucket}/hostile-cli/${n}`).sort(),
  );
  await rm(outputs.manifest, { force: true });
  expect(await readFile(path.join(workspace, NAMES[1]!))).toEqual(
    await readFile('samples/clip.mp4'),
  );
});
