/**
 * A local AWS Elemental MediaConvert that speaks the service's REST-JSON protocol, so the
 * unmodified SDK client and the AWS CLI work against it with an endpoint URL. Jobs are
 * validated as the service model says and then really processed (see mediaconvert-process).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACCOUNT_ID } from '../identity.js';
import { findMediaTools } from './media.js';
import { matchRoute, type Operation, type RouteMatch } from './routes.js';
import { MediaConvertStore } from './store.js';
import { validateCreateJob, validateCreateJobTemplate } from './validate.js';
import {
  ApiError,
  badRequest,
  isObject,
  TERMINAL_STATUSES,
  type ErrorType,
  type JsonObject,
  type WireJob,
} from './wire.js';
import { JobWorker } from './worker.js';

export interface MediaConvertEmulatorOptions {
  region: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The S3 server (s3rver) URL that inputs are read from and outputs written to. */
  s3Endpoint: string;
  /** Region -> KMS emulator URL; a job's data keys are decrypted in `kmsKeyRegion ?? region`. */
  kmsEndpoints: Record<string, string>;
  /** The CA (PEM) that signed the certificates of https `s3Endpoint` and `kmsEndpoints`. */
  ca?: string;
  accountId?: string;
  /** Pause before a job starts and between its steps (default 250 ms; tests use a few ms). */
  tickMs?: number;
  /** How long a clientRequestToken returns its first job (default 60 s, as the service). */
  requestTokenTtlMs?: number;
  /** 'none' ignores ffmpeg/ffprobe even when installed (magic-byte check and plain copy). */
  mediaTools?: 'auto' | 'none';
  /**
   * A folder to keep ffprobe and ffmpeg results in, shared with other emulators, e.g. those of
   * every test file of a run (default: LOCAL_AWS_MEDIA_CACHE, else a folder of this emulator's
   * own, removed by close()).
   */
  mediaCacheDir?: string;
}

export interface MediaConvertEmulator {
  url: string;
  region: string;
  createJobTemplate(template: { name: string; settings: unknown; description?: string }): void;
  /** Wire-format jobs, oldest first. */
  jobs(): unknown[];
  /** Resolves with the wire-format job once it is COMPLETE, ERROR or CANCELED. */
  waitForJob(id: string, timeoutMs?: number): Promise<unknown>;
  requests: { operation: string; status: number }[];
  /** Makes the next call of `operation` fail with the given error (e.g. throttling tests). */
  failNext(operation: string, type: ErrorType, message?: string): void;
  close(): Promise<void>;
}

interface Call {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

interface Reply {
  status: number;
  body: JsonObject;
}

type Handler = (call: Call) => Reply;

export async function startMediaConvert(
  options: MediaConvertEmulatorOptions,
): Promise<MediaConvertEmulator> {
  const store = new MediaConvertStore(
    options.region,
    options.accountId ?? ACCOUNT_ID,
    options.requestTokenTtlMs,
  );
  const waiters = new Map<string, ((job: WireJob) => void)[]>();
  const tools = findMediaTools(
    options.mediaTools ?? 'auto',
    options.mediaCacheDir ?? (process.env['LOCAL_AWS_MEDIA_CACHE'] || undefined),
  );
  const worker = new JobWorker({
    region: options.region,
    s3Endpoint: options.s3Endpoint,
    kmsEndpoints: options.kmsEndpoints,
    ...(options.ca ? { ca: options.ca } : {}),
    tools,
    tickMs: options.tickMs ?? 250,
    onChange: (job) => {
      if (!TERMINAL_STATUSES.has(job.status)) return;
      waiters.get(job.id)?.forEach((resolve) => resolve(job));
      waiters.delete(job.id);
    },
  });
  const requests: { operation: string; status: number }[] = [];
  const injected = new Map<string, ApiError>();
  let url = '';
  const handlers = buildHandlers(store, worker, () => url);
  const server = createServer((req, res) => {
    void serve(req, res, { handlers, requests, injected });
  });
  // Node closes a keep-alive socket after 5 idle seconds; a client reusing it at that moment
  // gets ECONNRESET. Idle sockets are kept as long as the local S3 keeps them (close() still
  // ends them at once).
  server.keepAliveTimeout = 65_000;
  const address = await listen(server, options.host ?? '127.0.0.1', options.port ?? 0);
  url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;

  return {
    url,
    region: options.region,
    requests,
    createJobTemplate(template) {
      const valid = validateCreateJobTemplate(template);
      store.createTemplate(
        valid.name,
        valid.settings,
        template.description === undefined ? {} : { description: template.description },
      );
    },
    // Copies, so a test cannot change a job behind the worker's back.
    jobs: () => store.allJobs().map((job) => structuredClone(job)),
    waitForJob: async (id, timeoutMs = 60_000) =>
      structuredClone(await waitFor(store.getJob(id), waiters, timeoutMs)),
    failNext(operation, type, message = `Injected ${type} for ${operation}`) {
      injected.set(operation, new ApiError(type, message));
    },
    async close() {
      await worker.close();
      await tools.cache?.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function buildHandlers(
  store: MediaConvertStore,
  worker: JobWorker,
  url: () => string,
): Record<Operation, Handler> {
  return {
    CreateJob: ({ body }) => createJob(store, worker, body),
    ListJobs: ({ query }) => {
      const page = store.listJobs(
        queryOf(query, ['maxResults', 'nextToken', 'order', 'status', 'queue']),
      );
      return ok({ jobs: page.items, ...nextToken(page.nextToken) });
    },
    GetJob: ({ params }) => ok({ job: store.getJob(params['id'] ?? '') }),
    CancelJob: ({ params }) => {
      worker.cancel(store.cancelJob(params['id'] ?? ''));
      return { status: 202, body: {} };
    },
    CreateJobTemplate: ({ body }) => {
      const { name, settings } = validateCreateJobTemplate(body);
      const extra = isObject(body) ? pickTemplateExtras(body) : {};
      return { status: 201, body: { jobTemplate: store.createTemplate(name, settings, extra) } };
    },
    ListJobTemplates: ({ query }) => {
      const q = queryOf(query, ['maxResults', 'nextToken', 'order', 'listBy', 'category']);
      const page = store.listTemplates(q);
      return ok({ jobTemplates: page.items, ...nextToken(page.nextToken) });
    },
    GetJobTemplate: ({ params }) => ok({ jobTemplate: store.getTemplate(params['name'] ?? '') }),
    GetQueue: ({ params }) => ok({ queue: store.queue(params['name'] ?? '') }),
    // Old clients still ask for their account endpoint: answer with this server.
    DescribeEndpoints: () => ok({ endpoints: [{ url: url() }] }),
  };
}

function createJob(store: MediaConvertStore, worker: JobWorker, body: unknown): Reply {
  // A repeated clientRequestToken returns the job it first created, as the service does.
  const repeat = isObject(body) ? store.jobForToken(body['clientRequestToken']) : undefined;
  if (repeat) return { status: 201, body: { job: repeat } };
  const valid = validateCreateJob(body, {
    findTemplate: (name) => store.findTemplate(name),
    queueArn: (name) => store.queueArn(name),
    templateArn: (name) => store.arn('jobTemplates', name),
  });
  const job = store.createJob(isObject(body) ? body : {}, valid);
  worker.enqueue(job);
  return { status: 201, body: { job } };
}

function pickTemplateExtras(body: JsonObject): JsonObject {
  const keys = [
    'description',
    'category',
    'queue',
    'priority',
    'statusUpdateInterval',
    'accelerationSettings',
    'hopDestinations',
  ];
  return Object.fromEntries(
    keys.filter((key) => body[key] !== undefined).map((key) => [key, body[key]]),
  );
}

function ok(body: JsonObject): Reply {
  return { status: 200, body };
}

function nextToken(token: string | undefined): JsonObject {
  return token === undefined ? {} : { nextToken: token };
}

function queryOf<K extends string>(
  query: URLSearchParams,
  keys: K[],
): Record<K, string | undefined> {
  return Object.fromEntries(keys.map((key) => [key, query.get(key) ?? undefined])) as Record<
    K,
    string | undefined
  >;
}

interface ServeContext {
  handlers: Record<Operation, Handler>;
  requests: { operation: string; status: number }[];
  injected: Map<string, ApiError>;
}

async function serve(req: IncomingMessage, res: ServerResponse, ctx: ServeContext): Promise<void> {
  const target = new URL(req.url ?? '/', 'http://localhost');
  const found = matchRoute(req.method ?? 'GET', target.pathname);
  const operation = found?.operation ?? 'Unknown';
  let reply: Reply;
  try {
    const raw = await readBody(req);
    reply = answer(req, found, ctx, {
      params: found?.params ?? {},
      query: target.searchParams,
      body: parseJson(raw),
    });
  } catch (error) {
    reply = errorReply(error);
  }
  ctx.requests.push({ operation, status: reply.status });
  send(res, reply);
}

function answer(
  req: IncomingMessage,
  found: RouteMatch | undefined,
  ctx: ServeContext,
  call: Call,
): Reply {
  if (!found) {
    throw new ApiError(
      'NotFoundException',
      `No MediaConvert operation for ${req.method} ${req.url}`,
    );
  }
  // Every AWS client signs its requests; an unsigned one is refused like the real endpoint.
  if (!req.headers.authorization) {
    throw new ApiError('ForbiddenException', 'Missing Authentication Token');
  }
  const injected = ctx.injected.get(found.operation);
  if (injected) {
    ctx.injected.delete(found.operation);
    throw injected;
  }
  return ctx.handlers[found.operation](call);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
}

function errorReply(error: unknown): Reply & { type?: ErrorType } {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError(
          'InternalServerErrorException',
          error instanceof Error ? error.message : String(error),
        );
  return { status: apiError.status, type: apiError.type, body: { message: apiError.message } };
}

function send(res: ServerResponse, reply: Reply & { type?: ErrorType }): void {
  const payload = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': randomUUID(),
    ...(reply.type ? { 'x-amzn-errortype': reply.type } : {}),
  });
  res.end(payload);
}

function waitFor(
  job: WireJob,
  waiters: Map<string, ((job: WireJob) => void)[]>,
  timeoutMs: number,
): Promise<WireJob> {
  if (TERMINAL_STATUSES.has(job.status)) return Promise.resolve(job);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`Job ${job.id} is still ${job.status} after ${timeoutMs} ms`));
    }, timeoutMs);
    const list = waiters.get(job.id) ?? [];
    list.push((done) => {
      clearTimeout(timer);
      resolve(done);
    });
    waiters.set(job.id, list);
  });
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}
