/** The README's "run it" command and the stack launcher, run as a user runs them. */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { stackEnv, type StackInfo } from '../../local-aws/stack.js';
import { cliJson, startAwsCli } from '../support/aws-cli.js';

interface KeyDescription {
  KeyMetadata: { Arn: string };
}
interface TemplateDescription {
  JobTemplate: { Name: string };
}

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

/** Processes whose command line contains `text` (read from /proc), as `pid command`. */
async function processesWith(text: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(text)) found.push(`${pid} ${cmdline.replace(/\0/g, ' ')}`);
  }
  return found;
}

function accepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test.concurrent(
  'npm run local-aws -- --info-file PATH: serves the AWS CLI; SIGTERM to npm stops every process',
  async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'local-aws-'));
    const infoFile = path.join(dir, 'info.json');
    // As `npm run local-aws -- --info-file F &` then `kill $!`: the signal goes to npm only.
    const child = spawn('npm', ['run', 'local-aws', '--', '--info-file', infoFile], {
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    let endpoints: string[] = [];
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
      endpoints = Object.values(info.endpoints);
      for (const url of endpoints) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // The stack's own variables only: endpoints, credentials, region, no user configuration.
      // The stack's variables (credentials, region) and nothing of the user's configuration;
      // this CLI (2.9) predates AWS_ENDPOINT_URL_<SERVICE>, so each command names its endpoint.
      const env = { ...stackEnv(info), HOME: dir, AWS_DEFAULT_OUTPUT: 'json' };
      const cli = startAwsCli();
      try {
        const described = await cli.run(
          ['kms', 'describe-key', '--key-id', info.kmsKeyArn, '--endpoint-url', info.endpoints.kms],
          env,
        );
        expect(described.stderr).toBe('');
        expect(cliJson<KeyDescription>(described).KeyMetadata.Arn).toBe(info.kmsKeyArn);
        const template = cliJson<TemplateDescription>(
          await cli.run(
            [
              'mediaconvert',
              'get-job-template',
              '--name',
              info.jobTemplate,
              '--endpoint-url',
              info.endpoints.mediaconvert,
            ],
            env,
          ),
        );
        expect(template.JobTemplate.Name).toBe(info.jobTemplate);
        const bucket = await cli.run(
          ['s3api', 'head-bucket', '--bucket', info.bucket, '--endpoint-url', info.endpoints.s3],
          env,
        );
        expect([bucket.code, bucket.stderr]).toEqual([0, '']);
      } finally {
        await cli.close();
      }
      expect((await processesWith(infoFile)).length).toBeGreaterThanOrEqual(2);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // The stack's node processes go too, not only npm: none is left, no port still answers.
    const deadline = Date.now() + 10_000;
    while ((await processesWith(infoFile)).length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await processesWith(infoFile)).toEqual([]);
    for (const url of endpoints) expect([url, await accepts(url)]).toEqual([url, false]);
    await rm(dir, { recursive: true, force: true });
  },
);

test.concurrent(
  'npm run demo: encrypts the sample clip, the job completes and its output is real media',
  async () => {
    // As a user's shell starts it: without the switch jest.config.js sets for its workers.
    const env = { ...process.env };
    delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    // Not spawnSync: the other test's stack and polling share this event loop.
    const demo = await new Promise<{ status: number | null; stdout: string; stderr: string }>(
      (resolve) => {
        execFile(
          TSX,
          ['scripts/demo.ts'],
          { encoding: 'utf8', timeout: 110_000, env },
          (error, stdout, stderr) =>
            resolve({
              status: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
              stdout,
              stderr,
            }),
        );
      },
    );
    expect(demo.stdout).toContain('Demo finished');
    // No warning from Node.js, the AWS SDK or the action, on any Node.js version.
    expect(`${demo.stdout}\n${demo.stderr}`).not.toMatch(/warning/i);
    expect(demo.stdout).toMatch(/job \S+: COMPLETE/);
    expect(demo.stdout).toMatch(/outputs\/clip-240p\.mp4 .*h264,video/);
    expect(demo.status).toBe(0);
    // The demo keeps its RUNNER_TEMP and the local copies of the outputs for a user to look at.
    const kept = new Set(
      [...demo.stdout.matchAll(/(\/\S+\/(?:runner-temp|demo-output)-[^/\s]+)\//g)].map(
        (m) => m[1]!,
      ),
    );
    expect(kept.size).toBeGreaterThan(0);
    for (const dir of kept) await rm(dir, { recursive: true, force: true });
  },
);
