/**
 * One per-byte operation of the upload path, alone, in a fresh process (bench/cost.ts runs
 * each in turn). Its input cycles through 64 MiB of random bytes, more than the CPU's caches,
 * as the action's data does; CPU is this process's own (process.cpuUsage) around the loop.
 *
 *   tsx bench/cost-ops.ts OP BYTES [FILE]   prints {"op", "bytes", "cpuSeconds", "wallSeconds", "detail"}
 *   tsx bench/cost-ops.ts sink tcp|tls|https  a server that reads and discards; prints its port
 *
 * The sends' receiving end is that sink, in a process of its own, so its decryption is not
 * counted: a send's CPU is the sender's socket writes, and over TLS its record encryption too.
 * The https PUTs add what the SDK's handler does around them: http framing, and for sliced
 * bodies the stream that feeds the socket (src/aws/paced-body.ts).
 * TLS takes its certificate from COST_TLS_CERT / COST_TLS_KEY (PEM files).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createCipheriv, createHash, randomBytes, randomFillSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import zlib from 'node:zlib';
import { slices } from '../src/aws/paced-body.js';
import { readChunks } from '../src/files/read-chunks.js';
import { READ_CHUNK_BYTES } from '../src/inputs/sizing.js';
import { MIB } from '../src/shared/units.js';

/** The action's default part size, and the size of the SDK's one hash per part. */
const PART_BYTES = 5 * MIB;
/** Bytes per socket write of the raw sends: one TLS record is 16 KiB. */
const WRITE_BYTES = 64 * 1024;

type Op = (bytes: number, file?: string) => Promise<string | void> | string | void;

const pool = randomFillSync(Buffer.allocUnsafe(64 * MIB));

/** Calls `each` with consecutive views of the pool, `size` bytes each, until `total`. */
function cycle(total: number, size: number, each: (view: Buffer) => void): void {
  for (let done = 0, offset = 0; done < total; done += size, offset += size) {
    if (offset + size > pool.length) offset = 0;
    each(pool.subarray(offset, offset + size));
  }
}

function aes(mode: 'ctr' | 'cbc' | 'gcm'): Op {
  return (bytes) => {
    const cipher = createCipheriv(
      `aes-256-${mode}`,
      randomBytes(32),
      randomBytes(mode === 'gcm' ? 12 : 16),
    );
    cycle(bytes, READ_CHUNK_BYTES, (view) => void cipher.update(view));
    cipher.final();
  };
}

const OPS: Record<string, Op> = {
  'aes-256-ctr': aes('ctr'),
  'aes-256-cbc': aes('cbc'),
  'aes-256-gcm': aes('gcm'),
  crc32: (bytes) => {
    const crc32 = (zlib as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
    if (!crc32) throw new Error('zlib.crc32 needs Node.js 20.15 or later');
    let crc = 0;
    cycle(bytes, READ_CHUNK_BYTES, (view) => (crc = crc32(view, crc)));
  },
  'sha256-chunks': (bytes) => {
    const hash = createHash('sha256');
    cycle(bytes, READ_CHUNK_BYTES, (view) => void hash.update(view));
    hash.digest();
  },
  'sha256-parts': (bytes) => {
    cycle(bytes, PART_BYTES, (view) => void createHash('sha256').update(view).digest());
  },
  'copy-into-parts': (bytes) => {
    const part = Buffer.allocUnsafe(PART_BYTES);
    let filled = 0;
    cycle(bytes, READ_CHUNK_BYTES, (view) => {
      if (filled + view.length > part.length) filled = 0;
      part.set(view, filled);
      filled += view.length;
    });
  },
  'read-file': async (bytes, file) => {
    if (!file) throw new Error('read-file needs a FILE');
    let read = 0;
    while (read < bytes)
      for await (const chunk of readChunks(file, READ_CHUNK_BYTES)) read += chunk.length;
  },
  'tcp-send': (bytes) => send('tcp', bytes, WRITE_BYTES),
  'tls-send': (bytes) => send('tls', bytes, WRITE_BYTES),
  'tls-send-whole-parts': (bytes) => send('tls', bytes, PART_BYTES),
  'https-put-whole': (bytes) => put(bytes, (body, req) => req.end(body)),
  'https-put-sliced': (bytes) => put(bytes, (body, req) => slices(body).pipe(req)),
};

/** A sink process of `kind`, and its port once it listens. */
async function startSink(
  kind: 'tcp' | 'tls' | 'https',
): Promise<{ port: number; sink: ChildProcess }> {
  const sink = spawn(process.execPath, [...process.execArgv, process.argv[1]!, 'sink', kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    sink.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    sink.once('exit', (code) => reject(new Error(`the ${kind} sink exited with ${code}`)));
  });
  return { port, sink };
}

/**
 * PUTs `bytes` to an https sink in 5 MiB bodies, 4 at once over kept-alive connections, the
 * body written by `write` as the SDK's handler would: whole, or as paced-body.ts slices it.
 */
async function put(
  bytes: number,
  write: (body: Buffer, req: http.ClientRequest) => void,
): Promise<string> {
  const { port, sink } = await startSink('https');
  const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  try {
    const one = (body: Buffer): Promise<void> =>
      new Promise((resolve, reject) => {
        const req = https.request(
          {
            agent,
            host: '127.0.0.1',
            port,
            method: 'PUT',
            headers: { 'content-length': body.length },
          },
          (res) => res.resume().on('end', resolve),
        );
        req.on('error', reject);
        write(body, req);
      });
    // The connections' handshakes are not what is measured.
    await Promise.all([1, 2, 3, 4].map(() => one(pool.subarray(0, 1))));
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const bodies: Buffer[] = [];
    cycle(bytes, PART_BYTES, (view) => bodies.push(view));
    const inFlight = new Set<Promise<void>>();
    for (const body of bodies) {
      const sent: Promise<void> = one(body).then(() => void inFlight.delete(sent));
      inFlight.add(sent);
      if (inFlight.size >= 4) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    measured = { cpu: process.cpuUsage(cpu), started };
    return '';
  } finally {
    agent.destroy();
    sink.kill();
  }
}

/** Sends `bytes` to a sink process in writes of `writeBytes`, waiting for drain as a pipe does. */
async function send(kind: 'tcp' | 'tls', bytes: number, writeBytes: number): Promise<string> {
  const { port, sink } = await startSink(kind);
  try {
    const socket =
      kind === 'tls'
        ? tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: false })
        : net.connect({ port, host: '127.0.0.1' });
    await new Promise((resolve, reject) => {
      socket.once(kind === 'tls' ? 'secureConnect' : 'connect', resolve);
      socket.once('error', reject);
    });
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const views: Buffer[] = [];
    cycle(bytes, writeBytes, (view) => views.push(view));
    for (const view of views) {
      if (!socket.write(view)) await new Promise((resolve) => socket.once('drain', resolve));
    }
    await new Promise<void>((resolve) => socket.end(resolve));
    measured = { cpu: process.cpuUsage(cpu), started };
    return kind === 'tls'
      ? `${(socket as tls.TLSSocket).getProtocol()} ${(socket as tls.TLSSocket).getCipher().name}`
      : '';
  } finally {
    sink.kill();
  }
}

/** Sends time themselves from the connected socket on (no handshake, no process start). */
let measured: { cpu: NodeJS.CpuUsage; started: bigint } | undefined;

async function sinkServer(kind: 'tcp' | 'tls' | 'https'): Promise<void> {
  const discard = (socket: net.Socket): void => {
    socket.on('data', () => undefined);
    socket.on('end', () => socket.end());
  };
  const credentials = () => ({
    cert: readFileSync(process.env.COST_TLS_CERT ?? ''),
    key: readFileSync(process.env.COST_TLS_KEY ?? ''),
  });
  const server =
    kind === 'https'
      ? https.createServer(credentials(), (req, res) => req.resume().on('end', () => res.end()))
      : kind === 'tls'
        ? tls.createServer(credentials(), discard)
        : net.createServer(discard);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${(server.address() as net.AddressInfo).port}\n`);
}

const [opName, arg, file] = process.argv.slice(2);
if (opName === 'sink' && (arg === 'tcp' || arg === 'tls' || arg === 'https')) {
  await sinkServer(arg);
} else {
  const op = OPS[opName ?? ''];
  const bytes = Number(arg);
  if (!op || !(bytes > 0)) {
    throw new Error(`usage: cost-ops.ts ${Object.keys(OPS).join('|')} BYTES [FILE]`);
  }
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const detail = (await op(bytes, file)) ?? '';
  const used = measured?.cpu ?? process.cpuUsage(cpu);
  const wallSeconds = Number(process.hrtime.bigint() - (measured?.started ?? started)) / 1e9;
  const cpuSeconds = (used.user + used.system) / 1e6;
  process.stdout.write(JSON.stringify({ op: opName, bytes, cpuSeconds, wallSeconds, detail }));
}
