/** Suite `upload`: encrypt and upload 1 GiB, against a script (openssl, then aws s3 cp). */
import { readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  alternate,
  AWS_CLI,
  MIB,
  REPO_ROOT,
  summarize,
  timed,
  timedAction,
  toolEnv,
  type BenchStack,
  type Summary,
  type Usage,
} from './lib.js';
import { RUNS, before, entry, log, pick, raw, row } from './context.js';

/** CPU seconds the stack process has used so far (all its threads). */
export async function serverCpu(stack: BenchStack): Promise<number> {
  // Fields after the command name: state is the first, utime the 12th, stime the 13th.
  const fields = (await readFile(`/proc/${stack.info.pid}/stat`, 'utf8'))
    .split(') ')[1]!
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
/** USER_HZ: 100 on Linux. */
export const CLOCK_TICKS = 100;

/** Files bigger than 1 MiB under `dir`, other than `except`: a temporary copy would show here. */
export async function bigFilesUnder(dir: string, except: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entryName of readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, entryName);
    if (except.includes(full)) continue;
    const info = await stat(full).catch(() => undefined);
    if (info?.isFile() && info.size > MIB) found.push(full);
  }
  return found;
}

export async function encryptAndUpload(
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
  const env = toolEnv(stack, workDir);
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
export function compareBefore<U>(
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
