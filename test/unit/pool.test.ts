import { describe, expect, test } from '@jest/globals';
import { mapPool } from '../../src/shared/pool.js';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('mapPool', () => {
  test('returns every result in item order, whatever order they finish in', async () => {
    const gates = [deferred(), deferred(), deferred()];
    const pending = mapPool([10, 20, 30], 3, async (item, index) => {
      await gates[index]?.promise;
      return item * 2;
    });
    gates[2]?.resolve();
    gates[0]?.resolve();
    gates[1]?.resolve();
    expect(await pending).toEqual([
      { ok: true, value: 20 },
      { ok: true, value: 40 },
      { ok: true, value: 60 },
    ]);
  });

  test('never has more than `limit` items in flight, and starts them in order', async () => {
    const gates = Array.from({ length: 7 }, deferred);
    const started: number[] = [];
    let inFlight = 0;
    let most = 0;
    const pending = mapPool(gates, 3, async (gate, index) => {
      started.push(index);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await gate.promise;
      inFlight -= 1;
      return index;
    });
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates[1]?.resolve();
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const gate of gates) gate.resolve();
    await pending;
    expect(most).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  test('collects failures instead of throwing and keeps going', async () => {
    const boom = new Error('boom');
    const results = await mapPool([1, 2, 3, 4], 2, async (n) => {
      if (n === 2) throw boom;
      return n;
    });
    expect(results).toEqual([
      { ok: true, value: 1 },
      { ok: false, error: boom },
      { ok: true, value: 3 },
      { ok: true, value: 4 },
    ]);
  });

  test('with stopOnFailure nothing new starts after a failure; items in flight finish', async () => {
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    const pending = mapPool(
      gates,
      2,
      async (gate, index) => {
        started.push(index);
        await gate.promise;
        return index;
      },
      true,
    );
    await settle();
    gates[0]?.reject(new Error('first failed'));
    await settle();
    gates[1]?.resolve();
    const results = await pending;
    expect(started).toEqual([0, 1]);
    expect(results[0]).toEqual({ ok: false, error: new Error('first failed') });
    expect(results[1]).toEqual({ ok: true, value: 1 });
    expect(results.slice(2)).toEqual([undefined, undefined, undefined]);
  });

  test('a limit above the item count starts every item at once', async () => {
    let inFlight = 0;
    let most = 0;
    await mapPool([1, 2, 3], 64, async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await settle();
      inFlight -= 1;
    });
    expect(most).toBe(3);
  });

  test('an empty list gives an empty result without calling work', async () => {
    let calls = 0;
    expect(
      await mapPool([], 4, async () => {
        calls += 1;
      }),
    ).toEqual([]);
    expect(calls).toBe(0);
  });
});
