/**
 * A KMS that answers with a CiphertextBlob MediaConvert cannot take (empty, 1 byte, or past
 * 384 bytes) through the packaged action: the file fails before its first byte is encrypted,
 * nothing is uploaded, no job is created, and no output carries an empty EncryptedDecryptionKey.
 * A fault proxy in front of the local KMS rewrites its answers.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPackagedAction } from '../../harness/action-runner.js';
import { actionInputs } from '../support/action-inputs.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { useStack } from '../support/use-stack.js';

const stack = useStack();
let workspace: string;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'kms-answers-ws-'));
  await copyFile('samples/clip.mp4', path.join(workspace, 'clip.mp4'));
});

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

/** The KMS answer with its CiphertextBlob replaced by `blob` (base64). */
const withBlob =
  (blob: string) =>
  (body: string): string =>
    JSON.stringify({ ...(JSON.parse(body) as object), CiphertextBlob: blob });

test.each([
  ['GenerateDataKey', 'kms', 0, 0],
  ['GenerateDataKey', 'kms', 1, 4],
  ['GenerateDataKey', 'kms', 385, 516],
  ['Encrypt', 'local', 1, 4],
])(
  'KMS %s (key-source %s) answering a %i-byte CiphertextBlob: the file fails, nothing is uploaded',
  async (operation, keySource, bytes, characters) => {
    const blob = Buffer.alloc(bytes, 7).toString('base64');
    const proxy = await startFaultProxy({
      upstreams: stack.info.endpoints,
      rules: [{ service: 'kms', operation, fault: { kind: 'rewrite', body: withBlob(blob) } }],
    });
    try {
      const run = await runPackagedAction({
        workspace,
        env: proxy.env(stack.env()),
        inputs: actionInputs(stack, 'kms-answers', { files: 'clip.mp4', 'key-source': keySource }),
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        `clip.mp4: data key failed: KMS ${operation} returned a CiphertextBlob of ${bytes} bytes (${characters} base64 characters); MediaConvert takes an EncryptedDecryptionKey of 24 to 512, so no job could decrypt the file: nothing was encrypted or uploaded`,
      );
      const operations = proxy.records.map((r) => `${r.service} ${r.operation}`);
      expect(operations).toContain(`kms ${operation}`);
      expect(operations.filter((op) => op.startsWith('s3 '))).toEqual([]);
      expect(operations.filter((op) => op.endsWith('CreateJob'))).toEqual([]);
      expect(JSON.parse(run.outputs['decryption-settings']!)).toEqual([]);
      expect(run.outputs['job-ids']).toBe('[]');
    } finally {
      await proxy.close();
    }
  },
);
