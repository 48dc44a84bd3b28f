/**
 * The action's `command: verify` and `command: rewrap`: inputs in, outputs and summary out.
 * main.ts calls this instead of the encrypt pipeline; it returns the step's failure, if any.
 */
import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { actionsLogger } from './host/loggers.js';
import { loadObjects } from './host/pipeline.js';
import type { InputName } from './inputs/interface.js';
import { parseObjectsConfig, type ObjectsCommand } from './inputs/objects-config.js';
import { checkGithubFiles, setOutputs, writeSummary } from './host/github-files.js';
import { limitSummary } from './outputs/limits.js';

export async function runObjectsStep(
  command: ObjectsCommand,
  inputs: Partial<Record<InputName, string>>,
  env: Readonly<Record<string, string | undefined>>,
  signal: AbortSignal,
): Promise<string | undefined> {
  const config = parseObjectsConfig(command, inputs, env);
  // As for encrypt: GITHUB_OUTPUT and GITHUB_STEP_SUMMARY are refused before any request
  // when they cannot be written (how many objects there are is known only later).
  await checkGithubFiles(env, { files: 0, requestBytes: 0 });
  const { runObjects, objectsDeps, outputs } = await loadObjects();
  const deps = objectsDeps(config, env, {
    log: actionsLogger,
    signal,
    logRequests: core.isDebug(),
  });
  const outcome = await runObjects(config, deps);
  // Every result in a file of its own: the outputs point at it when they are too big.
  const resultsPath = path.join(
    env.RUNNER_TEMP || os.tmpdir(),
    `mediaconvert-encrypt-${command}.json`,
  );
  const { command: name, dryRun, results } = outcome.report;
  await writeFile(resultsPath, `${JSON.stringify({ command: name, dryRun, results }, null, 2)}\n`);
  const limited = outputs.objectStepOutputs(outcome.report, resultsPath);
  for (const warning of limited.warnings) actionsLogger.warning(warning);
  try {
    setOutputs(limited.values, env, actionsLogger, []);
    const summary = limitSummary(outputs.objectSummary(outcome.report), {
      manifestPath: resultsPath,
      holds: 'every object',
    });
    if (summary.warning) actionsLogger.warning(summary.warning);
    await writeSummary(summary.text, env);
  } catch (error) {
    // The run's own failure stays in front of a failure to report it.
    if (outcome.failure === undefined) throw error;
    return `${outcome.failure}\n- ${(error as Error).message}`;
  }
  return outcome.failure;
}
