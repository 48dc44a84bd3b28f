/**
 * The two loggers, both through safeLogger: untrusted text never starts a log line or carries
 * a newline into it.
 */
import * as core from '@actions/core';
import type { Logger } from '../shared/logger.js';
import { safeLogger } from '../shared/safe-text.js';

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
