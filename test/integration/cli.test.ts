/** The CLI bundle (dist/cli.js) against the local stack: flags, INPUT_* fallbacks, exit codes. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { INPUTS } from '../../src/inputs/interface.js';
import { useStack, FAST_JOBS } from '../support/use-stack.js';
import { CLI_ENTRY } from '../support/runner.js';

const CLI = CLI_ENTRY;
const stack = useStack(FAST_JOBS);
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'cli-'));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

function cli(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: path.resolve('.'),
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...stack.env(), ...extraEnv },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('--help lists every input of the action and the exit codes', async () => {
  const { code, stdout } = await cli(['--help']);
  expect(code).toBe(0);
  for (const input of INPUTS) expect(stdout).toContain(`--${input.name}`);
  expect(stdout).toMatch(/Exit codes:[\s\S]*\b2\b[\s\S]*130/);
});

test('a bad value exits 2 naming the input; an unknown flag exits 2', async () => {
  const bad = await cli([
    '--files',
    'samples/clip.mp4',
    '--kms-key-arn',
    stack.info.kmsKeyArn,
    '--destination',
    's3://media/x/',
    '--create-job',
    'false',
    '--key-length',
    '512',
  ]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('Input `key-length`');
  const unknown = await cli(['--colour', 'blue']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('--colour');
});

test('encrypts and uploads with flags, falls back to INPUT_* variables, and writes --manifest', async () => {
  const manifestPath = path.join(tmp, 'manifest.json');
  const { code, stdout, stderr } = await cli(
    [
      '--files',
      'samples/clip.mp4',
      '--kms-key-arn',
      stack.info.kmsAliasArn,
      '--destination',
      `s3://${stack.info.bucket}/cli/`,
      '--create-job',
      'false',
      '--manifest',
      manifestPath,
    ],
    { INPUT_MODE: 'gcm' },
  );
  expect(stderr).not.toContain('error:');
  expect(code).toBe(0);
  expect(stderr).not.toContain('\r');
  const outputs = JSON.parse(stdout) as Record<string, string>;
  expect(JSON.parse(outputs['s3-uris']!)).toEqual([
    `s3://${stack.info.bucket}/cli/samples/clip.mp4`,
  ]);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    files: { decryption: { DecryptionMode: string } }[];
  };
  expect(manifest.files[0]!.decryption.DecryptionMode).toBe('AES_GCM');
});

test('a job that ends in ERROR exits 1 and says why', async () => {
  const { code, stderr } = await cli([
    '--files',
    'samples/clip.mp4',
    '--kms-key-arn',
    stack.info.kmsKeyArn,
    '--destination',
    `s3://${stack.info.bucket}/cli-fail/`,
    '--role-arn',
    stack.info.roleWithoutDecryptArn,
    '--job-template',
    stack.info.jobTemplate,
    '--wait',
    'true',
    '--manifest',
    path.join(tmp, 'fail.json'),
  ]);
  expect(code).toBe(1);
  expect(stderr).toMatch(/ended ERROR/);
});
