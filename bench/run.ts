/**
 * `npm run bench`: the measurements of issue 7, every comparison in one run, sides alternated.
 *
 *   npm run bench [-- --runs 3] [--only encrypt,upload,memory,batch,startup]
 *                    [--entry dist/index.js] [--before OTHER/index.js]
 *   npm run bench -- --render bench/RESULTS.json   (prints a saved run's table again)
 *
 * --before runs a second build of the action as one more side wherever the action runs, so a
 * change can be measured against the code before it in the same run.
 *
 * Needs: the packaged action (npm run bundle), openssl, /usr/bin/aws (AWS CLI v2), GNU time at
 * /usr/bin/time (`apt-get install -y time`), about 14 GiB free under the temp directory
 * (for the 4 GiB memory run; the section is skipped with a note when there is less).
 * Prints one table and writes the same figures to bench/results/latest.json (and .md).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync, statfsSync } from 'node:fs';
import { link, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
  ACTION_ENTRY,
  alternate,
  AWS_CLI,
  GNU_TIME,
  MIB,
  randomFile,
  REPO_ROOT,
  startBenchStack,
  summarize,
  timed,
  timedAction,
  type BenchStack,
  type Summary,
  type Usage,
} from './lib.js';
import { assertFreshDist } from '../test/support/runner.js';

const SECTIONS = ['startup', 'encrypt', 'upload', 'memory', 'batch'] as const;
type Section = (typeof SECTIONS)[number];
const GIB = 1024 * MIB;

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    entry: { type: 'string' },
    before: { type: 'string' },
    render: { type: 'string' },
  },
});
const RUNS = Number(options.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a positive integer');
const only = new Set((options.only ?? SECTIONS.join(',')).split(',') as Section[]);
const entry = path.resolve(options.entry ?? ACTION_ENTRY);
/** Another build of the action (e.g. the previous commit's dist/index.js) run as an extra side. */
const before = options.before ? path.resolve(options.before) : undefined;

/** One line of the table: our median against a baseline's, with the target it is held to. */
interface Row {
  section: string;
  measure: string;
  unit: string;
  ours: Summary;
  baselineName?: string;
  baseline?: Summary;
  /** ours.median / baseline.median */
  ratio?: number;
  target?: string;
  met?: boolean;
}

const rows: Row[] = [];
const raw: Record<string, unknown> = {};
const notes: string[] = [];

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function row(r: Omit<Row, 'ratio'>): void {
  const ratio = r.baseline ? r.ours.median / r.baseline.median : undefined;
  rows.push({ ...r, ...(ratio === undefined ? {} : { ratio }) });
}

const pick = (usages: Usage[], field: 'wall' | 'cpu' | 'maxRssKiB', scale = 1): Summary =>
  summarize(usages.map((u) => u[field] * scale));

// ---------------------------------------------------------------------------------------------

function checkTools(): void {
  for (const tool of [GNU_TIME, AWS_CLI]) {
    if (!existsSync(tool)) {
      throw new Error(
        `${tool} is missing: ${tool === GNU_TIME ? 'apt-get install -y time' : 'apt-get install -y awscli'}`,
      );
    }
  }
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run bundle first`);
}

function versionOf(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim().split('\n')[0]!;
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Cold start and bundle size

async function startup(workDir: string): Promise<void> {
  log('\n[startup] node dist/index.js failing on a missing input');
  const empty = path.join(workDir, 'empty-workspace');
  await mkdir(empty, { recursive: true });
  const start = (build: string) => async () => {
    // Exit code 1 (setFailed) is the expected outcome: time it through a shell that hides it.
    const usage = await timed('/bin/sh', ['-c', `"${process.execPath}" "${build}" || true`], {
      cwd: empty,
      env: { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: empty },
    });
    if (!usage.stdout.includes('::error::')) throw new Error(`no ::error:: line: ${usage.stdout}`);
    return usage;
  };
  const r = await alternate(Math.max(5, RUNS), {
    ours: start(entry),
    ...(before ? { before: start(before) } : {}),
  });
  const runs = r.ours!;
  const bytes = (await stat(entry)).size;
  const gzipped = gzipSync(await readFile(entry)).length;
  raw.startup = { ...r, bundleBytes: bytes, bundleGzipBytes: gzipped };
  row({
    section: '5 cold start',
    measure: 'time to fail on a missing input',
    unit: 's',
    ours: pick(runs, 'wall'),
  });
  row({
    section: '5 cold start',
    measure: 'CPU of that start',
    unit: 'CPU-s',
    ours: pick(runs, 'cpu'),
  });
  row({
    section: '5 cold start',
    measure: 'peak RSS of that start',
    unit: 'MiB',
    ours: pick(runs, 'maxRssKiB', 1 / 1024),
  });
  const size = summarize([bytes / MIB]);
  row({
    section: '5 bundle',
    measure: `dist/index.js (gzip ${(gzipped / MIB).toFixed(2)} MiB)`,
    unit: 'MiB',
    ours: size,
  });
  compareBefore('5 cold start', r.ours, r.before, [
    ['time to fail on a missing input', 's', (u) => u.wall],
    ['CPU of that start', 'CPU-s', (u) => u.cpu],
  ]);
}

// ---------------------------------------------------------------------------------------------
// 1. Encryption alone

async function encryptOnly(bigFile: string): Promise<void> {
  const script = path.join(REPO_ROOT, 'bench', 'encrypt-only.ts');
  const ours = async (mode: string, target: string, kind = 'ours'): Promise<number> => {
    const usage = await timed(process.execPath, ['--import', 'tsx', script, kind, mode, target]);
    const { seconds, bytes } = JSON.parse(usage.stdout) as { seconds: number; bytes: number };
    if (bytes < GIB) throw new Error(`encrypt-only produced ${bytes} bytes`);
    return GIB / MIB / seconds;
  };
  const openssl = async (cipher: string): Promise<number> => {
    const [key, iv] = [randomHex(32), randomHex(16)];
    const usage = await timed('openssl', [
      'enc',
      `-${cipher}`,
      '-K',
      key,
      '-iv',
      iv,
      '-bufsize',
      '1048576',
      '-in',
      bigFile,
      '-out',
      '/dev/null',
    ]);
    return GIB / MIB / usage.wall;
  };
  const comparisons = [
    {
      mode: 'AES_CTR',
      baselineName: 'openssl enc -aes-256-ctr',
      baseline: () => openssl('aes-256-ctr'),
    },
    {
      mode: 'AES_CBC',
      baselineName: 'openssl enc -aes-256-cbc',
      baseline: () => openssl('aes-256-cbc'),
    },
    {
      mode: 'AES_GCM',
      baselineName: 'node:crypto update() loop in memory',
      baseline: () => ours('AES_GCM', String(GIB), 'memory'),
    },
  ];
  const results: Record<string, unknown> = {};
  for (const c of comparisons) {
    log(`\n[encrypt] ${c.mode}, 1 GiB: ours vs ${c.baselineName}`);
    const r = await alternate(
      RUNS,
      { ours: () => ours(c.mode, bigFile), baseline: c.baseline },
      (side, round, v) => log(`  round ${round + 1} ${side.padEnd(8)} ${v.toFixed(0)} MiB/s`),
    );
    results[c.mode] = r;
    const ratioTarget = 0.8;
    const oursS = summarize(r.ours!);
    const baseS = summarize(r.baseline!);
    row({
      section: '1 encryption alone',
      measure: `${c.mode} 1 GiB (page cache)`,
      unit: 'MiB/s',
      ours: oursS,
      baselineName: c.baselineName,
      baseline: baseS,
      target: `>= ${ratioTarget}x`,
      met: oursS.median / baseS.median >= ratioTarget,
    });
  }
  raw.encrypt = results;
}

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

// ---------------------------------------------------------------------------------------------
// 2. Encrypt and upload 1 GiB

function scriptedEnv(stack: BenchStack, workDir: string): Record<string, string> {
  const { info } = stack;
  return {
    ...stack.env,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    S3_ENDPOINT: info.endpoints.s3,
    KMS_ENDPOINT: info.endpoints.kms,
    MEDIACONVERT_ENDPOINT: info.endpoints.mediaconvert,
    BUCKET: info.bucket,
    KMS_KEY_ARN: info.kmsKeyArn,
    ROLE_ARN: info.roleArn,
    JOB_TEMPLATE: info.jobTemplate,
    TMPDIR: workDir,
  };
}

/** CPU seconds the stack process has used so far (all its threads). */
async function serverCpu(stack: BenchStack): Promise<number> {
  // Fields after the command name: state is the first, utime the 12th, stime the 13th.
  const fields = (await readFile(`/proc/${stack.info.pid}/stat`, 'utf8'))
    .split(') ')[1]!
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
/** USER_HZ: 100 on Linux. */
const CLOCK_TICKS = 100;

/** Files bigger than 1 MiB under `dir`, other than `except`: a temporary copy would show here. */
async function bigFilesUnder(dir: string, except: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entryName of readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, entryName);
    if (except.includes(full)) continue;
    const info = await stat(full).catch(() => undefined);
    if (info?.isFile() && info.size > MIB) found.push(full);
  }
  return found;
}

async function encryptAndUpload(
  stack: BenchStack,
  workDir: string,
  workspace: string,
  bigFile: string,
  encFile: string,
): Promise<void> {
  log(
    '\n[upload] 1 GiB to the local S3: ours vs scripted (openssl + aws s3 cp) vs aws s3 cp alone',
  );
  const { info } = stack;
  const script = path.join(REPO_ROOT, 'bench', 'scripted.sh');
  const env = scriptedEnv(stack, workDir);
  const withServer = async (run: () => Promise<Usage>): Promise<Usage & { serverCpu: number }> => {
    const before = await serverCpu(stack);
    const usage = await run();
    return { ...usage, serverCpu: (await serverCpu(stack)) - before };
  };
  const tempFiles: string[] = [];
  const action = (build: string) => () =>
    withServer(async () => {
      const usage = await timedAction({
        entry: build,
        inputs: {
          files: path.basename(bigFile),
          'kms-key-arn': info.kmsKeyArn,
          destination: `s3://${info.bucket}/ours/`,
          'create-job': 'false',
        },
        env: stack.env,
        workspace,
      });
      tempFiles.push(...(await bigFilesUnder(workspace, [bigFile])));
      return usage;
    });
  const r = await alternate(
    RUNS,
    {
      ours: action(entry),
      ...(before ? { before: action(before) } : {}),
      scripted: () =>
        withServer(() => timed(script, ['upload', bigFile, 'scripted/big.bin'], { env })),
      'upload only': () =>
        withServer(() =>
          timed(
            AWS_CLI,
            [
              's3',
              'cp',
              encFile,
              `s3://${info.bucket}/cli/big.bin`,
              '--endpoint-url',
              info.endpoints.s3,
              '--only-show-errors',
            ],
            { env },
          ),
        ),
    },
    (side, round, u) =>
      log(
        `  round ${round + 1} ${side.padEnd(12)} ${u.wall.toFixed(2)} s wall, ${u.cpu.toFixed(2)} CPU-s (server ${u.serverCpu.toFixed(1)})`,
      ),
  );
  raw.upload = { ...r, oursTempFiles: tempFiles };
  const section = '2 encrypt + upload 1 GiB';
  const [ours, scripted, uploadOnly] = [r.ours!, r.scripted!, r['upload only']!];
  const wall = pick(ours, 'wall');
  const cpu = pick(ours, 'cpu');
  row({
    section,
    measure: 'wall',
    unit: 's',
    ours: wall,
    baselineName: 'scripted: openssl + aws s3 cp',
    baseline: pick(scripted, 'wall'),
    target: '<= 0.8x',
    met: wall.median <= 0.8 * pick(scripted, 'wall').median,
  });
  row({
    section,
    measure: 'wall',
    unit: 's',
    ours: wall,
    baselineName: 'aws s3 cp of the encrypted file',
    baseline: pick(uploadOnly, 'wall'),
    target: '<= 1.05x',
    met: wall.median <= 1.05 * pick(uploadOnly, 'wall').median,
  });
  row({
    section,
    measure: 'CPU (user+sys, all processes)',
    unit: 'CPU-s',
    ours: cpu,
    baselineName: 'scripted: openssl + aws s3 cp',
    baseline: pick(scripted, 'cpu'),
    target: '<= 0.8x',
    met: cpu.median <= 0.8 * pick(scripted, 'cpu').median,
  });
  row({
    section,
    measure: 'CPU (user+sys, all processes)',
    unit: 'CPU-s',
    ours: cpu,
    baselineName: 'aws s3 cp of the encrypted file',
    baseline: pick(uploadOnly, 'cpu'),
  });
  const serverOf = (us: (Usage & { serverCpu: number })[]): Summary =>
    summarize(us.map((u) => u.serverCpu));
  row({
    section,
    measure: 'CPU of the local S3 server (not counted above)',
    unit: 'CPU-s',
    ours: serverOf(ours),
    baselineName: 'scripted',
    baseline: serverOf(scripted),
  });
  row({
    section,
    measure: 'temporary files on our side',
    unit: 'files',
    ours: summarize([tempFiles.length]),
    target: '0',
    met: tempFiles.length === 0,
  });
  compareBefore(section, r.ours, r.before, [
    ['wall', 's', (u) => u.wall],
    ['CPU (user+sys)', 'CPU-s', (u) => u.cpu],
    ['peak RSS', 'MiB', (u) => u.maxRssKiB / 1024],
  ]);
}

/** Rows of ours against the --before build, when there is one. */
function compareBefore<U>(
  section: string,
  ours: U[] | undefined,
  previous: U[] | undefined,
  measures: [string, string, (u: U) => number][],
): void {
  if (!ours || !previous) return;
  for (const [measure, unit, value] of measures) {
    row({
      section,
      measure,
      unit,
      ours: summarize(ours.map(value)),
      baselineName: `--before ${path.relative(REPO_ROOT, before!)}`,
      baseline: summarize(previous.map(value)),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Peak RSS, 256 MiB and 4 GiB

async function memory(stack: BenchStack, workspace: string, bigFile: string): Promise<void> {
  const free = statfsSync(workspace);
  const freeBytes = free.bavail * free.bsize;
  if (freeBytes < 14 * GIB) {
    notes.push(`memory: skipped, ${(freeBytes / GIB).toFixed(1)} GiB free (needs 14)`);
    return;
  }
  log('\n[memory] peak RSS of the packaged action, 256 MiB vs 4 GiB');
  const small = path.join(workspace, 'm256.bin');
  const large = path.join(workspace, 'm4g.bin');
  await randomFile(small, 256 * MIB);
  // Four copies of the random GiB: what matters here is the length, not the entropy.
  execFileSync('/bin/sh', [
    '-c',
    `cat "${bigFile}" "${bigFile}" "${bigFile}" "${bigFile}" > "${large}"`,
  ]);
  const { info } = stack;
  const run =
    (file: string, build = entry) =>
    () =>
      timedAction({
        entry: build,
        inputs: {
          files: path.basename(file),
          'kms-key-arn': info.kmsKeyArn,
          destination: `s3://${info.bucket}/memory/`,
          'create-job': 'false',
        },
        env: stack.env,
        workspace,
      });
  try {
    const r = await alternate(
      RUNS,
      {
        '256 MiB': run(small),
        '4 GiB': run(large),
        ...(before ? { 'before 256 MiB': run(small, before) } : {}),
      },
      (side, round, u) =>
        log(
          `  round ${round + 1} ${side.padEnd(8)} peak RSS ${(u.maxRssKiB / 1024).toFixed(0)} MiB, ${u.wall.toFixed(1)} s, ${u.cpu.toFixed(2)} CPU-s`,
        ),
    );
    raw.memory = r;
    const rss256 = pick(r['256 MiB']!, 'maxRssKiB', 1 / 1024);
    const rss4g = pick(r['4 GiB']!, 'maxRssKiB', 1 / 1024);
    const section = '3 peak RSS';
    row({
      section,
      measure: 'encrypt + upload 256 MiB',
      unit: 'MiB',
      ours: rss256,
      target: '<= 200 MiB',
      met: rss256.max <= 200,
    });
    row({
      section,
      measure: 'encrypt + upload 4 GiB',
      unit: 'MiB',
      ours: rss4g,
      target: '<= 200 MiB',
      met: rss4g.max <= 200,
    });
    row({
      section,
      measure: '4 GiB against 256 MiB',
      unit: 'MiB',
      ours: rss4g,
      baselineName: '256 MiB run',
      baseline: rss256,
      target: '<= 1.10x',
      met: rss4g.median <= 1.1 * rss256.median,
    });
    compareBefore('3 peak RSS, 256 MiB', r['256 MiB'], r['before 256 MiB'], [
      ['peak RSS', 'MiB', (u) => u.maxRssKiB / 1024],
    ]);
    const wall4g = pick(r['4 GiB']!, 'wall');
    row({ section, measure: '4 GiB wall (for scale)', unit: 's', ours: wall4g });
  } finally {
    await rm(large, { force: true });
    await rm(small, { force: true });
    // The uploaded copies are the largest objects in the local S3: drop them too.
    await timed(
      AWS_CLI,
      [
        's3',
        'rm',
        `s3://${info.bucket}/memory/`,
        '--recursive',
        '--endpoint-url',
        info.endpoints.s3,
        '--only-show-errors',
      ],
      {
        env: scriptedEnv(stack, os.tmpdir()),
      },
    ).catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Batch: 1,000 files of 64 KiB, data key + encrypt + upload + CreateJob each

const BATCH_FILES = 1000;
const SCRIPTED_SAMPLE = 10;

async function batch(stack: BenchStack, workDir: string, workspace: string): Promise<void> {
  log(
    `\n[batch] ${BATCH_FILES} files of 64 KiB end to end; scripted path timed on ${SCRIPTED_SAMPLE} and scaled`,
  );
  const dir = path.join(workspace, 'batch');
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  const seed = path.join(workDir, 'batch-seed.bin');
  await randomFile(seed, BATCH_FILES * 64 * 1024);
  const seedBytes = await readFile(seed);
  for (let i = 0; i < BATCH_FILES; i++) {
    const file = path.join(dir, `clip-${String(i).padStart(4, '0')}.mp4`);
    await writeFile(file, seedBytes.subarray(i * 65536, (i + 1) * 65536));
    files.push(file);
  }
  await rm(seed);
  const { info } = stack;
  const script = path.join(REPO_ROOT, 'bench', 'scripted.sh');
  const env = scriptedEnv(stack, workDir);
  const action = (build: string) => async () => {
    const usage = await timedAction({
      entry: build,
      inputs: {
        files: 'batch/*.mp4',
        'kms-key-arn': info.kmsKeyArn,
        destination: `s3://${info.bucket}/batch-ours/`,
        'role-arn': info.roleArn,
        'job-template': info.jobTemplate,
      },
      env: stack.env,
      workspace,
    });
    const ids = /job-ids<<(\S+)\n([\s\S]*?)\n\1/.exec(usage.outputs)?.[2];
    const count = ids ? (JSON.parse(ids) as string[]).length : 0;
    if (count !== BATCH_FILES)
      throw new Error(`the action created ${count} jobs, not ${BATCH_FILES}`);
    return { ...usage, files: BATCH_FILES };
  };
  let sampleRound = 0;
  const r = await alternate(
    RUNS,
    {
      ours: action(entry),
      ...(before ? { before: action(before) } : {}),
      scripted: async () => {
        const first = sampleRound++ * SCRIPTED_SAMPLE;
        const sample = files.slice(first, first + SCRIPTED_SAMPLE);
        const usage = await timed(script, ['batch', `batch-scripted/`, ...sample], { env });
        return { ...usage, files: sample.length };
      },
    },
    (side, n, u) =>
      log(
        `  round ${n + 1} ${side.padEnd(9)} ${u.files} files in ${u.wall.toFixed(2)} s: ${(u.files / u.wall).toFixed(1)} files/s, ${((u.cpu / u.files) * 1000).toFixed(1)} CPU-ms/file`,
      ),
  );
  raw.batch = r;
  const perSecond = (us: (Usage & { files: number })[]) =>
    summarize(us.map((u) => u.files / u.wall));
  const cpuPerFile = (us: (Usage & { files: number })[]) =>
    summarize(us.map((u) => (u.cpu / u.files) * 1000));
  const ours = perSecond(r.ours!);
  const scripted = perSecond(r.scripted!);
  const section = `4 batch ${BATCH_FILES} x 64 KiB`;
  row({
    section,
    measure: 'throughput (end to end)',
    unit: 'files/s',
    ours,
    target: '>= 50',
    met: ours.median >= 50,
  });
  row({
    section,
    measure: 'throughput against the script',
    unit: 'files/s',
    ours,
    baselineName: `scripted per file (${SCRIPTED_SAMPLE} timed, scaled)`,
    baseline: scripted,
    target: '>= 20x',
    met: ours.median / scripted.median >= 20,
  });
  row({
    section,
    measure: 'CPU per file',
    unit: 'CPU-ms',
    ours: cpuPerFile(r.ours!),
    baselineName: 'scripted per file',
    baseline: cpuPerFile(r.scripted!),
  });
  const wall = pick(r.ours!, 'wall');
  row({
    section,
    measure: `wall for ${BATCH_FILES} files`,
    unit: 's',
    ours: wall,
    baselineName: 'scripted, scaled',
    baseline: summarize(r.scripted!.map((u) => (u.wall / u.files) * BATCH_FILES)),
  });
  compareBefore(section, r.ours, r.before, [
    ['throughput', 'files/s', (u) => u.files / u.wall],
    ['CPU per file', 'CPU-ms', (u) => (u.cpu / u.files) * 1000],
  ]);
}

// ---------------------------------------------------------------------------------------------
// Output

function fmt(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function cell(s: Summary | undefined): string {
  if (!s) return '';
  return s.runs.length > 1 ? `${fmt(s.median)} (${fmt(s.min)}-${fmt(s.max)})` : fmt(s.median);
}

function table(rows: Row[]): string {
  const header = [
    'Section',
    'Measure',
    'Unit',
    'Ours: median (min-max)',
    'Baseline',
    'Baseline: median (min-max)',
    'Ratio',
    'Target',
    'Met',
  ];
  // Sections in issue order (they run in another order: the quick ones first).
  const ordered = [...rows].sort((a, b) =>
    a.section.localeCompare(b.section, 'en', { numeric: true }),
  );
  const lines = ordered.map((r) => [
    r.section,
    r.measure,
    r.unit,
    cell(r.ours),
    r.baselineName ?? '',
    cell(r.baseline),
    r.ratio === undefined ? '' : `${r.ratio < 0.1 ? r.ratio.toPrecision(2) : r.ratio.toFixed(2)}x`,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    render(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.map(render),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

interface Result {
  date: string;
  command: string;
  durationSeconds: number;
  runs: number;
  machine: { cpus: number; model: string; memoryGiB: number; node: string };
  notes: string[];
  rows: Row[];
}

function markdownOf(result: Result): string {
  const { machine } = result;
  return [
    `Measured on ${result.date.slice(0, 10)} on this machine (${machine.cpus} cores, ${machine.model}, ${machine.memoryGiB} GiB, Node ${machine.node}) with \`${result.command}\` (${result.runs} runs per side, alternated; ${Math.round(result.durationSeconds)} s in all).`,
    '',
    table(result.rows),
    ...(result.notes.length ? ['', ...result.notes.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  checkTools();
  const started = Date.now();
  // Figures of a bundle that is not the working tree's code would be figures of nothing.
  if (entry === ACTION_ENTRY) assertFreshDist();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'bench-'));
  const workspace = path.join(workDir, 'workspace');
  await mkdir(workspace);
  let stack: BenchStack | undefined;
  try {
    if (only.has('startup')) await startup(workDir);
    const needsBig = only.has('encrypt') || only.has('upload') || only.has('memory');
    const bigFile = path.join(workspace, 'big.bin');
    const encFile = path.join(workDir, 'big.enc');
    if (needsBig) {
      log(`\npreparing 1 GiB of random bytes in ${workDir}`);
      const shared = '/tmp/big';
      const reuse = existsSync(shared) && statSync(shared).size === GIB;
      if (reuse) await link(shared, bigFile).catch(() => randomFile(bigFile, GIB));
      else await randomFile(bigFile, GIB);
      // Read it once so every side starts from the page cache.
      execFileSync('/bin/sh', ['-c', `cat "${bigFile}" > /dev/null`]);
    }
    if (only.has('encrypt')) await encryptOnly(bigFile);
    if (only.has('upload') || only.has('memory') || only.has('batch')) {
      stack = await startBenchStack(workDir);
      log(`local stack: S3 ${stack.info.endpoints.s3} (pid ${stack.info.pid})`);
    }
    if (only.has('upload')) {
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
        bigFile,
        '-out',
        encFile,
      ]);
      await encryptAndUpload(stack!, workDir, workspace, bigFile, encFile);
      await rm(encFile, { force: true });
    }
    if (only.has('memory')) await memory(stack!, workspace, bigFile);
    if (only.has('batch')) await batch(stack!, workDir, workspace);
  } finally {
    await stack?.close();
    await rm(workDir, { recursive: true, force: true });
  }

  const cpus = os.cpus();
  const result = {
    date: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    durationSeconds: (Date.now() - started) / 1000,
    runs: RUNS,
    entry: path.relative(REPO_ROOT, entry),
    machine: {
      cpus: cpus.length,
      model: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / GIB),
      kernel: os.release(),
      node: process.version,
      openssl: versionOf('openssl', ['version']),
      awsCli: versionOf(AWS_CLI, ['--version']),
    },
    notes,
    rows,
    raw,
  };
  const markdown = markdownOf(result);
  const outDir = path.join(REPO_ROOT, 'bench', 'results');
  await mkdir(outDir, { recursive: true });
  // Every run's figures, without the processes' own output (the action logs every file).
  const withoutLogs = (key: string, value: unknown): unknown =>
    key === 'stdout' || key === 'outputs' ? undefined : value;
  await writeFile(path.join(outDir, 'latest.json'), `${JSON.stringify(result, withoutLogs, 2)}\n`);
  await writeFile(path.join(outDir, 'latest.md'), markdown);
  process.stdout.write(`\n${markdown}`);
  log(`\nwritten: bench/results/latest.json, bench/results/latest.md`);
}

if (options.render) {
  // Prints the table of a saved run (e.g. bench/RESULTS.json) again.
  process.stdout.write(markdownOf(JSON.parse(await readFile(options.render, 'utf8')) as Result));
} else {
  await main();
}
