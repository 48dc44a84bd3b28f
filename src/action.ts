import * as core from '@actions/core';
import os from 'node:os';
import { makeClients } from './clients.js';
import { parseConfig } from './config.js';
import { messageOf } from './errors.js';
import { INPUTS, type InputName } from './interface.js';
import { systemClock } from './job.js';
import type { Logger } from './logger.js';
import { outputsOf, summaryOf } from './report.js';
import { run, tokenSeedFrom } from './run.js';
import { logRequests } from './sdk-log.js';

const actionsLog: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  group: (name, fn) => core.group(name, fn),
};

function readInputs(): Partial<Record<InputName, string>> {
  const raw: Partial<Record<InputName, string>> = {};
  for (const spec of INPUTS) raw[spec.name] = core.getInput(spec.name);
  return raw;
}

/** The GitHub Action: inputs in, outputs and summary out, one setFailed at the end. */
export async function runAction(): Promise<void> {
  const controller = new AbortController();
  const interrupt = (signal: NodeJS.Signals): void => {
    core.warning(`${signal} received: aborting uploads in flight`);
    controller.abort(new Error(`interrupted by ${signal}`));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

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
        if (core.isDebug()) logRequests(clients, (line) => core.debug(line));
        return clients;
      },
      log: actionsLog,
      clock: systemClock,
      workspace: env.GITHUB_WORKSPACE || process.cwd(),
      tempDir: env.RUNNER_TEMP || os.tmpdir(),
      // Loaded on demand: the artifact client is most of the bundle and most steps never use it.
      artifacts: async () => new (await import('@actions/artifact')).DefaultArtifactClient(),
      signal: controller.signal,
      ...(tokenSeed ? { tokenSeed } : {}),
    });
    for (const [name, value] of Object.entries(outputsOf(outcome.report, config.manifestPath))) {
      core.setOutput(name, value);
    }
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryOf(outcome.report)).write();
    failure = outcome.failure;
  } catch (error) {
    failure = messageOf(error);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
  if (controller.signal.aborted)
    failure = `${failure ?? 'interrupted'} (interrupted; uploads in flight were aborted)`;
  if (failure !== undefined) core.setFailed(failure);
}
