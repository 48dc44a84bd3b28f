import * as core from '@actions/core';
import os from 'node:os';
import { parseConfig } from './config.js';
import { messageOf } from './errors.js';
import { actionsLogger, hostDeps, interruptOnSignals } from './host.js';
import { INPUTS, type InputName } from './interface.js';
import { outputsOf, summaryOf } from './report.js';
import { run as runPipeline } from './run.js';

function readInputs(): Partial<Record<InputName, string>> {
  const raw: Partial<Record<InputName, string>> = {};
  for (const spec of INPUTS) raw[spec.name] = core.getInput(spec.name);
  return raw;
}

/** The GitHub Action: inputs in, outputs and summary out, one setFailed at the end. */
export async function run(): Promise<void> {
  const interruption = interruptOnSignals(actionsLogger);
  const { signal } = interruption;
  let failure: string | undefined;
  try {
    const env = process.env;
    const config = parseConfig(readInputs(), env);
    const outcome = await runPipeline(
      config,
      hostDeps(config, env, {
        log: actionsLogger,
        signal,
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        tempDir: env.RUNNER_TEMP || os.tmpdir(),
        logRequests: core.isDebug(),
        // Loaded on demand: the artifact client is most of the bundle and most steps never use it.
        artifacts: async () => new (await import('@actions/artifact')).DefaultArtifactClient(),
      }),
    );
    for (const [name, value] of Object.entries(outputsOf(outcome.report, config.manifestPath))) {
      core.setOutput(name, value);
    }
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryOf(outcome.report)).write();
    failure = outcome.failure;
  } catch (error) {
    failure = messageOf(error);
  } finally {
    interruption.dispose();
  }
  if (signal.aborted)
    failure = `${failure ?? 'interrupted'} (interrupted; uploads in flight were aborted)`;
  if (failure !== undefined) core.setFailed(failure);
}
