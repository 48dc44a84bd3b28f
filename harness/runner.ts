/**
 * The packaged action as the GitHub runner starts it: the environment (INPUT_<NAME> variables,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, GITHUB_WORKSPACE), built once here for the
 * tests, the demo and the benchmark, and the bundle itself, which must be built from the
 * sources in the working tree.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleDist } from '../scripts/sources.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ACTION_ENTRY = path.join(REPO_ROOT, 'dist', 'index.js');
export const CLI_ENTRY = path.join(REPO_ROOT, 'dist', 'cli.js');

/** Throws when dist/ was built from other sources than the working tree's. */
export function assertFreshDist(): void {
  const stale = staleDist(REPO_ROOT);
  if (stale) throw new Error(`${stale}: run \`npm run bundle\` first`);
}

export interface RunnerOptions {
  inputs: Record<string, string>;
  /** Added to a clean environment (PATH, HOME and these; nothing else of ours leaks in). */
  env: Record<string, string>;
  workspace: string;
  /** GITHUB_JOB and GITHUB_ACTION. */
  job?: string;
}

export interface RunnerEnvironment {
  env: Record<string, string>;
  runnerTemp: string;
  files: { output: string; summary: string };
}

/**
 * A fresh RUNNER_TEMP with empty output and summary files, and the environment the runner
 * gives a step: inputs as INPUT_<NAME> (name upper-cased, spaces to underscores, hyphens kept).
 */
export async function runnerEnvironment(options: RunnerOptions): Promise<RunnerEnvironment> {
  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'runner-temp-'));
  const files = {
    output: path.join(runnerTemp, '_github_output'),
    summary: path.join(runnerTemp, '_step_summary'),
  };
  await writeFile(files.output, '');
  await writeFile(files.summary, '');
  const job = options.job ?? 'transcode';
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: runnerTemp,
    GITHUB_RUN_ID: String(Date.now()),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REPOSITORY: 'local/mediaconvert-encrypt',
    GITHUB_JOB: job,
    GITHUB_ACTION: job,
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return { env, runnerTemp, files };
}
