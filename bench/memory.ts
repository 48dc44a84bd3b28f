/** Suite `memory`: peak RSS of encrypt and upload, 256 MiB and 4 GiB. */
import { execFileSync } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  alternate,
  AWS_CLI,
  MIB,
  randomFile,
  timed,
  timedAction,
  toolEnv,
  type BenchStack,
} from './lib.js';
import { GIB, RUNS, before, entry, log, notes, pick, raw, row } from './context.js';
import { compareBefore } from './upload.js';

export async function memory(stack: BenchStack, workspace: string, bigFile: string): Promise<void> {
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
      () => stack.clearObjects(),
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
        stack.env.AWS_ENDPOINT_URL_S3!,
        '--only-show-errors',
      ],
      {
        env: toolEnv(stack, os.tmpdir()),
      },
    ).catch(() => undefined);
  }
}
