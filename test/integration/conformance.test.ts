/**
 * `mediaconvert-encrypt conformance` (dist/cli.js) against the local stack: every case runs a
 * real job (the local MediaConvert decrypts and transcodes with ffmpeg) and its output is
 * decoded; a case that fails is reported as failed with its error code; what the run made is
 * removed unless --keep.
 */
import { conformanceJobSettings } from '../../src/conformance/job-settings.js';
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { FAST_JOBS, useStack } from '../support/use-stack.js';
import { stackClients } from '../support/clients.js';
import { CLI_ENTRY } from '../../harness/runner.js';
import { runPackagedAction } from '../../harness/action-runner.js';
import { CASES } from '../../src/conformance/cases.js';

const execFileAsync = promisify(execFile);

const stack = useStack(FAST_JOBS);
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'conformance-'));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

function conformance(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_ENTRY, 'conformance', ...args], {
      cwd: tmp,
      env: { PATH: process.env.PATH ?? '', HOME: tmp, ...stack.env() },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function keysUnder(prefix: string): Promise<string[]> {
  const page = await stackClients(stack).s3.send(
    new ListObjectsV2Command({ Bucket: stack.info.bucket, Prefix: prefix }),
  );
  return (page.Contents ?? []).map((o) => o.Key!);
}

interface Report {
  runId: string;
  results: {
    case: string;
    status: string;
    verdict: string;
    jobId?: string;
    errorCode?: number;
    outputSeconds?: number;
  }[];
}

test('every case is COMPLETE on the local stack, its output decodes, and nothing is left behind', async () => {
  const report = path.join(tmp, 'all.json');
  const run = await conformance([
    '--destination',
    `s3://${stack.info.bucket}/conformance-all/`,
    '--kms-key-arn',
    stack.info.kmsKeyArn,
    '--role-arn',
    stack.info.roleArn,
    '--report',
    report,
  ]);
  expect(run.stderr).not.toMatch(/^error:/m);
  expect(run.code).toBe(0);
  const written = JSON.parse(await readFile(report, 'utf8')) as Report;
  expect(written.results).toHaveLength(15);
  for (const r of written.results) {
    expect(r).toMatchObject({ status: 'COMPLETE', verdict: 'passed' });
    expect(Math.abs(r.outputSeconds! - 2)).toBeLessThanOrEqual(0.2);
    expect(run.stdout).toContain(r.jobId!);
  }
  expect(run.stdout.split('\n')[0]).toMatch(/^case\s+job ID\s+status\s+error code\s+verdict$/);
  expect(await keysUnder('conformance-all/')).toEqual([]);
}, 180_000);

test('a job that cannot decrypt fails its case with the error code; --keep leaves the objects', async () => {
  const report = path.join(tmp, 'denied.json');
  const run = await conformance([
    '--destination',
    `s3://${stack.info.bucket}/conformance-denied/`,
    '--kms-key-arn',
    stack.info.kmsKeyArn,
    '--role-arn',
    stack.info.roleWithoutDecryptArn,
    '--cases',
    'AES_GCM-iv12-key192',
    '--keep',
    '--report',
    report,
  ]);
  expect(run.code).toBe(1);
  const written = JSON.parse(await readFile(report, 'utf8')) as Report;
  expect(written.results).toEqual([
    expect.objectContaining({ case: 'AES_GCM-iv12-key192', status: 'ERROR', verdict: 'failed' }),
  ]);
  expect(written.results[0]!.errorCode).toEqual(expect.any(Number));
  expect(run.stdout).toMatch(/AES_GCM-iv12-key192\s+\S+\s+ERROR\s+\d+\s+failed/);
  const kept = await keysUnder(`conformance-denied/${written.runId}/`);
  expect(kept).toContain(`conformance-denied/${written.runId}/AES_GCM-iv12-key192/clip.mp4`);
}, 60_000);

test('a bad flag exits 2 before any request, naming the flag', async () => {
  const unknown = await conformance([
    '--cases',
    'AES_ECB-iv16-key256',
    '--destination',
    's3://media/x/',
    '--kms-key-arn',
    stack.info.kmsKeyArn,
    '--role-arn',
    stack.info.roleArn,
  ]);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('--cases: "AES_ECB-iv16-key256" is not a case');
  const missing = await conformance(['--destination', 's3://media/x/']);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('--kms-key-arn is required');
  const help = await conformance(['-h']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('Usage: mediaconvert-encrypt conformance');
});

describe('the conformance workflow (.github/workflows/conformance.yml)', () => {
  const workflow = readFileSync(path.resolve('.github/workflows/conformance.yml'), 'utf8');
  const scripts = path.resolve('.github/conformance');

  test('its matrix is the CLI matrix: every mode and IV length with every key length', () => {
    const modeIvs = /mode-iv: \[([^\]]+)\]/
      .exec(workflow)![1]!
      .split(',')
      .map((s) => s.trim());
    const keys = /key-length: \[([^\]]+)\]/
      .exec(workflow)![1]!
      .split(',')
      .map((s) => s.trim());
    const names = modeIvs.flatMap((mi) => keys.map((k) => `${mi.replace('/', '-iv')}-key${k}`));
    expect(names.sort()).toEqual(CASES.map((c) => c.name).sort());
  });

  test('is skipped with a notice, not a failure, while its variables are not set', () => {
    expect(workflow).toContain("if: needs.configured.outputs.ready == 'true'");
    expect(workflow).toMatch(/::notice title=Conformance skipped::/);
  });

  test.each(['AES_CTR/12 128', 'AES_GCM/12 192', 'AES_CBC/16 256'])(
    'case %s: its steps (prepare, the packaged action with its inputs, check) pass on the local stack',
    async (matrix) => {
      const [modeIv, keyLength] = matrix.split(' ') as [string, string];
      const workspace = await mkdtemp(path.join(tmp, 'workflow-'));
      const stepOutput = path.join(workspace, 'prepare-output');
      await execFileAsync(
        path.join(scripts, 'prepare.sh'),
        [modeIv, keyLength, stack.info.bucket, 'local-1'],
        {
          cwd: workspace,
          env: { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: stepOutput },
        },
      );
      const step = Object.fromEntries(
        (await readFile(stepOutput, 'utf8'))
          .trim()
          .split('\n')
          .map((l) => l.split('=', 2) as [string, string]),
      );
      // The workflow's job is the command's job: the two cannot drift apart.
      expect(
        JSON.parse(await readFile(path.join(workspace, 'conformance-job.json'), 'utf8')),
      ).toEqual(conformanceJobSettings(`${step.prefix!}out/`));
      const run = await runPackagedAction({
        workspace,
        env: stack.env(),
        inputs: {
          files: 'conformance-clip.mp4',
          'kms-key-arn': stack.info.kmsKeyArn,
          destination: step.prefix!,
          mode: step.mode!,
          'iv-length': step['iv-length']!,
          'key-length': keyLength,
          'role-arn': stack.info.roleArn,
          'job-settings': 'conformance-job.json',
          wait: 'true',
          'wait-timeout': '900',
        },
      });
      expect(run.code).toBe(0);
      const check = await execFileAsync(path.join(scripts, 'check.sh'), [], {
        cwd: workspace,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: workspace,
          ...stack.env(),
          OUTPUT_URIS: run.outputs['output-uris']!,
        },
      });
      expect(check.stdout).toMatch(/output decodes and lasts 2\.\d+ s/);
    },
    60_000,
  );

  test('the check fails a job that did not complete', async () => {
    const failed = JSON.stringify([{ jobId: 'x', status: 'ERROR', outputs: [] }]);
    await expect(
      execFileAsync(path.join(scripts, 'check.sh'), [], {
        cwd: tmp,
        env: { PATH: process.env.PATH ?? '', OUTPUT_URIS: failed },
      }),
    ).rejects.toMatchObject({ stdout: expect.stringContaining('::error::the job ended ERROR') });
  });
});
