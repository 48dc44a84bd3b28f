/**
 * The request side of a cancel (the signals themselves are handled in host/signals.ts): once the
 * step's abort signal fires, every AWS request in flight is cut and none starts; a clean-up
 * request (AbortMultipartUpload) still gets CLEANUP_MS.
 */
import type { Clients } from './clients.js';

/**
 * How long a clean-up request (AbortMultipartUpload) may take, counted from the step's first
 * signal. Everything after it (manifest, outputs, summary, exit) must fit in what is left of
 * the 2 s the action promises, on a loaded runner too, where the signal itself, the report and
 * the exit each wait for the CPU; S3 answers an abort in well under 750 ms.
 */
export const CLEANUP_MS = 750;

interface Sendable {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

/**
 * Gives every request of these clients an abort signal of its own that fires with `signal`,
 * unless the call names one of its own (a clean-up request does). A request sent after the
 * signal fired fails at once without reaching the network; one in flight is cut off. Done
 * once here, at the client, so that no call site can forget it.
 */
export function abortWith<T extends Partial<Clients>>(
  clients: T,
  signal: AbortSignal | undefined,
): T {
  if (!signal) return clients;
  for (const client of Object.values(clients) as Sendable[]) {
    const send = client.send.bind(client);
    client.send = (command, options) =>
      send(command, { abortSignal: requestSignal(signal), ...options });
  }
  return clients;
}

/**
 * A signal for one request that fires when `cancel` does. The SDK adds an 'abort' listener
 * per request in flight (its retry and HTTP layers) and removes it when the request settles;
 * on one signal shared by the whole run, more than 10 parts in flight made Node print
 * MaxListenersExceededWarning, which reads as a leak. AbortSignal.any follows `cancel`
 * without a listener on it, so the run's signal carries none of them, however many requests
 * are in flight.
 */
export function requestSignal(cancel: AbortSignal): AbortSignal {
  return AbortSignal.any([cancel]);
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
