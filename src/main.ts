/**
 * The GitHub Action, in actions/typescript-action's layout: this module exports run(), which
 * index.ts calls and which `npx @github/local-action run . src/main.ts .env` runs directly.
 */
import * as core from '@actions/core';
import os from 'node:os';
import { AbandonedWorkError, messageOf } from './shared/errors.js';
import { actionsLogger } from './host/loggers.js';
import { parseMode, runMode } from './host/pipeline.js';
import { exitWhenFlushed, handleInterrupts } from './host/signals.js';
import { INPUTS, type InputName } from './inputs/interface.js';
import { logLines } from './shared/safe-text.js';
import { quietNodeVersionWarning } from './aws/node-version-warning.js';
import { parseCommand } from './inputs/objects-config.js';
import { runObjectsStep } from './objects-step.js';
import { checkGithubFiles, reportRun, setJobOutputs } from './host/github-files.js';

function readInputs(): Partial<Record<InputName, string>> {
  const raw: Partial<Record<InputName, string>> = {};
  for (const spec of INPUTS) raw[spec.name] = core.getInput(spec.name);
  return raw;
}

/** The GitHub Action: inputs in, outputs and summary out, one setFailed at the end. */
export async function run(): Promise<void> {
  // The runner's node24 prints none; `npx @github/local-action` on Node.js 20 would.
  quietNodeVersionWarning();
  const interrupt = handleInterrupts((m) => actionsLogger.warning(m));
  let failure: string | undefined;
  let abandoned = false;
  try {
    const env = process.env;
    const inputs = readInputs();
    // The runner masks secrets.* already; a token from elsewhere must not reach the log either.
    if (inputs['github-token']) core.setSecret(inputs['github-token']);
    const command = parseCommand(inputs);
    failure =
      command === 'encrypt'
        ? await encryptStep(inputs, env, interrupt.signal)
        : await runObjectsStep(command, inputs, env, interrupt.signal);
  } catch (error) {
    failure = messageOf(error);
    abandoned = error instanceof AbandonedWorkError;
  }
  if (interrupt.signal.aborted) {
    failure = `${failure ?? 'interrupted'} (interrupted; requests in flight and uploads were aborted)`;
  }
  if (failure !== undefined) core.setFailed(logLines(failure));
  // The signal handlers stay until the process ends: a later signal must not cut anything
  // short. Once canceled, exit as soon as the log is out: a timer or idle connection must not
  // hold the process into the runner's next signal. So too after a failure that left work
  // running (an artifact download's retries on a full disk).
  if (interrupt.signal.aborted || abandoned) exitWhenFlushed();
}

/**
 * `command: encrypt` (or only its wait, `wait-only: true`): the pipeline, its outputs and
 * summary; returns the step's failure.
 */
async function encryptStep(
  inputs: Partial<Record<InputName, string>>,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
): Promise<string | undefined> {
  const mode = parseMode(inputs, env);
  const { manifestPath } = mode;
  const outcome = await runMode(mode, env, {
    log: actionsLogger,
    signal,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    tempDir: env.RUNNER_TEMP || os.tmpdir(),
    logRequests: core.isDebug(),
    // Loaded on demand: the artifact client is most of the bundle and most steps never use it.
    artifacts: async () => new (await import('@actions/artifact')).DefaultArtifactClient(),
    checkOutputs: (room) => checkGithubFiles(env, room),
    onJobs: (ids) => setJobOutputs(ids, manifestPath, env, actionsLogger),
  });
  try {
    await reportRun(outcome.report, manifestPath, env, actionsLogger);
  } catch (error) {
    // The run's own failure stays in front of a failure to report it.
    if (outcome.failure === undefined) throw error;
    return `${outcome.failure}\n- ${messageOf(error)}`;
  }
  return outcome.failure;
}
