/**
 * The real AWS CLI v2 (Debian's awscli: botocore, an implementation independent of the
 * JavaScript SDK) for tests of the local stack's wire protocols.
 *
 * A test file opens one session and runs its commands through it: one Python process runs them
 * in turn through the CLI's own entry point (test/support/aws-cli-session.py), so the ~1 s of
 * CPU the CLI takes to start is paid once a file rather than once a command. What a command
 * does on the wire, and what it prints and returns, are those of `aws ARGS...`.
 *
 * Tests that run documented shell commands (test/docs/) call the `aws` program itself.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { STACK_CREDENTIALS } from '../../local-aws/identity.js';

/** The Debian AWS CLI v2. Another `aws` (v1) may come first on PATH, so never rely on PATH. */
export const AWS_CLI = '/usr/bin/aws';
export const HAS_AWS_CLI = existsSync(AWS_CLI);

const SESSION_SCRIPT = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'aws-cli-session.py',
);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment a command runs in: the stack's credentials and `extra`, and nothing of the
 * user's own AWS configuration.
 */
export function awsCliEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    AWS_ACCESS_KEY_ID: STACK_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: STACK_CREDENTIALS.secretAccessKey,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
    ...extra,
  };
}

export interface AwsCli {
  /** `aws ...args` in `awsCliEnv(env)`. Commands run one at a time, in the order called. */
  run(args: string[], env?: Record<string, string>): Promise<CliResult>;
  close(): Promise<void>;
}

/** The interpreter of the `aws` script (its `#!` line), so the session imports the same awscli. */
function interpreter(): string {
  const first = readFileSync(AWS_CLI, 'utf8').split('\n', 1)[0] ?? '';
  const match = /^#!\s*(\S+)/.exec(first);
  if (!match) throw new Error(`${AWS_CLI} does not start with a #! line`);
  return match[1]!;
}

export function startAwsCli(): AwsCli {
  const child: ChildProcessWithoutNullStreams = spawn(interpreter(), [SESSION_SCRIPT], {
    env: awsCliEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const waiting: { resolve: (r: CliResult) => void; reject: (e: Error) => void }[] = [];
  const failAll = (why: string) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`AWS CLI session ${why}: ${stderr}`));
  };
  createInterface({ input: child.stdout }).on('line', (line) => {
    waiting.shift()?.resolve(JSON.parse(line) as CliResult);
  });
  const exited = new Promise<void>((resolve) =>
    child.on('close', (code, signal) => {
      failAll(`ended (${signal ?? code})`);
      resolve();
    }),
  );
  child.on('error', (error) => failAll(error.message));
  return {
    run(args, env = {}) {
      return new Promise<CliResult>((resolve, reject) => {
        waiting.push({ resolve, reject });
        child.stdin.write(`${JSON.stringify({ args, env: awsCliEnv(env) })}\n`);
      });
    },
    async close() {
      child.stdin.end();
      await exited;
    },
  };
}

/** The parsed JSON a command printed; throws with its stderr when it failed. */
export function cliJson<T>(result: CliResult): T {
  if (result.code !== 0) throw new Error(`aws failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
