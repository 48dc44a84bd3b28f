/**
 * Cancelation as the GitHub runner does it: SIGINT, then SIGTERM 7.5 s later, then SIGKILL
 * 2.5 s after that, sent to the step's process. The first signal stops new work and aborts
 * every AWS request in flight; the clean-up that follows (AbortMultipartUpload, manifest,
 * outputs, summary) has until CLEANUP_MS after it. Later signals do not end the process.
 */
import type { Clients } from './run.js';

/** How long a clean-up request (AbortMultipartUpload) may take once the step is canceled. */
export const CLEANUP_MS = 1000;

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

interface Sendable {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

/**
 * Gives every request of these clients `signal` as its abort signal, unless the call names
 * one of its own (a clean-up request does). A request sent after the signal fired fails at
 * once without reaching the network; one in flight is cut off. Done once here, at the client,
 * so that no call site can forget it.
 */
export function abortWith(clients: Clients, signal: AbortSignal | undefined): Clients {
  if (!signal) return clients;
  for (const client of Object.values(clients) as Sendable[]) {
    const send = client.send.bind(client);
    client.send = (command, options) => send(command, { abortSignal: signal, ...options });
  }
  return clients;
}

/**
 * The abort signal of a clean-up request: fires CLEANUP_MS after `cancel` fires (or never),
 * so that clean-up gets its chance after a cancel but cannot hold the process past the
 * runner's grace, however slow the service is.
 */
export function cleanupSignal(cancel: AbortSignal | undefined): {
  signal: AbortSignal;
  dispose(): void;
} {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const start = (): void => {
    timer = setTimeout(
      () => controller.abort(new Error(`clean-up took longer than ${CLEANUP_MS} ms`)),
      CLEANUP_MS,
    );
  };
  if (cancel?.aborted) start();
  else cancel?.addEventListener('abort', start, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      cancel?.removeEventListener('abort', start);
    },
  };
}
