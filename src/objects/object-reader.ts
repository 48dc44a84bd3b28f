/**
 * Reading an object back in order, with ranged GETs issued ahead of the consumer: each range
 * is one buffer leased from the run's memory budget, so objects at once and ranges in flight
 * per object live inside one bound, as the upload's parts do (upload/memory-budget.ts). A
 * connection cut in the middle of a range costs that range, not the object.
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { MAX_RANGES_IN_FLIGHT, READ_CHUNK_BYTES } from '../inputs/sizing.js';
import type { MemoryBudget } from '../upload/memory-budget.js';
import { messageOf } from '../shared/errors.js';

export interface RangedRead {
  s3: S3Client;
  bucket: string;
  key: string;
  /** The object's size, as HeadObject gave it. */
  size: number;
  /** The ETag HeadObject gave: every range must come from that same object (If-Match). */
  etag?: string;
  rangeBytes: number;
  budget: MemoryBudget;
  signal?: AbortSignal;
  /** Bytes yielded so far. */
  onProgress?: (bytes: number) => void;
}

/** Reads of one range, counting the first: a body cut short is read again this often. */
const RANGE_ATTEMPTS = 3;

/** The object changed (or went away) between the HeadObject and a ranged GET. */
export class ObjectChangedError extends Error {
  override readonly name = 'ObjectChangedError';
}

/**
 * Yields the object's bytes in order, in chunks of at most READ_CHUNK_BYTES. A chunk is valid
 * until the consumer asks for the next (its range buffer then goes back to the budget), as
 * with files/read-chunks.ts. Stopping early cuts the ranges in flight and gives back their
 * buffers before the generator returns.
 */
export async function* readObject(request: RangedRead): AsyncGenerator<Uint8Array> {
  const { size, rangeBytes, budget } = request;
  const count = Math.ceil(size / rangeBytes);
  const stop = new AbortController();
  const signal = request.signal ? AbortSignal.any([request.signal, stop.signal]) : stop.signal;
  const leave = budget.join();
  const pending: Promise<Buffer>[] = [];
  const limit = (): number =>
    Math.max(1, Math.min(MAX_RANGES_IN_FLIGHT, budget.fairInFlight(rangeBytes)));
  let launched = 0;
  let done = 0;
  try {
    for (let index = 0; index < count; index++) {
      while (launched < count && pending.length < limit()) {
        const fetched = fetchRange(request, launched++, signal);
        // A range failing while the consumer holds an earlier one is reported when its turn
        // comes (or dropped when the consumer stops); never as an unhandled rejection.
        fetched.catch(() => undefined);
        pending.push(fetched);
      }
      const buffer = await pending.shift()!;
      try {
        for (let offset = 0; offset < buffer.length; offset += READ_CHUNK_BYTES) {
          yield buffer.subarray(offset, offset + READ_CHUNK_BYTES);
        }
      } finally {
        budget.give(buffer);
      }
      done += buffer.length;
      request.onProgress?.(done);
    }
  } finally {
    stop.abort(new Error('reading stopped'));
    for (const outcome of await Promise.allSettled(pending)) {
      if (outcome.status === 'fulfilled') budget.give(outcome.value);
    }
    leave();
  }
}

/** One range into a buffer leased for it; the buffer goes back to the budget on failure. */
async function fetchRange(
  request: RangedRead,
  index: number,
  signal: AbortSignal,
): Promise<Buffer> {
  const start = index * request.rangeBytes;
  const length = Math.min(request.size, start + request.rangeBytes) - start;
  const buffer = await request.budget.lease(length, signal);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await readRange(request, buffer, start, signal);
        return buffer;
      } catch (error) {
        // The SDK retried the request itself; what comes here failed in the body.
        if (!(error instanceof BodyError) || attempt >= RANGE_ATTEMPTS || signal.aborted) {
          throw error instanceof BodyError ? error.cause : error;
        }
      }
    }
  } catch (error) {
    request.budget.give(buffer);
    throw error;
  }
}

/** A failure while reading a response body: the range may be asked for again. */
class BodyError extends Error {
  constructor(override readonly cause: unknown) {
    super(messageOf(cause));
  }
}

async function readRange(
  request: RangedRead,
  buffer: Buffer,
  start: number,
  signal: AbortSignal,
): Promise<void> {
  const end = start + buffer.length - 1;
  const where = `bytes ${start}-${end} of s3://${request.bucket}/${request.key}`;
  let out;
  try {
    out = await request.s3.send(
      new GetObjectCommand({
        Bucket: request.bucket,
        Key: request.key,
        Range: `bytes=${start}-${end}`,
        ...(request.etag ? { IfMatch: request.etag } : {}),
      }),
      { abortSignal: signal },
    );
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 412 || status === 404) {
      throw new ObjectChangedError(
        `s3://${request.bucket}/${request.key} changed or was deleted while it was being read (${messageOf(error)})`,
      );
    }
    throw error;
  }
  const body = out.Body as AsyncIterable<Uint8Array> | undefined;
  if (!body) throw new Error(`GetObject of ${where} returned no body`);
  let offset = 0;
  try {
    for await (const chunk of body) {
      if (offset + chunk.length > buffer.length) {
        throw new ObjectChangedError(`GetObject of ${where} returned more bytes than asked for`);
      }
      buffer.set(chunk, offset);
      offset += chunk.length;
    }
  } catch (error) {
    if (error instanceof ObjectChangedError) throw error;
    throw new BodyError(error);
  }
  if (offset !== buffer.length) {
    throw new BodyError(new Error(`GetObject of ${where} ended after ${offset} bytes`));
  }
}
