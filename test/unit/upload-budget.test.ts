/**
 * Uploads against a slow fake S3 on a virtual clock: every UploadPart takes a round trip plus
 * its bytes over a per-connection cap. The fake counts the bytes outstanding (sent, not yet
 * answered) so the tests can check the memory budget from the server's side.
 */
import { describe, expect, test } from '@jest/globals';
import type { S3Client } from '@aws-sdk/client-s3';
import { MemoryBudget } from '../../src/upload/memory-budget.js';
import { MIB } from '../../src/shared/units.js';
import { uploadStream } from '../../src/upload/multipart.js';

interface Command {
  constructor: { name: string };
  input: { Body?: Uint8Array; PartNumber?: number };
}

class SlowS3 {
  now = 0;
  outstandingBytes = 0;
  maxOutstandingBytes = 0;
  inFlightParts = 0;
  maxInFlightParts = 0;
  /** The most parts in flight before any part was answered: where the window started. */
  maxInFlightBeforeFirstAnswer = 0;
  private partsAnswered = 0;
  aborted = 0;
  completed = 0;
  private readonly pending: { due: number; resolve: () => void }[] = [];

  constructor(
    private readonly roundTripMs: number,
    private readonly bytesPerMs: number,
    private readonly failPart?: number,
  ) {}

  readonly client = {
    send: async (command: Command): Promise<Record<string, string>> => {
      switch (command.constructor.name) {
        case 'CreateMultipartUploadCommand':
          await this.after(this.roundTripMs);
          return { UploadId: 'u' };
        case 'UploadPartCommand': {
          const bytes = command.input.Body!.length;
          this.outstandingBytes += bytes;
          this.inFlightParts += 1;
          this.maxOutstandingBytes = Math.max(this.maxOutstandingBytes, this.outstandingBytes);
          this.maxInFlightParts = Math.max(this.maxInFlightParts, this.inFlightParts);
          if (this.partsAnswered === 0) {
            this.maxInFlightBeforeFirstAnswer = this.inFlightParts;
          }
          await this.after(this.roundTripMs + bytes / this.bytesPerMs);
          this.partsAnswered += 1;
          this.outstandingBytes -= bytes;
          this.inFlightParts -= 1;
          if (command.input.PartNumber === this.failPart) throw new Error('part failed');
          return { ETag: `"p${command.input.PartNumber}"` };
        }
        case 'CompleteMultipartUploadCommand':
          await this.after(this.roundTripMs);
          this.completed += 1;
          return { ETag: '"whole"' };
        case 'AbortMultipartUploadCommand':
          this.aborted += 1;
          return {};
        default:
          await this.after(this.roundTripMs);
          return { ETag: '"single"' };
      }
    },
  } as unknown as S3Client;

  private after(ms: number): Promise<void> {
    return new Promise((resolve) => this.pending.push({ due: this.now + ms, resolve }));
  }

  /** Runs `work` to the end, moving the virtual clock to the next answer whenever all is idle. */
  async drive<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const settled = work.finally(() => (done = true));
    settled.catch(() => undefined);
    while (!done) {
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
      if (done || this.pending.length === 0) continue;
      this.pending.sort((a, b) => a.due - b.due);
      const next = this.pending.shift()!;
      this.now = Math.max(this.now, next.due);
      next.resolve();
    }
    return settled;
  }
}

async function* body(bytes: number): AsyncGenerator<Uint8Array> {
  const chunk = Buffer.alloc(MIB, 7);
  for (let sent = 0; sent < bytes; sent += MIB)
    yield chunk.subarray(0, Math.min(MIB, bytes - sent));
}

function request(s3: SlowS3, key: string, bytes: number, budget: MemoryBudget) {
  return {
    s3: s3.client,
    bucket: 'b',
    key,
    body: body(bytes),
    contentType: 'application/octet-stream',
    metadata: {},
    partSizeBytes: 5 * MIB,
    expectedBytes: bytes,
    budget,
    now: () => s3.now,
  };
}

describe('uploads under one memory budget', () => {
  test('on a latency-bound link, parts in flight rise above two, within the budget', async () => {
    // 40 ms round trip, 8 MiB/s per connection.
    const s3 = new SlowS3(40, (8 * MIB) / 1000);
    const budget = new MemoryBudget(60 * MIB);
    await s3.drive(uploadStream(request(s3, 'one', 200 * MIB, budget)));
    expect(s3.completed).toBe(1);
    expect(s3.maxInFlightParts).toBeGreaterThan(2);
    expect(s3.maxOutstandingBytes).toBeLessThanOrEqual(60 * MIB - 5 * MIB);
    expect(budget.peakBytes).toBeLessThanOrEqual(60 * MIB);
  });

  test('a file alone starts with its whole share of the budget in flight', async () => {
    const s3 = new SlowS3(40, (8 * MIB) / 1000);
    // 12 parts of 5 MiB: 11 in flight while the 12th fills.
    const budget = new MemoryBudget(60 * MIB);
    await s3.drive(uploadStream(request(s3, 'one', 200 * MIB, budget)));
    expect(s3.completed).toBe(1);
    expect(s3.maxInFlightBeforeFirstAnswer).toBe(11);
  });

  test('files sharing the budget never hold more than it, and every one completes', async () => {
    const s3 = new SlowS3(40, (8 * MIB) / 1000);
    const budget = new MemoryBudget(30 * MIB);
    const uploads = ['a', 'b', 'c', 'd', 'e'].map((key) =>
      uploadStream(request(s3, key, 40 * MIB, budget)),
    );
    await s3.drive(Promise.all(uploads));
    expect(s3.completed).toBe(5);
    expect(s3.maxOutstandingBytes).toBeLessThanOrEqual(30 * MIB);
    expect(budget.peakBytes).toBeLessThanOrEqual(30 * MIB);
    // Everything went back: the budget is only holding buffers kept for reuse.
    budget.trim();
    expect(budget.usedBytes).toBe(0);
  });

  test('a failed part still aborts the multipart upload and gives every buffer back', async () => {
    const s3 = new SlowS3(40, (8 * MIB) / 1000, 6);
    const budget = new MemoryBudget(40 * MIB);
    await expect(s3.drive(uploadStream(request(s3, 'x', 100 * MIB, budget)))).rejects.toThrow(
      'part failed',
    );
    expect(s3.aborted).toBe(1);
    expect(s3.completed).toBe(0);
    budget.trim();
    expect(budget.usedBytes).toBe(0);
  });
});
