import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * The emulator's ciphertext blob:
 *
 *   version (1) | key id (36 ASCII, a UUID) | nonce (12) | AES-256-GCM ciphertext | tag (16)
 *
 * The header and a canonical form of the encryption context are the GCM additional data, so a
 * blob opens only under its own key and with exactly the context it was sealed with; any
 * other context, a flipped bit or a swapped key id fails authentication, as on real KMS.
 */
const VERSION = 0x01;
const KEY_ID_LENGTH = 36;
const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;
const HEADER_LENGTH = 1 + KEY_ID_LENGTH;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type EncryptionContext = Readonly<Record<string, string>>;

/**
 * Sorted key/value pairs as JSON: unambiguous (no separator can be forged inside a value) and
 * independent of member order. An absent and an empty context are the same, as on KMS.
 */
export function canonicalContext(context: EncryptionContext | undefined): Buffer {
  const pairs = Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Buffer.from(JSON.stringify(pairs), 'utf8');
}

export function sealBlob(
  keyId: string,
  backingKey: Buffer,
  plaintext: Buffer,
  context: EncryptionContext | undefined,
): Buffer {
  const header = Buffer.concat([Buffer.from([VERSION]), Buffer.from(keyId, 'ascii')]);
  const nonce = randomBytes(NONCE_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', backingKey, nonce);
  cipher.setAAD(Buffer.concat([header, canonicalContext(context)]));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, nonce, body, cipher.getAuthTag()]);
}

/** The key id a blob names, or undefined when the blob is not one of ours. */
export function blobKeyId(blob: Buffer): string | undefined {
  if (blob.length < HEADER_LENGTH + NONCE_LENGTH + TAG_LENGTH || blob[0] !== VERSION) {
    return undefined;
  }
  const keyId = blob.subarray(1, HEADER_LENGTH).toString('latin1');
  return UUID.test(keyId) ? keyId : undefined;
}

/** The plaintext, or undefined when authentication fails (wrong key, context, or tampering). */
export function openBlob(
  blob: Buffer,
  backingKey: Buffer,
  context: EncryptionContext | undefined,
): Buffer | undefined {
  const header = blob.subarray(0, HEADER_LENGTH);
  const nonce = blob.subarray(HEADER_LENGTH, HEADER_LENGTH + NONCE_LENGTH);
  const body = blob.subarray(HEADER_LENGTH + NONCE_LENGTH, blob.length - TAG_LENGTH);
  const decipher = createDecipheriv('aes-256-gcm', backingKey, nonce);
  decipher.setAAD(Buffer.concat([header, canonicalContext(context)]));
  decipher.setAuthTag(blob.subarray(blob.length - TAG_LENGTH));
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    return undefined;
  }
}
