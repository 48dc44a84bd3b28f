/**
 * Debian's tinyproxy, a real forward proxy, started on a free 127.0.0.1 port for a test.
 * Its log shows every request it forwarded (`Request (file descriptor N): PUT http://...`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TinyProxy {
  url: string;
  /** The requests forwarded so far, from the log: `{ method, target }` (an absolute URL). */
  requests(): Promise<{ method: string; target: string }[]>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface TinyProxyOptions {
  /** Ask every client for these credentials (tinyproxy's BasicAuth): 407 without them. */
  basicAuth?: { user: string; password: string };
}

export async function startTinyProxy(options: TinyProxyOptions = {}): Promise<TinyProxy> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tinyproxy-'));
  const log = path.join(dir, 'tinyproxy.log');
  const port = await freePort();
  const config = path.join(dir, 'tinyproxy.conf');
  await writeFile(
    config,
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 60',
      'MaxClients 200',
      'Allow 127.0.0.1',
      'LogLevel Connect',
      `LogFile "${log}"`,
      ...(options.basicAuth
        ? [`BasicAuth ${options.basicAuth.user} ${options.basicAuth.password}`]
        : []),
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('tinyproxy', ['-d', '-c', config], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; !(await accepts(port)); i++) {
    if (i > 100 || child.exitCode !== null) {
      child.kill();
      throw new Error(`tinyproxy did not start on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async requests() {
      const text = await readFile(log, 'utf8').catch(() => '');
      return [...text.matchAll(/Request \(file descriptor \d+\): (\S+) (\S+) HTTP\/1\.[01]/g)].map(
        (m) => ({ method: m[1]!, target: m[2]! }),
      );
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
