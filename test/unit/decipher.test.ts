import { randomBytes } from 'node:crypto';
import { encrypt } from '../../src/crypto/cipher.js';
import { decrypt, DecipherError } from '../../src/crypto/decipher.js';
import type { Mode } from '../../src/mediaconvert/decryption.js';
import { encrypt as nobleEncrypt } from '../support/oracle.js';

const COMBINATIONS: [Mode, number, number][] = [];
for (const key of [16, 24, 32]) {
  COMBINATIONS.push(['AES_CTR', key, 12], ['AES_CTR', key, 16], ['AES_CBC', key, 16]);
  COMBINATIONS.push(['AES_GCM', key, 12], ['AES_GCM', key, 16]);
}
const SIZES = [0, 1, 15, 16, 17, 100_003] as const;
/** Odd chunk sizes, cycled, so chunk edges land everywhere relative to blocks and the tag. */
const ODD_CHUNKS = [1, 7, 15, 16, 17, 4093, 65537] as const;

async function* chunked(data: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for (let i = 0; offset < data.length; i++) {
    const size = sizes[i % sizes.length]!;
    // One reused buffer, overwritten after each pull, as readChunks() and the object reader do.
    const chunk = Buffer.from(data.subarray(offset, offset + size));
    yield chunk;
    chunk.fill(0xee);
    offset += size;
  }
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

async function failure(stream: AsyncIterable<Uint8Array>): Promise<DecipherError> {
  try {
    await collect(stream);
  } catch (error) {
    if (error instanceof DecipherError) return error;
    throw error;
  }
  throw new Error('decryption succeeded');
}

describe.each(COMBINATIONS)('%s, %i-byte key, %i-byte IV', (mode, keyBytes, ivBytes) => {
  const key = randomBytes(keyBytes);
  const iv = randomBytes(ivBytes);

  test.each(SIZES)(
    'decrypts what @noble/ciphers encrypted (%i bytes), in odd chunks',
    async (n) => {
      const plaintext = randomBytes(n);
      const ciphertext = nobleEncrypt(mode, key, iv, plaintext);
      const out = await collect(decrypt(chunked(ciphertext, ODD_CHUNKS), { mode, key, iv }));
      expect(out.equals(plaintext)).toBe(true);
    },
  );

  test('round-trips encrypt() in one chunk', async () => {
    const plaintext = randomBytes(70_001);
    const ciphertext = await collect(
      encrypt(chunked(plaintext, [plaintext.length]), { mode, key, iv }),
    );
    const out = await collect(decrypt(chunked(ciphertext, [ciphertext.length]), { mode, key, iv }));
    expect(out.equals(plaintext)).toBe(true);
  });
});

describe('what does not verify', () => {
  const key = Buffer.alloc(32, 7);
  const iv12 = Buffer.alloc(12, 3);
  const iv16 = Buffer.alloc(16, 3);
  // Block-aligned, so CBC's padding is one whole block of 0x10 bytes.
  const plaintext = Buffer.alloc(64, 0x41);

  test('GCM: a flipped byte fails the tag', async () => {
    const ciphertext = nobleEncrypt('AES_GCM', key, iv12, plaintext);
    ciphertext[10]! ^= 1;
    const error = await failure(
      decrypt(chunked(ciphertext, [9]), { mode: 'AES_GCM', key, iv: iv12 }),
    );
    expect(error.code).toBe('GCM_TAG');
    expect(error.message).toMatch(/authentication tag does not verify/);
  });

  test('GCM: a truncated object fails the tag, and one shorter than the tag says so', async () => {
    const ciphertext = nobleEncrypt('AES_GCM', key, iv12, plaintext);
    const cut = await failure(
      decrypt(chunked(ciphertext.subarray(0, 70), [70]), { mode: 'AES_GCM', key, iv: iv12 }),
    );
    expect(cut.code).toBe('GCM_TAG');
    const short = await failure(
      decrypt(chunked(ciphertext.subarray(0, 15), [4]), { mode: 'AES_GCM', key, iv: iv12 }),
    );
    expect(short.code).toBe('TOO_SHORT');
    expect(short.message).toContain('15 bytes');
  });

  test('GCM: another IV fails the tag', async () => {
    const ciphertext = nobleEncrypt('AES_GCM', key, iv12, plaintext);
    const other = Buffer.alloc(12, 4);
    const error = await failure(
      decrypt(chunked(ciphertext, [64]), { mode: 'AES_GCM', key, iv: other }),
    );
    expect(error.code).toBe('GCM_TAG');
  });

  test('CBC: a changed last padding byte and a truncated block each fail', async () => {
    const ciphertext = nobleEncrypt('AES_CBC', key, iv16, plaintext);
    expect(ciphertext.length).toBe(80);
    // The second-to-last block XORs into the padding block: 0x10 becomes 0xef.
    ciphertext[63]! ^= 0xff;
    const padding = await failure(
      decrypt(chunked(ciphertext, [5]), { mode: 'AES_CBC', key, iv: iv16 }),
    );
    expect(padding.code).toBe('CBC_PADDING');
    const length = await failure(
      decrypt(chunked(ciphertext.subarray(0, 70), [70]), { mode: 'AES_CBC', key, iv: iv16 }),
    );
    expect(length.code).toBe('CBC_LENGTH');
    expect(length.message).toContain('70 bytes');
    const empty = await failure(
      decrypt(chunked(Buffer.alloc(0), [1]), { mode: 'AES_CBC', key, iv: iv16 }),
    );
    expect(empty.code).toBe('CBC_LENGTH');
  });

  test('a bad key length is refused before anything is read', () => {
    expect(() =>
      decrypt(chunked(Buffer.alloc(0), [1]), { mode: 'AES_CTR', key: Buffer.alloc(20), iv: iv16 }),
    ).toThrow(/16, 24 or 32 bytes/);
  });
});
