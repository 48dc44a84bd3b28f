import { randomBytes } from 'node:crypto';
import { EncryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';

import type { KeySource } from '../inputs/config.js';
import { MEDIACONVERT_CONTEXT } from '../mediaconvert/decryption.js';

export interface DataKey {
  /** Plaintext key bytes: only in memory, zeroed by `destroy()`. */
  readonly plaintext: Uint8Array;
  /** The KMS CiphertextBlob: what MediaConvert gets. */
  readonly encrypted: Uint8Array;
  destroy(): void;
}

export interface DataKeyRequest {
  kms: KMSClient;
  kmsKeyArn: string;
  keyBytes: 16 | 24 | 32;
  source: KeySource;
}

/** Makes one fresh data key, by KMS GenerateDataKey or locally and then KMS Encrypt. */
export async function makeDataKey(request: DataKeyRequest): Promise<DataKey> {
  return request.source === 'kms' ? generateWithKms(request) : generateLocally(request);
}

async function generateWithKms({ kms, kmsKeyArn, keyBytes }: DataKeyRequest): Promise<DataKey> {
  // KMS KeySpec has no AES_192; NumberOfBytes covers it.
  const size =
    keyBytes === 24
      ? { NumberOfBytes: 24 }
      : ({ KeySpec: keyBytes === 16 ? 'AES_128' : 'AES_256' } as const);
  const out = await kms.send(
    new GenerateDataKeyCommand({
      KeyId: kmsKeyArn,
      EncryptionContext: { ...MEDIACONVERT_CONTEXT },
      ...size,
    }),
  );
  const plaintext = out.Plaintext;
  if (!plaintext || !out.CiphertextBlob) {
    plaintext?.fill(0);
    throw new Error('KMS GenerateDataKey returned no key');
  }
  if (plaintext.length !== keyBytes) {
    plaintext.fill(0);
    throw new Error(`KMS GenerateDataKey returned a ${plaintext.length}-byte key, not ${keyBytes}`);
  }
  return dataKey(plaintext, out.CiphertextBlob);
}

async function generateLocally({ kms, kmsKeyArn, keyBytes }: DataKeyRequest): Promise<DataKey> {
  const plaintext = randomBytes(keyBytes);
  try {
    const out = await kms.send(
      new EncryptCommand({
        KeyId: kmsKeyArn,
        Plaintext: plaintext,
        EncryptionContext: { ...MEDIACONVERT_CONTEXT },
      }),
    );
    if (!out.CiphertextBlob) throw new Error('KMS Encrypt returned no ciphertext');
    return dataKey(plaintext, out.CiphertextBlob);
  } catch (error) {
    plaintext.fill(0);
    throw error;
  }
}

function dataKey(plaintext: Uint8Array, encrypted: Uint8Array): DataKey {
  return {
    plaintext,
    encrypted,
    destroy: () => plaintext.fill(0),
  };
}
