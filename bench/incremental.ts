/**
 * The incremental suite: a nightly batch of 1,000 files of 64 KiB run twice with
 * `if-exists: skip`, nothing changed in between. The first run hashes, asks HeadObject (404),
 * makes a data key, encrypts and uploads every file; the re-run hashes and asks HeadObject
 * only. A first run with the default `overwrite` (no HeadObject, no hash before the pass) is
 * the third side. `create-job: false` keeps MediaConvert out of the figures.
 *
 *   npm run bench -- --only incremental [--runs 3]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  alternate,
  randomFile,
  summarize,
  timedAction,
  type BenchStack,
  type Summary,
  type Usage,
} from './lib.js';

export const INCREMENTAL_FILES = 1000;
const FILE_BYTES = 64 * 1024;

export interface IncrementalFigures {
  overwriteFirst: Summary;
  skipFirst: Summary;
  skipRerun: Summary;
  raw: Record<string, (Usage & { skipped: number })[]>;
}

export async function incremental(
  stack: BenchStack,
  workDir: string,
  workspace: string,
  options: { runs: number; entry: string; log: (line: string) => void },
): Promise<IncrementalFigures> {
  const { log } = options;
  log(
    `\n[incremental] ${INCREMENTAL_FILES} files of 64 KiB, if-exists: skip, first run and re-run`,
  );
  const dir = path.join(workspace, 'nightly');
  await mkdir(dir, { recursive: true });
  const seed = path.join(workDir, 'incremental-seed.bin');
  await randomFile(seed, INCREMENTAL_FILES * FILE_BYTES);
  const seedBytes = await readFile(seed);
  for (let i = 0; i < INCREMENTAL_FILES; i++) {
    const file = path.join(dir, `master-${String(i).padStart(4, '0')}.mov`);
    await writeFile(file, seedBytes.subarray(i * FILE_BYTES, (i + 1) * FILE_BYTES));
  }
  const { info } = stack;
  const run = async (prefix: string, ifExists: string) => {
    const usage = await timedAction({
      entry: options.entry,
      inputs: {
        files: 'nightly/*.mov',
        'kms-key-arn': info.kmsKeyArn,
        destination: `s3://${info.bucket}/${prefix}`,
        'create-job': 'false',
        'if-exists': ifExists,
        concurrency: '8',
      },
      env: stack.env,
      workspace,
    });
    const skippedList = /skipped-files<<(\S+)\n([\s\S]*?)\n\1/.exec(usage.outputs)?.[2];
    const uris = /s3-uris<<(\S+)\n([\s\S]*?)\n\1/.exec(usage.outputs)?.[2];
    const listed = uris ? (JSON.parse(uris) as string[]).length : 0;
    if (listed !== INCREMENTAL_FILES) {
      throw new Error(`the action reported ${listed} objects, not ${INCREMENTAL_FILES}`);
    }
    return { ...usage, skipped: skippedList ? (JSON.parse(skippedList) as string[]).length : 0 };
  };
  type Measured = Usage & { skipped: number };
  type Side = Measured | { first: Measured; rerun: Measured };
  let round = 0;
  const r = await alternate<Side>(
    options.runs,
    {
      // The skip pair runs in a fixed order (the re-run needs the first run's objects).
      skipPair: async () => {
        const prefix = `incremental-${round++}/`;
        const first = await run(prefix, 'skip');
        const rerun = await run(prefix, 'skip');
        if (first.skipped !== 0 || rerun.skipped !== INCREMENTAL_FILES) {
          throw new Error(
            `expected 0 then ${INCREMENTAL_FILES} skipped files, got ${first.skipped} and ${rerun.skipped}`,
          );
        }
        return { first, rerun };
      },
      overwriteFirst: async () => run(`incremental-overwrite-${round}/`, 'overwrite'),
    },
    (_side, n, u) => {
      const line = (name: string, x: Measured) =>
        `  round ${n + 1} ${name.padEnd(15)} ${x.wall.toFixed(2)} s wall, ${x.cpu.toFixed(2)} CPU-s, ${x.skipped} skipped`;
      if ('first' in u) {
        log(line('skip, first run', u.first));
        log(line('skip, re-run', u.rerun));
      } else log(line('overwrite', u));
    },
  );
  const pairs = r.skipPair! as { first: Measured; rerun: Measured }[];
  const overwrite = r.overwriteFirst! as Measured[];
  return {
    overwriteFirst: summarize(overwrite.map((u) => u.wall)),
    skipFirst: summarize(pairs.map((p) => p.first.wall)),
    skipRerun: summarize(pairs.map((p) => p.rerun.wall)),
    raw: {
      overwriteFirst: overwrite,
      skipFirst: pairs.map((p) => p.first),
      skipRerun: pairs.map((p) => p.rerun),
    },
  };
}
