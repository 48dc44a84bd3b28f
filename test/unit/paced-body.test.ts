/** Large https bodies reach the socket in slices of the same memory (src/aws/paced-body.ts). */
import { describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pacedRequest, SLICE_BYTES, slices } from '../../src/aws/paced-body.js';

async function chunksOf(stream: Readable): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return chunks;
}

/** Shaped like the SDK's HttpRequest: a class whose methods the copy must keep. */
class HttpRequest {
  readonly hostname = 'bucket.example';
  readonly headers = { 'content-length': '1' };
  constructor(
    readonly protocol: string,
    readonly body: unknown,
  ) {}
  describe(): string {
    return `${this.protocol}//${this.hostname}`;
  }
}

function request(protocol: string, body: unknown): HttpRequest {
  return new HttpRequest(protocol, body);
}

describe('pacedRequest', () => {
  test('an https part becomes a stream of slices of its own bytes, the original untouched', async () => {
    const part = randomBytes(5 * 1024 * 1024 + 17);
    const original = request('https:', part);
    const paced = pacedRequest(original);
    expect(paced).not.toBe(original);
    expect(paced).toBeInstanceOf(HttpRequest);
    expect(paced.describe()).toBe('https://bucket.example');
    expect(original.body).toBe(part);
    expect(paced.headers).toEqual(original.headers);
    expect(paced.body).toBeInstanceOf(Readable);
    const chunks = await chunksOf(paced.body as Readable);
    expect(chunks).toHaveLength(Math.ceil(part.length / SLICE_BYTES));
    expect(Math.max(...chunks.map((c) => c.length))).toBe(SLICE_BYTES);
    // Views of the part's memory, not copies of it.
    expect(chunks.every((c) => c.buffer === part.buffer)).toBe(true);
    expect(Buffer.concat(chunks).equals(part)).toBe(true);
  });

  test('each call gives a fresh stream over the same bytes (a retry resends them all)', async () => {
    const part = randomBytes(1024 * 1024);
    const original = request('https:', part);
    const first = Buffer.concat(await chunksOf(pacedRequest(original).body as Readable));
    const second = Buffer.concat(await chunksOf(pacedRequest(original).body as Readable));
    expect(first.equals(part)).toBe(true);
    expect(second.equals(part)).toBe(true);
  });

  test('a view into a larger buffer yields only its own bytes', async () => {
    const whole = randomBytes(3 * 1024 * 1024);
    const view = whole.subarray(1000, 1000 + 2 * 1024 * 1024 + 5);
    const out = Buffer.concat(await chunksOf(slices(view)));
    expect(out.equals(view)).toBe(true);
  });

  test('plain http, small bodies, strings and streams are left as they are', () => {
    const big = randomBytes(1024 * 1024);
    const http = request('http:', big);
    expect(pacedRequest(http)).toBe(http);
    const small = request('https:', randomBytes(SLICE_BYTES));
    expect(pacedRequest(small)).toBe(small);
    const text = request('https:', 'x'.repeat(1024 * 1024));
    expect(pacedRequest(text)).toBe(text);
    const stream = request('https:', Readable.from([big]));
    expect(pacedRequest(stream)).toBe(stream);
  });

  test('an empty body ends at once', async () => {
    expect(await chunksOf(slices(new Uint8Array(0)))).toEqual([]);
  });
});
