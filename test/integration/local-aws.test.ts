/** The README's "run it" command and the stack launcher, run as a user runs them. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stackEnv, type StackInfo } from '../../local-aws/stack.js';

const TSX = path.resolve('node_modules/.bin/tsx');

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await stat(file)
        .then((s) => s.size > 0)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${file} did not appear within ${timeoutMs} ms`);
}

test('npm run local-aws -- --info-file PATH: serves the AWS CLI, then stops on SIGTERM', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'local-aws-'));
  const infoFile = path.join(dir, 'info.json');
  const child = spawn(TSX, ['local-aws/cli.ts', '--info-file', infoFile], { stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await waitForFile(infoFile, 30_000);
    const info = JSON.parse(await readFile(infoFile, 'utf8')) as StackInfo;
    expect(Object.keys(info)).toEqual(
      expect.arrayContaining([
        'region',
        'endpoints',
        'credentials',
        'kmsKeyArn',
        'roleArn',
        'bucket',
      ]),
    );
    for (const url of Object.values(info.endpoints))
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const env = { ...process.env, ...stackEnv(info) };
    const describe = spawnSync(
      '/usr/bin/aws',
      [
        'kms',
        'describe-key',
        '--key-id',
        info.kmsKeyArn,
        '--endpoint-url',
        info.endpoints.kms,
        '--output',
        'json',
      ],
      { env, encoding: 'utf8' },
    );
    expect(describe.stderr).toBe('');
    expect(JSON.parse(describe.stdout).KeyMetadata.Arn).toBe(info.kmsKeyArn);
    const template = spawnSync(
      '/usr/bin/aws',
      [
        'mediaconvert',
        'get-job-template',
        '--name',
        info.jobTemplate,
        '--endpoint-url',
        info.endpoints.mediaconvert,
        '--output',
        'json',
      ],
      { env, encoding: 'utf8' },
    );
    expect(JSON.parse(template.stdout).JobTemplate.Name).toBe(info.jobTemplate);
    const bucket = spawnSync(
      '/usr/bin/aws',
      ['s3api', 'head-bucket', '--bucket', info.bucket, '--endpoint-url', info.endpoints.s3],
      { env, encoding: 'utf8' },
    );
    expect(bucket.status).toBe(0);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
});

test('npm run demo: encrypts the sample clip, the job completes and its output is real media', async () => {
  const demo = spawnSync(TSX, ['scripts/demo.ts'], { encoding: 'utf8', timeout: 110_000 });
  expect(demo.stdout).toContain('Demo finished');
  expect(demo.stdout).toMatch(/job \S+: COMPLETE/);
  expect(demo.stdout).toMatch(/outputs\/clip-240p\.mp4 .*h264,video/);
  expect(demo.status).toBe(0);
});
