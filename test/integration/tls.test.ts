/**
 * The packaged action (dist/index.js, run as the runner runs it) against the local stack over
 * https: the stack's CA reaches it through NODE_EXTRA_CA_CERTS, as a self-hosted runner behind
 * a TLS-inspecting proxy would give it one. A job it waits for to COMPLETE, an upload in
 * parts through the link proxy (TLS passes it as bytes), and a refusal without the CA.
 */
import path from 'node:path';
import { ListMultipartUploadsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLinkProxy } from '../../harness/link-proxy.js';
import { actionInputs } from '../support/action-inputs.js';
import { createSources, s3Uris, type Sources } from '../support/sources.js';
import { uploadsLeft } from '../support/stack-helpers.js';
import { stackClients } from '../support/clients.js';
import { FAST_JOBS, useStack } from '../support/use-stack.js';
import { MIB } from '../../src/shared/units.js';

const SAMPLE = path.resolve('samples/clip.mp4');

const stack = useStack({ ...FAST_JOBS, tls: true });
let sources: Sources;

beforeAll(async () => {
  sources = await createSources('tls-ws-', stack);
  await sources.write('big/six.bin', 6 * MIB + 17);
  await sources.write('big/many.bin', 110 * MIB + 5);
  await sources.write('big/killed.bin', 30 * MIB + 9);
  await sources.copy('media/clip.mp4', SAMPLE);
});

afterAll(async () => {
  await sources?.remove();
});

test('over https with NODE_EXTRA_CA_CERTS: the sample clip, and a job that completes', async () => {
  const env = stack.env();
  expect(env.AWS_ENDPOINT_URL_S3).toMatch(/^https:/);
  expect(env.NODE_EXTRA_CA_CERTS).toBe(stack.info.caBundle);
  const run = await sources.run({
    env,
    inputs: actionInputs(stack, 'tls', { files: 'media/clip.mp4', wait: 'true' }),
  });
  expect(run.stdout).not.toContain('::error::');
  expect(run.code).toBe(0);
  expect(s3Uris(run)).toHaveLength(1);
  await sources.expectObjectsDecryptToSources(run, ['media/clip.mp4']);
  expect(run.outputs['job-status']).toMatch(/COMPLETE/);
  expect(run.outputs['job-status']).not.toMatch(/ERROR|CANCELED/);
});

test('over https through the link proxy: a multipart upload whose object decrypts', async () => {
  const link = await startLinkProxy({
    upstreams: stack.info.httpsEndpoints!,
    link: { delayMs: 5, bytesPerSecond: 32 * MIB },
  });
  try {
    for (const url of Object.values(link.urls)) expect(url).toMatch(/^https:\/\/127\.0\.0\.1:/);
    const run = await sources.upload(link.env(stack.env()), 'tls-link', { files: 'big/six.bin' });
    expect(run.stdout).not.toContain('::error::');
    await sources.expectObjectsDecryptToSources(run, ['big/six.bin']);
    // Everything went through the proxy: the file's bytes and TLS's own on top of them.
    expect(link.stats.bytesUp).toBeGreaterThan(6 * MIB);
  } finally {
    await link.close();
  }
});

test('over https, AES_CTR parts are made again: more in flight than buffers would hold', async () => {
  // 8 MiB/s per connection: each 5 MiB part is on the wire long enough for all to overlap.
  const link = await startLinkProxy({
    upstreams: stack.info.httpsEndpoints!,
    link: { delayMs: 20, bytesPerSecond: 8 * MIB },
  });
  try {
    const env = { ...link.env(stack.env()), RUNNER_DEBUG: '1' };
    const run = await sources.upload(env, 'tls-reread', {
      files: 'big/many.bin',
      'max-memory-mib': '32',
    });
    expect(run.stdout).not.toContain('::error::');
    await sources.expectObjectsDecryptToSources(run, ['big/many.bin']);
    // 22 whole parts of 5 MiB make one round of 20 and one of 2: the parts were made 5.5 MiB
    // instead, 20 in one round (the debug log names every UploadPart).
    const parts = [...run.stdout.matchAll(/UploadPart .*PartNumber=(\d+) /g)].map((m) => m[1]);
    expect(new Set(parts).size).toBe(20);
    // 20 parts at once, each on its own connection, besides KMS's and the Create's: a budget of
    // 32 MiB holds buffers for 5 parts in flight at most.
    expect(link.stats.connections).toBeGreaterThanOrEqual(21);
  } finally {
    await link.close();
  }
});

test('over https, killed while parts made again are in flight: the re-run completes the file', async () => {
  // 2 MiB/s per connection: each 5 MiB part is on the wire for seconds, so the kill finds them.
  const link = await startLinkProxy({
    upstreams: stack.info.httpsEndpoints!,
    link: { delayMs: 10, bytesPerSecond: 2 * MIB },
  });
  const prefix = 'tls-killed';
  const attempt = (n: number, onSpawn?: Parameters<Sources['run']>[0]['onSpawn']) =>
    sources.run({
      env: { ...link.env(stack.env()), GITHUB_RUN_ID: 'tls-kill', GITHUB_RUN_ATTEMPT: String(n) },
      inputs: actionInputs(stack, prefix, { files: 'big/killed.bin', 'create-job': 'false' }),
      ...(onSpawn ? { onSpawn } : {}),
    });
  try {
    const first = await attempt(1, (child) => {
      void (async () => {
        for (let i = 0; i < 1500; i++) {
          if ((await uploadsLeft(stack)).some((key) => key.startsWith(`${prefix}/`))) break;
          await sleep(20);
        }
        // Parts are on the wire now (the upload exists and they follow it at once).
        await sleep(300);
        child.kill('SIGKILL');
      })();
    });
    expect(first.signal).toBe('SIGKILL');
    // The kill left the upload incomplete; the re-run aborts it and uploads the file again.
    expect((await uploadsLeft(stack)).filter((key) => key.startsWith(`${prefix}/`))).toHaveLength(
      1,
    );
    const second = await attempt(2);
    expect(second.stdout).not.toContain('::error::');
    expect(second.code).toBe(0);
    await sources.expectObjectsDecryptToSources(second, ['big/killed.bin']);
    const { s3 } = stackClients(stack);
    const left = await s3.send(
      new ListMultipartUploadsCommand({ Bucket: stack.info.bucket, Prefix: `${prefix}/` }),
    );
    s3.destroy();
    expect(left.Uploads ?? []).toEqual([]);
  } finally {
    await link.close();
  }
});

test('over https, AES_CBC parts are still buffered, and the object decrypts', async () => {
  const run = await sources.upload(stack.env(), 'tls-cbc', { files: 'big/six.bin', mode: 'cbc' });
  expect(run.stdout).not.toContain('::error::');
  await sources.expectObjectsDecryptToSources(run, ['big/six.bin']);
});

test('over https without the CA: the step fails on the certificate, before any upload', async () => {
  const env = stack.env();
  delete env.NODE_EXTRA_CA_CERTS;
  const run = await sources.upload(env, 'tls-untrusted', { files: 'big/six.bin' });
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/::error::.*certificate/);
  await sources.expectUntouched();
  // Checked over http, which needs no CA.
  const { s3 } = stackClients(stack);
  const listed = await s3.send(
    new ListObjectsV2Command({ Bucket: stack.info.bucket, Prefix: 'tls-untrusted/' }),
  );
  s3.destroy();
  expect(listed.KeyCount).toBe(0);
});
