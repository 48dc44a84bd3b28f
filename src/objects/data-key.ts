/**
 * A stored data key opened again: KMS Decrypt under the context MediaConvert uses, so a key a
 * job could not decrypt fails here the same way. The plaintext lives only in memory and is
 * zeroed by destroy(); KMS errors pass through for the caller to explain (kms-reasons.ts).
 */
import { DecryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { DataKey } from '../crypto/keys.js';
import { MEDIACONVERT_CONTEXT } from '../mediaconvert/decryption.js';

export interface OpenedDataKey extends DataKey {
  /** The ARN of the KMS key that decrypted it, as KMS answers. */
  readonly kmsKeyArn: string;
}

/** `encryptedBase64`: the EncryptedDecryptionKey of the decryption settings. */
export async function openDataKey(kms: KMSClient, encryptedBase64: string): Promise<OpenedDataKey> {
  const encrypted = Buffer.from(encryptedBase64, 'base64');
  const out = await kms.send(
    new DecryptCommand({
      CiphertextBlob: encrypted,
      EncryptionContext: { ...MEDIACONVERT_CONTEXT },
    }),
  );
  const plaintext = out.Plaintext;
  if (!plaintext || !out.KeyId) {
    plaintext?.fill(0);
    throw new Error('KMS Decrypt returned no key');
  }
  return { plaintext, encrypted, kmsKeyArn: out.KeyId, destroy: () => plaintext.fill(0) };
}
