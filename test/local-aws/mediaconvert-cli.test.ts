/**
 * The AWS CLI v2 (botocore, an independent REST-JSON implementation) against the emulator:
 * create-job with PascalCase settings from a file, get-job, list-jobs and a refused request.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  encrypt,
  generateDataKey,
  makeClip,
  mp4JobSettings,
  putObject,
  REGION,
  ROLE_ARN,
  startTestStack,
  type TestStack,
} from '../support/mediaconvert-fixtures.js';
import { startAwsCli, type AwsCli, type CliResult } from '../support/aws-cli.js';

let stack: TestStack;
let cli: AwsCli;

beforeAll(async () => {
  stack = await startTestStack();
  cli = startAwsCli();
}, 30_000);

afterAll(async () => {
  await cli?.close();
  await stack.close();
});

/** `aws mediaconvert ...` against the emulator, which answers from this same process. */
function aws(args: string[]): Promise<CliResult> {
  const common = ['--endpoint-url', stack.emulator.url, '--region', REGION, '--output', 'json'];
  return cli.run(['mediaconvert', ...args, ...common], { HOME: stack.dir });
}

interface CliJob {
  Job: { Id: string; Status: string; Role: string; Settings: { Inputs: { FileInput: string }[] } };
}

it('creates a job from a settings file and reads it back until COMPLETE', async () => {
  const clip = await makeClip(stack.dir);
  const key = await generateDataKey(stack);
  const iv = randomBytes(12);
  const fileInput = await putObject(
    stack,
    'cli/clip.mp4',
    encrypt('AES_GCM', key.plaintext, iv, clip),
  );
  const settingsFile = join(stack.dir, 'settings.json');
  const decryption = {
    DecryptionMode: 'AES_GCM',
    EncryptedDecryptionKey: key.encrypted,
    InitializationVector: iv.toString('base64'),
  };
  await writeFile(settingsFile, JSON.stringify(mp4JobSettings(fileInput, decryption)));

  const created = await aws([
    'create-job',
    '--role',
    ROLE_ARN,
    '--settings',
    `file://${settingsFile}`,
  ]);
  expect(created.stderr).toBe('');
  expect(created.code).toBe(0);
  const { Job: job } = JSON.parse(created.stdout) as CliJob;
  expect(job.Status).toBe('SUBMITTED');
  expect(job.Settings.Inputs[0]?.FileInput).toBe(fileInput);

  await stack.emulator.waitForJob(job.Id, 30_000);
  const got = await aws(['get-job', '--id', job.Id]);
  expect(got.code).toBe(0);
  expect((JSON.parse(got.stdout) as CliJob).Job).toMatchObject({
    Id: job.Id,
    Status: 'COMPLETE',
    Role: ROLE_ARN,
  });

  const listed = await aws(['list-jobs', '--status', 'COMPLETE']);
  expect((JSON.parse(listed.stdout) as { Jobs: { Id: string }[] }).Jobs.map((j) => j.Id)).toContain(
    job.Id,
  );
}, 60_000);

it('shows the service error for a refused request', async () => {
  const settingsFile = join(stack.dir, 'bad.json');
  const bad = mp4JobSettings('s3://media/cli/clip.mp4', {
    DecryptionMode: 'AES_CBC',
    EncryptedDecryptionKey: Buffer.alloc(32, 1).toString('base64'),
    InitializationVector: randomBytes(12).toString('base64'),
  });
  await writeFile(settingsFile, JSON.stringify(bad));
  const result = await aws([
    'create-job',
    '--role',
    ROLE_ARN,
    '--settings',
    `file://${settingsFile}`,
  ]);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain('(BadRequestException) when calling the CreateJob operation');
  expect(result.stderr).toContain('not valid with AES_CBC');
}, 30_000);
