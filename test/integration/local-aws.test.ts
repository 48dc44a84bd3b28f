/** The stack launcher, run as a user runs it (the demo: demo.test.ts). */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { request } from 'node:https';
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

/** The HTTP status an https GET of `url` gets, trusting only `ca`. */
function httpsStatus(url: string, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end();
  });
}

test.concurrent(
  'npm run local-aws -- --tls: https endpoints and the CA in the info and dotenv files; gone on SIGTERM',
  async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'local-aws-tls-'));
    const infoFile = path.join(dir, 'info.json');
    const dotenv = path.join(dir, '.env');
    const child = spawn(
      'npm',
      ['run', 'local-aws', '--', '--tls', '--dotenv', dotenv, '--info-file', infoFile],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let printed = '';
    child.stdout.on('data', (d: Buffer) => (printed += d.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    let info: StackInfo | undefined;
    try {
      await waitForFile(infoFile, 30_000);
      info = JSON.parse(await readFile(infoFile, 'utf8')) as StackInfo;
      const ca = await readFile(info.caBundle!, 'utf8');
      for (const url of Object.values(info.httpsEndpoints!)) {
        expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        // Any answer of the service's own (an error for a bare GET) proves TLS was accepted.
        expect(await httpsStatus(url, ca)).toBeGreaterThanOrEqual(200);
      }
      for (const url of Object.values(info.endpoints)) expect(await accepts(url)).toBe(true);
      const lines = (await readFile(dotenv, 'utf8')).split('\n');
      expect(lines).toEqual(
        expect.arrayContaining([
          `AWS_ENDPOINT_URL_S3=${info.httpsEndpoints!.s3}`,
          `NODE_EXTRA_CA_CERTS=${info.caBundle}`,
          `AWS_CA_BUNDLE=${info.caBundle}`,
        ]),
      );
      expect(printed).toContain(`CA certificate ${info.caBundle}`);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // The CA goes with the stack, and no https port still answers.
    expect(existsSync(info!.caBundle!)).toBe(false);
    for (const url of Object.values(info!.httpsEndpoints!)) expect(await accepts(url)).toBe(false);
    await rm(dir, { recursive: true, force: true });
  },
);
