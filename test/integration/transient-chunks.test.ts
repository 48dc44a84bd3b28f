/**
 * Transient chunks of encrypt() and decrypt(), the way the upload and verify consume them:
 * each chunk is used, then the next is asked for, and the one before has been freed where the
 * runtime can free it (ArrayBuffer.prototype.transfer, Node 21 and later). In the integration
 * tier because CI runs that tier on Node 24 as well, the runtime action.yml declares: there
 * the freeing is real.
 */
import { randomBytes } from 'node:crypto';
import {
  CAN_RELEASE,
  encrypt,
  TRANSIENT_UPDATE_BYTES,
  type EncryptOptions,
} from '../../src/crypto/cipher.js';
import { decrypt as ourDecrypt } from '../../src/crypto/decipher.js';
import { encrypt as nobleEncrypt, type Mode } from '../support/oracle.js';

const MODES: Mode[] = ['AES_CTR', 'AES_CBC', 'AES_GCM'];
const IV_BYTES: Record<Mode, number> = { AES_CTR: 16, AES_CBC: 16, AES_GCM: 12 };
const SOURCE_CHUNK = 256 * 1024;

async function* chunks(data: Buffer): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < data.length; offset += SOURCE_CHUNK) {
    yield data.subarray(offset, offset + SOURCE_CHUNK);
  }
}

type Stream = (source: AsyncIterable<Uint8Array>, options: EncryptOptions) => AsyncIterable<Buffer>;

/** Copies every chunk before asking for the next, and notes what became of the one before. */
async function consume(
  stream: Stream,
  input: Buffer,
  options: EncryptOptions,
): Promise<{ output: Buffer; sizes: number[]; lengthsAfter: number[] }> {
  const copies: Buffer[] = [];
  const sizes: number[] = [];
  const lengthsAfter: number[] = [];
  let previous: Buffer | undefined;
  for await (const chunk of stream(chunks(input), options)) {
    if (previous) lengthsAfter.push(previous.length);
    copies.push(Buffer.from(chunk));
    sizes.push(chunk.length);
    previous = chunk;
  }
  return { output: Buffer.concat(copies), sizes, lengthsAfter };
}

test('the runtime frees transient chunks from Node 21 on (so Node 24 does)', () => {
  expect(CAN_RELEASE).toBe(Number(process.versions.node.split('.')[0]) >= 21);
});

describe.each(MODES)('%s, transient chunks', (mode) => {
  const key = randomBytes(32);
  const iv = randomBytes(IV_BYTES[mode]);
  const plaintext = randomBytes(SOURCE_CHUNK * 3 + 1000);
  const ciphertext = nobleEncrypt(mode, key, iv, plaintext);
  const sides: [string, Stream, Buffer, Buffer][] = [
    [
      'encrypt',
      (source, options) => encrypt(source, { mode, key, iv }, options),
      plaintext,
      ciphertext,
    ],
    [
      'decrypt',
      (source, options) => ourDecrypt(source, { mode, key, iv }, options),
      ciphertext,
      plaintext,
    ],
  ];

  test.each(sides)(
    '%s: copied before the next is asked for, they make what @noble/ciphers makes',
    async (_, stream, input, expected) => {
      const { output } = await consume(stream, input, { transient: true });
      expect(output.equals(expected)).toBe(true);
    },
  );

  test.each(sides)(
    '%s: each is freed once the next is asked for, where the runtime can free it',
    async (_, stream, input) => {
      const { sizes, lengthsAfter } = await consume(stream, input, { transient: true });
      // Every chunk but the final one (GCM's tag with it) is handed back where it can be;
      // elsewhere each stays whole, as without the option.
      const expected = CAN_RELEASE ? lengthsAfter.map(() => 0) : sizes.slice(0, -1);
      expect(lengthsAfter).toEqual(expected);
      const largest = CAN_RELEASE ? TRANSIENT_UPDATE_BYTES + 16 : SOURCE_CHUNK + 16;
      expect(Math.max(...sizes)).toBeLessThanOrEqual(largest);
    },
  );

  test.each(sides)(
    '%s: without the option, chunks stay whole for a consumer that keeps them',
    async (_, stream, input) => {
      const { sizes, lengthsAfter } = await consume(stream, input, {});
      expect(lengthsAfter).toEqual(sizes.slice(0, -1));
      expect(Math.max(...sizes)).toBeGreaterThan(TRANSIENT_UPDATE_BYTES);
    },
  );
});
