/**
 * One per-byte operation of the upload path, alone, in a fresh process (bench/cost.ts runs
 * each in turn). Its input cycles through 64 MiB of random bytes, more than the CPU's caches,
 * as the action's data does; CPU is this process's own (process.cpuUsage) around the loop.
 *
 *   tsx bench/cost-ops.ts OP BYTES [FILE]   prints {"op", "bytes", "cpuSeconds", "wallSeconds", "detail"}
 *   tsx bench/cost-ops.ts sink tcp|tls      a server that reads and discards; prints its port
 *
 * The sends' receiving end is that sink, in a process of its own, so its decryption is not
 * counted: a send's CPU is the sender's socket writes, and over TLS its record encryption too.
 * TLS takes its certificate from COST_TLS_CERT / COST_TLS_KEY (PEM files).
 */
import { spawn } from 'node:child_process';
import { createCipheriv, createHash, randomBytes, randomFillSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import zlib from 'node:zlib';
import { readChunks } from '../src/files/read-chunks.js';
import { READ_CHUNK_BYTES } from '../src/inputs/sizing.js';
import { MIB } from '../src/shared/units.js';

/** The action's default part size, and the size of the SDK's one hash per part. */
const PART_BYTES = 5 * MIB;
/** What the SDK's handler hands the socket per write now (src/aws/paced-body.ts). */
const SLICE_BYTES = 64 * 1024;

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
  'tcp-send': (bytes) => send('tcp', bytes, SLICE_BYTES),
  'tls-send': (bytes) => send('tls', bytes, SLICE_BYTES),
  'tls-send-whole-parts': (bytes) => send('tls', bytes, PART_BYTES),
};

/** Sends `bytes` to a sink process in writes of `writeBytes`, waiting for drain as a pipe does. */
async function send(kind: 'tcp' | 'tls', bytes: number, writeBytes: number): Promise<string> {
  const sink = spawn(process.execPath, [...process.execArgv, process.argv[1]!, 'sink', kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      sink.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
      sink.once('exit', (code) => reject(new Error(`the ${kind} sink exited with ${code}`)));
    });
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

async function sinkServer(kind: 'tcp' | 'tls'): Promise<void> {
  const discard = (socket: net.Socket): void => {
    socket.on('data', () => undefined);
    socket.on('end', () => socket.end());
  };
  const server =
    kind === 'tls'
      ? tls.createServer(
          {
            cert: readFileSync(process.env.COST_TLS_CERT ?? ''),
            key: readFileSync(process.env.COST_TLS_KEY ?? ''),
          },
          discard,
        )
      : net.createServer(discard);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${(server.address() as net.AddressInfo).port}\n`);
}

const [opName, arg, file] = process.argv.slice(2);
if (opName === 'sink' && (arg === 'tcp' || arg === 'tls')) {
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
