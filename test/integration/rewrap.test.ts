/**
 * `rewrap` through the packaged CLI and the packaged action, against the local stack: 20
 * uploaded clips move to the stack's second KMS key without their ciphertext moving, a
 * MediaConvert job created afterwards decrypts them with the first key disabled, and running
 * it again changes nothing. The stack's copy limit sits between the CTR objects (the clip's
 * size, copied by CopyObject) and the GCM ones (16 bytes more, copied part by part).
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { CreateJobCommand, GetJobCommand } from '@aws-sdk/client-mediaconvert';
import { HeadObjectCommand, type HeadObjectCommandOutput } from '@aws-sdk/client-s3';
import { outputsOf, runCli } from '../support/cli-process.js';
import { createSources, type Sources } from '../support/sources.js';
import { stackClients } from '../support/clients.js';
import { FAST_JOBS, useStack } from '../support/use-stack.js';

const CLIPS = 10;
const stack = useStack({
  ...FAST_JOBS,
  s3CopySourceLimit: statSync('samples/clip.mp4').size + 8,
});
let clients: ReturnType<typeof stackClients>;
let sources: Sources;
let manifests: { ctr: string; gcm: string };

interface Result {
  s3Uri: string;
  status: string;
  message: string;
}
interface Decryption {
  DecryptionMode: 'AES_CTR' | 'AES_GCM';
  EncryptedDecryptionKey: string;
  InitializationVector: string;
}

beforeAll(async () => {
  clients = stackClients(stack);
  sources = await createSources('rewrap-ws-', stack);
  for (let i = 0; i < CLIPS; i++) await sources.copy(`clips/${i}.mp4`, 'samples/clip.mp4');
  manifests = { ctr: `${sources.workspace}/ctr.json`, gcm: `${sources.workspace}/gcm.json` };
  for (const mode of ['ctr', 'gcm'] as const) {
    const run = await runCli(
      [
        ...['--files', 'clips/*.mp4', '--kms-key-arn', stack.info.kmsKeyArn],
        ...['--destination', `s3://${stack.info.bucket}/rewrap/${mode}/`, '--mode', mode],
        ...['--create-job', 'false', '--manifest', manifests[mode]],
      ],
      stack.env(),
      { cwd: sources.workspace },
    );
    if (run.code !== 0) throw new Error(`encrypting the ${mode} clips failed: ${run.stderr}`);
  }
});

afterAll(async () => {
  clients?.s3.destroy();
  clients?.kms.destroy();
  clients?.mediaconvert.destroy();
  await sources?.remove();
});

const PREFIX = (): string => `s3://${stack.info.bucket}/rewrap/`;

async function heads(): Promise<Map<string, HeadObjectCommandOutput>> {
  const found = new Map<string, HeadObjectCommandOutput>();
  for (const mode of ['ctr', 'gcm']) {
    for (let i = 0; i < CLIPS; i++) {
      const Key = `rewrap/${mode}/clips/${i}.mp4`;
      found.set(
        Key,
        await clients.s3.send(new HeadObjectCommand({ Bucket: stack.info.bucket, Key })),
      );
    }
  }
  return found;
}

test('rewrap moves 20 objects to the second key in place, and a job made afterwards decrypts them', async () => {
  const before = await heads();
  const target = stack.info.secondKmsKeyArn;

  const dryRun = await runCli(
    ['rewrap', '--objects', PREFIX(), '--to-kms-key-arn', target, '--dry-run'],
    stack.env(),
  );
  expect(dryRun.code).toBe(0);
  const planned = outputsOf(dryRun)['object-results'] as Result[];
  expect(planned.map((r) => r.status)).toEqual(Array(2 * CLIPS).fill('would-rewrap'));
  expect(planned[0]!.message).toContain(`from ${stack.info.kmsKeyArn} to ${target}`);
  expect(await heads()).toEqual(before);

  const run = await runCli(
    ['rewrap', '--objects', PREFIX(), '--to-kms-key-arn', target],
    stack.env(),
  );
  expect(run.stderr).not.toMatch(/^(warning|error):/m);
  expect(run.code).toBe(0);
  const results = outputsOf(run)['object-results'] as Result[];
  expect(results.map((r) => r.status)).toEqual(Array(2 * CLIPS).fill('rewrapped'));
  const settings = outputsOf(run)['decryption-settings'] as Decryption[];
  for (const r of results) {
    expect(r.message).toMatch(
      r.s3Uri.includes('/gcm/') ? /by a multipart copy of 1 part\(s\)/ : /by CopyObject/,
    );
  }

  const after = await heads();
  for (const [key, old] of before) {
    const now = after.get(key)!;
    const wanted = settings[results.findIndex((r) => r.s3Uri.endsWith(key))]!;
    // Same bytes, same content type and metadata but for the encrypted data key.
    expect([key, now.ContentLength, now.ContentType]).toEqual([
      key,
      old.ContentLength,
      old.ContentType,
    ]);
    expect(now.Metadata).toEqual({
      ...old.Metadata,
      'mediaconvert-encrypted-decryption-key': wanted.EncryptedDecryptionKey,
    });
    expect(wanted.EncryptedDecryptionKey).not.toBe(
      old.Metadata!['mediaconvert-encrypted-decryption-key'],
    );
  }

  // The first key is gone for good: only the second can open the data keys now.
  stack.kms.setEnabled(stack.info.kmsKeyArn, false);
  const job = await clients.mediaconvert.send(
    new CreateJobCommand({
      Role: stack.info.roleArn,
      JobTemplate: stack.info.jobTemplate,
      Settings: {
        Inputs: results.map((r, i) => ({ FileInput: r.s3Uri, DecryptionSettings: settings[i] })),
      },
    }),
  );
  let status = job.Job?.Status;
  for (let polls = 0; status !== 'COMPLETE' && status !== 'ERROR' && polls < 600; polls++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = (await clients.mediaconvert.send(new GetJobCommand({ Id: job.Job!.Id! }))).Job?.Status;
  }
  expect(status).toBe('COMPLETE');

  // verify decrypts through the second key too (the first is disabled).
  const verified = await runCli(['verify', '--objects', PREFIX()], stack.env());
  const verifiedResults = outputsOf(verified)['object-results'] as Result[];
  // Objects sent in one PutObject carry their plaintext SHA-256: each decrypts and matches.
  expect(new Set(verifiedResults.map((r) => r.status))).toEqual(new Set(['ok']));
});

test('a second run changes nothing; with a manifest it brings the manifest up to date', async () => {
  const target = stack.info.secondKmsKeyArn;
  const before = await heads();
  const again = await runCli(
    ['rewrap', '--objects', PREFIX(), '--to-kms-key-arn', target],
    stack.env(),
  );
  expect(again.code).toBe(0);
  const results = outputsOf(again)['object-results'] as Result[];
  expect(results.map((r) => r.status)).toEqual(Array(2 * CLIPS).fill('unchanged'));
  expect(results[0]!.message).toBe(`its data key is under ${target} already`);
  expect(await heads()).toEqual(before);

  // The manifest of the CTR run still names the first key's data keys: the packaged action,
  // given it, leaves the objects alone and writes their keys into the manifest.
  const stale = await readFile(manifests.ctr, 'utf8');
  const action = await sources.run({
    inputs: { command: 'rewrap', manifest: manifests.ctr, 'to-kms-key-arn': target },
    env: stack.env(),
  });
  expect(action.stdout).not.toContain('::error::');
  expect(action.code).toBe(0);
  const statuses = (JSON.parse(action.outputs['object-results']!) as Result[]).map((r) => r.status);
  expect(statuses).toEqual(Array(CLIPS).fill('unchanged'));
  expect(action.stdout).toContain(`manifest ${manifests.ctr}: ${CLIPS} entries updated`);
  const manifest = JSON.parse(await readFile(manifests.ctr, 'utf8')) as {
    files: { s3Uri: string; decryption: Decryption }[];
  };
  const now = await heads();
  for (const file of manifest.files) {
    const key = file.s3Uri.replace(/^s3:\/\/[^/]+\//, '');
    expect(file.decryption.EncryptedDecryptionKey).toBe(
      now.get(key)!.Metadata!['mediaconvert-encrypted-decryption-key'],
    );
  }
  expect(JSON.parse(stale)).not.toEqual(manifest);
  expect(action.summary).toContain('MediaConvert encrypt: rewrap');
  // Now that the manifest names the objects' keys, verify by it passes.
  const verified = await runCli(['verify', '--manifest', manifests.ctr], stack.env());
  expect(verified.code).toBe(0);
});

test('rewrap refuses a key of another region and needs to-kms-key-arn', async () => {
  const other = await runCli(
    ['rewrap', '--objects', PREFIX(), '--to-kms-key-arn', stack.info.otherRegionKmsKeyArn],
    stack.env(),
  );
  expect(other.code).toBe(1);
  const results = outputsOf(other)['object-results'] as Result[];
  expect(results[0]!.status).toBe('failed');
  expect(results[0]!.message).toMatch(/KMS ReEncrypt works within one region/);
  const none = await runCli(['rewrap', '--objects', PREFIX()], stack.env());
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('Input `to-kms-key-arn`: is required');
});
