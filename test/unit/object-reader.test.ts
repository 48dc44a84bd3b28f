import { beforeEach, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  S3Client,
  S3ServiceException,
  type GetObjectCommandInput,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import {
  ObjectChangedError,
  readObject,
  type RangedRead,
} from '../../src/objects/object-reader.js';
import { MemoryBudget } from '../../src/upload/memory-budget.js';

const MIB = 1024 * 1024;
const s3 = new S3Client({ region: 'us-east-1' });
const s3Mock = mockClient(s3);
const object = randomBytes(10 * MIB + 12345);

/** The body of a range: the object's bytes, in 64 KiB pieces, optionally cut after `cutAt`. */
function body(start: number, end: number, cutAt?: number) {
  const bytes = object.subarray(start, end + 1);
  async function* pieces(): AsyncGenerator<Buffer> {
    for (let at = 0; at < bytes.length; at += 65536) {
      if (cutAt !== undefined && at >= cutAt)
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      yield bytes.subarray(at, at + 65536);
    }
  }
  return Readable.from(pieces()) as never;
}

function range(input: GetObjectCommandInput): [number, number] {
  const [, start, end] = /^bytes=(\d+)-(\d+)$/.exec(input.Range ?? '')!;
  return [Number(start), Number(end)];
}

let requests: string[];

beforeEach(() => {
  s3Mock.reset();
  requests = [];
  s3Mock.on(GetObjectCommand).callsFake(async (input: GetObjectCommandInput) => {
    requests.push(input.Range!);
    const [start, end] = range(input);
    return { Body: body(start, end) };
  });
});

function request(budget: MemoryBudget, overrides: Partial<RangedRead> = {}): RangedRead {
  return {
    s3,
    bucket: 'media',
    key: 'a.mov',
    size: object.length,
    etag: '"e1"',
    rangeBytes: 3 * MIB,
    budget,
    ...overrides,
  };
}

async function readAll(read: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of read) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

test('yields the object in order from ranged GETs, each naming the ETag, within the budget', async () => {
  const budget = new MemoryBudget(8 * MIB);
  const progress: number[] = [];
  const out = await readAll(readObject(request(budget, { onProgress: (n) => progress.push(n) })));
  expect(out.equals(object)).toBe(true);
  expect([...requests].sort()).toEqual(
    [
      `bytes=0-${3 * MIB - 1}`,
      `bytes=${3 * MIB}-${6 * MIB - 1}`,
      `bytes=${6 * MIB}-${9 * MIB - 1}`,
      `bytes=${9 * MIB}-${object.length - 1}`,
    ].sort(),
  );
  for (const call of s3Mock.commandCalls(GetObjectCommand))
    expect(call.args[0].input.IfMatch).toBe('"e1"');
  expect(progress.at(-1)).toBe(object.length);
  // Two 3 MiB ranges fit in 8 MiB: never more at once.
  expect(budget.peakBytes).toBeLessThanOrEqual(8 * MIB);
  budget.trim();
  expect(budget.usedBytes).toBe(0);
});

test('a body cut short is read again; a range that keeps failing fails the read', async () => {
  let cuts = 1;
  s3Mock.on(GetObjectCommand).callsFake(async (input: GetObjectCommandInput) => {
    const [start, end] = range(input);
    requests.push(input.Range!);
    return { Body: body(start, end, start === 3 * MIB && cuts-- > 0 ? 65536 : undefined) };
  });
  const out = await readAll(readObject(request(new MemoryBudget(16 * MIB))));
  expect(out.equals(object)).toBe(true);
  expect(requests.filter((r) => r.startsWith(`bytes=${3 * MIB}-`))).toHaveLength(2);

  s3Mock.on(GetObjectCommand).callsFake(async (input: GetObjectCommandInput) => {
    const [start, end] = range(input);
    return { Body: body(start, end, 0) };
  });
  await expect(readAll(readObject(request(new MemoryBudget(16 * MIB))))).rejects.toThrow(
    'socket hang up',
  );
});

test('an object changed since it was read (412) is reported as changed', async () => {
  s3Mock.on(GetObjectCommand).rejects(
    new S3ServiceException({
      name: 'PreconditionFailed',
      $fault: 'client',
      $metadata: { httpStatusCode: 412 },
      message: 'At least one of the pre-conditions you specified did not hold',
    }),
  );
  await expect(readAll(readObject(request(new MemoryBudget(16 * MIB))))).rejects.toThrow(
    ObjectChangedError,
  );
});

test('stopping early gives every range buffer back to the budget', async () => {
  const budget = new MemoryBudget(16 * MIB);
  for await (const chunk of readObject(request(budget))) {
    expect(chunk.length).toBeGreaterThan(0);
    break;
  }
  budget.trim();
  expect(budget.usedBytes).toBe(0);
});
