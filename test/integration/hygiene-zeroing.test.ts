/**
 * The plaintext data key is zeroed once a file is done with, whichever way it ends: checked at
 * the level of one file (encryptAndUpload) against the real stack, through the fault proxy.
 * A middleware on the KMS client keeps a reference to the very buffer KMS handed out (or, for
 * local keys, the one sent to KMS Encrypt) and a copy of its bytes taken at that moment.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {
  EncryptCommandInput,
  GenerateDataKeyCommandOutput,
  KMSClient,
} from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import { startFaultProxy, type FaultProxy, type FaultRule } from '../support/fault-proxy.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack, FAST_JOBS } from '../support/use-stack.js';
import { parseConfig, type Config } from '../../src/inputs/config.js';
import { encryptAndUpload, type FileResult } from '../../src/upload/encrypt-file.js';
import type { MediaFile } from '../../src/files/listing.js';
import { nobleGcmDecrypt, opensslDecrypt } from '../support/oracle.js';
import { getObject } from '../support/stack-helpers.js';
import { kmsClient, s3Client, stackClients } from '../support/clients.js';
import { MIB } from '../../src/shared/units.js';

const stack = useStack(FAST_JOBS);
let workspace: string;
let plaintexts: Map<string, Buffer>;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'zeroing-ws-'));
  await mkdir(path.join(workspace, 'media'));
  plaintexts = new Map([
    ['media/big.bin', randomBytes(6 * MIB + 7)],
    ['media/small.bin', randomBytes(70_001)],
    // More parts than the upload keeps in flight: part of the body is still unread.
    ['media/huge.bin', randomBytes(40 * MIB)],
  ]);
  for (const [name, data] of plaintexts) await writeFile(path.join(workspace, name), data);
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

interface Captured {
  /** The buffer the action holds. */
  live: Uint8Array;
  /** Its bytes when KMS handed it out. */
  copy: Buffer;
}

interface Harness {
  proxy: FaultProxy;
  kms: KMSClient;
  s3: S3Client;
  keys: Captured[];
}

async function harness(
  rules: FaultRule[] = [],
  sleep?: (ms: number) => Promise<void>,
): Promise<Harness> {
  const proxy = await startFaultProxy({
    upstreams: stack.info.endpoints,
    rules,
    ...(sleep ? { sleep } : {}),
  });
  const kms = kmsClient(proxy.urls.kms, { maxAttempts: 1 });
  const s3 = s3Client(proxy.urls.s3, { maxAttempts: 2 });
  const keys: Captured[] = [];
  kms.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'EncryptCommand') {
        const live = (args.input as EncryptCommandInput).Plaintext!;
        keys.push({ live, copy: Buffer.from(live) });
      }
      const result = await next(args);
      const live = (result.output as GenerateDataKeyCommandOutput).Plaintext;
      if (context.commandName === 'GenerateDataKeyCommand' && live) {
        keys.push({ live, copy: Buffer.from(live) });
      }
      return result;
    },
    { step: 'initialize', name: 'captureDataKeys' },
  );
  return { proxy, kms, s3, keys };
}

function configFor(raw: Record<string, string>): Config {
  return parseConfig(
    actionInputs(stack, 'zeroing', {
      files: 'media/*',
      'create-job': 'false',
      'part-size-mib': '5',
      ...raw,
    }),
    { AWS_REGION: stack.info.region, RUNNER_TEMP: workspace },
  );
}

function fileNamed(config: Config, relativePath: string): MediaFile {
  return {
    absolutePath: path.join(workspace, relativePath),
    relativePath,
    bytes: plaintexts.get(relativePath)!.length,
    bucket: config.destination.bucket,
    key: config.destination.prefix + relativePath,
  };
}

const isZero = (bytes: Uint8Array): boolean => bytes.every((b) => b === 0);

async function decrypts(result: FileResult, key: Buffer): Promise<boolean> {
  const object = await getObject(stackClients(stack).s3, result.s3Uri);
  const iv = Buffer.from(result.decryption.InitializationVector!, 'base64');
  const mode = result.decryption.DecryptionMode!;
  const plaintext =
    mode === 'AES_GCM'
      ? Buffer.from(nobleGcmDecrypt(key, iv, object.body))
      : await opensslDecrypt(mode as 'AES_CTR' | 'AES_CBC', key, iv, object.body);
  return plaintext.equals(plaintexts.get(result.relativePath)!);
}

describe('after a file succeeds, its key buffer is all zeros', () => {
  test.each([
    ['kms', 'AES_CTR', 'media/big.bin'],
    ['kms', 'AES_CBC', 'media/small.bin'],
    ['local', 'AES_GCM', 'media/small.bin'],
    ['local', 'AES_CTR', 'media/big.bin'],
  ])('%s key, %s, %s', async (source, mode, name) => {
    const h = await harness();
    try {
      const config = configFor({ 'key-source': source, mode });
      const result = await encryptAndUpload(fileNamed(config, name), config, h);
      expect(h.keys).toHaveLength(1);
      const [key] = h.keys;
      expect(isZero(key!.copy)).toBe(false);
      expect(isZero(key!.live)).toBe(true);
      // The key was used before it was wiped: the object decrypts with the copy.
      expect(await decrypts(result, key!.copy)).toBe(true);
    } finally {
      await h.proxy.close();
    }
  });
});

describe('after a file fails, its key buffer is all zeros', () => {
  test('S3 refuses every part', async () => {
    const h = await harness([
      { service: 's3', operation: 'UploadPart', fault: { kind: 'error', error: 'server' } },
    ]);
    try {
      const config = configFor({});
      await expect(encryptAndUpload(fileNamed(config, 'media/big.bin'), config, h)).rejects.toThrow(
        'upload failed',
      );
      expect(h.keys).toHaveLength(1);
      expect(isZero(h.keys[0]!.live)).toBe(true);
    } finally {
      await h.proxy.close();
    }
  });

  test('KMS Encrypt refuses a local key', async () => {
    const h = await harness([
      {
        service: 'kms',
        operation: 'Encrypt',
        fault: { kind: 'error', status: 400, code: 'DisabledException', message: 'disabled' },
      },
    ]);
    try {
      const config = configFor({ 'key-source': 'local' });
      await expect(
        encryptAndUpload(fileNamed(config, 'media/small.bin'), config, h),
      ).rejects.toThrow('data key failed');
      expect(h.keys).toHaveLength(1);
      expect(isZero(h.keys[0]!.copy)).toBe(false);
      expect(isZero(h.keys[0]!.live)).toBe(true);
    } finally {
      await h.proxy.close();
    }
  });

  test('the step is interrupted while parts are in flight', async () => {
    // Parts wait in the proxy until the signal has fired; after that nothing waits.
    const controller = new AbortController();
    const held: (() => void)[] = [];
    const h = await harness(
      [{ service: 's3', operation: 'UploadPart', fault: { kind: 'latency', ms: 1 } }],
      () =>
        controller.signal.aborted
          ? Promise.resolve()
          : new Promise<void>((resolve) => held.push(resolve)),
    );
    try {
      const config = configFor({});
      const done = encryptAndUpload(fileNamed(config, 'media/huge.bin'), config, {
        kms: h.kms,
        s3: h.s3,
        signal: controller.signal,
      });
      await h.proxy.waitFor((r) => r.operation === 'UploadPart');
      controller.abort(new Error('interrupted by SIGTERM'));
      held.splice(0).forEach((go) => go());
      await expect(done).rejects.toThrow('interrupted by SIGTERM');
      expect(isZero(h.keys[0]!.live)).toBe(true);
      expect(h.proxy.records.map((r) => r.operation)).toContain('AbortMultipartUpload');
    } finally {
      await h.proxy.close();
    }
  });
});
