/**
 * Suite `cost`: what each byte costs on this machine, and how often the action pays it.
 *
 * 1. Each per-byte operation of the upload path alone (bench/cost-ops.ts), 1 GiB, in a fresh
 *    process each, the operations alternated: AES-256 CTR/CBC/GCM, CRC32 (zlib.crc32, the
 *    checksum every part carries), SHA-256 in 256 KiB updates (the plaintext hash) and over
 *    whole 5 MiB parts (the SDK's SigV4 payload hash over http), the copy into parts, reading
 *    the file, and sending it over a loopback socket: plain TCP, TLS in 64 KiB writes, TLS in
 *    whole-part writes (TLS minus TCP is the record encryption); then https PUTs of 5 MiB
 *    bodies written whole and in the slices the action's handler writes over https.
 * 2. The packaged action with bench/count-bytes.mjs preloaded: the bytes each operation saw,
 *    per byte of the file, over http and over https, for a multipart upload, a single
 *    PutObject and a multipart upload with `if-exists: skip`.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { stackEnv } from '../local-aws/stack.js';
import {
  alternate,
  benchFile,
  MIB,
  REPO_ROOT,
  startBenchStack,
  summarize,
  timed,
  timedAction,
} from './lib.js';
import { entry, GIB, log, raw, row, RUNS } from './context.js';

const SECTION = '8 cost per byte, alone';
const AUDIT = '8 cost per byte, in the action';

/** The operations of bench/cost-ops.ts, as the table names them. */
const OPS: Record<string, string> = {
  'aes-256-ctr': 'AES-256-CTR, 256 KiB updates',
  'aes-256-cbc': 'AES-256-CBC, 256 KiB updates',
  'aes-256-gcm': 'AES-256-GCM, 256 KiB updates',
  crc32: 'CRC32 (zlib.crc32), 256 KiB pieces',
  'sha256-chunks': 'SHA-256, 256 KiB updates (plaintext hash)',
  'sha256-parts': 'SHA-256 of 5 MiB parts (SigV4 payload, http)',
  'copy-into-parts': 'copy into 5 MiB part buffers',
  'read-file': 'read the file, 256 KiB chunks (page cache)',
  'tcp-send': 'send over loopback TCP, 64 KiB writes',
  'tls-send': 'send over loopback TLS, 64 KiB writes',
  'tls-send-whole-parts': 'send over loopback TLS, 5 MiB writes',
  'https-put-whole': 'https PUTs of 5 MiB bodies, each written whole',
  'https-put-sliced': 'https PUTs of 5 MiB bodies, in paced-body.ts slices',
};

interface OpResult {
  cpuSeconds: number;
  wallSeconds: number;
  bytes: number;
  detail: string;
}

export async function costSuite(
  workDir: string,
  workspace: string,
  bigFile: string,
): Promise<void> {
  const cert = path.join(workDir, 'cost-cert.pem');
  const key = path.join(workDir, 'cost-key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const script = path.join(REPO_ROOT, 'bench', 'cost-ops.ts');
  const env = { ...process.env, COST_TLS_CERT: cert, COST_TLS_KEY: key } as Record<string, string>;
  const details: Record<string, string> = {};
  const run = (op: string) => async (): Promise<OpResult> => {
    const usage = await timed(
      process.execPath,
      ['--import', 'tsx', script, op, String(GIB), bigFile],
      { env },
    );
    const result = JSON.parse(usage.stdout) as OpResult;
    if (result.detail) details[op] = result.detail;
    return result;
  };
  log(`\n[cost] each per-byte operation alone, 1 GiB, ${RUNS} runs alternated`);
  const r = await alternate(
    RUNS,
    Object.fromEntries(Object.keys(OPS).map((op) => [op, run(op)])),
    (op, round, v) =>
      log(
        `  round ${round + 1} ${op.padEnd(22)} ${v.cpuSeconds.toFixed(3)} CPU-s, ${(v.bytes / MIB / v.wallSeconds).toFixed(0)} MiB/s`,
      ),
  );
  const perGiB = (op: string) => summarize(r[op]!.map((v) => v.cpuSeconds / (v.bytes / GIB)));
  const baselines: Record<string, string> = {
    'tls-send': 'tcp-send',
    'tls-send-whole-parts': 'tls-send',
    'https-put-sliced': 'https-put-whole',
  };
  for (const [op, name] of Object.entries(OPS)) {
    const base = baselines[op];
    row({
      section: SECTION,
      measure: details[op] ? `${name} (${details[op]})` : name,
      unit: 'CPU-s/GiB',
      ours: perGiB(op),
      ...(base ? { baselineName: OPS[base]!, baseline: perGiB(base) } : {}),
    });
  }
  raw.cost = r;
  raw.costAudit = await audit(workDir, workspace);
}

/** Every operation the action's run counted, in bytes per byte of the file. */
async function audit(
  workDir: string,
  workspace: string,
): Promise<Record<string, Record<string, number>>> {
  // A stack of its own (http and https), beside any the run has: its own info file and S3.
  const stackDir = path.join(workDir, 'cost-stack');
  await mkdir(stackDir, { recursive: true });
  const stack = await startBenchStack(stackDir, { tls: true });
  const out = path.join(workDir, 'count-bytes.json');
  const cases = [
    { name: '64 MiB, multipart', file: 'cost-64.bin', bytes: 64 * MIB, inputs: {} },
    { name: '1 MiB, PutObject', file: 'cost-1.bin', bytes: MIB, inputs: {} },
    {
      name: '64 MiB, if-exists: skip',
      file: 'cost-64.bin',
      bytes: 64 * MIB,
      inputs: { 'if-exists': 'skip' },
    },
  ];
  const found: Record<string, Record<string, number>> = {};
  try {
    for (const c of cases) await benchFile(path.join(workspace, c.file), c.bytes);
    log('\n[cost] bytes through each operation in the packaged action, per byte of the file');
    for (const scheme of ['http', 'https'] as const) {
      for (const [i, c] of cases.entries()) {
        await timedAction({
          entry,
          inputs: {
            files: c.file,
            'kms-key-arn': stack.info.kmsKeyArn,
            destination: `s3://${stack.info.bucket}/cost-${scheme}-${i}/`,
            'create-job': 'false',
            ...c.inputs,
          },
          env: {
            ...stackEnv(stack.info, scheme),
            COUNT_BYTES_OUT: out,
            NODE_OPTIONS: `--import ${path.join(REPO_ROOT, 'bench', 'count-bytes.mjs')}`,
          },
          workspace,
        });
        const counts = JSON.parse(await readFile(out, 'utf8')) as Record<string, number>;
        const label = `${scheme} ${c.name}`;
        found[label] = Object.fromEntries(
          Object.entries(counts).map(([op, n]) => [op, n / c.bytes]),
        );
        // Operations on a few headers' worth of bytes are signing, not per-byte work.
        for (const [op, perByte] of Object.entries(found[label]!).sort()) {
          if (perByte < 0.01) continue;
          log(`  ${label}: ${op} ${perByte.toFixed(4)}`);
          row({
            section: AUDIT,
            measure: `${label}: ${op}`,
            unit: 'x file bytes',
            ours: summarize([perByte]),
            target: '<= 1.01',
            met: perByte <= 1.01,
          });
        }
      }
    }
  } finally {
    await stack.close();
    for (const c of cases) await rm(path.join(workspace, c.file), { force: true });
  }
  return found;
}
