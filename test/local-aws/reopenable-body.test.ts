/**
 * A body made anew for every attempt (src/aws/reopenable-body.ts) through the request handler
 * every client uses (src/aws/timeouts.ts): each attempt opens its own stream, and a stream
 * that fails ends its attempt with its own error at once, instead of leaving the request
 * waiting for bytes that never come.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pacedRequest } from '../../src/aws/paced-body.js';
import { chunkStream, ReopenableBody } from '../../src/aws/reopenable-body.js';
import { CAN_RELEASE } from '../../src/shared/free-buffer.js';
import { request as httpRequest } from 'node:http';
import { createHash } from 'node:crypto';
import { BoundedHandler } from '../../src/aws/timeouts.js';

let server: Server;
let port: number;
const received: { bytes: number; complete: boolean; sha256?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const entry: (typeof received)[number] = { bytes: 0, complete: false };
    received.push(entry);
    const hash = createHash('sha256');
    req.on('data', (chunk: Buffer) => {
      entry.bytes += chunk.length;
      hash.update(chunk);
    });
    req.on('end', () => {
      if (req.url === '/free') entry.sha256 = hash.digest('hex');
      entry.complete =
        !req.readableAborted && entry.bytes === Number(req.headers['content-length']);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function put(body: ReopenableBody) {
  return {
    protocol: 'http:',
    hostname: '127.0.0.1',
    port,
    method: 'PUT',
    path: '/bucket/key',
    query: {},
    headers: { 'content-length': String(body.byteLength) },
    body,
  };
}

describe('ReopenableBody', () => {
  test('pacedRequest opens it once per call, over http as over https', async () => {
    const bytes = randomBytes(1000);
    let opened = 0;
    const body = new ReopenableBody(bytes.length, () => {
      opened += 1;
      return Readable.from([bytes], { objectMode: false });
    });
    for (const protocol of ['http:', 'https:']) {
      const request = { protocol, body };
      const sent = pacedRequest(request);
      expect(sent).not.toBe(request);
      expect(sent.body).toBeInstanceOf(Readable);
      expect(request.body).toBe(body);
    }
    expect(opened).toBe(2);
  });

  test('each attempt through the handler sends a fresh stream of all its bytes', async () => {
    const bytes = randomBytes(700_000);
    let opened = 0;
    const body = new ReopenableBody(bytes.length, () => {
      opened += 1;
      return Readable.from([bytes.subarray(0, 300_000), bytes.subarray(300_000)], {
        objectMode: false,
      });
    });
    const handler = new BoundedHandler(30_000);
    const before = received.length;
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const { response } = await handler.handle(put(body) as never);
        expect(response.statusCode).toBe(200);
        for await (const _ of response.body as Readable) void _;
      }
    } finally {
      handler.destroy();
    }
    expect(opened).toBe(2);
    expect(received.slice(before)).toEqual([
      { bytes: bytes.length, complete: true },
      { bytes: bytes.length, complete: true },
    ]);
  });

  test('a stream that fails ends the attempt with its own error, long before any timeout', async () => {
    const body = new ReopenableBody(1_000_000, () =>
      Readable.from(
        (async function* () {
          yield randomBytes(100_000);
          throw new Error('file changed while being read: it ends at byte 100000 now');
        })(),
        { objectMode: false },
      ),
    );
    const handler = new BoundedHandler(30_000);
    const before = received.length;
    const started = Date.now();
    try {
      await expect(handler.handle(put(body) as never)).rejects.toThrow(
        'file changed while being read: it ends at byte 100000 now',
      );
    } finally {
      handler.destroy();
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    // The server never got a whole body.
    expect(received.slice(before).filter((entry) => entry.complete)).toEqual([]);
  });

  test('chunkStream piped into a request sends every chunk in order, then frees it', async () => {
    const before = received.length;
    const chunks = Array.from({ length: 40 }, () => randomBytes(64 * 1024));
    const expected = createHash('sha256');
    for (const chunk of chunks) expected.update(chunk);
    const digest = expected.digest('hex');
    const answered = new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: '/free',
          headers: { 'content-length': 40 * 64 * 1024 },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      chunkStream(
        (async function* () {
          for (const chunk of chunks) yield chunk;
        })(),
      ).pipe(req);
    });
    expect(await answered).toBe(200);
    // The server got the chunks' bytes as they were: each was freed only once written.
    expect(received.slice(before)).toEqual([
      { bytes: 40 * 64 * 1024, complete: true, sha256: digest },
    ]);
    // Freed where the runtime can free a buffer (Node 21 and later), else left to the GC.
    expect(chunks.map((chunk) => chunk.length)).toEqual(
      chunks.map(() => (CAN_RELEASE ? 0 : 64 * 1024)),
    );
  });
});
