/**
 * The KMS emulator of a test file on its own (no stack): started before the file's tests with
 * one key, and stopped after them with every client made for it.
 */
import { afterAll, beforeAll } from '@jest/globals';
import {
  GenerateDataKeyCommand,
  type GenerateDataKeyCommandInput,
  type GenerateDataKeyCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { STACK_CREDENTIALS } from '../../local-aws/identity.js';
import { startKms, type KmsEmulator } from '../../local-aws/kms/server.js';
import { kmsClient } from './clients.js';
import { MEDIACONVERT_CONTEXT } from './oracle.js';

export const REGION = 'us-east-1';

export interface LocalKms {
  /** The emulator itself, for what only it can do (keys, grants, its request log). */
  readonly kms: KmsEmulator;
  /** A client signed as the stack's user, who may use every key. */
  readonly client: KMSClient;
  /** The key made at start. */
  readonly keyArn: string;
  readonly keyId: string;
  /** A client signing with `credentials` for `region`, making each request once. */
  clientFor(
    credentials: { accessKeyId: string; secretAccessKey: string },
    region?: string,
  ): KMSClient;
  /** GenerateDataKey as the stack's user: the start key, AES_256, the MediaConvert context. */
  dataKey(input?: Partial<GenerateDataKeyCommandInput>): Promise<GenerateDataKeyCommandOutput>;
}

/**
 * Registers the hooks that start the emulator and stop it. The handle reads the running
 * emulator: use it in the file's tests and hooks, not while the file is being loaded.
 */
export function useKms(): LocalKms {
  let kms: KmsEmulator | undefined;
  let client: KMSClient | undefined;
  let key: { arn: string; keyId: string } | undefined;
  const clients: KMSClient[] = [];
  const running = <T>(value: T | undefined): T => {
    if (value === undefined) {
      throw new Error('the KMS emulator is not running: use it in tests and hooks, after useKms()');
    }
    return value;
  };
  const local: LocalKms = {
    get kms() {
      return running(kms);
    },
    get client() {
      return running(client);
    },
    get keyArn() {
      return running(key).arn;
    },
    get keyId() {
      return running(key).keyId;
    },
    clientFor(credentials, region = REGION) {
      const created = kmsClient(running(kms).url, { region, credentials, maxAttempts: 1 });
      clients.push(created);
      return created;
    },
    dataKey(input = {}) {
      return local.client.send(
        new GenerateDataKeyCommand({
          KeyId: local.keyArn,
          KeySpec: 'AES_256',
          EncryptionContext: MEDIACONVERT_CONTEXT,
          ...input,
        }),
      );
    },
  };
  beforeAll(async () => {
    kms = await startKms({ region: REGION });
    key = kms.createKey({ description: 'test key' });
    client = local.clientFor(STACK_CREDENTIALS);
  });
  afterAll(async () => {
    for (const created of clients.splice(0)) created.destroy();
    await kms?.close();
    kms = undefined;
  });
  return local;
}

/** Resolves to the SDK exception (so tests can look at `name` and `message`). */
export async function failure(promise: Promise<unknown>): Promise<Error & { $fault?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $fault?: string };
  }
  throw new Error('expected the call to fail');
}
