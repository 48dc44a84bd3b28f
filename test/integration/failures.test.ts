/**
 * Runs that must end the way the real service would end them: a role without kms:Decrypt,
 * a data key bound to another encryption context, a tampered GCM object, a wrong IV. (Bad
 * inputs, which must fail before any request reaches the stack: bad-inputs.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import {
  CreateJobCommand,
  GetJobCommand,
  type InputDecryptionSettings,
  type Job,
} from '@aws-sdk/client-mediaconvert';
import { runPackagedAction } from '../../harness/action-runner.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack, FAST_JOBS } from '../support/use-stack.js';
import { getObject } from '../support/stack-helpers.js';
import { stackClients } from '../support/clients.js';

const stack = useStack(FAST_JOBS);
let clients: ReturnType<typeof stackClients>;
let workspace: string;
let sample: Buffer;

beforeAll(async () => {
  clients = stackClients(stack);
  workspace = await mkdtemp(path.join(os.tmpdir(), 'workspace-'));
  await mkdir(path.join(workspace, 'masters'));
  for (const name of ['a', 'b', 'c']) {
    await copyFile('samples/clip.mp4', path.join(workspace, 'masters', `${name}.mp4`));
  }
  sample = await readFile('samples/clip.mp4');
});

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

function baseInputs(prefix: string): Record<string, string> {
  return actionInputs(stack, prefix, {
    files: 'masters/a.mp4',
  });
}

async function createJobAndWait(s3Uri: string, decryption: InputDecryptionSettings): Promise<Job> {
  const created = await clients.mediaconvert.send(
    new CreateJobCommand({
      Role: stack.info.roleArn,
      JobTemplate: stack.info.jobTemplate,
      Settings: { Inputs: [{ FileInput: s3Uri, DecryptionSettings: decryption }] },
    }),
  );
  await stack.mediaconvert.waitForJob(created.Job!.Id!, 60_000);
  return (await clients.mediaconvert.send(new GetJobCommand({ Id: created.Job!.Id! }))).Job!;
}

async function encryptOnly(
  prefix: string,
  mode: string,
): Promise<{ s3Uri: string; decryption: InputDecryptionSettings }> {
  const run = await runPackagedAction({
    workspace,
    env: stack.env(),
    inputs: { ...baseInputs(prefix), mode, 'create-job': 'false' },
  });
  expect(run.code).toBe(0);
  expect(run.outputs['job-ids']).toBe('[]');
  return {
    s3Uri: (JSON.parse(run.outputs['s3-uris']!) as string[])[0]!,
    decryption: (JSON.parse(run.outputs['decryption-settings']!) as InputDecryptionSettings[])[0]!,
  };
}

test('a MediaConvert role without kms:Decrypt: the job ends in ERROR and the step fails with its code and message', async () => {
  const run = await runPackagedAction({
    workspace,
    env: stack.env(),
    inputs: {
      ...baseInputs('no-decrypt'),
      'role-arn': stack.info.roleWithoutDecryptArn,
      wait: 'true',
    },
  });
  expect(run.code).toBe(1);
  const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
  expect(error).toMatch(/ended ERROR \(error \d+\)/);
  expect(error).toContain('AccessDenied');
  const status = JSON.parse(run.outputs['job-status']!) as { status: string; errorCode?: number }[];
  expect(status[0]).toMatchObject({ status: 'ERROR', errorCode: expect.any(Number) });
  expect(JSON.parse(run.outputs['job-ids']!)).toHaveLength(1);
});

test('a data key made under another encryption context cannot be decrypted by the job', async () => {
  const key = await clients.kms.send(
    new GenerateDataKeyCommand({
      KeyId: stack.info.kmsKeyArn,
      KeySpec: 'AES_256',
      EncryptionContext: { service: 'elsewhere' },
    }),
  );
  const iv = randomBytes(16);
  const enc = spawnSync(
    'openssl',
    [
      'enc',
      '-aes-256-ctr',
      '-K',
      Buffer.from(key.Plaintext!).toString('hex'),
      '-iv',
      iv.toString('hex'),
    ],
    {
      input: sample,
    },
  );
  expect(enc.status).toBe(0);
  await clients.s3.send(
    new PutObjectCommand({ Bucket: stack.info.bucket, Key: 'context/a.mp4', Body: enc.stdout }),
  );
  const job = await createJobAndWait(`s3://${stack.info.bucket}/context/a.mp4`, {
    DecryptionMode: 'AES_CTR',
    EncryptedDecryptionKey: Buffer.from(key.CiphertextBlob!).toString('base64'),
    InitializationVector: iv.toString('base64'),
  });
  expect(job.Status).toBe('ERROR');
  expect(job.ErrorMessage).toContain('InvalidCiphertext');
});

test('a tampered AES_GCM object fails its authentication tag in the job', async () => {
  const { s3Uri, decryption } = await encryptOnly('tampered', 'AES_GCM');
  const object = await getObject(clients.s3, s3Uri);
  object.body[1000] = object.body[1000]! ^ 0x01;
  const key = s3Uri.replace(`s3://${stack.info.bucket}/`, '');
  await clients.s3.send(
    new PutObjectCommand({ Bucket: stack.info.bucket, Key: key, Body: object.body }),
  );
  const job = await createJobAndWait(s3Uri, decryption);
  expect(job.Status).toBe('ERROR');
  expect(job.ErrorMessage?.toLowerCase()).toContain('tag');
});

test('the wrong IV yields no media: the job ends in ERROR', async () => {
  const { s3Uri, decryption } = await encryptOnly('wrong-iv', 'AES_CTR');
  const job = await createJobAndWait(s3Uri, {
    ...decryption,
    InitializationVector: randomBytes(16).toString('base64'),
  });
  expect(job.Status).toBe('ERROR');
  expect(job.ErrorMessage).toMatch(/media/i);
});

test('job-layout single puts every file in one job, in file order', async () => {
  const run = await runPackagedAction({
    workspace,
    env: stack.env(),
    inputs: {
      ...baseInputs('single'),
      files: 'masters/*.mp4',
      'job-layout': 'single',
      wait: 'true',
    },
  });
  expect(run.code).toBe(0);
  const ids = JSON.parse(run.outputs['job-ids']!) as string[];
  expect(ids).toHaveLength(1);
  const job = (await clients.mediaconvert.send(new GetJobCommand({ Id: ids[0]! }))).Job!;
  expect(job.Status).toBe('COMPLETE');
  expect(job.Settings?.Inputs?.map((i) => i.FileInput)).toEqual(
    ['a', 'b', 'c'].map((n) => `s3://${stack.info.bucket}/single/masters/${n}.mp4`),
  );
});

test('a KMS key in another region: KmsKeyRegion is set and the job completes; without it the job cannot decrypt', async () => {
  const run = await runPackagedAction({
    workspace,
    env: stack.env(),
    inputs: {
      ...baseInputs('cross-region'),
      'kms-key-arn': stack.info.otherRegionKmsKeyArn,
      wait: 'true',
    },
  });
  expect(run.stdout).not.toContain('::error::');
  expect(run.code).toBe(0);
  const [decryption] = JSON.parse(run.outputs['decryption-settings']!) as InputDecryptionSettings[];
  expect(decryption!.KmsKeyRegion).toBe(stack.info.otherRegion);
  expect(JSON.parse(run.outputs['job-status']!)).toEqual([
    expect.objectContaining({ status: 'COMPLETE' }),
  ]);

  const s3Uri = (JSON.parse(run.outputs['s3-uris']!) as string[])[0]!;
  const withoutRegion = { ...decryption! };
  delete withoutRegion.KmsKeyRegion;
  const job = await createJobAndWait(s3Uri, withoutRegion);
  expect(job.Status).toBe('ERROR');
});
