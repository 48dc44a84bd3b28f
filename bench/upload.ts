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
import { RUNS, TLS, before, entry, log, pick, raw, row } from './context.js';
import { HAS_RCLONE, rcloneSides } from './rclone.js';

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
    `\n[upload] 1 GiB to the local S3${TLS ? ' over https' : ''}: ours vs scripted (openssl + aws s3 cp) vs aws s3 cp alone vs rclone`,
  );
  const { info } = stack;
  const script = path.join(REPO_ROOT, 'bench', 'scripted.sh');
  const env = toolEnv(stack, workDir);
  const withServer = async (run: () => Promise<Usage>): Promise<Usage & { serverCpu: number }> => {
    const before = await serverCpu(stack);
    const usage = await run();
    return { ...usage, serverCpu: (await serverCpu(stack)) - before };
  };
  const withServerAll = (sides: Record<string, () => Promise<Usage>>) =>
    Object.fromEntries(Object.entries(sides).map(([name, run]) => [name, () => withServer(run)]));
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
              env.S3_ENDPOINT!,
              '--only-show-errors',
            ],
            { env },
          ),
        ),
      // The encrypted copy, as `aws s3 cp` sends it: rclone in place of the CLI.
      ...(HAS_RCLONE ? withServerAll(rcloneSides(encFile, info.bucket, 'rclone', env)) : {}),
    },
    (side, round, u) =>
      log(
        `  round ${round + 1} ${side.padEnd(16)} ${u.wall.toFixed(2)} s wall, ${u.cpu.toFixed(2)} CPU-s (server ${u.serverCpu.toFixed(1)})`,
      ),
    () => stack.clearObjects(),
  );
  raw.upload = { ...r, oursTempFiles: tempFiles };
  const section = `2 encrypt + upload 1 GiB${TLS ? ' (https)' : ''}`;
  const [ours, scripted] = [r.ours!, r.scripted!];
  /** Ours against one side, on `field`; with a target, a ratio it must not exceed. */
  const against = (
    field: 'wall' | 'cpu',
    baselineName: string,
    usages: Usage[] | undefined,
    target?: number,
  ): void => {
    if (!usages) return;
    const [oursOf, baseline] = [pick(ours, field), pick(usages, field)];
    row({
      section,
      measure: field === 'wall' ? 'wall' : 'CPU (user+sys, all processes)',
      unit: field === 'wall' ? 's' : 'CPU-s',
      ours: oursOf,
      baselineName,
      baseline,
      ...(target === undefined
        ? {}
        : { target: `<= ${target}x`, met: oursOf.median <= target * baseline.median }),
    });
  };
  // Over https, issue 27's targets: CPU at most 0.6x scripted and 0.8x `aws s3 cp`.
  const cli = 'aws s3 cp of the encrypted file';
  against('wall', 'scripted: openssl + aws s3 cp', scripted, 0.8);
  against('wall', cli, r['upload only'], 1.05);
  against('wall', 'rclone tuned (16 x 8 MiB), encrypted file', r['rclone tuned']);
  against('wall', 'rclone defaults, encrypted file', r['rclone defaults']);
  against('cpu', 'scripted: openssl + aws s3 cp', scripted, TLS ? 0.6 : 0.8);
  against('cpu', cli, r['upload only'], TLS ? 0.8 : undefined);
  against('cpu', 'rclone tuned (16 x 8 MiB), encrypted file', r['rclone tuned']);
  against('cpu', 'rclone defaults, encrypted file', r['rclone defaults']);
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
