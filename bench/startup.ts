/** Suite `startup`: cold start of dist/index.js and the bundle size. */
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { alternate, MIB, summarize, timed } from './lib.js';
import { RUNS, before, entry, log, pick, raw, row } from './context.js';
import { compareBefore } from './upload.js';

export async function startup(workDir: string): Promise<void> {
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
