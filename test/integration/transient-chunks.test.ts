/**
 * encrypt()'s transient chunks, the way the upload consumes them: each chunk is copied, then
 * the next is asked for, and the one before has been freed where the runtime can free it
 * (ArrayBuffer.prototype.transfer, Node 21 and later). In the integration tier because CI runs
 * that tier on Node 24 as well, the runtime action.yml declares: there the freeing is real.
 */
import { randomBytes } from 'node:crypto';
import {
  CAN_RELEASE,
  encrypt,
  TRANSIENT_UPDATE_BYTES,
  type EncryptOptions,
} from '../../src/crypto/cipher.js';
import { decrypt, type Mode } from '../support/oracle.js';

const MODES: Mode[] = ['AES_CTR', 'AES_CBC', 'AES_GCM'];
const IV_BYTES: Record<Mode, number> = { AES_CTR: 16, AES_CBC: 16, AES_GCM: 12 };
const SOURCE_CHUNK = 256 * 1024;

async function* chunks(data: Buffer): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < data.length; offset += SOURCE_CHUNK) {
    yield data.subarray(offset, offset + SOURCE_CHUNK);
  }
}

/** Copies every chunk before asking for the next, and notes what became of the one before. */
async function consume(
  mode: Mode,
  key: Buffer,
  iv: Buffer,
  plaintext: Buffer,
  options: EncryptOptions,
): Promise<{ ciphertext: Buffer; sizes: number[]; lengthsAfter: number[] }> {
  const copies: Buffer[] = [];
  const sizes: number[] = [];
  const lengthsAfter: number[] = [];
  let previous: Buffer | undefined;
  for await (const chunk of encrypt(chunks(plaintext), { mode, key, iv }, options)) {
    if (previous) lengthsAfter.push(previous.length);
    copies.push(Buffer.from(chunk));
    sizes.push(chunk.length);
    previous = chunk;
  }
  return { ciphertext: Buffer.concat(copies), sizes, lengthsAfter };
}

test('the runtime frees transient chunks from Node 21 on (so Node 24 does)', () => {
  expect(CAN_RELEASE).toBe(Number(process.versions.node.split('.')[0]) >= 21);
});

describe.each(MODES)('%s, transient chunks', (mode) => {
  const key = randomBytes(32);
  const iv = randomBytes(IV_BYTES[mode]);
  const plaintext = randomBytes(SOURCE_CHUNK * 3 + 1000);

  test('copied before the next is asked for, they make the ciphertext @noble/ciphers decrypts', async () => {
    const { ciphertext } = await consume(mode, key, iv, plaintext, { transient: true });
    expect(decrypt(mode, key, iv, ciphertext).equals(plaintext)).toBe(true);
  });

  test('each is freed once the next is asked for, where the runtime can free it', async () => {
    const { sizes, lengthsAfter } = await consume(mode, key, iv, plaintext, { transient: true });
    // Every chunk but the final one (GCM's tag with it) is handed back where it can be;
    // elsewhere each stays whole, as without the option.
    const expected = CAN_RELEASE ? lengthsAfter.map(() => 0) : sizes.slice(0, -1);
    expect(lengthsAfter).toEqual(expected);
    const largest = CAN_RELEASE ? TRANSIENT_UPDATE_BYTES + 16 : SOURCE_CHUNK + 16;
    expect(Math.max(...sizes)).toBeLessThanOrEqual(largest);
  });

  test('without the option, chunks stay whole for a consumer that keeps them', async () => {
    const { sizes, lengthsAfter } = await consume(mode, key, iv, plaintext, {});
    expect(lengthsAfter.every((length, i) => length === sizes[i])).toBe(true);
    expect(Math.max(...sizes)).toBeGreaterThan(TRANSIENT_UPDATE_BYTES);
  });
});
