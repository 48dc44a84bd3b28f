/**
 * The same step run twice in one run attempt (a retry loop around the CLI, a step repeated in
 * a composite action): the second run re-encrypts the object with a fresh data key and
 * overwrites it. Its CreateJob request differs (DecryptionSettings), so its token differs and
 * MediaConvert makes a second job that decrypts the object now in S3, instead of answering
 * with the first job, whose key no longer opens it.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPackagedAction, type ActionRun } from '../../harness/action-runner.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack } from '../support/use-stack.js';
import { getObject } from '../support/stack-helpers.js';
import { stackClients } from '../support/clients.js';

const stack = useStack();
let workspace: string;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'same-step-ws-'));
  await copyFile('samples/clip.mp4', path.join(workspace, 'clip.mp4'));
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

function runStep(): Promise<ActionRun> {
  return runPackagedAction({
    workspace,
    // One run, attempt, job and step: the seed of the request tokens is the same both times.
    env: {
      ...stack.env(),
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'encode',
      GITHUB_ACTION: 'encrypt',
    },
    inputs: actionInputs(stack, 'twice', { files: 'clip.mp4' }),
  });
}

test('two runs of one step make two jobs, and each decrypts what was in S3 at its time', async () => {
  const first = await runStep();
  expect(first.code).toBe(0);
  // The first job reads its input before the second run overwrites it.
  await stack.mediaconvert.waitForJob(first.outputs['job-id']!, 60_000);
  const second = await runStep();
  expect(second.code).toBe(0);
  await stack.mediaconvert.waitForJob(second.outputs['job-id']!, 60_000);

  const [firstRequest] = JSON.parse(first.outputs['job-settings']!) as {
    ClientRequestToken: string;
  }[];
  const [secondRequest] = JSON.parse(second.outputs['job-settings']!) as {
    ClientRequestToken: string;
  }[];
  expect(secondRequest!.ClientRequestToken).not.toBe(firstRequest!.ClientRequestToken);
  expect(second.outputs['job-id']).not.toBe(first.outputs['job-id']);

  // The object in S3 now carries the second run's key, and the second job is the one using it.
  const [s3Uri] = JSON.parse(second.outputs['s3-uris']!) as string[];
  const { metadata } = await getObject(stackClients(stack).s3, s3Uri!);
  const [decryption] = JSON.parse(second.outputs['decryption-settings']!) as {
    EncryptedDecryptionKey: string;
  }[];
  expect(metadata['mediaconvert-encrypted-decryption-key']).toBe(
    decryption!.EncryptedDecryptionKey,
  );
  const jobs = stack.mediaconvert.jobs() as { id: string; status: string }[];
  expect(jobs.filter((j) => j.id === second.outputs['job-id'])).toEqual([
    expect.objectContaining({ status: 'COMPLETE' }),
  ]);
  expect(jobs.filter((j) => j.id === first.outputs['job-id'])).toEqual([
    expect.objectContaining({ status: 'COMPLETE' }),
  ]);
});
