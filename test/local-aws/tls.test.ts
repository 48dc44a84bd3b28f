/**
 * The local stack with TLS (`startStack({ tls: true })`, `npm run local-aws -- --tls`): every
 * service over https with a certificate from a CA made at start. The JavaScript SDK (trusting
 * that CA) and the AWS CLI (`--ca-bundle`) use S3 multipart uploads, KMS and MediaConvert
 * through the https endpoints; MediaConvert's job reads its encrypted input from S3 and its
 * data key from KMS over https; a client that does not trust the CA is refused.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Agent } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateJobCommand, MediaConvertClient } from '@aws-sdk/client-mediaconvert';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { startAwsCli, type AwsCli, type CliResult } from '../support/aws-cli.js';
import { mp4JobSettings } from '../support/mediaconvert-fixtures.js';
import { encrypt } from '../support/oracle.js';
import { FAST_JOBS, useStack } from '../support/use-stack.js';

const MIB = 1024 * 1024;
const CONTEXT = { service: 'mediaconvert.amazonaws.com' };
const CLIP = path.resolve('samples/clip.mp4');

const stack = useStack({ ...FAST_JOBS, tls: true });
let cli: AwsCli;
let dir: string;

beforeAll(async () => {
  cli = startAwsCli();
  dir = await mkdtemp(path.join(os.tmpdir(), 'local-aws-tls-test-'));
}, 30_000);

afterAll(async () => {
  await cli?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** SDK clients on the https endpoints, trusting the stack's CA (or the system's only). */
async function clients(trust: 'stack CA' | 'system CAs') {
  const { info } = stack;
  const ca = trust === 'stack CA' ? await readFile(info.caBundle!, 'utf8') : undefined;
  const common = {
    region: info.region,
    credentials: info.credentials,
    maxAttempts: 1,
    ...(ca ? { requestHandler: { httpsAgent: new Agent({ ca, keepAlive: true }) } } : {}),
  };
  return {
    s3: new S3Client({ ...common, endpoint: info.httpsEndpoints!.s3, forcePathStyle: true }),
    kms: new KMSClient({ ...common, endpoint: info.httpsEndpoints!.kms }),
    mediaconvert: new MediaConvertClient({
      ...common,
      endpoint: info.httpsEndpoints!.mediaconvert,
    }),
  };
}

test('the info names https endpoints and the CA; http is still served; the CA is required', async () => {
  const { info } = stack;
  for (const url of Object.values(info.httpsEndpoints!)) {
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  }
  expect(await readFile(info.caBundle!, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
  expect(stack.env()).toMatchObject({
    AWS_ENDPOINT_URL_S3: info.httpsEndpoints!.s3,
    NODE_EXTRA_CA_CERTS: info.caBundle,
    AWS_CA_BUNDLE: info.caBundle,
  });
  expect(stack.env('http')).toMatchObject({ AWS_ENDPOINT_URL_S3: info.endpoints.s3 });
  expect(stack.env('http')).not.toHaveProperty('AWS_CA_BUNDLE');

  const trusted = await clients('stack CA');
  const untrusted = await clients('system CAs');
  const overHttp = new S3Client({
    region: info.region,
    credentials: info.credentials,
    endpoint: info.endpoints.s3,
    forcePathStyle: true,
  });
  try {
    await trusted.s3.send(new HeadBucketCommand({ Bucket: info.bucket }));
    await overHttp.send(new HeadBucketCommand({ Bucket: info.bucket }));
    await expect(untrusted.s3.send(new HeadBucketCommand({ Bucket: info.bucket }))).rejects.toThrow(
      /certificate/,
    );
  } finally {
    for (const client of [...Object.values(trusted), ...Object.values(untrusted), overHttp]) {
      client.destroy();
    }
  }
});

test('SDK over https: GenerateDataKey, a multipart upload, and a job that decrypts it', async () => {
  const { info } = stack;
  const { s3, kms, mediaconvert } = await clients('stack CA');
  try {
    const key = await kms.send(
      new GenerateDataKeyCommand({
        KeyId: info.kmsKeyArn,
        KeySpec: 'AES_256',
        EncryptionContext: CONTEXT,
      }),
    );
    // A multipart upload in two parts (5 MiB, S3's least for all but the last, and 1 MiB).
    const big = randomBytes(6 * MIB);
    const bigKey = 'tls/six.bin';
    const created = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: info.bucket, Key: bigKey }),
    );
    const parts = [];
    for (const [i, body] of [big.subarray(0, 5 * MIB), big.subarray(5 * MIB)].entries()) {
      const part = await s3.send(
        new UploadPartCommand({
          Bucket: info.bucket,
          Key: bigKey,
          UploadId: created.UploadId,
          PartNumber: i + 1,
          Body: body,
        }),
      );
      parts.push({ PartNumber: i + 1, ETag: part.ETag! });
    }
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: info.bucket,
        Key: bigKey,
        UploadId: created.UploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
    const stored = await s3.send(new GetObjectCommand({ Bucket: info.bucket, Key: bigKey }));
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(big)).toBe(true);

    // The job's input: the sample clip encrypted with the data key.
    const iv = randomBytes(16);
    const objectKey = 'tls/clip.mp4';
    await s3.send(
      new PutObjectCommand({
        Bucket: info.bucket,
        Key: objectKey,
        Body: encrypt('AES_CTR', key.Plaintext!, iv, await readFile(CLIP)),
      }),
    );
    const { Job } = await mediaconvert.send(
      new CreateJobCommand({
        Role: info.roleArn,
        Settings: mp4JobSettings(`s3://${info.bucket}/${objectKey}`, {
          DecryptionMode: 'AES_CTR',
          EncryptedDecryptionKey: Buffer.from(key.CiphertextBlob!).toString('base64'),
          InitializationVector: iv.toString('base64'),
        }),
      }),
    );
    const done = (await stack.mediaconvert.waitForJob(Job!.Id!, 60_000)) as {
      status: string;
      errorMessage?: string;
      outputGroupDetails: { outputDetails: { outputFilePaths: string[] }[] }[];
    };
    expect([done.status, done.errorMessage]).toEqual(['COMPLETE', undefined]);
    // The job asked KMS as its role, through the https front of the KMS router.
    expect(stack.kms.requests).toContainEqual(
      expect.objectContaining({ target: 'TrentService.Decrypt', principal: info.roleArn }),
    );
    const output = done.outputGroupDetails[0]!.outputDetails[0]!.outputFilePaths[0]!;
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(output)!;
    const got = await s3.send(new GetObjectCommand({ Bucket: match[1], Key: match[2] }));
    const bytes = Buffer.from(await got.Body!.transformToByteArray());
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
  } finally {
    for (const client of [s3, kms, mediaconvert]) client.destroy();
  }
}, 90_000);

test('AWS CLI with --ca-bundle: s3 cp in parts, kms and mediaconvert; refused without it', async () => {
  const { info } = stack;
  const https = info.httpsEndpoints!;
  // Only what the arguments say: no AWS_CA_BUNDLE in the environment.
  const env = { HOME: dir, AWS_DEFAULT_REGION: info.region, AWS_DEFAULT_OUTPUT: 'json' };
  const aws = (args: string[], endpoint: string): Promise<CliResult> =>
    cli.run([...args, '--endpoint-url', endpoint, '--ca-bundle', info.caBundle!], env);
  const ok = (result: CliResult): string => {
    expect([result.code, result.stderr]).toEqual([0, '']);
    return result.stdout;
  };

  // 9 MiB: above the CLI's 8 MiB multipart threshold, so two parts.
  const file = path.join(dir, 'nine.bin');
  const bytes = randomBytes(9 * MIB);
  await writeFile(file, bytes);
  ok(
    await aws(
      ['s3', 'cp', file, `s3://${info.bucket}/tls-cli/nine.bin`, '--only-show-errors'],
      https.s3,
    ),
  );
  const back = path.join(dir, 'back.bin');
  ok(
    await aws(
      ['s3', 'cp', `s3://${info.bucket}/tls-cli/nine.bin`, back, '--only-show-errors'],
      https.s3,
    ),
  );
  expect((await readFile(back)).equals(bytes)).toBe(true);

  const dataKey = JSON.parse(
    ok(
      await aws(
        ['kms', 'generate-data-key', '--key-id', info.kmsAliasArn, '--key-spec', 'AES_256'],
        https.kms,
      ),
    ),
  ) as { KeyId: string };
  expect(dataKey.KeyId).toBe(info.kmsKeyArn);

  ok(
    await aws(
      ['s3', 'cp', CLIP, `s3://${info.bucket}/tls-cli/clip.mp4`, '--only-show-errors'],
      https.s3,
    ),
  );
  const created = JSON.parse(
    ok(
      await aws(
        [
          'mediaconvert',
          'create-job',
          '--role',
          info.roleArn,
          '--job-template',
          info.jobTemplate,
          '--settings',
          JSON.stringify({ Inputs: [{ FileInput: `s3://${info.bucket}/tls-cli/clip.mp4` }] }),
        ],
        https.mediaconvert,
      ),
    ),
  ) as { Job: { Id: string } };
  const done = (await stack.mediaconvert.waitForJob(created.Job.Id, 60_000)) as { status: string };
  expect(done.status).toBe('COMPLETE');

  const refused = await cli.run(
    ['s3api', 'head-bucket', '--bucket', info.bucket, '--endpoint-url', https.s3],
    env,
  );
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toMatch(/CERTIFICATE_VERIFY_FAILED/);
}, 90_000);
