/**
 * A fault-injecting HTTP proxy for the local stack. It listens on 127.0.0.1, one port per
 * service, forwards every request byte for byte to the real server behind it, and on the
 * requests a rule selects it answers as the service does when it is overloaded or failing,
 * cuts the connection, or waits first. Point AWS_ENDPOINT_URL_S3 / _KMS / _MEDIACONVERT at it
 * (`proxy.env(stack.env())`). It records every request it saw and what became of it.
 */
import { randomUUID } from 'node:crypto';
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
import type { AddressInfo, Server as NetServer, Socket } from 'node:net';
import { matchRoute } from '../../local-aws/mediaconvert/routes.js';

export type Service = 's3' | 'kms' | 'mediaconvert';

export type Fault =
  /** The service's own error: `throttling` (the default) or `server` (a 500), or an override. */
  | {
      kind: 'error';
      error?: 'throttling' | 'server';
      status?: number;
      code?: string;
      message?: string;
    }
  /** Reads `afterBytes` of the request body (default: half of it), then resets the connection. */
  | { kind: 'reset'; afterBytes?: number }
  /** Waits, then forwards as usual. */
  | { kind: 'latency'; ms: number }
  /** Forwards, lets the upstream answer in full, then closes the client's socket unanswered. */
  | { kind: 'drop-after-upstream' }
  /** Reads the whole request and never answers: the connection stays open and silent. */
  | { kind: 'hang' }
  /** Forwards, then sends the upstream's answer (headers at once) `bytesPerSecond` at a time. */
  | { kind: 'trickle'; bytesPerSecond: number };

export interface FaultRule {
  service?: Service;
  /** Operation name(s) as in the API reference: `UploadPart`, `GenerateDataKey`, `CreateJob`. */
  operation?: string | readonly string[];
  /** Only requests whose decoded path contains this, e.g. an object key. */
  pathIncludes?: string;
  fault: Fault;
  /** Lets this many matching requests through before the rule starts to apply. */
  skip?: number;
  /** Applies to at most this many requests. */
  times?: number;
  /** Applies to each eligible request with this probability (seeded: repeatable). */
  probability?: number;
}

export interface ProxyRecord {
  /** Arrival order, from 1. */
  id: number;
  service: Service;
  operation: string;
  method: string;
  /** Path and query as received. */
  url: string;
  /** The request's User-Agent and Via headers (Via: set by a forward proxy in between). */
  userAgent?: string;
  via?: string;
  /** S3: the bucket and decoded object key, when the request names them. */
  bucket?: string;
  key?: string;
  /** S3 multipart: from the query, or from CreateMultipartUpload's answer. */
  uploadId?: string;
  partNumber?: number;
  /** The fault injected, if any. */
  fault?: Fault['kind'];
  /** What the upstream answered; absent when the request never reached it. */
  upstreamStatus?: number;
  /** What the client got; absent when its connection was cut. */
  status?: number;
  /** Ticks of one counter shared by every start and end: a total order of events. */
  startTick: number;
  endTick?: number;
  /** performance.now() when the request arrived and when it ended (answered or cut). */
  startedMs: number;
  endedMs?: number;
  /** KMS and MediaConvert request bodies (small JSON). S3 request bodies are not kept. */
  requestBody?: string;
  /** KMS and MediaConvert response bodies, and S3 XML answers. */
  responseBody?: string;
}

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

const ENDPOINT_VARIABLES: Record<Service, string> = {
  s3: 'AWS_ENDPOINT_URL_S3',
  kms: 'AWS_ENDPOINT_URL_KMS',
  mediaconvert: 'AWS_ENDPOINT_URL_MEDIACONVERT',
};

/**
 * `base` with the AWS_ENDPOINT_URL_<SERVICE> variable of each service in `urls` set to its URL:
 * what points the action's SDK clients at a proxy in front of the stack (this one, or the link
 * proxy of test/support/link-proxy.ts).
 */
export function endpointEnv(
  base: Record<string, string>,
  urls: Partial<Record<Service, string>>,
): Record<string, string> {
  const env = { ...base };
  for (const [service, url] of Object.entries(urls) as [Service, string][]) {
    env[ENDPOINT_VARIABLES[service]] = url;
  }
  return env;
}

/**
 * One server a service, made by `serve` to stand in front of its upstream, each listening on a
 * free 127.0.0.1 port: the layout of this proxy and of the link proxy.
 */
export async function listenPerService<S extends NetServer>(
  upstreams: Partial<Record<Service, string>>,
  serve: (service: Service, target: URL) => S,
): Promise<{ servers: S[]; urls: Partial<Record<Service, string>> }> {
  const servers: S[] = [];
  const urls: Partial<Record<Service, string>> = {};
  for (const [service, upstream] of Object.entries(upstreams) as [Service, string][]) {
    const server = serve(service, new URL(upstream));
    servers.push(server);
    urls[service] = await listen(server);
  }
  return { servers, urls };
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

interface RuleState {
  rule: FaultRule;
  seen: number;
  fired: number;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const events = new EventEmitter();
  const records: ProxyRecord[] = [];
  let rules: RuleState[] = (options.rules ?? []).map((rule) => ({ rule, seen: 0, fired: 0 }));
  const random = mulberry32(options.seed ?? 1);
  const agent = new Agent({ keepAlive: true });
  const timers = new Set<NodeJS.Timeout>();
  let tick = 0;
  let nextId = 1;

  const update = (record: ProxyRecord): void => {
    events.emit('record', record);
  };

  const choose = (record: ProxyRecord, path: string): Fault | undefined => {
    for (const state of rules) {
      const { rule } = state;
      if (!matches(rule, record, path)) continue;
      state.seen += 1;
      if (state.seen <= (rule.skip ?? 0)) continue;
      if (rule.times !== undefined && state.fired >= rule.times) continue;
      if (rule.probability !== undefined && random() >= rule.probability) continue;
      state.fired += 1;
      return rule.fault;
    }
    return undefined;
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
      const record = describe(service, req, nextId++, ++tick);
      records.push(record);
      update(record);
      const path = decodePath(req.url ?? '/');
      const fault = choose(record, path);
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
      rules.push({ rule, seen: 0, fired: 0 });
    },
    reset() {
      rules = [];
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
    fault?.kind === 'trickle' ? fault : undefined,
  );
}

/**
 * Sends the request on to the real server and its answer back (or, when `drop`, nothing; when
 * `trickle`, the answer's body a byte at a time at its rate).
 */
function forward(x: Exchange, drop: boolean, trickle?: { bytesPerSecond: number }): Promise<void> {
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
        if (!drop) res.writeHead(answer.statusCode ?? 502, forwardedHeaders(answer.headers));
        const held: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => {
          if (keep && kept < MAX_KEPT_BODY) {
            chunks.push(chunk);
            kept += chunk.length;
          }
          if (trickle) held.push(chunk);
          else if (!drop) res.write(chunk);
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
          } else {
            res.end();
            x.finish(answer.statusCode);
          }
          resolve();
        };
        answer.on('end', () => {
          if (!trickle) return ended();
          trickleOut(res, Buffer.concat(held), trickle.bytesPerSecond, x.wait).then(ended, reject);
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

interface ErrorReply {
  status: number;
  headers: OutgoingHttpHeaders;
  body: string;
}

/** The error as each service puts it on the wire, so the SDK parses and classifies it. */
export function errorReply(service: Service, fault: Extract<Fault, { kind: 'error' }>): ErrorReply {
  const server = fault.error === 'server';
  const requestId = randomUUID();
  switch (service) {
    case 's3': {
      const code = fault.code ?? (server ? 'InternalError' : 'SlowDown');
      const message =
        fault.message ??
        (server
          ? 'We encountered an internal error. Please try again.'
          : 'Please reduce your request rate.');
      const body =
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<Error><Code>${code}</Code><Message>${message}</Message>` +
        `<RequestId>${requestId}</RequestId><HostId>fault-proxy</HostId></Error>`;
      return {
        status: fault.status ?? (server ? 500 : 503),
        headers: {
          'content-type': 'application/xml',
          'content-length': Buffer.byteLength(body),
          'x-amz-request-id': requestId,
        },
        body,
      };
    }
    case 'kms': {
      const code = fault.code ?? (server ? 'KMSInternalException' : 'ThrottlingException');
      const message = fault.message ?? (server ? 'An internal error occurred.' : 'Rate exceeded');
      const body = JSON.stringify({ __type: code, message });
      return {
        status: fault.status ?? (server ? 500 : 400),
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'content-length': Buffer.byteLength(body),
          'x-amzn-requestid': requestId,
          'x-amzn-errortype': code,
        },
        body,
      };
    }
    case 'mediaconvert': {
      const code =
        fault.code ?? (server ? 'InternalServerErrorException' : 'TooManyRequestsException');
      const message = fault.message ?? (server ? 'Internal server error' : 'Too Many Requests');
      const body = JSON.stringify({ message });
      return {
        status: fault.status ?? (server ? 500 : 429),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-amzn-requestid': requestId,
          'x-amzn-errortype': code,
        },
        body,
      };
    }
  }
}

function describe(service: Service, req: IncomingMessage, id: number, tick: number): ProxyRecord {
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const record: ProxyRecord = {
    id,
    service,
    operation: 'Unknown',
    method,
    url,
    startTick: tick,
    startedMs: performance.now(),
  };
  if (req.headers['user-agent'] !== undefined) record.userAgent = req.headers['user-agent'];
  if (req.headers.via !== undefined) record.via = req.headers.via;
  if (service === 'kms') {
    const target = String(req.headers['x-amz-target'] ?? '');
    record.operation = target.split('.')[1] ?? 'Unknown';
  } else if (service === 'mediaconvert') {
    record.operation = mediaConvertOperation(method, new URL(url, 'http://proxy').pathname);
  } else {
    Object.assign(record, s3Operation(method, new URL(url, 'http://proxy'), req.headers));
  }
  return record;
}

/** S3 operations by method, path (path-style: /bucket/key) and query, as S3 routes them. */
export function s3Operation(
  method: string,
  url: URL,
  headers: IncomingHttpHeaders = {},
): Pick<ProxyRecord, 'operation' | 'bucket' | 'key' | 'uploadId' | 'partNumber'> {
  const q = url.searchParams;
  const [, bucketPart = '', ...keyParts] = url.pathname.split('/');
  const bucket = decodeURIComponent(bucketPart);
  const key = keyParts.length > 0 ? decodeURIComponent(keyParts.join('/')) : '';
  const uploadId = q.get('uploadId') ?? undefined;
  const partNumber = q.has('partNumber') ? Number(q.get('partNumber')) : undefined;
  const onObject = key !== '';
  const operation = ((): string => {
    switch (method) {
      case 'PUT':
        if (uploadId !== undefined && partNumber !== undefined) {
          return headers['x-amz-copy-source'] ? 'UploadPartCopy' : 'UploadPart';
        }
        if (q.has('tagging')) return onObject ? 'PutObjectTagging' : 'PutBucketTagging';
        if (!onObject) return 'CreateBucket';
        return headers['x-amz-copy-source'] ? 'CopyObject' : 'PutObject';
      case 'POST':
        if (q.has('uploads')) return 'CreateMultipartUpload';
        if (uploadId !== undefined) return 'CompleteMultipartUpload';
        if (q.has('delete')) return 'DeleteObjects';
        return 'Unknown';
      case 'DELETE':
        if (uploadId !== undefined) return 'AbortMultipartUpload';
        return onObject ? 'DeleteObject' : 'DeleteBucket';
      case 'GET':
        if (uploadId !== undefined) return 'ListParts';
        if (q.has('uploads')) return 'ListMultipartUploads';
        if (onObject) return 'GetObject';
        if (bucket === '') return 'ListBuckets';
        return q.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
      case 'HEAD':
        return onObject ? 'HeadObject' : 'HeadBucket';
      default:
        return 'Unknown';
    }
  })();
  return {
    operation,
    ...(bucket ? { bucket } : {}),
    ...(onObject ? { key } : {}),
    ...(uploadId !== undefined ? { uploadId } : {}),
    ...(partNumber !== undefined ? { partNumber } : {}),
  };
}

export function mediaConvertOperation(method: string, pathname: string): string {
  return matchRoute(method, pathname)?.operation ?? 'Unknown';
}

function matches(rule: FaultRule, record: ProxyRecord, path: string): boolean {
  if (rule.service !== undefined && rule.service !== record.service) return false;
  if (rule.operation !== undefined) {
    const wanted = typeof rule.operation === 'string' ? [rule.operation] : rule.operation;
    if (!wanted.includes(record.operation)) return false;
  }
  return rule.pathIncludes === undefined || path.includes(rule.pathIncludes);
}

function decodePath(url: string): string {
  const pathname = new URL(url, 'http://proxy').pathname;
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** A small seeded generator: the same seed gives the same faults on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function listen(server: NetServer): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

/** S3 multipart uploads as the proxy saw them, by upload ID. */
export interface MultipartUploadTrace {
  uploadId: string;
  key: string;
  created: ProxyRecord;
  parts: ProxyRecord[];
  completes: ProxyRecord[];
  aborts: ProxyRecord[];
}

export function multipartUploads(records: readonly ProxyRecord[]): MultipartUploadTrace[] {
  const traces = new Map<string, MultipartUploadTrace>();
  for (const record of records) {
    if (record.service !== 's3' || record.uploadId === undefined) continue;
    if (record.operation === 'CreateMultipartUpload') {
      traces.set(record.uploadId, {
        uploadId: record.uploadId,
        key: record.key ?? '',
        created: record,
        parts: [],
        completes: [],
        aborts: [],
      });
    }
  }
  for (const record of records) {
    const trace = record.uploadId === undefined ? undefined : traces.get(record.uploadId);
    if (!trace || record.service !== 's3') continue;
    if (record.operation === 'UploadPart') trace.parts.push(record);
    if (record.operation === 'CompleteMultipartUpload') trace.completes.push(record);
    if (record.operation === 'AbortMultipartUpload') trace.aborts.push(record);
  }
  return [...traces.values()];
}
