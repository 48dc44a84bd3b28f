import { beforeEach, describe, expect, test } from '@jest/globals';
import type { MediaFile } from '../../src/files/listing.js';
import { Progress } from '../../src/upload/progress.js';
import { FakeClock } from '../support/clock.js';
import { FakeLogger } from '../support/logger.js';
import { MIB } from '../../src/shared/units.js';

const FILE: MediaFile = {
  absolutePath: '/w/media/a.mp4',
  relativePath: 'media/a.mp4',
  bytes: 100 * MIB,
  bucket: 'b',
  key: 'in/media/a.mp4',
};

let clock: FakeClock;
let log: FakeLogger;

beforeEach(() => {
  clock = new FakeClock();
  log = new FakeLogger();
});

describe('Progress', () => {
  test('says nothing during the first 5 s', () => {
    const progress = new Progress(FILE, log, clock);
    for (let t = 0; t < 49; t++) {
      clock.advance(100);
      progress.update(t * MIB);
    }
    expect(log.lines).toEqual([]);
  });

  test('a line at 5 s gives bytes, percent and rate', () => {
    const progress = new Progress(FILE, log, clock);
    clock.advance(5000);
    progress.update(25 * MIB);
    expect(log.messages('info')).toEqual(['media/a.mp4: 25.0 MiB of 100.0 MiB (25%), 5.0 MiB/s']);
  });

  test('frequent updates give at most one line per 5 s', () => {
    const progress = new Progress(FILE, log, clock);
    const times: number[] = [];
    const start = clock.now();
    for (let i = 1; i <= 600; i++) {
      clock.advance(100);
      const before = log.lines.length;
      progress.update(i * 100 * 1024);
      if (log.lines.length > before) times.push(clock.now() - start);
    }
    expect(times).toEqual([
      5000, 10000, 15000, 20000, 25000, 30000, 35000, 40000, 45000, 50000, 55000, 60000,
    ]);
  });

  test('irregular updates are still at least 5 s apart', () => {
    const progress = new Progress(FILE, log, clock);
    const steps = [4999, 1, 4000, 999, 2, 7000, 3000, 1999, 1, 12000];
    const times: number[] = [];
    for (const step of steps) {
      clock.advance(step);
      const before = log.lines.length;
      progress.update(MIB);
      if (log.lines.length > before) times.push(clock.now());
    }
    expect(times.length).toBeGreaterThan(1);
    for (let i = 1; i < times.length; i++) {
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(5000);
    }
  });

  test('percent stops at 100 when the ciphertext is longer than the plaintext', () => {
    const progress = new Progress(FILE, log, clock);
    clock.advance(5000);
    progress.update(100 * MIB + 16);
    expect(log.messages('info')[0]).toContain('(100%)');
  });

  test('done() reports size, destination, time and rate once', () => {
    const progress = new Progress(FILE, log, clock);
    clock.advance(20_000);
    progress.done('s3://b/in/media/a.mp4');
    expect(log.messages('info')).toEqual([
      'media/a.mp4: 100.0 MiB encrypted to s3://b/in/media/a.mp4 in 20.0 s (5.0 MiB/s)',
    ]);
  });

  test('an instant upload does not divide by zero', () => {
    const progress = new Progress(FILE, log, clock);
    progress.done('s3://b/k');
    expect(log.messages('info')[0]).not.toMatch(/Infinity|NaN/);
  });
});
