import { mkdtemp, mkdir, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBenchStack, timedAction, randomFile, MIB, ACTION_ENTRY } from './lib.js';
const work = await mkdtemp(path.join(os.tmpdir(), 'perf-rss-'));
const ws = path.join(work, 'ws'); await mkdir(ws);
await randomFile(path.join(ws, 'a.bin'), 256 * MIB);
const data = await readFile(path.join(ws, 'a.bin'));
for (let i = 0; i < 8; i++) await writeFile(path.join(ws, `m${i}.bin`), data);
const stack = await startBenchStack(work);
const configs = JSON.parse(process.argv[2]!) as Record<string,string>[];
try {
  for (const extra of configs) {
    const u = await timedAction({ entry: process.env.ENTRY ?? ACTION_ENTRY, inputs: { files: 'a.bin', 'kms-key-arn': stack.info.kmsKeyArn, destination: `s3://${stack.info.bucket}/x/`, 'create-job': 'false', ...extra }, env: { ...stack.env, ...(process.env.NODEOPTS ? { NODE_OPTIONS: process.env.NODEOPTS } : {}) }, workspace: ws });
    console.log(JSON.stringify(extra), (u.maxRssKiB/1024).toFixed(0), 'MiB', u.wall.toFixed(1), 's');
  }
} finally { await stack.close(); }
