/**
 * The README's "run it" command, `npm run demo`, as a user runs it: quiet, readable, nothing
 * left behind; `--keep` leaves a stack the AWS CLI reaches with the commands it prints, until
 * the signal it names; an argument it does not know is refused.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AWS_CLI, awsCliEnv } from '../support/aws-cli.js';

const TSX = path.resolve('node_modules/.bin/tsx');

interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A user's environment: without the switch jest.config.js sets for its workers. */
function userEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  return env;
}

function demo(args: string[]): Promise<Finished> {
  // Not spawnSync: the other tests' stacks share this event loop.
  return new Promise((resolve) => {
    execFile(
      TSX,
      ['scripts/demo.ts', ...args],
      { encoding: 'utf8', timeout: 110_000, env: userEnv() },
      (error, stdout, stderr) =>
        resolve({
          status: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

/** Every /tmp/runner-temp-* and /tmp/demo-output-* folder the demo names. */
function foldersNamed(text: string): string[] {
  const found = text.matchAll(/(\/\S+\/(?:runner-temp|demo-output)-[^/\s]+)/g);
  return [...new Set([...found].map((m) => m[1]!))];
}

test.concurrent(
  'npm run demo: the job completes, no warning, readable outputs, no folder left behind',
  async () => {
    const run = await demo([]);
    expect(run.stdout).toContain('Demo finished');
    expect(run.status).toBe(0);
    // No warning from Node.js, the AWS SDK or the action, on any Node.js version.
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/warning/i);
    expect(run.stdout).toMatch(/job \S+: COMPLETE/);
    expect(run.stdout).toMatch(/outputs\/clip-240p\.mp4 .*h264,video/);
    // job-settings over several indented lines, not one giant one.
    expect(run.stdout).toMatch(/^ {2}job-settings = \[\n {6}\{\n {8}"Role": /m);
    expect(run.stdout.split('\n').every((line) => line.length < 300)).toBe(true);
    // The manifest's folder was named, and is gone with the rest.
    const named = foldersNamed(run.stdout);
    expect(named.length).toBeGreaterThan(0);
    for (const folder of named) expect([folder, existsSync(folder)]).toEqual([folder, false]);
  },
);

test.concurrent(
  'npm run demo -- --keep: the printed AWS CLI commands work until the printed kill',
  async () => {
    const child = spawn(TSX, ['scripts/demo.ts', '--keep'], { env: userEnv() });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    let pid: number | undefined;
    try {
      const deadline = Date.now() + 100_000;
      while (!/Stop it with .*kill \d+/.test(stdout) && Date.now() < deadline) {
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      pid = Number(/kill (\d+)/.exec(stdout)?.[1]);
      expect(stdout).toContain('Demo finished');
      const kept = foldersNamed(stdout.slice(stdout.indexOf('Kept on disk')));
      expect(kept).toHaveLength(2);
      for (const folder of kept) expect(existsSync(folder)).toBe(true);
      const credentials = /^ {2}export (AWS_ACCESS_KEY_ID=.*)$/m.exec(stdout)![1]!;
      const commands = [
        ...stdout.matchAll(/^ {2}aws (.+ --endpoint-url http:\/\/127\.0\.0\.1:\d+)$/gm),
      ].map((m) => m[1]!);
      expect(commands.map((c) => c.split(' ').slice(0, 2).join(' '))).toEqual([
        's3 ls',
        's3api head-object',
        'kms describe-key',
        'mediaconvert get-job',
      ]);
      // As a user pastes them, with Debian's AWS CLI (it ignores AWS_ENDPOINT_URL_*).
      const env = awsCliEnv(
        Object.fromEntries(
          credentials.split(' ').map((pair) => pair.split('=') as [string, string]),
        ),
      );
      for (const command of commands) {
        const result = await new Promise<Finished>((resolve) =>
          execFile(AWS_CLI, command.split(' '), { env }, (error, out, err) =>
            resolve({ status: error ? 1 : 0, stdout: out, stderr: err }),
          ),
        );
        expect([command, result.status, result.stderr]).toEqual([command, 0, '']);
      }
      process.kill(pid, 'SIGTERM');
      expect(await closed).toBe(0);
      expect(stdout).toContain('SIGTERM: stopping the local AWS stack');
      for (const folder of kept) expect([folder, existsSync(folder)]).toEqual([folder, false]);
    } finally {
      // After a failed expectation: stop the demo as the user would, so it cleans up.
      if (child.exitCode === null) {
        if (pid) process.kill(pid, 'SIGTERM');
        else child.kill('SIGTERM');
        await closed;
      }
    }
  },
);

test.concurrent(
  'npm run demo refuses an argument it does not know, before starting anything',
  async () => {
    const run = await demo(['--jobs', 'hls']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option --jobs (did you mean --job?)');
    expect(run.stdout).not.toContain('Local AWS stack');
    const unknownJob = await demo(['--job', 'nope']);
    expect(unknownJob.status).toBe(2);
    expect(unknownJob.stderr).toContain('--job needs the name of a file in samples/jobs/');
  },
);
