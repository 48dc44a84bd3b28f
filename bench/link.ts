/**
 * `npm run bench -- --link wan`: the action against the tools a user would otherwise use, on
 * a modelled link (harness/link-proxy.ts: a one-way delay and a bandwidth cap per TCP
 * connection) or on plain loopback (`--link loopback`), sides alternated in one run.
 *
 *   npm run bench -- --link wan [--delay-ms 20] [--conn-mibps 8] [--sizes 256,1024]
 *                    [--runs 3] [--link-suites upload,batch,memory] [--batch-files 1000] [--tls]
 *
 * --tls: every side reaches the stack over https (the stack's TLS fronts, its own CA: the
 *   action through NODE_EXTRA_CA_CERTS, the AWS CLI AWS_CA_BUNDLE, rclone --ca-cert), the
 *   link proxy in front of the fronts; results go to link-<link>-tls.json and .md.
 *
 * upload: per size, the packaged action (AES_CTR, create-job false), `aws s3 cp` of a file
 *   already encrypted (upload only), rclone with its defaults and tuned (16 parts at once of
 *   8 MiB), and the scripted path (openssl to a temp file, then aws s3 cp).
 * batch: N files of 64 KiB end to end (data key, upload, CreateJob each), the link on KMS,
 *   S3 and MediaConvert alike: the action at its defaults and at the old fixed concurrency 4.
 * memory: peak RSS of the action on loopback: 4 x 256 MiB at the defaults, 8 x 256 MiB at
 *   concurrency 8, and 1 GiB with part-size-mib 5120.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLinkProxy, type LinkProxy } from '../harness/link-proxy.js';
import { HAS_RCLONE, RCLONE, rcloneSides } from './rclone.js';
import { assertFreshDist } from '../harness/runner.js';
import {
  ACTION_ENTRY,
  alternate,
  AWS_CLI,
  benchFile,
  benchWorkDir,
  MIB,
  opensslEncrypt,
  randomFile,
  REPO_ROOT,
  startBenchStack,
  summarize,
  timed,
  timedAction,
  toolEnv,
  type BenchStack,
} from './lib.js';
import { before, log, pick } from './context.js';
import { linkMarkdownOf, type LinkRow as Row } from './report.js';

export interface LinkBenchOptions {
  link: 'wan' | 'loopback';
  delayMs: number;
  connMiBps: number;
  sizesMiB: number[];
  runs: number;
  suites: Set<string>;
  batchFiles: number;
  /** Every side over https to the stack (its own CA). */
  tls: boolean;
  entry?: string;
}

export async function runLinkBench(options: LinkBenchOptions): Promise<void> {
  const entry = path.resolve(options.entry ?? ACTION_ENTRY);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run bundle first`);
  // Figures of a bundle that is not the working tree's code would be figures of nothing.
  if (entry === ACTION_ENTRY) assertFreshDist();
  if (!HAS_RCLONE) throw new Error(`${RCLONE} is missing: apt-get install -y rclone`);
  const started = Date.now();
  const { workDir, workspace } = await benchWorkDir('bench-link-');
  const stack = await startBenchStack(workDir, { tls: options.tls });
  const linkDesc =
    (options.link === 'wan'
      ? `${options.delayMs} ms each way, ${options.connMiBps} MiB/s per connection`
      : 'loopback') + (options.tls ? ', https' : ', http');
  // Over https the proxy stands in front of the TLS fronts: it passes TLS as bytes.
  const proxy =
    options.link === 'wan'
      ? await startLinkProxy({
          upstreams: options.tls ? stack.info.httpsEndpoints! : stack.info.endpoints,
          link: { delayMs: options.delayMs, bytesPerSecond: options.connMiBps * MIB },
        })
      : undefined;
  const rows: Row[] = [];
  const load = os.loadavg();
  try {
    if (options.suites.has('upload')) {
      for (const size of options.sizesMiB) {
        rows.push(...(await upload(stack, proxy, workDir, workspace, entry, size, options)));
      }
    }
    if (options.suites.has('batch')) {
      rows.push(...(await batch(stack, proxy, workspace, entry, options)));
    }
    if (options.suites.has('memory')) {
      rows.push(...(await memory(stack, workspace, entry, options)));
    }
  } finally {
    await proxy?.close();
    await stack.close();
    await rm(workDir, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg();
  const result = {
    date: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
    link: linkDesc,
    tls: options.tls,
    runs: options.runs,
    durationSeconds: (Date.now() - started) / 1000,
    loadAverage1m: { before: load[0], after: loadAfter[0] },
    cpus: os.cpus().length,
    rows,
  };
  const markdown = linkMarkdownOf(result);
  const outDir = path.join(REPO_ROOT, 'bench', 'results');
  await mkdir(outDir, { recursive: true });
  const name = `link-${options.link}${options.tls ? '-tls' : ''}`;
  await writeFile(path.join(outDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(path.join(outDir, `${name}.md`), markdown);
  process.stdout.write(`\n${markdown}`);
  log(`\nwritten: bench/results/${name}.json, bench/results/${name}.md`);
}

async function upload(
  stack: BenchStack,
  proxy: LinkProxy | undefined,
  workDir: string,
  workspace: string,
  entry: string,
  sizeMiB: number,
  options: LinkBenchOptions,
): Promise<Row[]> {
  const name = `up-${sizeMiB}.bin`;
  const file = path.join(workspace, name);
  await benchFile(file, sizeMiB * MIB);
  const encFile = path.join(workDir, `${name}.enc`);
  opensslEncrypt(file, encFile);
  execFileSync('/bin/sh', ['-c', `cat "${encFile}" > /dev/null`]);
  const { info } = stack;
  const env = toolEnv(stack, workDir, proxy ? proxy.env(stack.env) : stack.env);
  log(`\n[link ${options.link}] ${sizeMiB} MiB: action vs aws s3 cp vs rclone vs scripted`);
  const action = (build: string) => () =>
    timedAction({
      entry: build,
      inputs: {
        files: name,
        'kms-key-arn': info.kmsKeyArn,
        destination: `s3://${info.bucket}/link-ours/`,
        'create-job': 'false',
      },
      env: proxy ? proxy.env(stack.env) : stack.env,
      workspace,
    });
  const r = await alternate(
    options.runs,
    {
      action: action(entry),
      ...(before ? { 'action before': action(before) } : {}),
      'aws s3 cp (upload only)': () =>
        timed(
          AWS_CLI,
          [
            's3',
            'cp',
            encFile,
            `s3://${info.bucket}/link-cli/${name}`,
            '--endpoint-url',
            env.S3_ENDPOINT!,
            '--only-show-errors',
          ],
          { env },
        ),
      ...rcloneSides(encFile, info.bucket, `link-rclone-${sizeMiB}`, env),
      scripted: () =>
        timed(path.join(REPO_ROOT, 'bench', 'scripted.sh'), ['upload', file, `link-sc/${name}`], {
          env,
        }),
    },
    (side, round, u) =>
      log(
        `  round ${round + 1} ${side.padEnd(24)} ${u.wall.toFixed(2)} s, ${u.cpu.toFixed(2)} CPU-s, ${(u.maxRssKiB / 1024).toFixed(0)} MiB RSS`,
      ),
    () => stack.clearObjects(),
  );
  await rm(encFile, { force: true });
  await rm(file, { force: true });
  const suite = `upload ${sizeMiB} MiB`;
  const rows: Row[] = [];
  for (const [side, usages] of Object.entries(r)) {
    rows.push({ suite, measure: 'wall', side, unit: 's', value: pick(usages, 'wall') });
  }
  for (const [side, usages] of Object.entries(r)) {
    rows.push({ suite, measure: 'CPU', side, unit: 'CPU-s', value: pick(usages, 'cpu') });
  }
  for (const side of ['action', 'action before'].filter((s) => r[s])) {
    rows.push({
      suite,
      measure: 'peak RSS',
      side,
      unit: 'MiB',
      value: pick(r[side]!, 'maxRssKiB', 1 / 1024),
    });
  }
  return rows;
}

async function batch(
  stack: BenchStack,
  proxy: LinkProxy | undefined,
  workspace: string,
  entry: string,
  options: LinkBenchOptions,
): Promise<Row[]> {
  const count = options.batchFiles;
  const dir = path.join(workspace, 'small');
  await mkdir(dir, { recursive: true });
  const bytes = randomBytes(count * 65536);
  for (let i = 0; i < count; i++) {
    await writeFile(
      path.join(dir, `clip-${String(i).padStart(4, '0')}.mp4`),
      bytes.subarray(i * 65536, (i + 1) * 65536),
    );
  }
  const { info } = stack;
  const run =
    (extra: Record<string, string>, build = entry) =>
    async () => {
      const usage = await timedAction({
        entry: build,
        inputs: {
          files: 'small/*.mp4',
          'kms-key-arn': info.kmsKeyArn,
          destination: `s3://${info.bucket}/link-batch/`,
          'role-arn': info.roleArn,
          'job-template': info.jobTemplate,
          ...extra,
        },
        env: proxy ? proxy.env(stack.env) : stack.env,
        workspace,
      });
      const ids = /job-ids<<(\S+)\n([\s\S]*?)\n\1/.exec(usage.outputs)?.[2];
      const jobs = ids ? (JSON.parse(ids) as string[]).length : 0;
      if (jobs !== count) throw new Error(`the action created ${jobs} jobs, not ${count}`);
      return usage;
    };
  log(`\n[link ${options.link}] batch ${count} x 64 KiB, end to end with CreateJob`);
  const r = await alternate(
    options.runs,
    {
      'action, defaults': run({}),
      ...(before ? { 'action before, defaults': run({}, before) } : {}),
      'action, concurrency 4': run({ concurrency: '4' }),
    },
    (side, round, u) =>
      log(
        `  round ${round + 1} ${side.padEnd(22)} ${u.wall.toFixed(2)} s: ${(count / u.wall).toFixed(1)} files/s, ${(u.maxRssKiB / 1024).toFixed(0)} MiB RSS`,
      ),
  );
  await rm(dir, { recursive: true, force: true });
  const suite = `batch ${count} x 64 KiB`;
  const rows: Row[] = [];
  for (const [side, usages] of Object.entries(r)) {
    rows.push({
      suite,
      measure: 'throughput',
      side,
      unit: 'files/s',
      value: summarize(usages.map((u) => count / u.wall)),
    });
    rows.push({
      suite,
      measure: 'peak RSS',
      side,
      unit: 'MiB',
      value: pick(usages, 'maxRssKiB', 1 / 1024),
    });
  }
  return rows;
}

async function memory(
  stack: BenchStack,
  workspace: string,
  entry: string,
  options: LinkBenchOptions,
): Promise<Row[]> {
  const dir = path.join(workspace, 'mem');
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < 8; i++) {
    const file = path.join(dir, `m${i}.bin`);
    if (i === 0) await randomFile(file, 256 * MIB);
    // Copies: the length matters here, not the entropy.
    else await writeFile(file, await readFile(files[0]!));
    files.push(file);
  }
  const big = path.join(dir, 'one-gib.bin');
  execFileSync('/bin/sh', ['-c', `cat ${files.slice(0, 4).join(' ')} > "${big}"`]);
  const { info } = stack;
  const run = (patterns: string, extra: Record<string, string>) => () =>
    timedAction({
      entry,
      inputs: {
        files: patterns,
        'kms-key-arn': info.kmsKeyArn,
        destination: `s3://${info.bucket}/memory/`,
        'create-job': 'false',
        ...extra,
      },
      env: stack.env,
      workspace,
    });
  log('\n[memory] peak RSS on loopback');
  const r = await alternate(
    options.runs,
    {
      '4 x 256 MiB, defaults': run('mem/m[0-3].bin', {}),
      '8 x 256 MiB, concurrency 8': run('mem/m*.bin', { concurrency: '8' }),
      '1 GiB, part-size-mib 5120': run('mem/one-gib.bin', { 'part-size-mib': '5120' }),
    },
    (side, round, u) =>
      log(
        `  round ${round + 1} ${side.padEnd(28)} ${(u.maxRssKiB / 1024).toFixed(0)} MiB RSS, ${u.wall.toFixed(1)} s`,
      ),
  );
  await rm(dir, { recursive: true, force: true });
  const rows: Row[] = [];
  for (const [side, usages] of Object.entries(r)) {
    rows.push({
      suite: 'memory (loopback)',
      measure: 'peak RSS',
      side,
      unit: 'MiB',
      value: pick(usages, 'maxRssKiB', 1 / 1024),
    });
    rows.push({
      suite: 'memory (loopback)',
      measure: 'wall',
      side,
      unit: 's',
      value: pick(usages, 'wall'),
    });
  }
  return rows;
}
