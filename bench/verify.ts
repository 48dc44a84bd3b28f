/**
 * Suite `verify`: check 1 GiB already uploaded (AES_CTR) against its plaintext SHA-256, ours
 * (`mediaconvert-encrypt verify`, the packaged CLI) against the scripted way
 * (bench/verify-scripted.sh: aws s3 cp, aws kms decrypt, openssl enc -d | sha256sum), sides
 * alternated in one run. Starts its own stack; about two minutes on 2 cores.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CLI_ENTRY } from '../harness/runner.js';
import {
  alternate,
  benchFile,
  MIB,
  REPO_ROOT,
  startBenchStack,
  timed,
  toolEnv,
  type Usage,
} from './lib.js';
import { before, GIB, RUNS, log, pick, raw, row } from './context.js';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: MIB })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** The packaged CLI of the build given as --before (its dist/index.js). */
function beforeCli(entry: string): string {
  return path.join(path.dirname(entry), 'cli.js');
}

export async function verifySuite(workDir: string, workspace: string): Promise<void> {
  log('\n[verify] 1 GiB uploaded: mediaconvert-encrypt verify vs aws s3 cp + openssl enc -d');
  const stack = await startBenchStack(workDir);
  try {
    const file = path.join(workspace, 'verify.bin');
    await benchFile(file, GIB);
    const env = toolEnv(stack, workDir);
    const manifest = path.join(workDir, 'verify-manifest.json');
    await timed(
      process.execPath,
      [
        CLI_ENTRY,
        '--files',
        'verify.bin',
        '--kms-key-arn',
        stack.info.kmsKeyArn,
        '--destination',
        `s3://${stack.info.bucket}/verify/`,
        '--create-job',
        'false',
        '--mode',
        'AES_CTR',
        '--manifest',
        manifest,
      ],
      { env, cwd: workspace },
    );
    const recorded = JSON.parse(await readFile(manifest, 'utf8')) as {
      files: { plaintextSha256: string }[];
    };
    const sha256 = recorded.files[0]!.plaintextSha256;
    if (sha256 !== (await sha256Of(file))) throw new Error('the manifest has another SHA-256');
    const script = path.join(REPO_ROOT, 'bench', 'verify-scripted.sh');
    const beforeCliEntry = before === undefined ? undefined : beforeCli(before);
    const r = await alternate<Usage>(
      RUNS,
      {
        ours: () => timed(process.execPath, [CLI_ENTRY, 'verify', '--manifest', manifest], { env }),
        scripted: () => timed(script, ['verify/verify.bin', sha256], { env }),
        // The CLI bundle beside the --before build's index.js verifies the same object.
        ...(beforeCliEntry
          ? {
              before: () =>
                timed(process.execPath, [beforeCliEntry, 'verify', '--manifest', manifest], {
                  env,
                }),
            }
          : {}),
      },
      (side, round, u) =>
        log(
          `  round ${round + 1} ${side.padEnd(8)} ${u.wall.toFixed(1)} s, ${u.cpu.toFixed(2)} CPU-s, peak RSS ${(u.maxRssKiB / 1024).toFixed(0)} MiB`,
        ),
    );
    raw.verify = r;
    const section = '7 verify 1 GiB';
    const baselineName = 'aws s3 cp + openssl enc -d';
    const wall = pick(r.ours!, 'wall');
    const baseline = pick(r.scripted!, 'wall');
    row({
      section,
      measure: 'wall',
      unit: 's',
      ours: wall,
      baselineName,
      baseline,
      target: '<= baseline',
      met: wall.median <= baseline.median,
    });
    row({
      section,
      measure: 'CPU (user+sys)',
      unit: 'CPU-s',
      ours: pick(r.ours!, 'cpu'),
      baselineName,
      baseline: pick(r.scripted!, 'cpu'),
    });
    row({
      section,
      measure: 'peak RSS (largest process)',
      unit: 'MiB',
      ours: pick(r.ours!, 'maxRssKiB', 1 / 1024),
      baselineName,
      baseline: pick(r.scripted!, 'maxRssKiB', 1 / 1024),
    });
    if (r.before) {
      for (const [measure, unit, field, scale] of [
        ['wall', 's', 'wall', 1],
        ['CPU (user+sys)', 'CPU-s', 'cpu', 1],
        ['peak RSS (largest process)', 'MiB', 'maxRssKiB', 1 / 1024],
      ] as const) {
        row({
          section,
          measure,
          unit,
          ours: pick(r.ours!, field, scale),
          baselineName: 'the build before (--before)',
          baseline: pick(r.before, field, scale),
        });
      }
    }
  } finally {
    await stack.close();
  }
}
