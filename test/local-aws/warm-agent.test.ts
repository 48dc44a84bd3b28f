/**
 * Connections opened ahead (src/aws/warm-agent.ts) against a real https server on 127.0.0.1:
 * the requests that follow use them instead of opening their own, and one the server closed
 * meanwhile is not used.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import https, { request as httpsRequest, createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { makeCertificates, type StackCertificates } from '../../local-aws/tls.js';
import { WarmingHttpsAgent, type WarmTarget } from '../../src/aws/warm-agent.js';

let certificates: StackCertificates;
let server: Server;
let target: WarmTarget;
/** Every TLS connection the server accepted. */
const accepted: Socket[] = [];

beforeAll(async () => {
  certificates = await makeCertificates();
  server = createServer({ cert: certificates.cert, key: certificates.key }, (req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  server.on('secureConnection', (socket: Socket) => accepted.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = {
    protocol: 'https:',
    hostname: '127.0.0.1',
    port: (server.address() as AddressInfo).port,
  };
});

afterAll(async () => {
  for (const socket of accepted) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await certificates.remove();
});

beforeEach(() => {
  for (const socket of accepted.splice(0)) socket.destroy();
});

/** A PUT through `agent` as the SDK's handler makes it; resolves with the answer's body. */
function put(agent: WarmingHttpsAgent, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { agent, hostname: target.hostname, port: target.port, method: 'PUT', path: '/' },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(text));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('WarmingHttpsAgent', () => {
  test('requests after warm() use the warmed connections and open none', async () => {
    const agent = new WarmingHttpsAgent({ keepAlive: true, maxSockets: 50, ca: certificates.ca });
    try {
      expect(agent.warm(target, 3)).toBe(3);
      await until(() => accepted.length === 3);
      const answers = await Promise.all([put(agent, 'a'), put(agent, 'b'), put(agent, 'c')]);
      expect(answers).toEqual(['ok', 'ok', 'ok']);
      expect(accepted).toHaveLength(3);
      // The three are the agent's own now, idle: nothing more to open.
      expect(agent.warm(target, 3)).toBe(0);
      expect(agent.warm(target, 4)).toBe(1);
    } finally {
      agent.destroy();
    }
  });

  test('a warmed connection the server closed is not used: the request opens its own', async () => {
    const agent = new WarmingHttpsAgent({ keepAlive: true, maxSockets: 50, ca: certificates.ca });
    try {
      // The warmed socket, as https.Agent made it, to see when it has noticed the close.
      const made: Socket[] = [];
      const createConnection = https.Agent.prototype.createConnection;
      https.Agent.prototype.createConnection = function (...args) {
        const socket = createConnection.apply(this, args) as Socket;
        made.push(socket);
        return socket;
      };
      try {
        expect(agent.warm(target, 1)).toBe(1);
      } finally {
        https.Agent.prototype.createConnection = createConnection;
      }
      await until(() => accepted.length === 1);
      accepted[0]!.destroy();
      await until(() => made[0]!.destroyed);
      expect(await put(agent, 'a')).toBe('ok');
      expect(accepted).toHaveLength(2);
    } finally {
      agent.destroy();
    }
  });

  test('warmed connections do not keep a process alive', async () => {
    const script = [
      `import { WarmingHttpsAgent } from ${JSON.stringify(path.resolve('src/aws/warm-agent.ts'))};`,
      `const agent = new WarmingHttpsAgent({ keepAlive: true, ca: process.env.CA });`,
      `agent.warm(${JSON.stringify(target)}, 2);`,
    ].join('\n');
    const started = Date.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        env: { ...process.env, CA: certificates.ca },
        stdio: 'ignore',
      },
    );
    // It exits once its module has run, not when the server drops the idle connections (a
    // minute or more): one still running after 15 s is stopped, and fails.
    const stop = setTimeout(() => child.kill(), 15_000);
    const code = await new Promise((resolve) => child.on('exit', resolve));
    clearTimeout(stop);
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
