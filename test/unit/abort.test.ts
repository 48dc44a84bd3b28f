/** The run's cancel reaches every AWS request without a listener per request on its signal. */
import { getEventListeners } from 'node:events';
import type { Clients } from '../../src/aws/clients.js';
import { abortWith, requestSignal } from '../../src/aws/abort.js';

/**
 * A client whose send() behaves as the SDK's does with its abort signal: one 'abort' listener
 * while the request is in flight, removed when it settles; the request fails once aborted.
 */
function fakeClient(): {
  client: { send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown> };
  seen: AbortSignal[];
  settle(): void;
} {
  const seen: AbortSignal[] = [];
  const pending: (() => void)[] = [];
  const client = {
    send(_command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown> {
      const signal = options?.abortSignal;
      if (signal) seen.push(signal);
      return new Promise((resolve, reject) => {
        const onAbort = (): void => reject(signal!.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        pending.push(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve('done');
        });
      });
    },
  };
  return { client, seen, settle: () => pending.splice(0).forEach((done) => done()) };
}

function clientsOf(): { clients: Clients; fakes: ReturnType<typeof fakeClient>[] } {
  const fakes = [fakeClient(), fakeClient(), fakeClient()];
  const clients = { s3: fakes[0]!.client, kms: fakes[1]!.client, mediaconvert: fakes[2]!.client };
  return { clients: clients as unknown as Clients, fakes };
}

test('300 requests in flight add no listener to the run signal and print no warning', async () => {
  const run = new AbortController();
  const { clients, fakes } = clientsOf();
  abortWith(clients, run.signal);
  const warnings: Error[] = [];
  const onWarning = (warning: Error): void => void warnings.push(warning);
  process.on('warning', onWarning);
  try {
    // abortWith replaced each fake's send() in place.
    const sent = Array.from({ length: 300 }, (_, i) => fakes[i % 3]!.client.send({}));
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
    const signals = fakes.flatMap((f) => f.seen);
    expect(signals).toHaveLength(300);
    // One signal per request, none of them the run's.
    expect(new Set(signals).size).toBe(300);
    expect(signals).not.toContain(run.signal);
    for (const fake of fakes) fake.settle();
    await expect(Promise.all(sent)).resolves.toHaveLength(300);
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
  } finally {
    process.off('warning', onWarning);
  }
});

test('the run signal still cuts every request in flight, with its reason', async () => {
  const run = new AbortController();
  const { clients, fakes } = clientsOf();
  abortWith(clients, run.signal);
  const sent = [fakes[0]!.client.send({}), fakes[1]!.client.send({})];
  const reason = Object.assign(new Error('interrupted by SIGTERM'), { name: 'AbortError' });
  run.abort(reason);
  for (const request of sent) await expect(request).rejects.toBe(reason);
  // Sent after the cancel: its signal is aborted from the start.
  const late = fakeClient();
  const lateClients = { s3: late.client, kms: late.client, mediaconvert: late.client };
  abortWith(lateClients as unknown as Clients, run.signal);
  void lateClients.s3.send({}).catch(() => undefined);
  expect(late.seen[0]!.aborted).toBe(true);
});

test('a call that names its own signal keeps it (a clean-up request)', () => {
  const run = new AbortController();
  const { clients, fakes } = clientsOf();
  abortWith(clients, run.signal);
  const own = new AbortController().signal;
  void fakes[0]!.client.send({}, { abortSignal: own });
  expect(fakes[0]!.seen).toEqual([own]);
});

test('requestSignal follows its source without listening on it', () => {
  const run = new AbortController();
  const one = requestSignal(run.signal);
  expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
  expect(one.aborted).toBe(false);
  run.abort(new Error('stop'));
  expect(one.aborted).toBe(true);
  expect((one.reason as Error).message).toBe('stop');
});
