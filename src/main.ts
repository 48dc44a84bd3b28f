/**
 * The GitHub Action, in actions/typescript-action's layout: this module exports run(), which
 * index.ts calls and which `npx @github/local-action run . src/main.ts .env` runs directly.
 */
import * as core from '@actions/core';
import os from 'node:os';
import { parseConfig } from './inputs/config.js';
import { messageOf } from './shared/errors.js';
import { actionsLogger } from './host/loggers.js';
import { loadPipeline } from './host/pipeline.js';
import { exitWhenFlushed, handleInterrupts } from './host/signals.js';
import { INPUTS, type InputName } from './inputs/interface.js';
import { limitOutputs } from './report/output-limits.js';
import { outputsOf, summaryOf } from './report/report.js';
import { logLines } from './shared/safe-text.js';
import { checkGithubFiles, setJobOutputs, setOutputs, writeSummary } from './host/github-files.js';

function readInputs(): Partial<Record<InputName, string>> {
  const raw: Partial<Record<InputName, string>> = {};
  for (const spec of INPUTS) raw[spec.name] = core.getInput(spec.name);
  return raw;
}

/** The GitHub Action: inputs in, outputs and summary out, one setFailed at the end. */
export async function run(): Promise<void> {
  const interrupt = handleInterrupts((m) => actionsLogger.warning(m));
  let failure: string | undefined;
  try {
    const env = process.env;
    const inputs = readInputs();
    // The runner masks secrets.* already; a token from elsewhere must not reach the log either.
    if (inputs['github-token']) core.setSecret(inputs['github-token']);
    const config = parseConfig(inputs, env);
    const { runPipeline, hostDeps } = await loadPipeline();
    const outcome = await runPipeline(
      config,
      hostDeps(config, env, {
        log: actionsLogger,
        signal: interrupt.signal,
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        tempDir: env.RUNNER_TEMP || os.tmpdir(),
        logRequests: core.isDebug(),
        // Loaded on demand: the artifact client is most of the bundle and most steps never use it.
        artifacts: async () => new (await import('@actions/artifact')).DefaultArtifactClient(),
        checkOutputs: (room) => checkGithubFiles(env, room),
        onJobs: (ids) => setJobOutputs(ids, config.manifestPath, env, actionsLogger),
      }),
    );
    failure = outcome.failure;
    const outputs = limitOutputs(outputsOf(outcome.report, config.manifestPath), {
      manifestPath: config.manifestPath,
    });
    for (const warning of outputs.warnings) actionsLogger.warning(warning);
    const jobIds = outcome.report.jobs.map((j) => j.id);
    setOutputs(outputs.values, env, actionsLogger, jobIds);
    await writeSummary(summaryOf(outcome.report), env);
  } catch (error) {
    // A run that failed before this one's own failure keeps it in front.
    failure = failure === undefined ? messageOf(error) : `${failure}\n- ${messageOf(error)}`;
  }
  if (interrupt.signal.aborted) {
    failure = `${failure ?? 'interrupted'} (interrupted; requests in flight and uploads were aborted)`;
  }
  if (failure !== undefined) core.setFailed(logLines(failure));
  // The signal handlers stay until the process ends: a later signal must not cut anything
  // short. Once canceled, exit as soon as the log is out: a timer or idle connection must not
  // hold the process into the runner's next signal.
  if (interrupt.signal.aborted) exitWhenFlushed();
}
