/**
 * What the action and the CLI share around the pipeline: interruption by SIGINT/SIGTERM, the
 * dependencies `run()` gets (AWS clients, clock, log), and the two loggers.
 */
import * as core from '@actions/core';
import { makeClients } from './clients.js';
import type { Config } from './config.js';
import { systemClock } from './clock.js';
import type { Logger } from './logger.js';
import { tokenSeedFrom, type RunDeps } from './run.js';
import { logRequests } from './sdk-log.js';

export interface Interruption {
  /** Fires on the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** Stops listening for the signals. */
  dispose(): void;
}

/**
 * The runner cancels a step with SIGINT, then SIGTERM: either one aborts the run, so uploads
 * in flight are aborted and no job is created after it.
 */
export function interruptOnSignals(log: Pick<Logger, 'warning'>): Interruption {
  const controller = new AbortController();
  const interrupt = (signal: NodeJS.Signals): void => {
    log.warning(`${signal} received: aborting uploads in flight`);
    controller.abort(new Error(`interrupted by ${signal}`));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
    },
  };
}

export interface HostOptions {
  log: Logger;
  signal: AbortSignal;
  workspace: string;
  tempDir: string;
  /** One debug line per AWS request (the action's step debug logging). */
  logRequests?: boolean;
  artifacts?: RunDeps['artifacts'];
}

/** `run()`'s dependencies on this machine: SDK clients from the environment, the real clock. */
export function hostDeps(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
  options: HostOptions,
): RunDeps {
  const tokenSeed = tokenSeedFrom(env);
  return {
    clients: () => {
      const clients = makeClients(config, env);
      if (options.logRequests) logRequests(clients, (line) => options.log.debug(line));
      return clients;
    },
    log: options.log,
    clock: systemClock,
    workspace: options.workspace,
    tempDir: options.tempDir,
    signal: options.signal,
    ...(options.artifacts ? { artifacts: options.artifacts } : {}),
    ...(tokenSeed ? { tokenSeed } : {}),
  };
}

/** The action's log: @actions/core. */
export const actionsLogger: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  group: (name, fn) => core.group(name, fn),
};

/** The CLI's log on `stream`, with a progress bar when it is a terminal. */
export function consoleLogger(stream: NodeJS.WriteStream): Logger {
  const tty = stream.isTTY === true;
  let barShown = false;
  const clearBar = (): void => {
    if (barShown) stream.write('\r\x1b[2K');
    barShown = false;
  };
  const line = (text: string): void => {
    clearBar();
    stream.write(`${text}\n`);
  };
  const logger: Logger = {
    info: line,
    warning: (m) => line(`warning: ${m}`),
    debug: (m) => {
      if (process.env.RUNNER_DEBUG === '1') line(`debug: ${m}`);
    },
    group: async (name, fn) => {
      line(name);
      return fn();
    },
  };
  if (tty) {
    logger.progress = (file, done, total) => {
      const width = 30;
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(fraction * width);
      stream.write(
        `\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0)}% ${file}`,
      );
      barShown = true;
    };
  }
  return logger;
}
