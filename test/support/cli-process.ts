/**
 * The packaged CLI (dist/cli.js) for the object commands (verify, decrypt, rewrap) as a child process: its exit code, stdout (as bytes: decrypt
 * may write plaintext there), stderr, and its peak resident memory, read from Linux's
 * /proc/PID/status (VmHWM, the high-water mark) while it runs.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { assertFreshDist, CLI_ENTRY } from '../../harness/runner.js';

export interface CliRun {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  /** Peak resident set size in MiB, as last seen before the process ended. */
  peakRssMiB: number;
}

export async function runCli(
  args: readonly string[],
  env: Record<string, string>,
  options: { cwd?: string } = {},
): Promise<CliRun> {
  assertFreshDist();
  const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
    cwd: options.cwd ?? os.tmpdir(),
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), NODE_NO_WARNINGS: '1', ...env },
  });
  const stdout: Buffer[] = [];
  let stderr = '';
  let peakKiB = 0;
  const poll = setInterval(() => {
    readFile(`/proc/${child.pid}/status`, 'utf8')
      .then((status) => {
        const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peakKiB = Math.max(peakKiB, kib);
      })
      .catch(() => undefined);
  }, 25);
  child.stdout.on('data', (d: Buffer) => stdout.push(d));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(poll);
  return { code, stdout: Buffer.concat(stdout), stderr, peakRssMiB: peakKiB / 1024 };
}

/** The JSON a subcommand prints on stdout. */
export function outputsOf(run: CliRun): Record<string, unknown> {
  // JSON outputs are printed as JSON values, not as strings holding JSON.
  return JSON.parse(run.stdout.toString('utf8')) as Record<string, unknown>;
}
