/** `job-settings` files as users export them from the console: a whole request or just Settings. */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetJobCommand as GetMediaConvertJob } from '@aws-sdk/client-mediaconvert';
import { runPackagedAction } from '../../harness/action-runner.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack, FAST_JOBS } from '../support/use-stack.js';
import { smallMp4OutputGroup } from '../support/stack-helpers.js';
import { stackClients } from '../support/clients.js';

const stack = useStack(FAST_JOBS);
let clients: ReturnType<typeof stackClients>;
let workspace: string;

beforeAll(async () => {
  clients = stackClients(stack);
  workspace = await mkdtemp(path.join(os.tmpdir(), 'job-settings-'));
  await mkdir(path.join(workspace, 'masters'));
  await copyFile('samples/clip.mp4', path.join(workspace, 'masters', 'promo.mp4'));
});

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

test('a whole CreateJob request file: its input template, output groups, metadata and tags are sent with each file', async () => {
  const file = path.join(workspace, 'request.json');
  await writeFile(
    file,
    JSON.stringify({
      Role: 'arn:aws:iam::111122223333:role/ReplacedByTheInput',
      UserMetadata: { project: 'launch' },
      Tags: { team: 'video' },
      Settings: {
        Inputs: [
          {
            AudioSelectors: { 'Audio Selector 1': { DefaultSelection: 'DEFAULT' } },
            TimecodeSource: 'ZEROBASED',
          },
        ],
        OutputGroups: [smallMp4OutputGroup(`s3://${stack.info.bucket}/custom-out/`)],
      },
    }),
  );
  const run = await runPackagedAction({
    workspace,
    env: stack.env(),
    inputs: actionInputs(stack, 'in', {
      files: 'masters/promo.mp4',
      'job-settings': file,
      'user-metadata': 'build=42',
      wait: 'true',
    }),
  });
  expect(run.stdout).not.toContain('::error::');
  expect(run.code).toBe(0);
  const job = (
    await clients.mediaconvert.send(new GetMediaConvertJob({ Id: run.outputs['job-id']! }))
  ).Job!;
  expect(job.Status).toBe('COMPLETE');
  expect(job.Role).toBe(stack.info.roleArn);
  // Besides the run's key, which every job carries (resume finds the job by it).
  expect(job.UserMetadata).toEqual({
    project: 'launch',
    build: '42',
    'mediaconvert-encrypt-run': expect.stringMatching(/^[0-9a-f]{32}$/),
  });
  const input = job.Settings!.Inputs![0]!;
  expect(input.TimecodeSource).toBe('ZEROBASED');
  expect(input.AudioSelectors?.['Audio Selector 1']?.DefaultSelection).toBe('DEFAULT');
  expect(input.FileInput).toBe(`s3://${stack.info.bucket}/in/masters/promo.mp4`);
  expect(input.DecryptionSettings?.DecryptionMode).toBe('AES_CTR');
  const sent = JSON.parse(run.outputs['job-settings']!) as { Tags: Record<string, string> }[];
  expect(sent[0]!.Tags).toEqual({ team: 'video' });
  const listed = await clients.s3.send(
    new ListObjectsV2Command({ Bucket: stack.info.bucket, Prefix: 'custom-out/' }),
  );
  expect((listed.Contents ?? []).map((o) => o.Key)).toEqual(['custom-out/promo-small.mp4']);
});

test('a Settings-only file plus job-template: the template supplies the outputs', async () => {
  const file = path.join(workspace, 'settings.json');
  await writeFile(file, JSON.stringify({ Inputs: [{ TimecodeSource: 'ZEROBASED' }] }));
  const run = await runPackagedAction({
    workspace,
    env: stack.env(),
    inputs: actionInputs(stack, 'in2', {
      files: 'masters/promo.mp4',
      'job-settings': file,
      'job-template': stack.info.jobTemplate,
      wait: 'true',
    }),
  });
  expect(run.code).toBe(0);
  const job = (
    await clients.mediaconvert.send(new GetMediaConvertJob({ Id: run.outputs['job-id']! }))
  ).Job!;
  expect(job.Status).toBe('COMPLETE');
  expect(job.JobTemplate).toBe(stack.info.jobTemplate);
});
