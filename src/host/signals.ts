/**
 * Cancelation by SIGINT/SIGTERM for the action and the CLI, and the exit once the output is
 * flushed.
 */

/**
 * Cancelation as the GitHub runner does it: SIGINT, then SIGTERM 7.5 s later, then SIGKILL
 * 2.5 s after that, sent to the step's process. The first signal stops new work and aborts
 * every AWS request in flight (see abortWith in aws/abort.ts); the clean-up that follows
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
