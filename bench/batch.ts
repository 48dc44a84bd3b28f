/** Suite `batch`: 1,000 files of 64 KiB, data key + encrypt + upload + CreateJob each. */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  alternate,
  randomFile,
  REPO_ROOT,
  summarize,
  timed,
  timedAction,
  toolEnv,
  type BenchStack,
  type Usage,
} from './lib.js';
import { RUNS, before, entry, log, pick, raw, row } from './context.js';
import { compareBefore } from './upload.js';

export const BATCH_FILES = 1000;
export const SCRIPTED_SAMPLE = 10;

export async function batch(stack: BenchStack, workDir: string, workspace: string): Promise<void> {
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
  const env = toolEnv(stack, workDir);
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
