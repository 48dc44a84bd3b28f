/**
 * Uploads of parts made again at send time (upload/ctr-parts.ts through upload/multipart.ts):
 * each part goes as an UploadPart of its own length and CRC32 with the body the request
 * handler opens per attempt; connections, not part buffers, bound the parts in flight; what
 * each holds is leased from the run's budget and given back.
 */
import { describe, expect, test } from '@jest/globals';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  UploadPartCommand,
  type UploadPartCommandInput,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import 'aws-sdk-client-mock-jest';
import { ReopenableBody } from '../../src/aws/reopenable-body.js';
import type { PlannedPart } from '../../src/upload/ctr-parts.js';
import { MemoryBudget } from '../../src/upload/memory-budget.js';
import { uploadStream, type UploadOptions } from '../../src/upload/multipart.js';
import { DEFAULT_PARTS_IN_FLIGHT, wholeRoundsPartSize } from '../../src/inputs/sizing.js';
import { MIB } from '../../src/shared/units.js';
import { pattern, s3, s3Mock } from '../support/upload-harness.js';

const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
const withCrc = crc32 ? describe : describe.skip;
const PART = 5 * MIB;

/** `count` parts of PART bytes and a last one of `last`, as the plan yields them. */
async function* planned(
  count: number,
  last: number,
  opened: number[],
): AsyncGenerator<PlannedPart> {
  for (let n = 0; n < count; n++) {
    const length = n === count - 1 ? last : PART;
    const bytes = Buffer.from(pattern(n * PART, length));
    const body = new ReopenableBody(length, () => {
      opened.push(n + 1);
      return Readable.from([bytes], { objectMode: false });
    });
    yield { body, length, crc: crc32!(bytes) };
  }
}

function options(budget: MemoryBudget, key = 'in/big.mov'): UploadOptions {
  return {
    s3,
    bucket: 'media-bucket',
    key,
    contentType: 'video/quicktime',
    metadata: { 'mediaconvert-decryption-mode': 'AES_CTR' },
    partSizeBytes: PART,
    budget,
  };
}

/** Answers each UploadPart after a few turns; counts the parts in flight at once. */
function slowParts(): { max: () => number; bodies: Map<string, ReopenableBody> } {
  let now = 0;
  let max = 0;
  const bodies = new Map<string, ReopenableBody>();
  s3Mock.on(UploadPartCommand).callsFake(async (input: UploadPartCommandInput) => {
    now += 1;
    max = Math.max(max, now);
    bodies.set(`${input.Key}#${input.PartNumber}`, input.Body as unknown as ReopenableBody);
    await new Promise((resolve) => setTimeout(resolve, 5));
    now -= 1;
    return { ETag: `"part-${input.PartNumber}"` };
  });
  return { max: () => max, bodies };
}

withCrc('parts made again', () => {
  test('go as UploadParts of their own length and CRC32, as many in flight as the run allows', async () => {
    const budget = new MemoryBudget(64 * MIB);
    const flight = slowParts();
    const opened: number[] = [];
    const result = await uploadStream({
      ...options(budget),
      parts: planned(45, 1234, opened),
    });
    expect(result).toEqual({ etag: '"whole-3"' });
    const inputs = s3Mock.commandCalls(UploadPartCommand).map((c) => c.args[0].input);
    expect(inputs).toHaveLength(45);
    for (const input of inputs) {
      const n = input.PartNumber!;
      const length = n === 45 ? 1234 : PART;
      expect(input.Body).toBeInstanceOf(ReopenableBody);
      expect(input.ContentLength).toBe(length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32!(pattern((n - 1) * PART, length)) >>> 0);
      expect(input.ChecksumCRC32).toBe(crc.toString('base64'));
    }
    // The SDK was handed the bodies, not their bytes: nothing opened them here.
    expect(opened).toEqual([]);
    expect(flight.max()).toBe(DEFAULT_PARTS_IN_FLIGHT);
    const complete = s3Mock.commandCalls(CompleteMultipartUploadCommand)[0]!.args[0].input;
    expect(complete.MultipartUpload?.Parts?.map((p) => p.PartNumber)).toEqual(
      Array.from({ length: 45 }, (_, i) => i + 1),
    );
    expect(budget.usedBytes).toBe(0);
  });

  test('uploads at once share the parts in flight', async () => {
    const budget = new MemoryBudget(64 * MIB);
    const flight = slowParts();
    await Promise.all([
      uploadStream({ ...options(budget, 'in/a.mov'), parts: planned(30, 10, []) }),
      uploadStream({ ...options(budget, 'in/b.mov'), parts: planned(30, 10, []) }),
    ]);
    expect(s3Mock.commandCalls(UploadPartCommand)).toHaveLength(60);
    expect(flight.max()).toBeLessThanOrEqual(DEFAULT_PARTS_IN_FLIGHT);
    expect(budget.usedBytes).toBe(0);
  });

  test('a small budget bounds them by what each holds', async () => {
    const budget = new MemoryBudget(8 * MIB);
    const flight = slowParts();
    await uploadStream({ ...options(budget), parts: planned(30, 10, []) });
    expect(flight.max()).toBe(8);
    expect(budget.usedBytes).toBe(0);
  });

  test('a part S3 refuses as BadDigest says the file changed while being read', async () => {
    const budget = new MemoryBudget(64 * MIB);
    s3Mock.on(UploadPartCommand).callsFake(async (input: UploadPartCommandInput) => {
      if (input.PartNumber === 2) {
        throw Object.assign(
          new Error('The CRC32 you specified did not match the calculated checksum.'),
          {
            name: 'BadDigest',
            $metadata: { httpStatusCode: 400 },
          },
        );
      }
      return { ETag: `"part-${input.PartNumber}"` };
    });
    await expect(uploadStream({ ...options(budget), parts: planned(4, 10, []) })).rejects.toThrow(
      'file changed while being read: part 2 differs from the first read (S3 refused it: BadDigest)',
    );
    expect(s3Mock).toHaveReceivedCommand(AbortMultipartUploadCommand);
    expect(budget.usedBytes).toBe(0);
  });

  test('a part that fails aborts the upload and stops the plan; the budget is whole again', async () => {
    const budget = new MemoryBudget(64 * MIB);
    s3Mock.on(UploadPartCommand).callsFake(async (input: UploadPartCommandInput) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (input.PartNumber === 3) throw new Error('file changed while being read: bytes differ');
      return { ETag: `"part-${input.PartNumber}"` };
    });
    let planned_ = 0;
    async function* counted(): AsyncGenerator<PlannedPart> {
      for await (const part of planned(200, 10, [])) {
        planned_ += 1;
        yield part;
      }
    }
    await expect(uploadStream({ ...options(budget), parts: counted() })).rejects.toThrow(
      'file changed while being read: bytes differ',
    );
    expect(s3Mock).toHaveReceivedCommand(AbortMultipartUploadCommand);
    expect(s3Mock).not.toHaveReceivedCommand(CompleteMultipartUploadCommand);
    expect(planned_).toBeLessThan(200);
    expect(budget.usedBytes).toBe(0);
  });
});

describe('parts-in-flight', () => {
  test('caps the parts of the run in flight, those with buffers as well, shared by the uploads', () => {
    const budget = new MemoryBudget(640 * MIB, 6);
    expect(budget.fairShare()).toBe(6);
    // 127 parts' buffers would fit; the run's cap is lower.
    expect(budget.fairInFlight(5 * MIB)).toBe(6);
    const leave = [budget.join(), budget.join(), budget.join(), budget.join()];
    expect(budget.fairShare()).toBe(1);
    expect(budget.fairInFlight(5 * MIB)).toBe(1);
    for (const left of leave) left();
    // A small budget still bounds buffered parts below the cap.
    expect(new MemoryBudget(16 * MIB, 20).fairInFlight(5 * MIB)).toBe(2);
  });
});

describe('wholeRoundsPartSize', () => {
  test.each([
    // 256 MiB in 5 MiB parts at 20 in flight: 51 whole parts, so 40 of 6.4 MiB (to 16 bytes).
    [256 * MIB, 20, 6_710_896, 40],
    // 1 GiB: 204 whole parts, so 200 of about 5.12 MiB.
    [1024 * MIB, 20, 5_368_720, 200],
    // Exactly 40 parts already.
    [200 * MIB, 20, 5 * MIB, 40],
    // Fewer parts than the window: one round as it is.
    [60 * MIB + 5, 20, 5 * MIB, 13],
    // Two uploads at once: windows of 10.
    [256 * MIB, 10, 5_368_720, 50],
    // A window of one has no idle slots.
    [256 * MIB + 7, 1, 5 * MIB, 52],
  ])('%s bytes at %s in flight: parts of %s bytes, %s of them', (bytes, window, size, parts) => {
    const got = wholeRoundsPartSize(bytes, 5 * MIB, window);
    expect(got).toBe(size);
    expect(got % 16).toBe(0);
    expect(got).toBeGreaterThanOrEqual(5 * MIB);
    expect(Math.ceil(bytes / got)).toBe(parts);
  });

  test('rounds up to a whole AES block, never below the configured size', () => {
    const bytes = 3 * 20 * 5 * MIB + 999;
    const got = wholeRoundsPartSize(bytes, 5 * MIB, 20);
    expect(got % 16).toBe(0);
    expect(got).toBeGreaterThanOrEqual(bytes / 60);
    expect(Math.ceil(bytes / got)).toBe(60);
  });
});
