/**
 * The local AWS stack for the benchmark, in its own process so that neither side's CPU
 * figures include the servers: s3rver, the KMS emulator and the MediaConvert emulator.
 *
 * Unlike `npm run local-aws`, MediaConvert jobs are accepted (CreateJob validated and stored)
 * but never processed: the benchmark measures job creation, and a thousand jobs being
 * transcoded in the background would disturb every later measurement.
 *
 * Usage: tsx bench/stack-server.ts INFO_FILE S3_DIRECTORY [--tls]; runs until SIGTERM. With
 * --tls the services are served over https too (local-aws/tls.ts).
 */
import { writeFile } from 'node:fs/promises';
import { startStack } from '../local-aws/stack.js';
import type { BenchStackInfo } from './lib.js';

const [infoFile, s3Directory, flag] = process.argv.slice(2);
if (!infoFile || !s3Directory || (flag !== undefined && flag !== '--tls')) {
  throw new Error('usage: stack-server.ts INFO_FILE S3_DIRECTORY [--tls]');
}

const stack = await startStack({
  s3Directory,
  tls: flag === '--tls',
  // Jobs stay SUBMITTED for the whole benchmark.
  mediaconvert: { mediaTools: 'none', tickMs: 24 * 3600 * 1000 },
});
const info: BenchStackInfo = { ...stack.info, pid: process.pid };
await writeFile(infoFile, JSON.stringify(info));

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await stack.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
