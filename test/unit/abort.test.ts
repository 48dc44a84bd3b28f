/**
 * The request side of a cancel: abortWith gives every request of the run's clients the step's
 * signal, and cleanupSignal gives a clean-up request CLEANUP_MS from the cancel, on a fake
 * clock.
 */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetJobCommand, MediaConvertClient } from '@aws-sdk/client-mediaconvert';
import { abortWith, cleanupSignal, CLEANUP_MS } from '../../src/aws/abort.js';
import type { Clients } from '../../src/aws/clients.js';

type SendOptions = { abortSignal?: AbortSignal } | undefined;

/** Real clients whose `send` only records the options it was called with. */
function recordingClients(): { clients: Clients; sent: Record<keyof Clients, SendOptions[]> } {
  const clients: Clients = {
    kms: new KMSClient({ region: 'us-east-1' }),
    s3: new S3Client({ region: 'us-east-1' }),
    mediaconvert: new MediaConvertClient({ region: 'us-east-1' }),
  };
  const sent = { kms: [], s3: [], mediaconvert: [] } as Record<keyof Clients, SendOptions[]>;
  for (const name of Object.keys(clients) as (keyof Clients)[]) {
    const record = async (_command: unknown, options?: SendOptions) => {
      sent[name].push(options);
      return {};
    };
    (clients[name] as unknown as { send: typeof record }).send = record;
  }
  return { clients, sent };
}

const head = new HeadObjectCommand({ Bucket: 'b', Key: 'k' });

describe('abortWith', () => {
  test('every client sends with the step signal', async () => {
    const { clients, sent } = recordingClients();
    const step = new AbortController();
    const same = abortWith(clients, step.signal);
    expect(same).toBe(clients);
    await clients.s3.send(head);
    await clients.kms.send(new DescribeKeyCommand({ KeyId: 'alias/media' }));
    await clients.mediaconvert.send(new GetJobCommand({ Id: 'job-1' }));
    for (const calls of Object.values(sent)) {
      expect(calls).toHaveLength(1);
      expect(calls[0]!.abortSignal).toBe(step.signal);
    }
  });

  test('a call that names its own signal (a clean-up request) keeps it', async () => {
    const { clients, sent } = recordingClients();
    const step = new AbortController();
    const cleanup = new AbortController();
    abortWith(clients, step.signal);
    await clients.s3.send(head, { abortSignal: cleanup.signal });
    expect(sent.s3[0]!.abortSignal).toBe(cleanup.signal);
  });

  test('no signal (a run that cannot be cancelled): the clients are left as they are', async () => {
    const { clients, sent } = recordingClients();
    const send = clients.s3.send;
    abortWith(clients, undefined);
    expect(clients.s3.send).toBe(send);
    await clients.s3.send(head);
    expect(sent.s3).toEqual([undefined]);
  });
});

describe('cleanupSignal', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  test('fires CLEANUP_MS after the cancel, not before, saying why', () => {
    const cancel = new AbortController();
    const { signal } = cleanupSignal(cancel.signal);
    jest.advanceTimersByTime(10 * CLEANUP_MS);
    expect(signal.aborted).toBe(false);
    cancel.abort(new Error('SIGTERM'));
    jest.advanceTimersByTime(CLEANUP_MS - 1);
    expect(signal.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe(`clean-up took longer than ${CLEANUP_MS} ms`);
  });

  test('a cancel that came before the clean-up started: CLEANUP_MS from now', () => {
    const cancel = new AbortController();
    cancel.abort(new Error('SIGINT'));
    const { signal } = cleanupSignal(cancel.signal);
    expect(signal.aborted).toBe(false);
    jest.advanceTimersByTime(CLEANUP_MS - 1);
    expect(signal.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
  });

  test('no cancel signal: never fires', () => {
    const { signal } = cleanupSignal(undefined);
    jest.advanceTimersByTime(3600 * 1000);
    expect(signal.aborted).toBe(false);
  });

  test('disposed before the cancel: the cancel starts no timer', () => {
    const cancel = new AbortController();
    const { signal, dispose } = cleanupSignal(cancel.signal);
    dispose();
    cancel.abort(new Error('SIGTERM'));
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(10 * CLEANUP_MS);
    expect(signal.aborted).toBe(false);
  });

  test('disposed after the cancel (the clean-up finished in time): its timer is cleared', () => {
    const cancel = new AbortController();
    const { signal, dispose } = cleanupSignal(cancel.signal);
    cancel.abort(new Error('SIGTERM'));
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(CLEANUP_MS / 2);
    dispose();
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(CLEANUP_MS);
    expect(signal.aborted).toBe(false);
  });
});
