/**
 * Benchmark plumbing: the stack process, timed child processes, the packaged action as the
 * runner starts it, and statistics.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomFillSync } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { link, mkdir, mkdtemp, open, readdir, readFile, rm, statfs } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stackEnv, type StackInfo } from '../local-aws/stack.js';
import { MIB } from '../src/shared/units.js';
import { REPO_ROOT, runnerEnvironment } from '../harness/runner.js';

export { ACTION_ENTRY, REPO_ROOT } from '../harness/runner.js';
export const AWS_CLI = '/usr/bin/aws';
export const GNU_TIME = '/usr/bin/time';
export { MIB } from '../src/shared/units.js';

/** The stack's info file plus the process that serves it. */
export interface BenchStackInfo extends StackInfo {
  pid: number;
}

export interface BenchStack {
  info: BenchStackInfo;
  /**
   * Credentials, region and endpoints for the SDK, the packaged action and the AWS CLI: the
   * https ones and the CA when the stack has TLS.
   */
  env: Record<string, string>;
  /** Deletes every object the local S3 holds (between runs: a store in memory stays small). */
  clearObjects(): Promise<void>;
  close(): Promise<void>;
}

/** A RAM-backed file system for the local S3's store, when the machine has one. */
const MEMORY_FS = '/dev/shm';
/** Room the store needs there: a 4 GiB object and its parts, while they are joined. */
const MEMORY_STORE_BYTES = 10 * 1024 * MIB;

/**
 * A folder for the local S3's store. Real S3 stores at no cost to the client's machine; a
 * store on this machine's disk made its writes (each part, then the joined object) cost the
 * local S3 about 1.4 CPU-seconds more per 256 MiB in page-cache writeback on the same 2 cores
 * as the sides, and a second of every 6 on the wan link. So the store goes to tmpfs when it has
 * room; otherwise into `workDir`, and the report says which.
 */
async function s3StoreDir(workDir: string): Promise<{ dir: string; inMemory: boolean }> {
  const room = await statfs(MEMORY_FS)
    .then((fs) => fs.bavail * fs.bsize)
    .catch(() => 0);
  if (room >= MEMORY_STORE_BYTES) {
    return { dir: await mkdtemp(path.join(MEMORY_FS, 'bench-s3-')), inMemory: true };
  }
  return { dir: path.join(workDir, 's3'), inMemory: false };
}

/**
 * Starts bench/stack-server.ts in its own process and waits for its info file. With `tls`
 * the stack serves https too, and `env` points every side at the https endpoints with the CA
 * (NODE_EXTRA_CA_CERTS for the action, AWS_CA_BUNDLE for the AWS CLI).
 */
export async function startBenchStack(
  workDir: string,
  options: { tls?: boolean } = {},
): Promise<BenchStack> {
  const infoFile = path.join(workDir, 'stack.json');
  const { dir: s3Dir, inMemory } = await s3StoreDir(workDir);
  process.stderr.write(
    `local S3 store: ${inMemory ? `in memory (${s3Dir})` : `on disk (${s3Dir}; ${MEMORY_FS} lacks room)`}\n`,
  );
  const script = path.join(REPO_ROOT, 'bench', 'stack-server.ts');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', script, infoFile, s3Dir, ...(options.tls ? ['--tls'] : [])],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let waited = 0; !existsSync(infoFile); waited += 50) {
    if (child.exitCode !== null) throw new Error('the benchmark stack failed to start');
    if (waited > 30_000) throw new Error('the benchmark stack did not start within 30 s');
    await sleep(50);
  }
  const info = JSON.parse(await readFile(infoFile, 'utf8')) as BenchStackInfo;
  return {
    info,
    env: stackEnv(info),
    clearObjects: () => clearObjects(path.join(s3Dir, info.bucket)),
    close: async () => {
      child.kill('SIGTERM');
      await exited;
      if (inMemory) await rm(s3Dir, { recursive: true, force: true });
    },
  };
}

/** Everything in a bucket's folder but s3rver's own (`._S3rver_*`: uploads, bucket settings). */
async function clearObjects(bucketDir: string): Promise<void> {
  const names = await readdir(bucketDir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => !name.startsWith('._S3rver_'))
      .map((name) => rm(path.join(bucketDir, name), { recursive: true, force: true })),
  );
}

/** A scratch directory for one benchmark run, with an empty `workspace` folder in it. */
export async function benchWorkDir(
  prefix: string,
): Promise<{ workDir: string; workspace: string }> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const workspace = path.join(workDir, 'workspace');
  await mkdir(workspace);
  return { workDir, workspace };
}

/**
 * Environment of the command-line tools (aws, openssl, rclone, bench/scripted.sh): the
 * stack's credentials and region, the endpoints of `env` (the stack's, or a proxy's in front
 * of it) also as S3_ENDPOINT/KMS_ENDPOINT/MEDIACONVERT_ENDPOINT, and the stack's names.
 */
export function toolEnv(
  stack: BenchStack,
  tmpDir: string,
  env: Record<string, string> = stack.env,
): Record<string, string> {
  const { info } = stack;
  return {
    ...env,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    S3_ENDPOINT: env.AWS_ENDPOINT_URL_S3 ?? info.endpoints.s3,
    KMS_ENDPOINT: env.AWS_ENDPOINT_URL_KMS ?? info.endpoints.kms,
    MEDIACONVERT_ENDPOINT: env.AWS_ENDPOINT_URL_MEDIACONVERT ?? info.endpoints.mediaconvert,
    BUCKET: info.bucket,
    KMS_KEY_ARN: info.kmsKeyArn,
    ROLE_ARN: info.roleArn,
    JOB_TEMPLATE: info.jobTemplate,
    TMPDIR: tmpDir,
  };
}

/** Random hex, e.g. a key or IV for openssl. */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** `input` encrypted by openssl (AES-256-CTR, a random key) to `output`: an upload-only side. */
export function opensslEncrypt(input: string, output: string): void {
  execFileSync('openssl', [
    'enc',
    '-aes-256-ctr',
    '-K',
    randomHex(32),
    '-iv',
    randomHex(16),
    '-bufsize',
    '1048576',
    '-in',
    input,
    '-out',
    output,
  ]);
}

/** A shared 1 GiB of random bytes a run may hard-link instead of writing its own. */
const SHARED_GIB = '/tmp/big';

/**
 * A file of `bytes` random bytes, read once so every side starts from the page cache. A
 * 1 GiB file is a hard link to /tmp/big when that exists (writing 1 GiB costs more than
 * the run it is for).
 */
export async function benchFile(file: string, bytes: number): Promise<void> {
  const reuse =
    bytes === 1024 * MIB && existsSync(SHARED_GIB) && statSync(SHARED_GIB).size === bytes;
  if (reuse) await link(SHARED_GIB, file).catch(() => randomFile(file, bytes));
  else await randomFile(file, bytes);
  execFileSync('/bin/sh', ['-c', `cat "${file}" > /dev/null`]);
}

/** What one child process (and every process it waited for) cost. */
export interface Usage {
  /** Seconds, measured here around spawn and exit. */
  wall: number;
  /** User and system CPU seconds of the child and all its descendants (GNU time). */
  user: number;
  sys: number;
  cpu: number;
  /** Largest resident set of any one process in the tree, in KiB (GNU time %M). */
  maxRssKiB: number;
  stdout: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
}

/**
 * Runs a command under GNU time: its rusage covers the command and every descendant it
 * waited for, so a shell script's openssl and aws processes are all counted.
 */
export async function timed(command: string, args: string[], options: RunOptions = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-time-'));
  const usageFile = path.join(dir, 'usage');
  try {
    const started = process.hrtime.bigint();
    const child = spawn(GNU_TIME, ['-f', '%U %S %M', '-o', usageFile, command, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    if (code !== 0) {
      throw new Error(
        `${command} ${args.join(' ')} exited with ${code}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`,
      );
    }
    const fields = (await readFile(usageFile, 'utf8')).trim().split('\n').pop()!.split(' ');
    const [user, sys, maxRssKiB] = fields.map(Number) as [number, number, number];
    return { wall, user, sys, cpu: user + sys, maxRssKiB, stdout } satisfies Usage;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface ActionInvocation {
  /** The packaged action to run: dist/index.js unless the benchmark was given --entry. */
  entry: string;
  inputs: Record<string, string>;
  env: Record<string, string>;
  workspace: string;
}

/** Runs the packaged action under GNU time; returns its usage and its step outputs file. */
export async function timedAction(run: ActionInvocation): Promise<Usage & { outputs: string }> {
  const { env, runnerTemp } = await runnerEnvironment({ ...run, job: 'bench' });
  try {
    const usage = await timed(process.execPath, [run.entry], { env, cwd: run.workspace });
    const outputs = await readFile(env.GITHUB_OUTPUT!, 'utf8');
    return { ...usage, outputs };
  } finally {
    await rm(runnerTemp, { recursive: true, force: true });
  }
}

/** A file of random bytes, written in 64 MiB pieces. */
export async function randomFile(file: string, bytes: number): Promise<void> {
  const handle = await open(file, 'w');
  try {
    const block = Buffer.allocUnsafe(Math.min(bytes, 64 * MIB));
    for (let written = 0; written < bytes;) {
      const n = Math.min(block.length, bytes - written);
      await handle.write(randomFillSync(block, 0, n), 0, n);
      written += n;
    }
  } finally {
    await handle.close();
  }
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: values };
}

/**
 * Runs every side once per round, `rounds` times, rotating the order each round so that no
 * side always runs first (or right after the heaviest one).
 */
export async function alternate<T>(
  rounds: number,
  sides: Record<string, () => Promise<T>>,
  onRun?: (side: string, round: number, result: T) => void,
  /** Runs after every run, outside its measure (e.g. clearing the store). */
  afterEach?: () => Promise<void>,
): Promise<Record<string, T[]>> {
  const names = Object.keys(sides);
  const results: Record<string, T[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      const result = await sides[name]!();
      results[name]!.push(result);
      onRun?.(name, round, result);
      await afterEach?.();
    }
  }
  return results;
}
