/**
 * A fault-injecting HTTP proxy for the local stack. It listens on 127.0.0.1, one port per
 * service, forwards every request byte for byte to the real server behind it, and on the
 * requests a rule selects it answers as the service does when it is overloaded or failing,
 * cuts the connection, or waits first. Point AWS_ENDPOINT_URL_S3 / _KMS / _MEDIACONVERT at it
 * (`proxy.env(stack.env())`). It records every request it saw and what became of it.
 */
import { EventEmitter } from 'node:events';
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import { errorReply, faultChooser, type Fault, type FaultRule } from './faults.js';
import { endpointEnv, listenPerService, type Service } from '../../harness/per-service.js';
import { decodePath, recordOf, type ProxyRecord } from './proxy-records.js';

// What the proxy's users name: the rules they pass and the records they read.
export type { Fault, FaultRule } from './faults.js';
export type { Service } from '../../harness/per-service.js';
export {
  mediaConvertOperation,
  multipartUploads,
  s3Operation,
  type MultipartUploadTrace,
  type ProxyRecord,
} from './proxy-records.js';

export interface FaultProxy {
  urls: Record<Service, string>;
  /** Every request seen, in arrival order; entries are updated in place as they finish. */
  readonly records: readonly ProxyRecord[];
  /** `base` with the AWS_ENDPOINT_URL_<SERVICE> variables pointed at this proxy. */
  env(base: Record<string, string>): Record<string, string>;
  addRule(rule: FaultRule): void;
  /** Drops the rules and the records. */
  reset(): void;
  /** Resolves with the first record (past or future) that satisfies `predicate`. */
  waitFor(predicate: (record: ProxyRecord) => boolean, timeoutMs?: number): Promise<ProxyRecord>;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  /** The real servers, by service; the proxy listens for each one given. */
  upstreams: Partial<Record<Service, string>>;
  rules?: FaultRule[];
  /** Seed of the generator behind `probability` (default 1). */
  seed?: number;
  /** How `latency` waits (default: a timer); tests may hand in their own. */
  sleep?: (ms: number) => Promise<void>;
}

/** Bodies kept in records are cut at this size. */
const MAX_KEPT_BODY = 1 << 20;

/** Headers that belong to one connection, not to the request. `expect` is unsigned by SigV4. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'expect',
]);

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const events = new EventEmitter();
  const records: ProxyRecord[] = [];
  const faults = faultChooser(options.rules ?? [], options.seed ?? 1);
  const agent = new Agent({ keepAlive: true });
  const timers = new Set<NodeJS.Timeout>();
  let tick = 0;
  let nextId = 1;

  const update = (record: ProxyRecord): void => {
    events.emit('record', record);
  };

  const timerSleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  const wait = options.sleep ?? timerSleep;

  const listening = await listenPerService(options.upstreams, (service, target) =>
    createServer((req, res) => {
      const record = recordOf(service, req, nextId++, ++tick);
      records.push(record);
      update(record);
      const path = decodePath(req.url ?? '/');
      const fault = faults.choose(record, path);
      if (fault) record.fault = fault.kind;
      const finish = (status: number | undefined): void => {
        if (status !== undefined) record.status = status;
        record.endTick = ++tick;
        record.endedMs = performance.now();
        update(record);
      };
      void handle({ service, req, res, record, fault, target, agent, wait, finish }).catch(() => {
        req.socket.destroy();
        finish(undefined);
      });
    }),
  );
  const { servers } = listening;
  // Typed complete for the callers' convenience: only the upstreams given have a URL.
  const urls = listening.urls as Record<Service, string>;

  return {
    urls,
    records,
    env(base) {
      return endpointEnv(base, urls);
    },
    addRule(rule) {
      faults.add(rule);
    },
    reset() {
      faults.clear();
      records.length = 0;
    },
    waitFor(predicate, timeoutMs = 30_000) {
      const found = records.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('record', listener);
          reject(new Error(`no matching proxy record within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (record: ProxyRecord): void => {
          if (!predicate(record)) return;
          clearTimeout(timer);
          events.off('record', listener);
          resolve(record);
        };
        events.on('record', listener);
      });
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
      agent.destroy();
    },
  };
}

/** Runs `fn` with a fault proxy made with `options`, and closes the proxy however `fn` ends. */
export async function withFaultProxy<T>(
  options: FaultProxyOptions,
  fn: (proxy: FaultProxy) => Promise<T>,
): Promise<T> {
  const proxy = await startFaultProxy(options);
  try {
    return await fn(proxy);
  } finally {
    await proxy.close();
  }
}

interface Exchange {
  service: Service;
  req: IncomingMessage;
  res: ServerResponse;
  record: ProxyRecord;
  fault: Fault | undefined;
  target: URL;
  agent: Agent;
  wait: (ms: number) => Promise<void>;
  finish: (status: number | undefined) => void;
}

async function handle(x: Exchange): Promise<void> {
  const { fault } = x;
  if (fault?.kind === 'error') {
    // Drained first, as a server does before it answers, so the client sees the answer.
    await drain(x.req, keepBody(x.service) ? x.record : undefined);
    const reply = errorReply(x.service, fault);
    x.res.writeHead(reply.status, reply.headers);
    x.res.end(reply.body);
    x.record.responseBody = reply.body;
    x.finish(reply.status);
    return;
  }
  if (fault?.kind === 'reset') {
    await resetAfter(x.req, fault.afterBytes);
    x.finish(undefined);
    return;
  }
  if (fault?.kind === 'hang') {
    await drain(x.req, keepBody(x.service) ? x.record : undefined);
    // Silent until the client gives up; close() ends the connection too.
    if (!x.req.socket.destroyed)
      await new Promise((resolve) => x.req.socket.once('close', resolve));
    x.finish(undefined);
    return;
  }
  if (fault?.kind === 'latency') {
    await x.wait(fault.ms);
    // The client gave up while we waited: nothing left to forward.
    if (x.req.destroyed) return x.finish(undefined);
  }
  await forward(
    x,
    fault?.kind === 'drop-after-upstream',
    fault?.kind === 'rewrite' ? fault.body : undefined,
    fault?.kind === 'trickle' ? fault : undefined,
  );
}

/**
 * Sends the request on to the real server and its answer back (or, when `drop`, nothing; with
 * `rewrite`, its body rewritten, once whole; with `trickle`, the body a byte at a time at its
 * rate).
 */
function forward(
  x: Exchange,
  drop: boolean,
  rewrite?: (upstream: string) => string,
  trickle?: { bytesPerSecond: number },
): Promise<void> {
  const { req, res, record } = x;
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      {
        host: x.target.hostname,
        port: x.target.port,
        method: req.method,
        path: req.url,
        // The Host header is kept as the client signed it.
        headers: forwardedHeaders(req.headers),
        agent: x.agent,
      },
      (answer) => {
        record.upstreamStatus = answer.statusCode ?? 0;
        const keep =
          keepBody(x.service) || /xml/.test(String(answer.headers['content-type'] ?? ''));
        const chunks: Buffer[] = [];
        let kept = 0;
        const live = !drop && !rewrite && !trickle;
        if (live || trickle) {
          res.writeHead(answer.statusCode ?? 502, forwardedHeaders(answer.headers));
        }
        const whole: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => {
          if (keep && kept < MAX_KEPT_BODY) {
            chunks.push(chunk);
            kept += chunk.length;
          }
          if (live) res.write(chunk);
          if (rewrite || trickle) whole.push(chunk);
        });
        answer.on('error', reject);
        const ended = (): void => {
          if (keep) {
            record.responseBody = Buffer.concat(chunks).toString('utf8');
            if (record.operation === 'CreateMultipartUpload') {
              const id = /<UploadId>([^<]+)<\/UploadId>/.exec(record.responseBody)?.[1];
              if (id) record.uploadId = id;
            }
          }
          if (drop) {
            req.socket.destroy();
            x.finish(undefined);
          } else if (rewrite) {
            const body = rewrite(Buffer.concat(whole).toString('utf8'));
            const headers = forwardedHeaders(answer.headers);
            headers['content-length'] = Buffer.byteLength(body);
            res.writeHead(answer.statusCode ?? 502, headers);
            res.end(body);
            record.responseBody = body;
            x.finish(answer.statusCode);
          } else {
            res.end();
            x.finish(answer.statusCode);
          }
          resolve();
        };
        answer.on('end', () => {
          if (!trickle) return ended();
          trickleOut(res, Buffer.concat(whole), trickle.bytesPerSecond, x.wait).then(ended, reject);
        });
      },
    );
    upstream.on('error', reject);
    // The client gave up (or was cut): stop talking to the upstream on its behalf.
    req.on('aborted', () => upstream.destroy());
    const chunks: Buffer[] = [];
    let kept = 0;
    req.on('data', (chunk: Buffer) => {
      if (keepBody(x.service) && kept < MAX_KEPT_BODY) {
        chunks.push(chunk);
        kept += chunk.length;
      }
    });
    req.on('end', () => {
      if (keepBody(x.service)) record.requestBody = Buffer.concat(chunks).toString('utf8');
    });
    req.pipe(upstream);
  });
}

/** Writes `body` one byte at a time at `bytesPerSecond`, until done or the client is gone. */
async function trickleOut(
  res: ServerResponse,
  body: Buffer,
  bytesPerSecond: number,
  wait: (ms: number) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < body.length && !res.destroyed; i++) {
    res.write(body.subarray(i, i + 1));
    await wait(1000 / bytesPerSecond);
  }
}

/** Reads part of the body, then sends a TCP RST: the client sees ECONNRESET or EPIPE. */
function resetAfter(req: IncomingMessage, afterBytes: number | undefined): Promise<void> {
  const length = Number(req.headers['content-length'] ?? 0);
  const limit = afterBytes ?? Math.floor(length / 2);
  return new Promise((resolve) => {
    let read = 0;
    const cut = (): void => {
      req.removeAllListeners('data');
      (req.socket as Socket & { resetAndDestroy(): Socket }).resetAndDestroy();
      resolve();
    };
    if (limit <= 0) return cut();
    req.on('data', (chunk: Buffer) => {
      read += chunk.length;
      if (read >= limit) cut();
    });
    req.on('end', cut);
  });
}

async function drain(req: IncomingMessage, record: ProxyRecord | undefined): Promise<void> {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (record && kept < MAX_KEPT_BODY) {
      chunks.push(chunk);
      kept += chunk.length;
    }
  }
  if (record) record.requestBody = Buffer.concat(chunks).toString('utf8');
}

function keepBody(service: Service): boolean {
  return service !== 's3';
}

function forwardedHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}
