/**
 * An uploaded object opened for reading as plaintext: its data key decrypted through KMS
 * under the MediaConvert context (as a job would), then its ranges read and decrypted in one
 * streaming pass. verify.ts hashes what comes out; decrypt.ts writes it.
 */
import type { KMSClient } from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import type { InputDecryptionSettings } from '@aws-sdk/client-mediaconvert';
import { decrypt } from '../crypto/decipher.js';
import { openDataKey } from './data-key.js';
import type { Mode } from '../mediaconvert/decryption.js';
import type { MemoryBudget } from '../upload/memory-budget.js';
import { isKeyRefusal, kmsReason } from './kms-reasons.js';
import { readObject } from './object-reader.js';
import type { StoredHead } from './stored-object.js';

export interface ReadDeps {
  s3: S3Client;
  /** A KMS client of the region: each data key is decrypted where its KMS key lives. */
  kms: (region: string) => KMSClient;
  /** Every range buffer comes from it. */
  budget: MemoryBudget;
  rangeBytes: number;
  signal?: AbortSignal;
  /** Ciphertext bytes read so far of the object's total. */
  onProgress?: (bytes: number, total: number) => void;
  /**
   * The consumer is done with each plaintext chunk when it asks for the next (it hashes and
   * drops them): each is then freed at once (crypto/decipher.ts).
   */
  transientPlaintext?: boolean;
}

/** KMS would not open the data key: the message says why and what it means for jobs. */
export class DataKeyError extends Error {
  override readonly name = 'DataKeyError';
}

export interface OpenedObject {
  plaintext: AsyncGenerator<Buffer>;
  /** The KMS key that decrypted the data key (KMS's answer). */
  kmsKeyArn: string;
}

/**
 * Decrypts the data key and starts the decrypting read. The plaintext key is zeroed before
 * this returns: the decipher holds its own expanded copy. Throws DataKeyError when KMS
 * refuses the key, CipherError when the settings do not fit the mode (an IV of the wrong size).
 */
export async function openObject(
  target: { bucket: string; key: string },
  object: StoredHead,
  decryption: InputDecryptionSettings,
  keyRegion: string,
  deps: ReadDeps,
): Promise<OpenedObject> {
  let dataKey;
  try {
    dataKey = await openDataKey(deps.kms(keyRegion), decryption.EncryptedDecryptionKey ?? '');
  } catch (error) {
    if (isKeyRefusal(error)) {
      throw new DataKeyError(kmsReason('Decrypt', error, keyRegion), { cause: error });
    }
    throw error;
  }
  try {
    const ciphertext = readObject({
      s3: deps.s3,
      bucket: target.bucket,
      key: target.key,
      size: object.size,
      ...(object.etag ? { etag: object.etag } : {}),
      rangeBytes: deps.rangeBytes,
      budget: deps.budget,
      ...(deps.signal ? { signal: deps.signal } : {}),
      ...(deps.onProgress ? { onProgress: (n) => deps.onProgress!(n, object.size) } : {}),
    });
    const plaintext = decrypt(
      ciphertext,
      {
        mode: decryption.DecryptionMode as Mode,
        key: dataKey.plaintext,
        iv: Buffer.from(decryption.InitializationVector ?? '', 'base64'),
      },
      { transient: deps.transientPlaintext === true },
    );
    return { plaintext, kmsKeyArn: dataKey.kmsKeyArn };
  } finally {
    dataKey.destroy();
  }
}
