/**
 * GitHub's local runner, as the README tells a user to run it: `npx @github/local-action run
 * . src/main.ts .env` with .env made from .env.example and the local stack's variables. It
 * exits 0 even when the action fails, so the test reads the workflow commands it prints.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { useStack, FAST_JOBS } from '../support/use-stack.js';

const run = promisify(execFile);
const stack = useStack(FAST_JOBS);
let temp: string;

beforeAll(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'local-action-'));
});

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

test('npx @github/local-action run . src/main.ts .env encrypts, creates and waits for the job', async () => {
  const lines = [
    await readFile('.env.example', 'utf8'),
    ...Object.entries(stack.env()).map(([name, value]) => `${name}=${value}`),
    `RUNNER_TEMP=${temp}`,
    `INPUT_DESTINATION=s3://${stack.info.bucket}/local-action-test/`,
  ];
  const dotenv = path.join(temp, '.env');
  await writeFile(dotenv, `${lines.join('\n')}\n`);
  const { stdout } = await run('npx', ['@github/local-action', 'run', '.', 'src/main.ts', dotenv], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' },
    maxBuffer: 16 * 1024 * 1024,
  });
  expect(stdout).not.toContain('::error::');
  expect(stdout).toContain(
    '::set-output name=s3-uris::["s3://media/local-action-test/samples/clip.mp4"]',
  );
  const status = /::set-output name=job-status::(.*)/.exec(stdout)?.[1];
  expect(JSON.parse(status ?? '[]')).toEqual([{ id: expect.any(String), status: 'COMPLETE' }]);
});
