/**
 * The clean-up side of a cancel: cleanupSignal gives a clean-up request CLEANUP_MS from the
 * cancel, on a fake clock (abortWith: abort.test.ts).
 */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { cleanupSignal, CLEANUP_MS } from '../../src/aws/abort.js';

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
