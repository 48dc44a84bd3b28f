/**
 * request-timeout: what a request that is never answered, or answered a byte at a time, turns
 * into, measured against real sockets on 127.0.0.1 (the SDK handler the action's clients use,
 * test/integration/timeouts.test.ts has the packaged action).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GetJobCommand, MediaConvertClient } from '@aws-sdk/client-mediaconvert';
import { clientOptions } from '../../src/aws/client-options.js';
import { parseNetwork } from '../../src/inputs/network.js';
import { BoundedHandler, nameTimeouts } from '../../src/aws/timeouts.js';

type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;
let behaviour: Behaviour = () => undefined;
let server: Server;
let port: number;
const sockets = new Set<Socket>();
const timers = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  server = createServer((req, res) => behaviour(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const timer of timers) clearInterval(timer);
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Accepts the request and never answers it. */
const silent: Behaviour = () => undefined;

/** Answers 200 at once, then one byte of body every 50 ms, forever. */
const trickle: Behaviour = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
  const timer = setInterval(() => res.write(' '), 50);
  timers.add(timer);
  res.on('close', () => {
    clearInterval(timer);
    timers.delete(timer);
  });
};

type WireRequest = Parameters<BoundedHandler['handle']>[0];

/** A request as the SDK hands it to its handler, to this test's server. */
function request(body?: string): WireRequest {
  return {
    protocol: 'http:',
    hostname: '127.0.0.1',
    port,
    method: body === undefined ? 'GET' : 'PUT',
    path: '/',
    query: {},
    headers: body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) },
    ...(body === undefined ? {} : { body }),
  } as WireRequest;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
}

describe('BoundedHandler', () => {
  test('a connection that moves no byte is given up after the idle limit, as a TimeoutError', async () => {
    behaviour = silent;
    const handler = new BoundedHandler(300);
    const started = performance.now();
    const error = await handler.handle(request()).catch((e: unknown) => e as Error);
    const took = performance.now() - started;
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect((error as Error).message).toMatch(/inactivity/);
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(2000);
    handler.destroy();
  });

  test('an answer that trickles a byte every 50 ms is never idle, and ends at the total limit', async () => {
    behaviour = trickle;
    const handler = new BoundedHandler(400);
    const started = performance.now();
    const { response } = await handler.handle(request());
    expect(response.statusCode).toBe(200);
    const error = await readAll(response.body as NodeJS.ReadableStream).catch(
      (e: unknown) => e as Error,
    );
    const took = performance.now() - started;
    expect(error).toMatchObject({
      name: 'TimeoutError',
      message: 'the attempt did not end within 0.8 s',
    });
    expect(took).toBeGreaterThanOrEqual(790);
    expect(took).toBeLessThan(2000);
    handler.destroy();
  });

  test("the step's cancel still cuts an attempt at once", async () => {
    behaviour = silent;
    const handler = new BoundedHandler(30_000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('interrupted by SIGINT')), 50);
    const started = performance.now();
    const error = await handler
      .handle(request(), { abortSignal: controller.signal })
      .catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(1000);
    handler.destroy();
  });

  test('an answer in time passes through untouched', async () => {
    behaviour = (_req, res) => res.end('{"ok":true}');
    const handler = new BoundedHandler(1000);
    const { response } = await handler.handle(request('x'.repeat(10)));
    expect(response.statusCode).toBe(200);
    expect(await readAll(response.body as NodeJS.ReadableStream)).toBe(11);
    handler.destroy();
  });
});

describe('a request whose every attempt times out', () => {
  test('fails naming the operation, what ran out, the limit and the attempts', async () => {
    behaviour = silent;
    const client = new MediaConvertClient({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      maxAttempts: 2,
      requestHandler: new BoundedHandler(250),
    });
    nameTimeouts(client, 250);
    const started = performance.now();
    const error = await client
      .send(new GetJobCommand({ Id: '1700000000000-abcdef' }))
      .catch((e: unknown) => e as Error);
    const took = performance.now() - started;
    expect(error).toMatchObject({
      name: 'TimeoutError',
      message:
        'GetJob timed out: the connection moved no byte for 0.25 s (request-timeout 0.25 s, 2 attempts)',
    });
    // Two attempts of 250 ms and one back-off of at most a second.
    expect(took).toBeGreaterThanOrEqual(490);
    expect(took).toBeLessThan(3000);
    client.destroy();
  });
});

test('with a proxy set, requests go through it', async () => {
  const seen: string[] = [];
  behaviour = (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.end('{}');
  };
  const { requestHandler } = clientOptions(parseNetwork(`http://127.0.0.1:${port}`, {}));
  const { response } = await requestHandler.handle({
    ...request(),
    hostname: 'mediaconvert.example',
    port: 8080,
    path: '/2017-08-29/jobs',
    headers: { host: 'mediaconvert.example:8080' },
  } as unknown as WireRequest);
  await readAll(response.body as NodeJS.ReadableStream);
  expect(response.statusCode).toBe(200);
  expect(seen).toEqual(['GET http://mediaconvert.example:8080/2017-08-29/jobs']);
  requestHandler.destroy();
});
