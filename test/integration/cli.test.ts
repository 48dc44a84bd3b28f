/** The CLI bundle (dist/cli.js) against the local stack: flags, INPUT_* fallbacks, exit codes. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { INPUTS } from '../../src/inputs/interface.js';
import { useStack, FAST_JOBS } from '../support/use-stack.js';
import { runCli, type CliRun } from '../support/cli-runner.js';
import { stackClients } from '../support/clients.js';

const stack = useStack(FAST_JOBS);
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'cli-'));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  return runCli(args, { env: { ...stack.env(), ...extraEnv } });
}

/** The flags every run below needs: the sample clip, the stack's key and bucket. */
function basics(prefix: string): string[] {
  return [
    '--files',
    'samples/clip.mp4',
    '--kms-key-arn',
    stack.info.kmsKeyArn,
    '--destination',
    `s3://${stack.info.bucket}/${prefix}/`,
  ];
}

async function objectsUnder(prefix: string): Promise<number> {
  const listed = await stackClients(stack).s3.send(
    new ListObjectsV2Command({ Bucket: stack.info.bucket, Prefix: `${prefix}/` }),
  );
  return listed.KeyCount ?? 0;
}

test('--help and -h list every input with its placeholder and the exit codes; --version', async () => {
  const { code, stdout } = await cli(['--help']);
  expect(code).toBe(0);
  for (const input of INPUTS) expect(stdout).toContain(`--${input.name}`);
  expect(stdout).toContain('--kms-key-arn ARN');
  expect(stdout).toContain('--wait, --no-wait');
  expect(stdout).toMatch(/Exit codes:[\s\S]*\b2\b[\s\S]*\b3\b[\s\S]*130/);
  expect((await cli(['-h'])).stdout).toBe(stdout);
  const version = await cli(['--version']);
  const { version: packageVersion } = JSON.parse(await readFile('package.json', 'utf8')) as {
    version: string;
  };
  expect([version.code, version.stdout]).toEqual([0, `mediaconvert-encrypt ${packageVersion}\n`]);
});

test('a bad value exits 2 naming the flag; an unknown flag exits 2 naming the nearest', async () => {
  const bad = await cli([...basics('bad'), '--no-create-job', '--key-length', '512']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("error: --key-length: '512' is not a key length");
  expect(bad.stderr).not.toContain('Input `');
  const unknown = await cli(['--kms-key', stack.info.kmsKeyArn]);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toBe(
    'error: unknown option --kms-key (did you mean --kms-key-arn?); see --help\n',
  );
  const stray = await cli([...basics('bad'), 'extra']);
  expect([stray.code, stray.stderr]).toEqual([
    2,
    expect.stringContaining('unexpected argument extra'),
  ]);
});

test('without a role, the error says how to skip jobs in the command-line form', async () => {
  const { code, stderr } = await cli([...basics('no-role'), '--job-template', 'x']);
  expect(code).toBe(2);
  expect(stderr).toContain(
    'error: --role-arn is required when jobs are created (or set `--create-job false`)',
  );
});

test('a job template AWS does not know exits 3, after read-only requests only', async () => {
  const { code, stdout, stderr } = await cli([
    ...basics('no-template'),
    '--role-arn',
    stack.info.roleArn,
    '--job-template',
    'nope',
  ]);
  expect(code).toBe(3);
  expect(stderr).toContain("error: --job-template: job template 'nope' does not exist");
  expect(stdout).toBe('');
  expect(await objectsUnder('no-template')).toBe(0);
});

test('encrypts and uploads with flags, falls back to INPUT_* variables, and writes --manifest', async () => {
  const manifestPath = path.join(tmp, 'manifest.json');
  const { code, stdout, stderr } = await cli(
    [...basics('cli'), '--no-create-job', '--manifest', manifestPath],
    { INPUT_MODE: 'gcm' },
  );
  expect(stderr).not.toContain('error:');
  expect(code).toBe(0);
  expect(stderr).not.toContain('\r');
  // JSON outputs are JSON values on stdout, not strings holding JSON.
  const outputs = JSON.parse(stdout) as Record<string, unknown>;
  expect(outputs['s3-uris']).toEqual([`s3://${stack.info.bucket}/cli/samples/clip.mp4`]);
  expect(outputs['job-ids']).toEqual([]);
  expect(outputs['manifest']).toBe(manifestPath);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    files: { decryption: { DecryptionMode: string } }[];
  };
  expect(manifest.files[0]!.decryption.DecryptionMode).toBe('AES_GCM');
});

test('a job that ends in ERROR exits 1 and says why (--wait as a bare flag)', async () => {
  const { code, stdout, stderr } = await cli([
    ...basics('cli-fail'),
    '--role-arn',
    stack.info.roleWithoutDecryptArn,
    '--job-template',
    stack.info.jobTemplate,
    '--wait',
    '--manifest',
    path.join(tmp, 'fail.json'),
  ]);
  expect(code).toBe(1);
  expect(stderr).toMatch(/ended ERROR/);
  const outputs = JSON.parse(stdout) as { 'job-ids': string[]; 'job-status': { status: string }[] };
  expect(outputs['job-ids']).toHaveLength(1);
  expect(outputs['job-status'].map((s) => s.status)).toEqual(['ERROR']);
});

test('without --manifest, each run writes a manifest of its own and says where', async () => {
  const runs = await Promise.all([
    cli([...basics('own-manifest-a'), '--no-create-job']),
    cli([...basics('own-manifest-b'), '--no-create-job']),
  ]);
  const paths = runs.map((run) => (JSON.parse(run.stdout) as { manifest: string }).manifest);
  try {
    for (const [i, run] of runs.entries()) {
      expect(run.code).toBe(0);
      expect(path.dirname(paths[i]!)).toBe(os.tmpdir());
      expect(path.basename(paths[i]!)).toMatch(
        /^mediaconvert-encrypt-manifest-\d{8}T\d{6}Z-\d+\.json$/,
      );
      expect(run.stderr).toContain(`manifest: ${paths[i]}\n`);
      const manifest = JSON.parse(await readFile(paths[i]!, 'utf8')) as {
        files: { s3Uri: string }[];
      };
      expect(manifest.files[0]!.s3Uri).toContain(`/own-manifest-${'ab'[i]}/`);
    }
    expect(paths[0]).not.toBe(paths[1]);
  } finally {
    for (const file of paths) await rm(file, { force: true });
  }
});
