/**
 * The faults the fault proxy injects: which requests a rule selects (by service, operation,
 * path, count and a seeded chance) and each service's own error on the wire.
 */
import { randomUUID } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import type { Service } from '../../harness/per-service.js';

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
  /** Forwards, then answers with the upstream's body passed through `body` (a lying server). */
  | { kind: 'rewrite'; body: (upstream: string) => string }
  /** Reads the whole request and never answers: the connection stays open and silent. */
  | { kind: 'hang' }
  /** Forwards, then sends the upstream's answer (headers at once) `bytesPerSecond` at a time. */
  | { kind: 'trickle'; bytesPerSecond: number };

export type FaultKind = Fault['kind'];

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

interface RuleState {
  rule: FaultRule;
  seen: number;
  fired: number;
}

/** What a rule is matched against: the request as the proxy recorded it on arrival. */
interface Request {
  service: Service;
  operation: string;
}

/** The rules in force and how often each has matched and fired. */
export interface FaultChooser {
  /** The fault for this request (the first rule that applies to it), if any. */
  choose(request: Request, path: string): Fault | undefined;
  add(rule: FaultRule): void;
  clear(): void;
}

export function faultChooser(rules: readonly FaultRule[], seed: number): FaultChooser {
  let states: RuleState[] = rules.map((rule) => ({ rule, seen: 0, fired: 0 }));
  const random = mulberry32(seed);
  return {
    choose(request, path) {
      for (const state of states) {
        const { rule } = state;
        if (!matches(rule, request, path)) continue;
        state.seen += 1;
        if (state.seen <= (rule.skip ?? 0)) continue;
        if (rule.times !== undefined && state.fired >= rule.times) continue;
        if (rule.probability !== undefined && random() >= rule.probability) continue;
        state.fired += 1;
        return rule.fault;
      }
      return undefined;
    },
    add(rule) {
      states.push({ rule, seen: 0, fired: 0 });
    },
    clear() {
      states = [];
    },
  };
}

function matches(rule: FaultRule, request: Request, path: string): boolean {
  if (rule.service !== undefined && rule.service !== request.service) return false;
  if (rule.operation !== undefined) {
    const wanted = typeof rule.operation === 'string' ? [rule.operation] : rule.operation;
    if (!wanted.includes(request.operation)) return false;
  }
  return rule.pathIncludes === undefined || path.includes(rule.pathIncludes);
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

export interface ErrorReply {
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
