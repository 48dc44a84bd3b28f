/**
 * A local AWS KMS that speaks the real AWS JSON 1.1 protocol (`X-Amz-Target: TrentService.*`),
 * so the unmodified `@aws-sdk/client-kms` and the AWS CLI work against it via an endpoint URL.
 * See README.md (KMS section) for what it models and what it leaves out.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Principals } from '../identity.js';
import { KmsError, errorBody } from './errors.js';
import { RequestReader, type JsonObject } from './input.js';
import { GRANT_OPERATIONS, OPERATIONS, type Handler } from './operations.js';
import { KeyStore } from './store.js';

export { KmsError } from './errors.js';

export interface KmsEmulatorOptions {
  region: string;
  /** Default 127.0.0.1: the emulator never listens beyond the local machine by default. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Shared with the other emulators so a role registered once is known everywhere. */
  principals?: Principals;
}

export interface KmsRequestRecord {
  /** The `X-Amz-Target` header as received, e.g. `TrentService.GenerateDataKey`. */
  target: string;
  /** The caller's principal ARN; undefined for unknown or missing credentials. */
  principal: string | undefined;
}

export interface KmsEmulator {
  url: string;
  region: string;
  principals: Principals;
  /** In-process admin: creates a key owned by `owner` (default: the stack user). */
  createKey(opts?: { description?: string; owner?: string }): { keyId: string; arn: string };
  /** Returns the alias ARN. Throws KmsError as CreateAlias would. */
  createAlias(aliasName: string, keyId: string): string;
  grant(keyIdOrArn: string, granteePrincipal: string, operations: string[]): void;
  setEnabled(keyIdOrArn: string, enabled: boolean): void;
  /** Every request that named an operation, served or refused, in arrival order. */
  requests: KmsRequestRecord[];
  close(): Promise<void>;
}

const SERVICE = 'TrentService';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
// KMS requests are small (plaintext <= 4 KiB); a cap keeps a stray upload from eating memory.
const MAX_BODY_BYTES = 1 << 20;

interface State {
  store: KeyStore;
  principals: Principals;
  requests: KmsRequestRecord[];
}

export async function startKms(options: KmsEmulatorOptions): Promise<KmsEmulator> {
  const state: State = {
    store: new KeyStore(options.region),
    principals: options.principals ?? new Principals(),
    requests: [],
  };
  const server = createServer((req, res) => void serve(req, res, state));
  // Node closes a keep-alive socket after 5 idle seconds; a client reusing it at that moment
  // gets ECONNRESET. Idle sockets are kept as long as the local S3 keeps them (close() still
  // ends them at once).
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, host, options.port ?? 0);
  return adminApi(server, state, `http://${host}:${port}`);
}

function adminApi(server: Server, state: State, url: string): KmsEmulator {
  const { store } = state;
  return {
    url,
    region: store.region,
    principals: state.principals,
    requests: state.requests,
    createKey(opts = {}) {
      const key = store.createKey(opts);
      return { keyId: key.id, arn: key.arn };
    },
    createAlias(aliasName, keyId) {
      return store.createAlias(aliasName, keyId).arn;
    },
    grant(keyIdOrArn, granteePrincipal, operations) {
      const unknown = operations.filter((operation) => !GRANT_OPERATIONS.includes(operation));
      if (unknown.length > 0) {
        throw new KmsError(
          'ValidationException',
          `Unknown grant operations: ${unknown.join(', ')}`,
        );
      }
      store.addGrant(store.resolve(keyIdOrArn, 'key-or-alias'), { granteePrincipal, operations });
    },
    setEnabled(keyIdOrArn, enabled) {
      store.resolve(keyIdOrArn, 'key-or-alias').enabled = enabled;
    },
    close: () => closeServer(server),
  };
}

async function serve(req: IncomingMessage, res: ServerResponse, state: State): Promise<void> {
  try {
    const raw = await readBody(req);
    send(res, 200, dispatch(req, raw, state));
  } catch (error) {
    const failure = error instanceof KmsError ? error : internalError(error);
    send(res, failure.status, errorBody(failure), failure.type);
  }
}

function dispatch(req: IncomingMessage, raw: string, state: State): JsonObject {
  const target = headerOf(req, 'x-amz-target');
  const authorization = headerOf(req, 'authorization');
  const principal = state.principals.resolve(authorization);
  if (target !== undefined) state.requests.push({ target, principal });
  const operation = operationOf(req, target);
  if (authorization === undefined) {
    throw new KmsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  if (principal === undefined) {
    throw new KmsError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  checkSigningRegion(authorization, state.store.region);
  return operation(RequestReader.parse(raw), { store: state.store, principal });
}

function operationOf(req: IncomingMessage, target: string | undefined): Handler {
  const [service, name] = (target ?? '').split('.', 2);
  const operation = name === undefined ? undefined : OPERATIONS[name];
  if (req.method !== 'POST' || service !== SERVICE || operation === undefined) {
    throw new KmsError('UnknownOperationException', `Unknown operation ${target ?? '(none)'}`);
  }
  return operation;
}

/**
 * A request signed for another region would be refused by that region's real endpoint; refusing
 * it here catches a client that sends KMS calls to the wrong region.
 */
function checkSigningRegion(authorization: string, region: string): void {
  const scope = /Credential=[^/,\s]+\/\d{8}\/([^/]+)\//.exec(authorization);
  const signedFor = scope?.[1];
  if (signedFor !== undefined && signedFor !== region) {
    throw new KmsError(
      'InvalidSignatureException',
      `Credential should be scoped to a valid region, not '${signedFor}'. (This endpoint serves ${region}.)`,
    );
  }
}

function internalError(error: unknown): KmsError {
  // Only the message: request bodies (which may hold plaintext) are never logged.
  console.error(`kms emulator: ${error instanceof Error ? error.message : String(error)}`);
  return new KmsError('KMSInternalException', 'The KMS emulator failed internally.', 500);
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Keep draining so the client gets the error instead of a reset connection.
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) {
    throw new KmsError('SerializationException', 'The request body is too large.', 413);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: object, errorType?: string): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': payload.length,
    'x-amzn-RequestId': randomUUID(),
    ...(errorType !== undefined && { 'x-amzn-ErrorType': errorType }),
  });
  res.end(payload);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // SDK clients keep connections alive; without this close() would wait for them to time out.
    server.closeAllConnections();
  });
}
