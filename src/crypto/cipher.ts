/**
 * Streaming AES for the three MediaConvert decryption modes (docs/design.md, "Crypto conventions").
 *
 * Speed comes from doing as little as possible between OpenSSL calls: large reads into a
 * small pool of reused buffers, one `cipher.update()` per chunk (per 64 KiB of it where the
 * consumer lets each output be freed at once), and plain async generators instead of the
 * stream.Transform machinery (which costs more than the AES itself).
 */
import { createCipheriv, type Cipher, type CipherGCM } from 'node:crypto';
import {
  GCM_MAX_PLAINTEXT_BYTES,
  GCM_TAG_BYTES,
  IV_LENGTHS,
  isMode,
  KEY_LENGTHS,
  type Mode,
} from '../mediaconvert/decryption.js';
import { MIB } from '../shared/units.js';
import { CAN_RELEASE, release } from '../shared/free-buffer.js';

export const AES_BLOCK_BYTES = 16;
export const MODE_SUFFIX: Readonly<Record<Mode, string>> = {
  AES_CTR: 'ctr',
  AES_CBC: 'cbc',
  AES_GCM: 'gcm',
};

/** OpenSSL's update() takes an int length; stay far below it and keep buffers sane. */
export const MAX_CHUNK_BYTES = 256 * MIB;

export type CipherErrorCode = 'MODE' | 'KEY_LENGTH' | 'IV_LENGTH' | 'GCM_TOO_LARGE' | 'ARGUMENT';

/** Every problem this module reports. Messages never contain key bytes. */
export class CipherError extends Error {
  override readonly name = 'CipherError';
  readonly code: CipherErrorCode;

  constructor(code: CipherErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

function assertMode(mode: unknown): asserts mode is Mode {
  if (!isMode(mode)) {
    // The value is a mode name, never key material, so it is safe to echo.
    throw new CipherError(
      'MODE',
      `unsupported mode ${JSON.stringify(mode)}; accepted: ${Object.keys(IV_LENGTHS).join(', ')}`,
    );
  }
}

export function ivLengthsFor(mode: Mode): readonly number[] {
  assertMode(mode);
  return IV_LENGTHS[mode];
}

function assertByteCount(what: string, bytes: number): void {
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw new CipherError('ARGUMENT', `${what} must be a non-negative integer, got ${bytes}`);
  }
}

/** Size of what encrypt() yields in total for a plaintext of the given size. */
export function ciphertextLength(mode: Mode, plaintextBytes: number): number {
  assertMode(mode);
  assertByteCount('plaintext size', plaintextBytes);
  switch (mode) {
    case 'AES_CTR':
      return plaintextBytes;
    case 'AES_CBC':
      // PKCS#7 always adds 1..16 bytes, a whole block when the input is block-aligned.
      return (Math.floor(plaintextBytes / AES_BLOCK_BYTES) + 1) * AES_BLOCK_BYTES;
    case 'AES_GCM':
      return plaintextBytes + GCM_TAG_BYTES;
  }
}

/**
 * Throws when a GCM plaintext of `bytes` would exceed the limit. Callers check the file size
 * with this before any upload; encrypt() checks the running total again while streaming.
 */
export function assertGcmSize(bytes: number, limit: number = GCM_MAX_PLAINTEXT_BYTES): void {
  assertByteCount('plaintext size', bytes);
  if (bytes > limit) {
    throw new CipherError(
      'GCM_TOO_LARGE',
      `AES_GCM plaintext of ${bytes} bytes exceeds the GCM limit of ${limit} bytes ` +
        `(2^36 - 32); use AES_CTR or AES_CBC for larger files`,
    );
  }
}

export interface EncryptParams {
  mode: Mode;
  key: Uint8Array;
  iv: Uint8Array;
  /** Only for tests: a smaller GCM limit, so the streaming check can be exercised cheaply. */
  gcmMaxPlaintextBytes?: number;
}

/** Checks mode, key and IV lengths; decipher.ts checks its parameters the same way. */
export function validateParams(params: EncryptParams): void {
  assertMode(params.mode);
  const { mode, key, iv } = params;
  // Only lengths are reported: key bytes never go into a message.
  if (!(key instanceof Uint8Array) || !KEY_LENGTHS.includes(key.length)) {
    const got = key instanceof Uint8Array ? `${key.length} bytes` : 'not a byte array';
    throw new CipherError(
      'KEY_LENGTH',
      `${mode} key must be 16, 24 or 32 bytes (AES-128/192/256); got ${got}`,
    );
  }
  const ivLengths = IV_LENGTHS[mode];
  if (!(iv instanceof Uint8Array) || !ivLengths.includes(iv.length)) {
    const got = iv instanceof Uint8Array ? `${iv.length} bytes` : 'not a byte array';
    throw new CipherError(
      'IV_LENGTH',
      `${mode} IV must be ${ivLengths.join(' or ')} bytes; got ${got}`,
    );
  }
}

/** OpenSSL `enc` convention: a short CTR IV is right-padded with zeros to the counter block. */
export function counterBlock(iv: Uint8Array): Uint8Array {
  if (iv.length === AES_BLOCK_BYTES) return iv;
  const block = new Uint8Array(AES_BLOCK_BYTES);
  block.set(iv);
  return block;
}

/**
 * The OpenSSL context holds the expanded key; the returned object is its only reference and
 * is dropped when encryption ends. The caller's key buffer is neither kept nor modified.
 */
function createModeCipher(params: EncryptParams): Cipher {
  const { mode, key, iv } = params;
  const algorithm = `aes-${key.length * 8}-${MODE_SUFFIX[mode]}`;
  switch (mode) {
    case 'AES_CTR':
      return createCipheriv(algorithm, key, counterBlock(iv));
    case 'AES_CBC':
      return createCipheriv(algorithm, key, iv); // PKCS#7 is node's (OpenSSL's) default
    case 'AES_GCM':
      // OpenSSL derives J0 via GHASH for IVs other than 96 bits, as SP 800-38D specifies.
      return createCipheriv(algorithm as 'aes-256-gcm', key, iv, { authTagLength: GCM_TAG_BYTES });
  }
}

export interface EncryptOptions {
  /**
   * The consumer copies each yielded chunk and asks for the next one only when done with it
   * (upload/multipart.ts). Each chunk's memory is then handed back as soon as the consumer
   * asks for the next one, instead of waiting as garbage for V8 to collect it.
   */
  transient?: boolean;
}

/**
 * update() input per call for transient chunks: each output is freed before the next is
 * allocated, and at this size the allocator hands the same memory out again. glibc gives free
 * memory at the top of its heap back to the system above 128 KiB, so a freed 256 KiB output
 * would be unmapped and the next one faulted in again: slower than leaving it to the GC.
 */
export const TRANSIENT_UPDATE_BYTES = 64 * 1024;

/** Whether transient chunks can be freed here (else they are left to the GC, as before). */
export { CAN_RELEASE };

/**
 * update() over one chunk, for encrypt() and decrypt() alike: in slices of
 * TRANSIENT_UPDATE_BYTES when `transient` (each output freed once the consumer asks for the
 * next), else whole (split only past update()'s int length, for a rare giant chunk).
 */
export function* updates(
  cipher: { update(data: Uint8Array): Buffer },
  chunk: Uint8Array,
  transient: boolean,
): Generator<Buffer> {
  const step = transient ? TRANSIENT_UPDATE_BYTES : MAX_CHUNK_BYTES;
  for (let offset = 0; offset < chunk.length; offset += step) {
    const piece = chunk.length <= step ? chunk : chunk.subarray(offset, offset + step);
    const out = cipher.update(piece);
    // CBC holds back a partial block; an empty yield would only cost the consumer a turn.
    if (out.length === 0) continue;
    yield out;
    // The consumer asked for the next chunk: it is done with this one.
    if (transient) release(out);
  }
}

/**
 * Encrypts a plaintext stream in one pass and yields the ciphertext.
 *
 * Parameters are checked and the cipher is keyed right here, before anything is read: a bad
 * key or IV throws CipherError from this call, and the caller may zero its key as soon as
 * this returns (OpenSSL has already expanded it into its own context).
 *
 * Every yielded Buffer is freshly allocated. Unless `options.transient`, it is never touched
 * again, so consumers may keep it; with it, it is valid until the consumer asks for the next
 * chunk. Input chunks are not retained past the next pull, which is what readChunks()
 * requires. For GCM the 16-byte tag is the last yield.
 */
export function encrypt(
  source: AsyncIterable<Uint8Array>,
  params: EncryptParams,
  options: EncryptOptions = {},
): AsyncGenerator<Buffer> {
  validateParams(params);
  // A test may lower the GCM limit, nobody may raise it.
  const gcmLimit = Math.min(params.gcmMaxPlaintextBytes ?? Infinity, GCM_MAX_PLAINTEXT_BYTES);
  const cipher = createModeCipher(params);
  const transient = options.transient === true && CAN_RELEASE;
  return encryptChunks(source, cipher, params.mode === 'AES_GCM' ? gcmLimit : undefined, transient);
}

/** `gcmLimit` is set for GCM only: it then also means "append the tag". */
async function* encryptChunks(
  source: AsyncIterable<Uint8Array>,
  cipher: Cipher,
  gcmLimit: number | undefined,
  transient: boolean,
): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    // Check before encrypting, so not one byte beyond the limit is ever emitted.
    if (gcmLimit !== undefined) assertGcmSize(total, gcmLimit);
    yield* updates(cipher, chunk, transient);
  }
  const last = cipher.final();
  if (gcmLimit !== undefined) {
    const tag = (cipher as CipherGCM).getAuthTag();
    yield last.length > 0 ? Buffer.concat([last, tag]) : tag;
  } else if (last.length > 0) {
    yield last;
  }
}
