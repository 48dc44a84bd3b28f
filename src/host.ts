/**
 * What the action and the CLI share around the pipeline: cancelation by SIGINT/SIGTERM, loading
 * the pipeline once the inputs are valid (host-deps.ts builds what `run()` gets), and the two
 * loggers (both through safeLogger: untrusted text never starts a log line or carries a newline
 * into it).
 */
import * as core from '@actions/core';
import type { Logger } from './logger.js';
import { safeLogger } from './safe-text.js';

/**
 * Cancelation as the GitHub runner does it: SIGINT, then SIGTERM 7.5 s later, then SIGKILL
 * 2.5 s after that, sent to the step's process. The first signal stops new work and aborts
 * every AWS request in flight (see abortWith in interrupt.ts); the clean-up that follows
 * (AbortMultipartUpload, manifest, outputs, summary) has until CLEANUP_MS after it. Later
 * signals do not end the process.
 */
export interface Interrupt {
  /** Fires at the first SIGINT or SIGTERM; its reason names the signal. */
  signal: AbortSignal;
  /** Removes the handlers: only when nothing is left to do but exit. */
  dispose(): void;
}

/**
 * Handles SIGINT and SIGTERM for the whole run. Registered with `on`, not `once`: a second
 * signal while cleaning up would otherwise get Node's default handling and end the process
 * before the outputs are written.
 */
export function handleInterrupts(warn: (message: string) => void): Interrupt {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      warn(`${name} received: still writing the report of what finished`);
      return;
    }
    warn(`${name} received: aborting requests in flight and uploads`);
    controller.abort(Object.assign(new Error(`interrupted by ${name}`), { name: 'AbortError' }));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/**
 * Ends the process (with process.exitCode) once stdout and stderr have written what they
 * hold: after a cancel, nothing is left to do, and waiting for the event loop to empty would
 * leave the process open to the runner's next signal.
 */
export function exitWhenFlushed(): void {
  let pending = 2;
  const done = (): void => {
    pending -= 1;
    if (pending === 0) process.exit();
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

/**
 * The pipeline and its dependencies on this machine, loaded only once the inputs are valid.
 * They hold the AWS SDK, most of the bundle (a chunk of its own in dist/), and a step that
 * fails on a bad input never needs them: it fails in a fraction of the start-up time.
 */
export async function loadPipeline(): Promise<{
  run: typeof import('./run.js').run;
  hostDeps: typeof import('./host-deps.js').hostDeps;
}> {
  const [{ run }, { hostDeps }] = await Promise.all([import('./run.js'), import('./host-deps.js')]);
  return { run, hostDeps };
}

/** The action's log: @actions/core; safeLogger keeps untrusted text off command lines. */
export const actionsLogger: Logger = safeLogger({
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  group: (name, fn) => core.group(name, fn),
});

/**
 * The CLI's log on `stream`, with a progress bar when it is a terminal. Untrusted text cannot
 * break a line or start one: stderr may be read by a runner too.
 */
export function consoleLogger(stream: NodeJS.WriteStream): Logger {
  return safeLogger(rawConsoleLogger(stream));
}

function rawConsoleLogger(stream: NodeJS.WriteStream): Logger {
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
