import { createHash, randomBytes } from 'node:crypto';
import { ecb, ctr as nobleCtr } from '@noble/ciphers/aes.js';
import {
  assertGcmSize,
  CipherError,
  ciphertextLength,
  encrypt,
  ivLengthsFor,
} from '../../src/crypto/cipher.js';
import {
  GCM_MAX_PLAINTEXT_BYTES,
  GCM_TAG_BYTES,
  type Mode,
} from '../../src/mediaconvert/decryption.js';
import { decrypt } from '../support/oracle.js';
import { MIB } from '../../src/shared/units.js';

const KEY_LENGTHS = [16, 24, 32] as const;
const SIZES = [0, 1, 15, 16, 17, 3 * MIB + 5] as const;
/** Odd chunk sizes, cycled, so chunk edges land everywhere relative to AES blocks. */
const ODD_CHUNKS = [1, 7, 4093, 65537] as const;

/** Feeds `data` in chunks whose sizes cycle through `sizes`; each chunk is a fresh copy. */
async function* chunked(data: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for (let i = 0; offset < data.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    yield Uint8Array.from(data.subarray(offset, offset + size));
    offset += size;
  }
}

/** Keeps every yielded Buffer as is (no copy), as S3 lib-storage does, and joins them at the end. */
async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

function cipherParams(mode: Mode, keyBytes: number, ivBytes: number) {
  return { mode, key: randomBytes(keyBytes), iv: randomBytes(ivBytes) };
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

// One random plaintext per size, shared by all modes to keep the test quick.
const plaintexts = new Map<number, Buffer>(SIZES.map((n) => [n, randomBytes(n)]));
function plaintext(size: number): Buffer {
  const data = plaintexts.get(size);
  if (!data) throw new Error(`no plaintext of ${size} bytes`);
  return data;
}

describe('constants and lengths', () => {
  it('exposes the GCM limit and tag size', () => {
    expect(GCM_MAX_PLAINTEXT_BYTES).toBe(2 ** 36 - 32);
    expect(GCM_TAG_BYTES).toBe(16);
  });

  it('lists the accepted IV lengths per mode', () => {
    expect(ivLengthsFor('AES_CTR')).toEqual([12, 16]);
    expect(ivLengthsFor('AES_CBC')).toEqual([16]);
    expect(ivLengthsFor('AES_GCM')).toEqual([12, 16]);
  });

  it('computes ciphertext lengths', () => {
    expect(ciphertextLength('AES_CTR', 0)).toBe(0);
    expect(ciphertextLength('AES_CTR', 17)).toBe(17);
    expect(ciphertextLength('AES_CBC', 0)).toBe(16);
    expect(ciphertextLength('AES_CBC', 15)).toBe(16);
    expect(ciphertextLength('AES_CBC', 16)).toBe(32);
    expect(ciphertextLength('AES_CBC', 17)).toBe(32);
    expect(ciphertextLength('AES_GCM', 0)).toBe(16);
    expect(ciphertextLength('AES_GCM', 17)).toBe(33);
    expect(ciphertextLength('AES_CTR', 2 ** 40)).toBe(2 ** 40);
  });

  it('rejects bad sizes and modes with CipherError', () => {
    expect(() => ciphertextLength('AES_CTR', -1)).toThrow(CipherError);
    expect(() => ciphertextLength('AES_CTR', 1.5)).toThrow(CipherError);
    expect(() => ivLengthsFor('AES_ECB' as Mode)).toThrow(/unsupported mode.*AES_CTR/);
  });
});

describe('AES_CTR and AES_CBC decrypt with @noble/ciphers', () => {
  const cases: [Mode & ('AES_CTR' | 'AES_CBC'), number, number][] = [];
  for (const keyBytes of KEY_LENGTHS) {
    cases.push(['AES_CTR', keyBytes, 16], ['AES_CTR', keyBytes, 12], ['AES_CBC', keyBytes, 16]);
  }

  it.each(cases)(
    '%s, %i-byte key, %i-byte IV, every size',
    async (mode, keyBytes, ivBytes) => {
      const params = cipherParams(mode, keyBytes, ivBytes);
      for (const size of SIZES) {
        const data = plaintext(size);
        const ciphertext = await collect(encrypt(chunked(data, ODD_CHUNKS), params));
        expect(ciphertext.length).toBe(ciphertextLength(mode, size));
        const decrypted = decrypt(mode, params.key, params.iv, ciphertext);
        expect(sha256(decrypted)).toBe(sha256(data));
      }
    },
    60_000,
  );

  it.each([1, 7, 4093, 65537])(
    'gives the same ciphertext for %i-byte chunks',
    async (n) => {
      // Past the 65537-byte chunk; 1- and 7-byte chunks cost a call each, so they get less
      // (still thousands of chunk edges at every offset within a block).
      const data = randomBytes(n < 4096 ? 5_003 : 70_001);
      for (const mode of ['AES_CTR', 'AES_CBC'] as const) {
        const params = cipherParams(mode, 32, 16);
        const whole = await collect(encrypt(chunked(data, [data.length]), params));
        const pieces = await collect(encrypt(chunked(data, [n]), params));
        expect(pieces.equals(whole)).toBe(true);
        const decrypted = decrypt(mode, params.key, params.iv, pieces);
        expect(decrypted.equals(data)).toBe(true);
      }
    },
    30_000,
  );
});

describe('AES_CTR counter', () => {
  // OpenSSL increments the whole 16-byte block as one big-endian integer.
  const data = randomBytes(16 * 5 + 3);

  it.each([
    ['128-bit wrap', 'ffffffffffffffffffffffffffffffff'],
    ['32-bit carry', '000102030405060708090a0bfffffffe'],
    ['64-bit carry', '00010203040506070fffffffffffffff'],
  ])('carries across the %s like openssl', async (_label, ivHex) => {
    const key = randomBytes(32);
    const iv = Buffer.from(ivHex, 'hex');
    const ciphertext = await collect(
      encrypt(chunked(data, [5, 16, 3]), { mode: 'AES_CTR', key, iv }),
    );
    expect(decrypt('AES_CTR', key, iv, ciphertext).equals(data)).toBe(true);
  });

  it('wraps ff..ff to 00..00 (keystream block 2 is AES_K(0))', async () => {
    const key = randomBytes(16);
    const iv = Buffer.alloc(16, 0xff);
    const zeros = new Uint8Array(32);
    const keystream = await collect(encrypt(chunked(zeros, [32]), { mode: 'AES_CTR', key, iv }));
    const expected = ecb(key, { disablePadding: true }).encrypt(new Uint8Array(16));
    expect(keystream.subarray(16).equals(expected)).toBe(true);
  });

  it('treats a 12-byte IV as the counter block IV || 00000000', async () => {
    const key = randomBytes(32);
    const iv = randomBytes(12);
    const data = randomBytes(100);
    const ciphertext = await collect(encrypt(chunked(data, [100]), { mode: 'AES_CTR', key, iv }));
    const padded = Buffer.concat([iv, Buffer.alloc(4)]);
    expect(Buffer.from(nobleCtr(key, padded).decrypt(ciphertext)).equals(data)).toBe(true);
  });
});

describe('AES_GCM decrypts and authenticates with @noble/ciphers', () => {
  const cases: [number, number][] = [];
  for (const keyBytes of KEY_LENGTHS) cases.push([keyBytes, 12], [keyBytes, 16]);

  it.each(cases)(
    '%i-byte key, %i-byte IV, every size',
    async (keyBytes, ivBytes) => {
      const params = cipherParams('AES_GCM', keyBytes, ivBytes);
      for (const size of SIZES) {
        const data = plaintext(size);
        const ciphertext = await collect(encrypt(chunked(data, ODD_CHUNKS), params));
        expect(ciphertext.length).toBe(ciphertextLength('AES_GCM', size));
        const decrypted = decrypt('AES_GCM', params.key, params.iv, ciphertext);
        expect(sha256(decrypted)).toBe(sha256(data));
      }
    },
    60_000,
  );

  it('yields the tag as the tail of the last chunk', async () => {
    const params = cipherParams('AES_GCM', 32, 12);
    const data = randomBytes(40);
    const parts: Buffer[] = [];
    for await (const part of encrypt(chunked(data, [40]), params)) parts.push(part);
    const last = parts.at(-1);
    expect(last?.length).toBeGreaterThanOrEqual(GCM_TAG_BYTES);
    const tampered = Buffer.concat(parts);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => decrypt('AES_GCM', params.key, params.iv, tampered)).toThrow();
  });
});

describe('GCM size limit', () => {
  it('assertGcmSize accepts up to the limit and refuses beyond it', () => {
    expect(() => assertGcmSize(0)).not.toThrow();
    expect(() => assertGcmSize(GCM_MAX_PLAINTEXT_BYTES)).not.toThrow();
    expect(() => assertGcmSize(GCM_MAX_PLAINTEXT_BYTES + 1)).toThrow(CipherError);
    expect(() => assertGcmSize(GCM_MAX_PLAINTEXT_BYTES + 1)).toThrow(/exceeds the GCM limit/);
    expect(() => assertGcmSize(101, 100)).toThrow(/101 bytes exceeds the GCM limit of 100/);
    expect(() => assertGcmSize(-1)).toThrow(CipherError);
  });

  it('encrypt throws mid-stream before emitting anything past the limit', async () => {
    const params = { ...cipherParams('AES_GCM', 32, 12), gcmMaxPlaintextBytes: 100 };
    const emitted: Buffer[] = [];
    const run = async (): Promise<void> => {
      for await (const part of encrypt(chunked(randomBytes(120), [60]), params)) emitted.push(part);
    };
    await expect(run()).rejects.toMatchObject({ name: 'CipherError', code: 'GCM_TOO_LARGE' });
    expect(Buffer.concat(emitted).length).toBe(60);
  });

  it('encrypt accepts a stream of exactly the limit', async () => {
    const params = { ...cipherParams('AES_GCM', 16, 16), gcmMaxPlaintextBytes: 100 };
    const data = randomBytes(100);
    const ciphertext = await collect(encrypt(chunked(data, [33]), params));
    expect(Buffer.from(decrypt('AES_GCM', params.key, params.iv, ciphertext)).equals(data)).toBe(
      true,
    );
  });

  it('cannot be raised above the standard limit', async () => {
    const params = { ...cipherParams('AES_GCM', 32, 12), gcmMaxPlaintextBytes: 2 ** 50 };
    const huge: AsyncIterable<Uint8Array> = {
      // A chunk object claiming to be enormous; it must be refused before update() sees it.
      async *[Symbol.asyncIterator]() {
        yield { length: GCM_MAX_PLAINTEXT_BYTES + 1 } as unknown as Uint8Array;
      },
    };
    await expect(collect(encrypt(huge, params))).rejects.toMatchObject({ code: 'GCM_TOO_LARGE' });
  });

  it('does not limit CTR or CBC', async () => {
    const params = { ...cipherParams('AES_CTR', 32, 16), gcmMaxPlaintextBytes: 10 };
    await expect(collect(encrypt(chunked(randomBytes(50), [50]), params))).resolves.toHaveLength(
      50,
    );
  });
});

describe('parameter validation', () => {
  const key = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddee', 'hex');

  /** encrypt() must refuse synchronously, before it reads any plaintext. */
  function failure(mode: Mode, k: Uint8Array, iv: Uint8Array): CipherError {
    let pulled = false;
    const source: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => {
        pulled = true;
        return chunked(new Uint8Array(1), [1]);
      },
    };
    let error: unknown;
    try {
      encrypt(source, { mode, key: k, iv });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CipherError);
    expect(pulled).toBe(false);
    return error as CipherError;
  }

  function expectNoKeyMaterial(error: Error, k: Uint8Array): void {
    const bytes = Buffer.from(k);
    if (bytes.length === 0) return;
    for (const text of [error.message, String(error.stack), JSON.stringify(error)]) {
      expect(text).not.toContain(bytes.toString('hex'));
      expect(text).not.toContain(bytes.toString('base64'));
      expect(text).not.toContain(bytes.subarray(0, 8).toString('hex'));
    }
  }

  it.each([0, 15, 31, 33, 64])('refuses a %i-byte key, naming the accepted lengths', (n) => {
    const k = Buffer.concat([key, key, key]).subarray(0, n);
    const error = failure('AES_CTR', k, randomBytes(16));
    expect(error.code).toBe('KEY_LENGTH');
    expect(error.message).toMatch(new RegExp(`16, 24 or 32 bytes.*got ${n} bytes`));
    expectNoKeyMaterial(error, k);
  });

  it.each([
    ['AES_CBC', 12],
    ['AES_CBC', 0],
    ['AES_CTR', 8],
    ['AES_CTR', 17],
    ['AES_GCM', 8],
    ['AES_GCM', 32],
  ] as const)('refuses %s with a %i-byte IV', (mode, ivBytes) => {
    const k = key.subarray(0, 31);
    const error = failure(mode, Buffer.concat([k, Buffer.from([7])]), randomBytes(ivBytes));
    expect(error.code).toBe('IV_LENGTH');
    const accepted = ivLengthsFor(mode).join(' or ');
    expect(error.message).toContain(`${mode} IV must be ${accepted} bytes; got ${ivBytes} bytes`);
    expectNoKeyMaterial(error, key);
  });

  it('refuses an unknown mode', () => {
    const error = failure('AES_XTS' as Mode, randomBytes(32), randomBytes(16));
    expect(error.code).toBe('MODE');
  });

  it('lets the caller zero its key as soon as encrypt() returns', async () => {
    const key = randomBytes(32);
    const original = Buffer.from(key);
    const iv = randomBytes(16);
    const data = randomBytes(1000);
    const stream = encrypt(chunked(data, [300]), { mode: 'AES_CTR', key, iv });
    key.fill(0);
    const ciphertext = await collect(stream);
    expect(decrypt('AES_CTR', original, iv, ciphertext).equals(data)).toBe(true);
  });

  it('leaves the caller key and IV untouched', async () => {
    const k = randomBytes(32);
    const iv = randomBytes(12);
    const before = Buffer.concat([k, iv]);
    await collect(encrypt(chunked(randomBytes(64), [64]), { mode: 'AES_CTR', key: k, iv }));
    expect(Buffer.concat([k, iv]).equals(before)).toBe(true);
  });
});
