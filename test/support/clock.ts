import type { Clock } from '../../src/shared/clock.js';

/** A Clock whose sleep returns at once after moving time forward; it records every sleep. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  private time: number;

  constructor(start = 1_700_000_000_000) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }

  /** Moves time forward without a sleep (as if work took that long). */
  advance(ms: number): void {
    this.time += ms;
  }
}
