/**
 * AES-CTR from any block of a stream, not only its first: the ciphertext of bytes
 * [offset, offset + n) is the plaintext of that range XOR the keystream of its counter blocks,
 * so a part of a CTR upload can be made again from the file alone, at any time and in any
 * order, and be byte for byte what one pass from the start made (upload/ctr-parts.ts).
 */
import { createCipheriv, type Cipher } from 'node:crypto';
import { AES_BLOCK_BYTES, counterBlock, validateParams } from './cipher.js';

const BLOCK_MASK = 0xffn;

/**
 * The counter block of the block that starts at `byteOffset`: the first counter block (the IV,
 * a 12-byte one padded with zeros as encrypt() does) plus the block's index, as one 128-bit
 * big-endian number that wraps, as OpenSSL's CTR increments it.
 */
export function counterAt(iv: Uint8Array, byteOffset: number): Buffer {
  if (!Number.isSafeInteger(byteOffset) || byteOffset < 0 || byteOffset % AES_BLOCK_BYTES !== 0) {
    throw new RangeError(
      `a CTR offset must be a non-negative multiple of ${AES_BLOCK_BYTES} bytes, got ${byteOffset}`,
    );
  }
  const block = Buffer.from(counterBlock(iv));
  let carry = BigInt(byteOffset / AES_BLOCK_BYTES);
  for (let at = AES_BLOCK_BYTES - 1; at >= 0 && carry > 0n; at--) {
    const sum = BigInt(block[at]!) + (carry & BLOCK_MASK);
    block[at] = Number(sum & BLOCK_MASK);
    carry = (carry >> 8n) + (sum >> 8n);
  }
  return block;
}

/**
 * An AES-CTR cipher that starts at `byteOffset` of the stream encrypt() makes with this key
 * and IV. The key is checked as encrypt() checks it and copied into OpenSSL's context; the
 * caller's buffer is neither kept nor changed.
 */
export function ctrCipherAt(key: Uint8Array, iv: Uint8Array, byteOffset: number): Cipher {
  validateParams({ mode: 'AES_CTR', key, iv });
  return createCipheriv(`aes-${key.length * 8}-ctr`, key, counterAt(iv, byteOffset));
}
