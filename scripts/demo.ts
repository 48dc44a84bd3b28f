/**
 * `npm run demo`: the whole flow offline. Starts the local AWS stack, runs the packaged
 * action (dist/index.js) as the GitHub runner would on the sample clip, waits for the job,
 * and shows what happened and where the transcoded output landed. Nothing is left behind:
 * the stack, the runner's temporary folder and the copies of the outputs go at the end.
 *
 * `--job NAME` runs the public job settings samples/jobs/NAME.json (mp4, hls, vod,
 * thumbnails, cmaf, mp3) instead of the stack's MP4 job template. `--keep` leaves the stack
 * up (and those folders on disk) until Ctrl-C, and says how to point the AWS CLI at it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetJobCommand, MediaConvertClient } from '@aws-sdk/client-mediaconvert';
import { removeRunnerTemps, runPackagedAction } from '../harness/action-runner.js';
import { startStack } from '../local-aws/stack.js';
import { quietNodeVersionWarning } from '../src/aws/node-version-warning.js';
import { parseFlags, UsageError } from '../src/cli/args.js';
import { OUTPUTS } from '../src/inputs/interface.js';
import { keepUntilStopped, type Kept } from './demo-keep.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const JOBS = ['mp4', 'hls', 'vod', 'thumbnails', 'cmaf', 'mp3'];
const USAGE = `Usage: npm run demo [-- --job ${JOBS.join('|')}] [--keep]`;

function readArguments(): { job?: string; keep: boolean } {
  try {
    const parsed = parseFlags(process.argv.slice(2), [
      { name: 'job', placeholder: JOBS.join('|') },
      { name: 'keep', boolean: true },
    ]);
    if (parsed.kind !== 'run') {
      console.log(USAGE);
      process.exit(0);
    }
    const job = parsed.values.get('job');
    if (job !== undefined && (!JOBS.includes(job) || !existsSync(jobFile(job)))) {
      throw new UsageError(
        `--job needs the name of a file in samples/jobs/ (${JOBS.join(', ')}), got ${JSON.stringify(job)}`,
      );
    }
    return { ...(job === undefined ? {} : { job }), keep: parsed.values.get('keep') === 'true' };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
}

function jobFile(name: string): string {
  return path.join(repoRoot, 'samples', 'jobs', `${name}.json`);
}

/** Each output on its own line; a JSON one indented, so that job-settings can be read. */
function printOutputs(outputs: Record<string, string>): void {
  const json = new Set<string>(OUTPUTS.filter((o) => 'json' in o && o.json).map((o) => o.name));
  for (const [name, value] of Object.entries(outputs)) {
    if (!json.has(name) || value === '') {
      console.log(`  ${name} = ${value}`);
      continue;
    }
    const lines = JSON.stringify(JSON.parse(value), null, 2).split('\n');
    console.log(`  ${name} = ${lines[0]}`);
    for (const line of lines.slice(1)) console.log(`    ${line}`);
  }
}

const args = readArguments();
quietNodeVersionWarning();
const stack = await startStack();
let exitCode = 1;
const kept: Kept = { folders: [] };
try {
  const { info } = stack;
  console.log(
    `Local AWS stack: S3 ${info.endpoints.s3}, KMS ${info.endpoints.kms}, MediaConvert ${info.endpoints.mediaconvert}`,
  );
  console.log(`KMS key ${info.kmsKeyArn}, MediaConvert role ${info.roleArn}\n`);

  const inputs = {
    files: 'samples/*.mp4',
    'kms-key-arn': info.kmsAliasArn,
    destination: `s3://${info.bucket}/encrypted/`,
    'role-arn': info.roleArn,
    ...(args.job
      ? { 'job-settings': path.relative(repoRoot, jobFile(args.job)) }
      : { 'job-template': info.jobTemplate }),
    mode: 'AES_CTR',
    wait: 'true',
    'wait-timeout': '120',
  };
  console.log('Running dist/index.js with:');
  for (const [name, value] of Object.entries(inputs)) console.log(`  ${name}: ${value}`);
  console.log('\n--- action log ---');
  const run = await runPackagedAction({
    inputs,
    env: stack.env(),
    workspace: repoRoot,
    // What the runner shows: its ::debug:: lines only appear when step debugging is on.
    echo: (chunk) =>
      process.stdout.write(
        chunk
          .split('\n')
          .filter((l) => !l.startsWith('::debug::'))
          .join('\n'),
      ),
  });
  kept.folders.push({
    path: run.runnerTemp,
    holds: "the runner's temporary folder: the manifest, GITHUB_OUTPUT, the step summary",
  });
  console.log('--- end of action log ---\n');
  console.log(`exit code: ${run.code}`);
  console.log('step outputs:');
  printOutputs(run.outputs);

  const credentials = info.credentials;
  const mediaconvert = new MediaConvertClient({
    region: info.region,
    endpoint: info.endpoints.mediaconvert,
    credentials,
  });
  const jobIds = JSON.parse(run.outputs['job-ids'] || '[]') as string[];
  const uploaded = JSON.parse(run.outputs['s3-uris'] || '[]') as string[];
  if (jobIds[0]) kept.jobId = jobIds[0];
  if (uploaded[0]) kept.objectKey = uploaded[0].replace(/^s3:\/\/[^/]+\//, '');
  for (const id of jobIds) {
    const job = (await mediaconvert.send(new GetJobCommand({ Id: id }))).Job;
    console.log(
      `\njob ${id}: ${job?.Status}${job?.ErrorMessage ? ` (${job.ErrorCode}: ${job.ErrorMessage})` : ''}`,
    );
  }

  const s3 = new S3Client({
    region: info.region,
    endpoint: info.endpoints.s3,
    forcePathStyle: true,
    credentials,
  });
  const listed = await s3.send(
    new ListObjectsV2Command({ Bucket: info.bucket, Prefix: 'outputs/' }),
  );
  const outputs = listed.Contents ?? [];
  console.log(`\ntranscoded output in ${info.outputPrefix}:`);
  const localCopies = await mkdtemp(path.join(os.tmpdir(), 'demo-output-'));
  kept.folders.push({ path: localCopies, holds: 'a copy of each transcoded output' });
  for (const object of outputs) {
    const body = await (
      await s3.send(new GetObjectCommand({ Bucket: info.bucket, Key: object.Key! }))
    ).Body!.transformToByteArray();
    const local = path.join(localCopies, object.Key!);
    await mkdir(path.dirname(local), { recursive: true });
    await writeFile(local, body);
    if (/\.(m3u8|mpd)$/.test(local)) {
      console.log(`  s3://${info.bucket}/${object.Key} (${object.Size} bytes, manifest)`);
      continue;
    }
    const probe = spawnSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-show_entries',
        'stream=codec_type,codec_name,width,height',
        '-of',
        'csv=p=0',
        local,
      ],
      { encoding: 'utf8' },
    );
    const streams =
      probe.status === 0
        ? probe.stdout.trim().split('\n').join('; ')
        : 'not probed alone (a segment needs its init segment)';
    console.log(`  s3://${info.bucket}/${object.Key} (${object.Size} bytes) [${streams}]`);
  }
  const ok = run.code === 0 && outputs.length > 0;
  console.log(
    ok
      ? '\nDemo finished: the clip was encrypted, uploaded, decrypted and transcoded by the local MediaConvert.'
      : '\nDemo FAILED: see the log above.',
  );
  exitCode = ok ? 0 : 1;
  if (args.keep) {
    const signal = await keepUntilStopped(stack, kept);
    console.log(`\n${signal}: stopping the local AWS stack`);
  } else {
    console.log(
      "The stack, the runner's temporary folder and the output copies are removed now; `npm run demo -- --keep` keeps them to look around.",
    );
  }
} finally {
  await stack.close();
  removeRunnerTemps();
  for (const folder of kept.folders) await rm(folder.path, { recursive: true, force: true });
}
process.exit(exitCode);
