import * as core from '@actions/core';
import os from 'node:os';
import { makeClients } from './clients.js';
import { parseConfig } from './config.js';
import { messageOf } from './errors.js';
import { INPUTS, type InputName } from './interface.js';
import { systemClock } from './job.js';
import type { Logger } from './logger.js';
import { exitWhenFlushed, handleInterrupts } from './interrupt.js';
import { limitOutputs } from './output-limits.js';
import { outputsOf, summaryOf } from './report.js';
import { run, tokenSeedFrom } from './run.js';
import { logLines, safeLogger } from './safe-text.js';
import { logRequests } from './sdk-log.js';

/** @actions/core as the pipeline's Logger; safeLogger keeps untrusted text off command lines. */
const actionsLog: Logger = safeLogger({
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  group: (name, fn) => core.group(name, fn),
});

function readInputs(): Partial<Record<InputName, string>> {
  const raw: Partial<Record<InputName, string>> = {};
  for (const spec of INPUTS) raw[spec.name] = core.getInput(spec.name);
  return raw;
}

/** The GitHub Action: inputs in, outputs and summary out, one setFailed at the end. */
export async function runAction(): Promise<void> {
  const interrupt = handleInterrupts((m) => actionsLog.warning(m));
  let failure: string | undefined;
  try {
    const env = process.env;
    const inputs = readInputs();
    // The runner masks secrets.* already; a token from elsewhere must not reach the log either.
    if (inputs['github-token']) core.setSecret(inputs['github-token']);
    const config = parseConfig(inputs, env);
    const tokenSeed = tokenSeedFrom(env);
    const outcome = await run(config, {
      clients: () => {
        const clients = makeClients(config, env);
        if (core.isDebug()) logRequests(clients, (line) => actionsLog.debug(line));
        return clients;
      },
      log: actionsLog,
      clock: systemClock,
      workspace: env.GITHUB_WORKSPACE || process.cwd(),
      tempDir: env.RUNNER_TEMP || os.tmpdir(),
      // Loaded on demand: the artifact client is most of the bundle and most steps never use it.
      artifacts: async () => new (await import('@actions/artifact')).DefaultArtifactClient(),
      signal: interrupt.signal,
      ...(tokenSeed ? { tokenSeed } : {}),
    });
    const outputs = limitOutputs(outputsOf(outcome.report, config.manifestPath), {
      manifestPath: config.manifestPath,
    });
    for (const warning of outputs.warnings) actionsLog.warning(warning);
    for (const [name, value] of Object.entries(outputs.values)) core.setOutput(name, value);
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryOf(outcome.report)).write();
    failure = outcome.failure;
  } catch (error) {
    failure = messageOf(error);
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
