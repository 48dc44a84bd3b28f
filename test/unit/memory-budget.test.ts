import { getEventListeners } from 'node:events';
import { autoConcurrency } from '../../src/inputs/sizing.js';
import { BudgetError, InFlightWindow, MemoryBudget } from '../../src/upload/memory-budget.js';
import { MIB } from '../../src/shared/units.js';

describe('MemoryBudget', () => {
  test('leases wait until bytes are given back, first come first served', async () => {
    const budget = new MemoryBudget(10 * MIB);
    const a = await budget.lease(4 * MIB);
    const b = await budget.lease(4 * MIB);
    const order: string[] = [];
    const c = budget.lease(4 * MIB).then((buffer) => (order.push('c'), buffer));
    const d = budget.lease(1 * MIB).then((buffer) => (order.push('d'), buffer));
    await Promise.resolve();
    // d would fit now, but c asked first.
    expect(order).toEqual([]);
    expect(budget.usedBytes).toBe(8 * MIB);
    budget.give(a);
    await c;
    await d;
    expect(order).toEqual(['c', 'd']);
    expect(budget.usedBytes).toBe(9 * MIB);
    expect(budget.peakBytes).toBeLessThanOrEqual(10 * MIB);
    budget.give(b);
  });

  test('many waiting leases add no listener to the run signal, and a cancel still ends them', async () => {
    const budget = new MemoryBudget(4 * MIB);
    const run = new AbortController();
    const held = await budget.lease(4 * MIB, run.signal);
    const waiting = Array.from({ length: 20 }, () => budget.lease(4 * MIB, run.signal));
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
    let previous = held;
    for (const lease of waiting.slice(0, 10)) {
      budget.give(previous);
      previous = await lease;
    }
    const reason = new Error('interrupted by SIGINT');
    run.abort(reason);
    for (const lease of waiting.slice(10)) await expect(lease).rejects.toBe(reason);
    budget.give(previous);
    expect(budget.usedBytes).toBe(4 * MIB);
  });

  test('a buffer given back is reused for the next lease of its size', async () => {
    const budget = new MemoryBudget(8 * MIB);
    const first = await budget.lease(4 * MIB);
    budget.give(first);
    expect(await budget.lease(4 * MIB)).toBe(first);
    expect(budget.usedBytes).toBe(4 * MIB);
  });

  test('kept buffers of another size are dropped to make room', async () => {
    const budget = new MemoryBudget(8 * MIB);
    budget.give(await budget.lease(6 * MIB));
    const other = await budget.lease(5 * MIB);
    expect(other.length).toBe(5 * MIB);
    expect(budget.usedBytes).toBe(5 * MIB);
  });

  test('small buffers are not kept: their bytes come back at once', async () => {
    const budget = new MemoryBudget(MIB);
    budget.give(await budget.lease(64 * 1024));
    expect(budget.usedBytes).toBe(0);
  });

  test('a lease larger than the whole budget is refused, naming max-memory-mib', async () => {
    const budget = new MemoryBudget(16 * MIB);
    await expect(budget.lease(17 * MIB)).rejects.toThrow(BudgetError);
    await expect(budget.lease(17 * MIB)).rejects.toThrow(
      'a 17 MiB part buffer does not fit in max-memory-mib (16 MiB)',
    );
  });

  test('an aborted wait leaves the queue and the budget unchanged', async () => {
    const budget = new MemoryBudget(4 * MIB);
    const held = await budget.lease(4 * MIB);
    const controller = new AbortController();
    const waiting = budget.lease(2 * MIB, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    budget.give(held);
    expect(budget.usedBytes).toBe(4 * MIB); // kept for reuse, nobody else waiting
    budget.trim();
    expect(budget.usedBytes).toBe(0);
  });

  test("reservations (a file's read buffers) count against the budget and wait their turn", async () => {
    const budget = new MemoryBudget(16 * MIB);
    const release = await budget.reserve(4 * MIB);
    expect(budget.fairInFlight(4 * MIB)).toBe(2); // 12 MiB left: three parts, one filling
    const part = await budget.lease(12 * MIB);
    let second = false;
    const waiting = budget.reserve(4 * MIB).then((r) => ((second = true), r));
    await Promise.resolve();
    expect(second).toBe(false);
    release();
    release(); // twice counts once
    (await waiting)();
    budget.give(part);
    budget.trim();
    expect(budget.usedBytes).toBe(0);
    expect(budget.peakBytes).toBe(16 * MIB);
  });

  test('the fair share of parts in flight shrinks as uploads join', () => {
    const budget = new MemoryBudget(96 * MIB);
    const leaveA = budget.join();
    expect(budget.fairInFlight(8 * MIB)).toBe(11);
    const others = [budget.join(), budget.join(), budget.join()];
    expect(budget.fairInFlight(8 * MIB)).toBe(2);
    for (let i = 0; i < 20; i++) others.push(budget.join());
    expect(budget.fairInFlight(8 * MIB)).toBe(1);
    for (const leave of others) leave();
    expect(budget.fairInFlight(8 * MIB)).toBe(11);
    leaveA();
    leaveA(); // leaving twice counts once
    expect(budget.activeUploads).toBe(0);
  });
});

/** Drives a window as an upload would, with `rateOf(limit)` bytes per ms for each window size. */
function simulate(window: InFlightWindow, clock: { t: number }, rateOf: (n: number) => number) {
  const seen: number[] = [];
  for (let epoch = 0; epoch < 8; epoch++) {
    const limit = window.limit;
    seen.push(limit);
    for (let i = 0; i < limit; i++) window.sending(true);
    const part = 8 * MIB;
    // `limit` parts in flight complete together after one epoch at that rate.
    clock.t += (limit * part) / rateOf(limit);
    for (let i = 0; i < limit; i++) window.completed(part);
  }
  return seen;
}

describe('InFlightWindow', () => {
  test('grows while throughput rises with more parts in flight (latency-bound link)', () => {
    const clock = { t: 0 };
    const window = new InFlightWindow({ now: () => clock.t, start: 2, ceiling: () => 11 });
    // Each part in flight adds 8 MiB/s: a link capped per connection.
    const seen = simulate(window, clock, (n) => (n * 8 * MIB) / 1000);
    expect(seen.slice(0, 4)).toEqual([2, 4, 8, 11]);
    expect(window.limit).toBe(11);
  });

  test('stops growing when more parts in flight buy nothing (bandwidth-bound link)', () => {
    const clock = { t: 0 };
    const window = new InFlightWindow({ now: () => clock.t, start: 2, ceiling: () => 11 });
    // Saturated at two parts: 60 MiB/s whatever the window.
    const seen = simulate(window, clock, (n) => (Math.min(n, 2) * 30 * MIB) / 1000);
    expect(seen).toEqual([2, 4, 4, 4, 4, 4, 4, 4]);
  });

  test('stops at the point where throughput stops rising', () => {
    const clock = { t: 0 };
    const window = new InFlightWindow({ now: () => clock.t, start: 2, ceiling: () => 32 });
    const seen = simulate(window, clock, (n) => (Math.min(n, 4.4) * 8 * MIB) / 1000);
    expect(seen.slice(0, 4)).toEqual([2, 4, 8, 8]);
    expect(window.limit).toBe(8);
  });

  test('does not grow while slots sit idle (the source, not the window, is the limit)', () => {
    const clock = { t: 0 };
    const window = new InFlightWindow({ now: () => clock.t, start: 2, ceiling: () => 11 });
    for (let epoch = 0; epoch < 4; epoch++) {
      window.sending(false);
      window.sending(false);
      clock.t += 1000;
      window.completed(8 * MIB);
      window.completed(8 * MIB);
    }
    expect(window.limit).toBe(2);
  });

  test('shrinks at once to the fair share when other files join the budget', () => {
    const clock = { t: 0 };
    const budget = new MemoryBudget(96 * MIB);
    budget.join();
    const window = new InFlightWindow({
      now: () => clock.t,
      start: 2,
      ceiling: () => budget.fairInFlight(8 * MIB),
    });
    simulate(window, clock, (n) => (n * 8 * MIB) / 1000);
    expect(window.limit).toBe(11);
    for (let i = 0; i < 5; i++) budget.join();
    expect(window.limit).toBe(1);
  });
});

describe('autoConcurrency', () => {
  const KIB = 1024;
  test('many small files: as many at once as allowed', () => {
    expect(autoConcurrency(Array(1000).fill(64 * KIB), 8 * MIB, 96 * MIB)).toBe(64);
  });
  test('large files: two parts each within the budget, at least 4', () => {
    expect(autoConcurrency(Array(8).fill(256 * MIB), 8 * MIB, 160 * MIB)).toBe(9);
    expect(autoConcurrency(Array(8).fill(256 * MIB), 8 * MIB, 32 * MIB)).toBe(4);
  });
  test('the median file decides a mixed batch; no files gives the floor', () => {
    const sizes = [...Array(3).fill(2 * MIB), ...Array(2).fill(MIB * 1024)];
    // Two parts of 2 MiB and 1 MiB of read buffers: 5 MiB a file.
    expect(autoConcurrency(sizes, 8 * MIB, 96 * MIB)).toBe(19);
    expect(autoConcurrency([], 8 * MIB, 96 * MIB)).toBe(4);
  });
});
