/**
 * The files the runner gives a step for its results, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY:
 * checked before any AWS request (a FIFO, a missing folder, a read-only or full file system
 * is refused then, not after the jobs exist), and written so that a failure names the file
 * and the errno. What goes into them is built and capped in outputs/.
 */
import * as core from '@actions/core';
import type { OutputName } from '../inputs/interface.js';
import { MAX_STEP_OUTPUT_BYTES, MAX_SUMMARY_BYTES } from '../outputs/limits.js';
import { actionOutputs, jobOutputs } from '../outputs/step-outputs.js';
import { errnoOf } from '../report/durable-file.js';
import type { RunReport } from '../report/run-report.js';
import { unwritableReason } from '../report/writable.js';
import type { OutputRoom } from '../pipeline/run.js';
import type { Logger } from '../shared/logger.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Refuses GITHUB_OUTPUT and GITHUB_STEP_SUMMARY when set and not writable with room to spare. */
export async function checkGithubFiles(env: Env, room: OutputRoom): Promise<void> {
  // About what the outputs and the summary hold for a file and its job; each is capped.
  const outputs = Math.min(
    8192 + room.files * (1024 + room.requestBytes),
    2 * MAX_STEP_OUTPUT_BYTES,
  );
  const summary = Math.min(4096 + room.files * 512, MAX_SUMMARY_BYTES);
  for (const [name, needed] of [
    ['GITHUB_OUTPUT', outputs],
    ['GITHUB_STEP_SUMMARY', summary],
  ] as const) {
    const file = env[name];
    if (!file) continue;
    const reason = await unwritableReason(file, { neededBytes: needed });
    if (reason !== undefined) {
      throw new Error(
        `${name} '${file}' cannot be written: ${reason}; nothing was sent to AWS (the runner sets ${name} to a file it made: check the step's environment)`,
      );
    }
  }
}

/**
 * Sets step outputs. When GITHUB_OUTPUT cannot be written, the error names it and the errno;
 * `jobIds` (the jobs that exist) then go to the log first, one per line, so they are not lost.
 */
export function setOutputs(
  values: Partial<Record<OutputName, string>>,
  env: Env,
  log: Logger,
  jobIds: readonly string[],
): void {
  try {
    for (const [name, value] of Object.entries(values)) core.setOutput(name, value);
  } catch (error) {
    if (jobIds.length > 0) {
      log.warning(`the step outputs could not be written; the ${jobIds.length} job ID(s):`);
      for (const id of jobIds) log.info(id);
    }
    throw new Error(
      `writing the step outputs to GITHUB_OUTPUT '${env.GITHUB_OUTPUT ?? ''}' failed: ${errnoOf(error)}`,
      { cause: error },
    );
  }
}

/** `job-id` and `job-ids` as soon as the jobs exist: a later `if: always()` step can read them. */
export function setJobOutputs(
  ids: readonly string[],
  manifestPath: string,
  env: Env,
  log: Logger,
): void {
  setOutputs(jobOutputs(ids, manifestPath).values, env, log, ids);
}

/**
 * Reports the run: its outputs and summary built and capped (outputs/step-outputs.ts), a
 * warning logged for each cap, then written. Throws when either file cannot be written.
 */
export async function reportRun(
  report: RunReport,
  manifestPath: string,
  env: Env,
  log: Logger,
): Promise<void> {
  const { outputs, summary } = actionOutputs(report, manifestPath);
  for (const warning of outputs.warnings) log.warning(warning);
  const jobIds = report.jobs.map((j) => j.id);
  setOutputs(outputs.values, env, log, jobIds);
  if (summary.warning) log.warning(summary.warning);
  await writeSummary(summary.text, env);
}

/** Writes the step summary; a failure names GITHUB_STEP_SUMMARY and the errno. */
export async function writeSummary(markdown: string, env: Env): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown).write();
  } catch (error) {
    throw new Error(
      `writing the step summary to GITHUB_STEP_SUMMARY '${env.GITHUB_STEP_SUMMARY}' failed: ${errnoOf(error)}`,
      { cause: error },
    );
  }
}
