/**
 * What MediaConvert's DecryptionSettings accept, by the service's own names: the modes, the IV
 * lengths each allows, the data key lengths, and the encryption context its role decrypts the
 * data key under. The input rules, the cipher and the key maker all read these; nothing here
 * does I/O.
 */

/** MediaConvert's decryption modes, by its own names. */
export const MODES = ['AES_CTR', 'AES_CBC', 'AES_GCM'] as const;
export type Mode = (typeof MODES)[number];

/** Data key lengths in bytes: AES-128, AES-192, AES-256. */
export const KEY_LENGTHS: readonly number[] = Object.freeze([16, 24, 32]);

/** IV lengths in bytes each mode accepts; 12 only where the mode defines a short IV. */
export const IV_LENGTHS: Readonly<Record<Mode, readonly number[]>> = Object.freeze({
  AES_CTR: Object.freeze([12, 16]),
  AES_CBC: Object.freeze([16]),
  AES_GCM: Object.freeze([12, 16]),
});

/**
 * The service model's bounds on EncryptedDecryptionKey (shape __stringMin24Max512PatternAZaZ0902):
 * 24 to 512 base64 characters, that is a KMS CiphertextBlob of 16 to 384 bytes. A key outside
 * them is refused by CreateJob, or, uploaded without a job, can never be given to one.
 */
export const ENCRYPTED_KEY_BASE64_CHARACTERS = Object.freeze({ min: 24, max: 512 });

/** NIST SP 800-38D limit for one GCM invocation: 2^39 - 256 bits. */
export const GCM_MAX_PLAINTEXT_BYTES: number = 2 ** 36 - 32;
/** The GCM tag, appended after the last ciphertext byte. */
export const GCM_TAG_BYTES = 16;

/**
 * The encryption context MediaConvert passes to kms:Decrypt for an input's data key: a data
 * key made under any other context cannot be decrypted by the job.
 */
export const MEDIACONVERT_CONTEXT: Readonly<Record<string, string>> = Object.freeze({
  service: 'mediaconvert.amazonaws.com',
});

export function isMode(value: unknown): value is Mode {
  return typeof value === 'string' && Object.hasOwn(IV_LENGTHS, value);
}
