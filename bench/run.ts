/**
 * `npm run bench`: the measurements of issue 7, every comparison in one run, sides alternated.
 *
 *   npm run bench [-- --runs 3] [--only encrypt,upload,memory,batch,startup,cost]
 *                    [--entry dist/index.js] [--before OTHER/index.js]
 *   npm run bench -- --render bench/RESULTS.json   (prints a saved run's table again)
 *   npm run bench -- --link wan ...                 (the link suites: bench/link.ts)
 *   npm run bench -- --tls [--link wan ...]         (every side over https to the stack)
 *
 * --before runs a second build of the action as one more side wherever the action runs, so a
 * change can be measured against the code before it in the same run.
 *
 * Needs: the packaged action (npm run bundle), openssl, /usr/bin/aws (AWS CLI v2), GNU time at
 * /usr/bin/time (`apt-get install -y time`), about 14 GiB free under the temp directory
 * (for the 4 GiB memory run; the section is skipped with a note when there is less).
 * Prints one table and writes the same figures to bench/results/latest.json (and .md).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ACTION_ENTRY,
  AWS_CLI,
  benchFile,
  benchWorkDir,
  opensslEncrypt,
  REPO_ROOT,
  startBenchStack,
  type BenchStack,
} from './lib.js';
import { assertFreshDist } from '../harness/runner.js';
import {
  GIB,
  RUNS,
  TLS,
  checkTools,
  entry,
  log,
  notes,
  only,
  options,
  raw,
  row,
  rows,
  versionOf,
} from './context.js';
import { startup } from './startup.js';
import { encryptOnly } from './encrypt.js';
import { encryptAndUpload } from './upload.js';
import { memory } from './memory.js';
import { batch } from './batch.js';
import { markdownOf, type Result } from './report.js';
import { incremental, INCREMENTAL_FILES } from './incremental.js';
import { verifySuite } from './verify.js';
import { costSuite } from './cost.js';

async function main(): Promise<void> {
  checkTools();
  const started = Date.now();
  // Figures of a bundle that is not the working tree's code would be figures of nothing.
  if (entry === ACTION_ENTRY) assertFreshDist();
  const { workDir, workspace } = await benchWorkDir('bench-');
  let stack: BenchStack | undefined;
  try {
    if (only.has('startup')) await startup(workDir);
    const needsBig =
      only.has('encrypt') || only.has('upload') || only.has('memory') || only.has('cost');
    const bigFile = path.join(workspace, 'big.bin');
    const encFile = path.join(workDir, 'big.enc');
    if (needsBig) {
      log(`\npreparing 1 GiB of random bytes in ${workDir}`);
      await benchFile(bigFile, GIB);
    }
    if (only.has('encrypt')) await encryptOnly(bigFile);
    if (only.has('upload') || only.has('memory') || only.has('batch') || only.has('incremental')) {
      stack = await startBenchStack(workDir, { tls: TLS });
      log(`local stack: S3 ${stack.env.AWS_ENDPOINT_URL_S3} (pid ${stack.info.pid})`);
      if (TLS) {
        notes.push(
          'Every side talked to the local stack over https (--tls), to a TLS front in ' +
            'the stack process, which is counted in the server CPU, not the sides.',
        );
      }
    }
    if (only.has('upload')) {
      opensslEncrypt(bigFile, encFile);
      await encryptAndUpload(stack!, workDir, workspace, bigFile, encFile);
      await rm(encFile, { force: true });
    }
    if (only.has('memory')) await memory(stack!, workspace, bigFile);
    if (only.has('batch')) await batch(stack!, workDir, workspace);
    if (only.has('incremental')) {
      const figures = await incremental(stack!, workDir, workspace, { runs: RUNS, entry, log });
      raw.incremental = figures.raw;
      const section = `6 incremental ${INCREMENTAL_FILES} x 64 KiB`;
      row({
        section,
        measure: 'wall, if-exists: skip, first run',
        unit: 's',
        ours: figures.skipFirst,
        baselineName: 'first run, if-exists: overwrite',
        baseline: figures.overwriteFirst,
      });
      row({
        section,
        measure: 'wall, if-exists: skip, re-run, nothing changed',
        unit: 's',
        ours: figures.skipRerun,
        baselineName: 'first run, if-exists: skip',
        baseline: figures.skipFirst,
      });
    }
    if (only.has('verify')) await verifySuite(workDir, workspace);
    if (only.has('cost')) await costSuite(workDir, workspace, bigFile);
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

if (options.link) {
  const { runLinkBench } = await import('./link.js');
  if (options.link !== 'wan' && options.link !== 'loopback') {
    throw new Error('--link must be wan or loopback');
  }
  await runLinkBench({
    link: options.link,
    delayMs: Number(options['delay-ms']),
    connMiBps: Number(options['conn-mibps']),
    sizesMiB: options.sizes.split(',').map(Number),
    runs: RUNS,
    suites: new Set(options['link-suites'].split(',')),
    batchFiles: Number(options['batch-files']),
    tls: TLS,
    ...(options.entry ? { entry: options.entry } : {}),
  });
} else if (options.render) {
  // Prints the table of a saved run (e.g. bench/RESULTS.json) again.
  process.stdout.write(markdownOf(JSON.parse(await readFile(options.render, 'utf8')) as Result));
} else {
  await main();
}
