/**
 * Proxy credentials through the packaged action: a proxy that refuses them (tinyproxy with
 * BasicAuth answering 407) is named as such, not as `SyntaxError: Unexpected token '<'`, and no
 * part of a password appears in any output, in any shape of URL, from the http-proxy input or
 * from the proxy variables.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPackagedAction, type ActionRun } from '../../harness/action-runner.js';
import { actionInputs } from '../support/action-inputs.js';
import { runCli } from '../support/cli-runner.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { startTinyProxy, type TinyProxy } from '../support/tinyproxy.js';
import { useStack } from '../support/use-stack.js';

const USER = 'encoder';
const PASSWORD = 'Qz7kX9vTm';

const stack = useStack();
let tinyproxy: TinyProxy;
let recorder: FaultProxy;
let workspace: string;
let port: string;

beforeAll(async () => {
  tinyproxy = await startTinyProxy({ basicAuth: { user: USER, password: PASSWORD } });
  port = new URL(tinyproxy.url).port;
  recorder = await startFaultProxy({ upstreams: stack.info.endpoints });
  workspace = await mkdtemp(path.join(os.tmpdir(), 'proxy-credentials-ws-'));
  await copyFile('samples/clip.mp4', path.join(workspace, 'clip.mp4'));
});

afterAll(async () => {
  await recorder?.close();
  await tinyproxy?.close();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

beforeEach(() => recorder.reset());

const inputs = (extra: Record<string, string>): Record<string, string> =>
  actionInputs(stack, 'proxy-credentials', { files: 'clip.mp4', 'create-job': 'false', ...extra });

function run(extra: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runPackagedAction({
    workspace,
    env: { ...recorder.env(stack.env()), NO_PROXY: '', ...env },
    inputs: inputs(extra),
  });
}

/** Every run's text: no four characters in a row of `secret` may be in it. */
function expectNoPieceOf(secret: string, texts: string[]): void {
  for (let i = 0; i + 4 <= secret.length; i++) {
    for (const text of texts) expect(text).not.toContain(secret.slice(i, i + 4));
  }
}

test('right credentials: the run goes through the proxy', async () => {
  const result = await run({ 'http-proxy': `http://${USER}:${PASSWORD}@127.0.0.1:${port}` });
  expect(result.code).toBe(0);
  expect(recorder.records.length).toBeGreaterThan(0);
  expect(recorder.records.every((r) => /tinyproxy/.test(r.via ?? ''))).toBe(true);
  expectNoPieceOf(PASSWORD, [result.stdout, result.stderr, JSON.stringify(result.outputs)]);
});

test('a wrong password (tinyproxy answers 401): "the proxy refused the credentials", once', async () => {
  const wrong = 'Wv3nRq8pL';
  const before = (await tinyproxy.requests()).length;
  const result = await run({ 'http-proxy': `http://${USER}:${wrong}@127.0.0.1:${port}` });
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(
    `clip.mp4: data key failed: the proxy http://***@127.0.0.1:${port} refused the credentials (HTTP 401 with a Basic challenge)`,
  );
  expect(result.stdout + result.stderr).not.toMatch(/SyntaxError|Unexpected token/);
  expectNoPieceOf(wrong, [result.stdout, result.stderr, result.summary]);
  // Not retried: a wrong password stays wrong.
  expect(recorder.records).toEqual([]);
  expect((await tinyproxy.requests()).slice(before).map((r) => r.method)).toEqual(['POST']);
});

test('no credentials at all: the proxy asks for them, and the message says how to give them', async () => {
  const result = await run({}, { HTTP_PROXY: tinyproxy.url });
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(
    `the proxy http://127.0.0.1:${port} asks for credentials (HTTP 407 Proxy Authentication Required) and none were given`,
  );
});

describe('a proxy that answers 407 to everything', () => {
  let strict: Server;
  let strictUrl: string;
  const seen: string[] = [];

  beforeAll(async () => {
    strict = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(407, {
        'Proxy-Authenticate': 'Basic realm="strict"',
        'Content-Type': 'text/html',
      });
      res.end('<html><body>407 Proxy Authentication Required</body></html>');
    });
    // CONNECT (an https endpoint) is answered the same way, before any TLS.
    strict.on('connect', (req: IncomingMessage, socket: Socket) => {
      seen.push(`CONNECT ${req.url}`);
      socket.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="strict"\r\nContent-Type: text/html\r\nContent-Length: 20\r\n\r\n<html>refused</html>',
      );
    });
    await new Promise<void>((resolve) => strict.listen(0, '127.0.0.1', resolve));
    strictUrl = `http://127.0.0.1:${(strict.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    strict.closeAllConnections();
    await new Promise<void>((resolve) => strict.close(() => resolve()));
  });

  test.each([
    ['an http endpoint (absolute-URI requests)', 'http'],
    ['an https endpoint (a CONNECT tunnel)', 'https'],
  ])('%s: "refused the credentials (HTTP 407 ...)"', async (_why, scheme) => {
    const secret = 'Hn4wPz8yR';
    seen.length = 0;
    const proxy = new URL(strictUrl);
    proxy.username = USER;
    proxy.password = secret;
    const env =
      scheme === 'https'
        ? {
            AWS_ENDPOINT_URL_KMS: 'https://127.0.0.1:9/',
            AWS_ENDPOINT_URL_S3: 'https://127.0.0.1:9/',
          }
        : {};
    const result = await run({ 'http-proxy': proxy.href }, env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `the proxy http://***@${proxy.host} refused the credentials (HTTP 407 Proxy Authentication Required)`,
    );
    expect(result.stdout + result.stderr).not.toMatch(/SyntaxError|Unexpected token/);
    expectNoPieceOf(secret, [result.stdout, result.stderr]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(scheme === 'https' ? /^CONNECT 127\.0\.0\.1:9$/ : /^POST http:\/\//);
  });
});

describe('a proxy URL that cannot be read: refused before any request, no part of it shown', () => {
  const secret = 'Qz7/kX9v@Tm';
  const value = `http://${USER}:${secret}@127.0.0.1:3128`;

  test('from the http-proxy input (the CLI exits 2)', async () => {
    const result = await run({ 'http-proxy': value });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error::Input `http-proxy`: is not a URL that can be read (the value is not shown: it may hold a password)',
    );
    const all = Object.entries(inputs({})).flatMap(([name, v]) => [`--${name}`, v]);
    const cli = await runCli([...all, '--http-proxy', value], {
      cwd: workspace,
      env: recorder.env(stack.env()),
    });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('error: --http-proxy is not a URL that can be read');
    expectNoPieceOf(secret, [result.stdout, result.stderr, cli.stdout, cli.stderr]);
    expect(recorder.records).toEqual([]);
  });

  test('from HTTPS_PROXY', async () => {
    const result = await run({}, { HTTPS_PROXY: value });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error::environment variable HTTPS_PROXY: is not a URL that can be read',
    );
    expectNoPieceOf(secret, [result.stdout, result.stderr]);
    expect(recorder.records).toEqual([]);
  });
});
