/**
 * Streaming AES decryption, the counterpart of cipher.ts by the same conventions (docs/design.md,
 * "Crypto conventions"): CTR with OpenSSL's counter block, CBC with PKCS#7 padding checked,
 * GCM with the 16-byte tag after the last ciphertext byte, checked at the end.
 *
 * Plaintext is yielded as it is decrypted. For CBC and GCM it is only known to be right once
 * the stream has ended without an error: a consumer that writes it somewhere must keep it away
 * from its final place until then (objects/decrypt.ts writes to a temporary file).
 */
import { createDecipheriv, type Decipher, type DecipherGCM } from 'node:crypto';
import { GCM_TAG_BYTES, type Mode } from '../mediaconvert/decryption.js';
import {
  AES_BLOCK_BYTES,
  CAN_RELEASE,
  counterBlock,
  MODE_SUFFIX,
  updates,
  validateParams,
  type EncryptOptions,
  type EncryptParams,
} from './cipher.js';

export type DecryptParams = Pick<EncryptParams, 'mode' | 'key' | 'iv'>;

export type DecipherErrorCode = 'GCM_TAG' | 'CBC_PADDING' | 'CBC_LENGTH' | 'TOO_SHORT';

/** The ciphertext is not what the key and IV encrypted. Messages never contain key bytes. */
export class DecipherError extends Error {
  override readonly name = 'DecipherError';
  readonly code: DecipherErrorCode;

  constructor(code: DecipherErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

function createModeDecipher({ mode, key, iv }: DecryptParams): Decipher {
  const algorithm = `aes-${key.length * 8}-${MODE_SUFFIX[mode]}`;
  switch (mode) {
    case 'AES_CTR':
      return createDecipheriv(algorithm, key, counterBlock(iv));
    case 'AES_CBC':
      return createDecipheriv(algorithm, key, iv); // checks and strips PKCS#7 in final()
    case 'AES_GCM':
      return createDecipheriv(algorithm as 'aes-256-gcm', key, iv, {
        authTagLength: GCM_TAG_BYTES,
      });
  }
}

/**
 * Decrypts a ciphertext stream in one pass and yields the plaintext; throws DecipherError at
 * the end when a GCM tag or CBC padding does not verify, or the ciphertext is too short for
 * its mode. Parameters are checked and the decipher keyed in this call, so the caller may zero
 * its key as soon as it returns. Input chunks are not kept past the next pull (readChunks()'s
 * contract); every yielded Buffer is fresh, and with `options.transient` valid only until the
 * consumer asks for the next one (objects/verify.ts, which only hashes it).
 */
export function decrypt(
  source: AsyncIterable<Uint8Array>,
  params: DecryptParams,
  options: EncryptOptions = {},
): AsyncGenerator<Buffer> {
  validateParams(params);
  const decipher = createModeDecipher(params);
  const transient = options.transient === true && CAN_RELEASE;
  return params.mode === 'AES_GCM'
    ? decryptGcm(source, decipher as DecipherGCM, transient)
    : decryptBlocks(source, decipher, params.mode, transient);
}

async function* decryptBlocks(
  source: AsyncIterable<Uint8Array>,
  decipher: Decipher,
  mode: Exclude<Mode, 'AES_GCM'>,
  transient: boolean,
): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    yield* updates(decipher, chunk, transient);
  }
  if (mode === 'AES_CBC' && (total === 0 || total % AES_BLOCK_BYTES !== 0)) {
    throw new DecipherError(
      'CBC_LENGTH',
      `AES_CBC ciphertext of ${total} bytes is not a whole number of 16-byte blocks (at least one): the object is truncated or is not AES_CBC`,
    );
  }
  let last: Buffer;
  try {
    last = decipher.final();
  } catch {
    throw new DecipherError(
      'CBC_PADDING',
      'AES_CBC padding does not verify: wrong data key or IV, or the object was changed or truncated',
    );
  }
  if (last.length > 0) yield last;
}

/**
 * GCM: the last GCM_TAG_BYTES of the stream are the tag, so that many bytes are always held
 * back (copied: the source may reuse its buffer) until the next chunk or the end shows whether
 * they are ciphertext or tag.
 */
async function* decryptGcm(
  source: AsyncIterable<Uint8Array>,
  decipher: DecipherGCM,
  transient: boolean,
): AsyncGenerator<Buffer> {
  let tail = Buffer.alloc(0);
  for await (const chunk of source) {
    if (chunk.length >= GCM_TAG_BYTES) {
      // The held-back bytes are not the tag: the tag is in this chunk.
      if (tail.length > 0) yield* updates(decipher, tail, transient);
      yield* updates(decipher, chunk.subarray(0, chunk.length - GCM_TAG_BYTES), transient);
      tail = Buffer.from(chunk.subarray(chunk.length - GCM_TAG_BYTES));
    } else {
      const joined = Buffer.concat([tail, chunk]);
      const cut = Math.max(0, joined.length - GCM_TAG_BYTES);
      if (cut > 0) yield* updates(decipher, joined.subarray(0, cut), transient);
      tail = joined.subarray(cut);
    }
  }
  if (tail.length < GCM_TAG_BYTES) {
    throw new DecipherError(
      'TOO_SHORT',
      `AES_GCM ciphertext of ${tail.length} bytes is shorter than its ${GCM_TAG_BYTES}-byte tag: the object is truncated or is not AES_GCM`,
    );
  }
  decipher.setAuthTag(tail);
  let last: Buffer;
  try {
    last = decipher.final();
  } catch {
    throw new DecipherError(
      'GCM_TAG',
      'AES_GCM authentication tag does not verify: wrong data key or IV, or the object was changed or truncated',
    );
  }
  if (last.length > 0) yield last;
}
