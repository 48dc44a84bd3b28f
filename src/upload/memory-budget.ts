/**
 * One memory budget for the whole run. Every part buffer of every file is leased from it, so
 * file concurrency and parts in flight multiply inside one bound instead of each other.
 */

import {
  DEFAULT_PARTS_IN_FLIGHT,
  formatMiB,
  MIN_PARTS_PER_FILE,
  WINDOW_RISE,
} from '../inputs/sizing.js';
import { MIB } from '../shared/units.js';

interface Waiter {
  bytes: number;
  /** A reservation counts bytes without a buffer (a file's read and cipher buffers). */
  reservation: boolean;
  resolve: (buffer: Buffer | undefined) => void;
  reject: (error: unknown) => void;
}

/** A lease that can never be granted: it is larger than the whole budget. */
export class BudgetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetError';
  }
}

/** Buffers smaller than this are not kept for reuse: small files come in many sizes. */
const REUSE_FROM_BYTES = MIB;

/**
 * Leases part buffers within a fixed number of bytes. A returned buffer is kept (and still
 * counted) for the next lease of the same size, so a steady upload reuses the same few
 * buffers instead of leaving freed ones for the garbage collector while allocating new ones,
 * which would let the resident set grow past the budget. Leases wait first come, first served.
 */
export class MemoryBudget {
  private used = 0;
  private reserved = 0;
  private peak = 0;
  private readonly idle: Buffer[] = [];
  private readonly waiters: Waiter[] = [];
  /** Uploads currently sharing the budget. */
  private active = 0;

  /**
   * `totalBytes` for every buffer of the run; `partsInFlight` (parts-in-flight) for every
   * part on the wire at once, whatever holds its bytes.
   */
  constructor(
    readonly totalBytes: number,
    readonly partsInFlight: number = DEFAULT_PARTS_IN_FLIGHT,
  ) {
    if (!(totalBytes > 0)) throw new RangeError('a memory budget needs a positive size');
    if (!(partsInFlight >= 1)) throw new RangeError('parts in flight must be at least 1');
  }

  /** Bytes leased or kept for reuse. */
  get usedBytes(): number {
    return this.used;
  }

  /** The most ever counted at once. */
  get peakBytes(): number {
    return this.peak;
  }

  get activeUploads(): number {
    return this.active;
  }

  /** Counts an upload as sharing the budget until the returned function is called. */
  join(): () => void {
    this.active += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.active -= 1;
    };
  }

  /**
   * One upload's share of the run's parts in flight (at least 1), split between the uploads;
   * `joining` counts uploads about to join as well.
   */
  fairShare(joining = 0): number {
    return Math.max(1, Math.floor(this.partsInFlight / Math.max(1, this.active + joining)));
  }

  /**
   * Parts in flight one upload may have so that every active upload can still fill a part of
   * `partBytes` and keep one in flight: its share of the budget, less the part being filled.
   */
  fairInFlight(partBytes: number): number {
    const parts = Math.floor((this.totalBytes - this.reserved) / partBytes);
    const buffers = Math.max(1, Math.floor(parts / Math.max(1, this.active)) - 1);
    return Math.min(buffers, this.fairShare());
  }

  /** A buffer of exactly `bytes`, once it fits (first come, first served). */
  async lease(bytes: number, signal?: AbortSignal): Promise<Buffer> {
    return (await this.wait(bytes, false, 'part buffer', signal))!;
  }

  /**
   * Counts `bytes` that a file holds outside its parts (its read-ahead and cipher output),
   * once they fit; the returned function gives them back.
   */
  async reserve(bytes: number, signal?: AbortSignal): Promise<() => void> {
    await this.wait(bytes, true, 'stream buffer', signal);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= bytes;
      this.reserved -= bytes;
      this.grant();
    };
  }

  private async wait(
    bytes: number,
    reservation: boolean,
    what: string,
    signal: AbortSignal | undefined,
  ): Promise<Buffer | undefined> {
    if (bytes > this.totalBytes) {
      throw new BudgetError(
        `a ${formatMiB(bytes)} ${what} does not fit in max-memory-mib (${formatMiB(this.totalBytes)})`,
      );
    }
    signal?.throwIfAborted();
    if (this.waiters.length === 0 && this.fits(bytes)) return this.take(bytes, reservation);
    // Each wait listens on a signal of its own that follows the run's (AbortSignal.any adds
    // no listener to its source), and drops its listener once granted: dozens of files wait at
    // once, and their listeners on the run's one signal would make Node print
    // MaxListenersExceededWarning past 10, or pile up there until the run ends.
    const own = signal && AbortSignal.any([signal]);
    return new Promise<Buffer | undefined>((resolve, reject) => {
      const onAbort = (): void => {
        const at = this.waiters.indexOf(waiter);
        if (at < 0) return;
        this.waiters.splice(at, 1);
        reject(own!.reason);
        this.grant();
      };
      const waiter: Waiter = {
        bytes,
        reservation,
        resolve: (buffer) => {
          own?.removeEventListener('abort', onAbort);
          resolve(buffer);
        },
        reject,
      };
      this.waiters.push(waiter);
      own?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Hands a leased buffer back. */
  give(buffer: Buffer): void {
    if (buffer.length >= REUSE_FROM_BYTES) {
      this.idle.push(buffer);
    } else {
      this.used -= buffer.length;
    }
    this.grant();
  }

  /** Drops the buffers kept for reuse (at the end of a run). */
  trim(): void {
    for (const buffer of this.idle.splice(0)) this.used -= buffer.length;
    this.grant();
  }

  /** Whether `bytes` fit now, counting kept buffers as free. */
  private fits(bytes: number): boolean {
    const kept = this.idle.reduce((sum, b) => sum + b.length, 0);
    return this.used - kept + bytes <= this.totalBytes;
  }

  /**
   * For a buffer: a kept one of that size, or a new one (dropping kept ones to make room).
   * Call only when `fits(bytes)`.
   */
  private take(bytes: number, reservation: boolean): Buffer | undefined {
    if (!reservation) {
      const at = this.idle.findIndex((b) => b.length === bytes);
      if (at >= 0) return this.idle.splice(at, 1)[0];
    }
    while (this.used + bytes > this.totalBytes) this.used -= this.idle.pop()!.length;
    this.used += bytes;
    this.peak = Math.max(this.peak, this.used);
    if (reservation) {
      this.reserved += bytes;
      return undefined;
    }
    return Buffer.allocUnsafe(bytes);
  }

  private grant(): void {
    while (this.waiters.length > 0 && this.fits(this.waiters[0]!.bytes)) {
      const waiter = this.waiters.shift()!;
      waiter.resolve(this.take(waiter.bytes, waiter.reservation));
    }
  }
}

export interface WindowOptions {
  /** Milliseconds from any fixed origin; injected so tests need no sleeps. */
  now: () => number;
  start?: number;
  /** Upper bound from outside (the budget's fair share), asked again at every decision. */
  ceiling: () => number;
  /** How much faster an epoch must be than the one before to count as still rising. */
  rise?: number;
}

/**
 * Parts in flight for one upload, found the way a TCP sender finds its window: while every
 * slot is busy and throughput still rises by `rise` from one epoch to the next, the window
 * doubles; once it stops rising the window stays where it is. An epoch ends when as many parts as the window holds have completed. The window
 * never exceeds `ceiling()`, which shrinks as more uploads share the budget.
 */
export class InFlightWindow {
  private size: number;
  private settled = false;
  private previous: { size: number; rate: number } | undefined;
  private epochStart: number | undefined;
  private epochBytes = 0;
  private epochParts = 0;
  /** Whether a part had to wait for a free slot during this epoch: the window was the limit. */
  private saturated = false;

  constructor(private readonly options: WindowOptions) {
    this.size = Math.max(1, options.start ?? MIN_PARTS_PER_FILE);
  }

  /** Parts that may be in flight now. */
  get limit(): number {
    return Math.max(1, Math.min(this.size, this.options.ceiling()));
  }

  /** A part is about to be sent; `waited` when it had to wait for a slot. */
  sending(waited: boolean): void {
    this.epochStart ??= this.options.now();
    if (waited) this.saturated = true;
  }

  /** A part of `bytes` was acknowledged. */
  completed(bytes: number): void {
    if (this.epochStart === undefined) return;
    this.epochBytes += bytes;
    this.epochParts += 1;
    if (this.epochParts < this.limit) return;
    const elapsed = Math.max(1, this.options.now() - this.epochStart);
    const rate = this.epochBytes / elapsed;
    this.decide(rate);
    this.epochStart = this.options.now();
    this.epochBytes = 0;
    this.epochParts = 0;
    this.saturated = false;
  }

  private decide(rate: number): void {
    if (this.settled) return;
    const rise = this.options.rise ?? WINDOW_RISE;
    if (this.previous && rate < this.previous.rate * rise) {
      // More parts in flight bought little: the link (or the source) is the limit, not
      // latency. Stay at this size rather than going back: one epoch's rate is a noisy
      // measure (a slow start, another process on the CPU), and going back on a bad sample
      // halves a window that was paying off. The buffers are inside the budget either way.
      this.settled = true;
      return;
    }
    this.previous = undefined;
    // Slots sat idle: the window was not what held throughput back (yet).
    if (!this.saturated) return;
    const current = this.limit;
    const next = Math.min(current * 2, this.options.ceiling());
    if (next <= current) return;
    this.previous = { size: current, rate };
    this.size = next;
  }
}
