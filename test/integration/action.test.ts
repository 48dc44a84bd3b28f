/**
 * The packaged action (dist/index.js) run as the GitHub runner runs it, against the local
 * stack: every mode and IV length with every key length, each key source among them; the job
 * completes and its output is real media; each ciphertext is checked with OpenSSL or @noble/ciphers, never our own code.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetJobCommand } from '@aws-sdk/client-mediaconvert';
import { runPackagedAction } from '../../harness/action-runner.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack, FAST_JOBS } from '../support/use-stack.js';
import { nobleGcmDecrypt, opensslDecrypt } from '../support/oracle.js';
import { getObject, probeStreams, unwrapKey } from '../support/stack-helpers.js';
import { stackClients } from '../support/clients.js';

const SAMPLE = path.resolve('samples/clip.mp4');

const stack = useStack(FAST_JOBS);
let clients: ReturnType<typeof stackClients>;
let workspace: string;
let sample: Buffer;

beforeAll(async () => {
  clients = stackClients(stack);
  workspace = await mkdtemp(path.join(os.tmpdir(), 'workspace-'));
  await mkdir(path.join(workspace, 'masters'));
  sample = await readFile(SAMPLE);
});

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

type Case = {
  mode: 'AES_CTR' | 'AES_CBC' | 'AES_GCM';
  iv: 12 | 16;
  bits: 128 | 192 | 256;
  source: 'kms' | 'local';
};
// Every mode and IV length with every key length (15 runs), the key source alternating so
// that each source meets every mode, IV length and key length. The crypto itself (each
// combination, many sizes) is proven against the oracles in test/unit/cipher.test.ts; these
// runs prove the inputs reach the ciphertext, the object, the outputs and the job.
const modes = [
  ['AES_CTR', 12],
  ['AES_CTR', 16],
  ['AES_CBC', 16],
  ['AES_GCM', 12],
  ['AES_GCM', 16],
] as const;
const sources = ['kms', 'local'] as const;
const cases: Case[] = modes.flatMap(([mode, iv], row) =>
  ([128, 192, 256] as const).map((bits, column) => ({
    mode,
    iv,
    bits,
    source: sources[(row + column) % 2]!,
  })),
);

async function decryptIndependently(
  c: Case,
  key: Uint8Array,
  iv: Buffer,
  ciphertext: Buffer,
): Promise<Buffer> {
  if (c.mode === 'AES_GCM') return Buffer.from(nobleGcmDecrypt(key, iv, ciphertext));
  return opensslDecrypt(c.mode, key, iv, ciphertext);
}

describe('packaged action against the local stack', () => {
  // Concurrent (jest's maxConcurrency at a time): each case mostly waits, on its own action
  // process and its job, and names its own file, prefix and outputs.
  test.concurrent.each(cases)(
    '$mode, $iv-byte IV, $bits-bit key from $source: job completes with real media',
    async (c) => {
      const name = `${c.mode}-${c.iv}-${c.bits}-${c.source}`;
      const prefix = `runs/${name}/`;
      await copyFile(SAMPLE, path.join(workspace, 'masters', `${name}.mp4`));
      const run = await runPackagedAction({
        workspace,
        env: stack.env(),
        inputs: actionInputs(stack, prefix, {
          files: `masters/${name}.mp4`,
          mode: c.mode,
          'iv-length': String(c.iv),
          'key-length': String(c.bits),
          'key-source': c.source,
          wait: 'true',
          'wait-timeout': '120',
        }),
      });
      expect(run.stdout).not.toContain('::error::');
      expect(run.code).toBe(0);

      const s3Uris = JSON.parse(run.outputs['s3-uris']!) as string[];
      expect(s3Uris).toEqual([`s3://${stack.info.bucket}/${prefix}masters/${name}.mp4`]);
      const [decryption] = JSON.parse(run.outputs['decryption-settings']!) as Record<
        string,
        string
      >[];
      expect(decryption).toMatchObject({ DecryptionMode: c.mode });
      expect(decryption!.KmsKeyRegion).toBeUndefined();
      const iv = Buffer.from(decryption!.InitializationVector!, 'base64');
      expect(iv).toHaveLength(c.iv);

      const object = await getObject(clients.s3, s3Uris[0]!);
      expect(object.contentType).toBe('video/mp4');
      expect(object.metadata['mediaconvert-initialization-vector']).toBe(
        decryption!.InitializationVector,
      );
      expect(object.metadata['mediaconvert-encrypted-decryption-key']).toBe(
        decryption!.EncryptedDecryptionKey,
      );
      const key = await unwrapKey(clients.kms, decryption!.EncryptedDecryptionKey!);
      expect(key).toHaveLength(c.bits / 8);
      const plaintext = await decryptIndependently(c, key, iv, object.body);
      expect(plaintext.equals(sample)).toBe(true);

      const manifest = JSON.parse(await readFile(run.outputs.manifest!, 'utf8')) as {
        files: { plaintextSha256: string }[];
      };
      expect(manifest.files[0]!.plaintextSha256).toBe(
        createHash('sha256').update(sample).digest('hex'),
      );

      const jobId = run.outputs['job-id']!;
      const job = (await clients.mediaconvert.send(new GetJobCommand({ Id: jobId }))).Job!;
      expect(job.Status).toBe('COMPLETE');
      expect(job.Settings?.Inputs?.[0]?.DecryptionSettings).toEqual(decryption);
      expect(JSON.parse(run.outputs['job-status']!)).toEqual([
        expect.objectContaining({ id: jobId, status: 'COMPLETE' }),
      ]);
      expect(run.summary).toContain(jobId);

      const listed = await clients.s3.send(
        new ListObjectsV2Command({ Bucket: stack.info.bucket, Prefix: `outputs/${name}` }),
      );
      const outputs = (listed.Contents ?? []).map((o) => o.Key!);
      expect(outputs).toEqual([`outputs/${name}-240p.mp4`]);
      const rendition = await getObject(clients.s3, `s3://${stack.info.bucket}/${outputs[0]}`);
      expect(await probeStreams(rendition.body)).toEqual(
        expect.arrayContaining(['video:h264', 'audio:aac']),
      );
    },
  );
});
