/**
 * The packaged CLI (dist/cli.js) as a user runs it: a child process with a clean environment
 * (PATH, HOME and what the test gives), its stdout and stderr captured.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { assertFreshDist, CLI_ENTRY, REPO_ROOT } from '../../harness/runner.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to PATH and HOME (HOME: the system temp folder, so no AWS profile leaks in). */
  env?: Record<string, string>;
  /** The working directory (default: the repository root). */
  cwd?: string;
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  assertFreshDist();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
