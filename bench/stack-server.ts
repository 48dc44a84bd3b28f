/**
 * The local AWS stack for the benchmark, in its own process so that neither side's CPU
 * figures include the servers: s3rver, the KMS emulator and the MediaConvert emulator.
 *
 * Unlike `npm run local-aws`, MediaConvert jobs are accepted (CreateJob validated and stored)
 * but never processed: the benchmark measures job creation, and a thousand jobs being
 * transcoded in the background would disturb every later measurement.
 *
 * Usage: tsx bench/stack-server.ts INFO_FILE S3_DIRECTORY; runs until SIGTERM.
 */
import { writeFile } from 'node:fs/promises';
import { ACCOUNT_ID, Principals, STACK_CREDENTIALS } from '../local-aws/identity.js';
import { startKms } from '../local-aws/kms/server.js';
import { startMediaConvert } from '../local-aws/mediaconvert/server.js';
import { startS3 } from '../local-aws/s3.js';
import type { BenchStackInfo } from './lib.js';

const [infoFile, s3Directory] = process.argv.slice(2);
if (!infoFile || !s3Directory) throw new Error('usage: stack-server.ts INFO_FILE S3_DIRECTORY');

const region = 'us-east-1';
const bucket = 'media';
const principals = new Principals();
const s3 = await startS3({ buckets: [bucket], directory: s3Directory });
const kms = await startKms({ region, port: 0, principals });
const mediaconvert = await startMediaConvert({
  region,
  port: 0,
  s3Endpoint: s3.url,
  kmsEndpoints: { [region]: kms.url },
  mediaTools: 'none',
  // Jobs stay SUBMITTED for the whole benchmark.
  tickMs: 24 * 3600 * 1000,
});
const key = kms.createKey({ description: 'benchmark data-key wrapping key' });
const roleArn = `arn:aws:iam::${ACCOUNT_ID}:role/MediaConvertBenchRole`;
principals.registerRole(roleArn);
kms.grant(key.arn, roleArn, ['Decrypt']);
const jobTemplate = 'bench-mp4';
mediaconvert.createJobTemplate({
  name: jobTemplate,
  settings: {
    outputGroups: [
      {
        name: 'File Group',
        outputGroupSettings: {
          type: 'FILE_GROUP_SETTINGS',
          fileGroupSettings: { destination: `s3://${bucket}/outputs/` },
        },
        outputs: [
          {
            containerSettings: { container: 'MP4', mp4Settings: {} },
            videoDescription: {
              codecSettings: {
                codec: 'H_264',
                h264Settings: { rateControlMode: 'CBR', bitrate: 500000 },
              },
            },
          },
        ],
      },
    ],
  },
});

const info: BenchStackInfo = {
  region,
  endpoints: { s3: s3.url, kms: kms.url, mediaconvert: mediaconvert.url },
  credentials: { ...STACK_CREDENTIALS },
  kmsKeyArn: key.arn,
  roleArn,
  bucket,
  jobTemplate,
  pid: process.pid,
};
await writeFile(infoFile, JSON.stringify(info));

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await mediaconvert.close();
  await kms.close();
  await s3.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
