/**
 * `npm run demo`: the whole flow offline. Starts the local AWS stack, runs the packaged
 * action (dist/index.js) as the GitHub runner would on the sample clip, waits for the job,
 * and shows what happened and where the transcoded output landed.
 *
 * `npm run demo -- --job NAME` runs the public job settings samples/jobs/NAME.json (mp4, hls,
 * vod, thumbnails, cmaf, mp3) instead of the stack's MP4 job template.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetJobCommand, MediaConvertClient } from '@aws-sdk/client-mediaconvert';
import { runPackagedAction } from '../test/support/action-runner.js';
import { startStack } from '../local-aws/stack.js';
import { quietNodeVersionWarning } from '../src/aws/node-version-warning.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jobIndex = process.argv.indexOf('--job');
const jobName = jobIndex >= 0 ? process.argv[jobIndex + 1] : undefined;
const jobFile = jobName === undefined ? undefined : path.join('samples', 'jobs', `${jobName}.json`);
if (jobIndex >= 0 && (!jobName || !existsSync(path.join(repoRoot, jobFile ?? '')))) {
  console.error(
    `--job needs the name of a file in samples/jobs/ (mp4, hls, vod, thumbnails, cmaf, mp3), got ${JSON.stringify(jobName ?? '')}`,
  );
  process.exit(2);
}

quietNodeVersionWarning();
const stack = await startStack();
let exitCode = 1;
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
    ...(jobFile ? { 'job-settings': jobFile } : { 'job-template': info.jobTemplate }),
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
    keepRunnerTemp: true,
    // What the runner shows: its ::debug:: lines only appear when step debugging is on.
    echo: (chunk) =>
      process.stdout.write(
        chunk
          .split('\n')
          .filter((l) => !l.startsWith('::debug::'))
          .join('\n'),
      ),
  });
  console.log('--- end of action log ---\n');
  console.log(`exit code: ${run.code}`);
  console.log('step outputs:');
  for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name} = ${value}`);

  const credentials = info.credentials;
  const mediaconvert = new MediaConvertClient({
    region: info.region,
    endpoint: info.endpoints.mediaconvert,
    credentials,
  });
  for (const id of JSON.parse(run.outputs['job-ids'] ?? '[]') as string[]) {
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
    console.log(
      `  s3://${info.bucket}/${object.Key} (${object.Size} bytes) -> ${local} [${streams}]`,
    );
  }
  const ok = run.code === 0 && outputs.length > 0;
  console.log(
    ok
      ? '\nDemo finished: the clip was encrypted, uploaded, decrypted and transcoded by the local MediaConvert.'
      : '\nDemo FAILED: see the log above.',
  );
  exitCode = ok ? 0 : 1;
} finally {
  await stack.close();
}
process.exit(exitCode);
