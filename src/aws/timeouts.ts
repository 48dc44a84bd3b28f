/**
 * Time limits on every AWS request (`request-timeout`). Without them a request that the
 * service, a proxy or the network never answers holds the step until the runner's 6-hour job
 * limit. Two limits apply to each attempt, and an attempt that passes either is given up as
 * a TimeoutError, which the SDK's retry policy retries like a dropped connection:
 * - idle: the connection moves no byte for `request-timeout` (connecting, sending or
 *   receiving), the SDK handler's own connection and socket timeouts;
 * - total: the attempt has not ended after twice `request-timeout` plus one second per
 *   MIN_BYTES_PER_SECOND it sends. An answer trickling a byte a second is never idle; this
 *   ends it, while a 5 MiB part on a slow but working link keeps its time. (Twice: a silent
 *   connection is then always reported by the idle limit, which says what happened.)
 * When the last attempt times out too, the error names the operation and the limit.
 */
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions, NodeHttpHandlerOptions } from '@smithy/types';
import { finished, type Readable } from 'node:stream';
import { pacedRequest } from './paced-body.js';
import { ReopenableBody } from './reopenable-body.js';

/** The slowest upload rate an attempt is granted time for, on top of the idle limit. */
export const MIN_BYTES_PER_SECOND = 16 * 1024;

/** How long one attempt that sends `bodyBytes` may take in all. */
export function attemptLimitMs(idleMs: number, bodyBytes: number): number {
  return 2 * idleMs + Math.ceil((bodyBytes / MIN_BYTES_PER_SECOND) * 1000);
}

interface WireRequest {
  headers: Record<string, string>;
  body?: unknown;
}

interface Destroyable {
  destroy(error?: Error): void;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** The request's body size: its content-length, else the size of a buffer or string body. */
export function bodyLength(request: WireRequest): number {
  const header = Object.entries(request.headers).find(
    ([name]) => name.toLowerCase() === 'content-length',
  )?.[1];
  if (header !== undefined && /^\d+$/.test(header)) return Number(header);
  const { body } = request;
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof Uint8Array) return body.length;
  return 0;
}

const TOTAL_MESSAGE = 'the attempt did not end within';

function totalTimeout(limitMs: number): Error {
  return Object.assign(new Error(`${TOTAL_MESSAGE} ${formatSeconds(limitMs)}`), {
    name: 'TimeoutError',
  });
}

/**
 * The SDK's Node.js handler with the idle limits set, wrapped so that each attempt also has
 * its total limit. The step's cancel still cuts an attempt at once: its signal is passed on.
 * Large https bodies go to the socket in slices (paced-body.ts).
 */
export class BoundedHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  private readonly inner: NodeHttpHandler;

  constructor(
    private readonly idleMs: number,
    options: Pick<NodeHttpHandlerOptions, 'httpAgent' | 'httpsAgent'> = {},
  ) {
    this.inner = new NodeHttpHandler({
      ...options,
      connectionTimeout: idleMs,
      socketTimeout: idleMs,
    });
  }

  async handle(
    request: Parameters<NodeHttpHandler['handle']>[0],
    options: HttpHandlerOptions = {},
  ): ReturnType<NodeHttpHandler['handle']> {
    const limitMs = attemptLimitMs(this.idleMs, bodyLength(request));
    const controller = new AbortController();
    const outer = options.abortSignal as AbortSignal | undefined;
    const onOuter = (): void => controller.abort(outer?.reason);
    if (outer?.aborted) onOuter();
    else outer?.addEventListener('abort', onOuter, { once: true });
    let body: Destroyable | undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      const error = totalTimeout(limitMs);
      controller.abort(error);
      body?.destroy(error);
    }, limitMs);
    // A timer must not hold the process open once everything else is done.
    timer.unref();
    const release = (): void => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    };
    const sent = pacedRequest(request);
    // A body made for this attempt that fails (its file changed or could not be read) ends
    // the attempt with its own error; else the request would wait for bytes that never come.
    const made = request.body instanceof ReopenableBody ? (sent.body as Readable) : undefined;
    let bodyError: { error: unknown } | undefined;
    made?.once('error', (error) => {
      bodyError ??= { error };
      controller.abort(error);
    });
    try {
      const result = await this.inner.handle(sent, {
        ...options,
        abortSignal: controller.signal,
      });
      const stream = result.response.body as Destroyable | undefined;
      if (stream && typeof stream.destroy === 'function' && typeof stream.on === 'function') {
        // The limit runs on while the answer's body is read, until it ends one way or another.
        body = stream;
        finished(stream as unknown as NodeJS.ReadableStream, release);
      } else {
        release();
      }
      return result;
    } catch (error) {
      release();
      made?.destroy();
      if (timedOut) throw totalTimeout(limitMs);
      if (bodyError) throw bodyError.error;
      throw error;
    }
  }

  updateHttpClientConfig(key: never, value: never): void {
    this.inner.updateHttpClientConfig(key, value);
  }

  httpHandlerConfigs(): ReturnType<NodeHttpHandler['httpHandlerConfigs']> {
    return this.inner.httpHandlerConfigs();
  }

  destroy(): void {
    this.inner.destroy();
  }
}

/**
 * Whether a client sends its requests through a BoundedHandler, and so opens a
 * ReopenableBody for each attempt (a client this tool did not make would send its bytes as
 * they are, not the stream they stand for).
 */
export function opensReopenableBodies(client: { config: unknown }): boolean {
  return (client.config as { requestHandler?: unknown }).requestHandler instanceof BoundedHandler;
}

type Handler = (args: unknown) => Promise<unknown>;
interface Stack {
  add(
    middleware: (next: Handler, context: { commandName?: string }) => Handler,
    options: { step: 'initialize'; priority: 'high'; name: string },
  ): void;
}

/**
 * Turns the TimeoutError of a request whose every attempt timed out into one that names the
 * operation, what ran out, the limit and the attempts. Added outside the retry loop: it sees
 * only the final error.
 */
export function nameTimeouts(client: { middlewareStack: unknown }, idleMs: number): void {
  (client.middlewareStack as Stack).add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (!(error instanceof Error) || error.name !== 'TimeoutError') throw error;
        const operation = context.commandName?.replace(/Command$/, '') ?? 'request';
        throw Object.assign(
          new Error(describeTimeout(operation, error, idleMs), { cause: error }),
          {
            name: 'TimeoutError',
            $metadata: (error as { $metadata?: unknown }).$metadata,
          },
        );
      }
    },
    { step: 'initialize', priority: 'high', name: 'mediaconvertEncryptTimeouts' },
  );
}

/** "UploadPart timed out: the connection moved no byte for 30 s (request-timeout 30 s, 6 attempts)". */
export function describeTimeout(operation: string, error: Error, idleMs: number): string {
  const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts;
  const message = error.message.split('\n')[0] ?? '';
  let what: string;
  if (message.startsWith(TOTAL_MESSAGE)) what = message;
  else if (/did not establish a connection/.test(message)) {
    what = `no connection within ${formatSeconds(idleMs)}`;
  } else if (/of inactivity/.test(message)) {
    what = `the connection moved no byte for ${formatSeconds(idleMs)}`;
  } else what = message;
  const tries = attempts === undefined ? '' : `, ${attempts} attempt${attempts === 1 ? '' : 's'}`;
  return `${operation} timed out: ${what} (request-timeout ${formatSeconds(idleMs)}${tries})`;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
