/**
 * The emulator's media decryption against ciphertext made by @noble/ciphers (pure JS, no
 * OpenSSL), fed in awkward chunk sizes; and the container magic used when ffprobe is absent.
 */
import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createMediaDecipher } from '../../local-aws/mediaconvert/decrypt.js';
import { sniffContainer } from '../../local-aws/mediaconvert/media.js';
import { JobFailure } from '../../local-aws/mediaconvert/wire.js';
import { encrypt as nobleEncrypt, type Mode } from '../support/oracle.js';

/** Splits data into chunks of 1, 7, 15, 16, 17 and 1000 bytes, over and over. */
function chunked(data: Buffer): Buffer[] {
  const sizes = [1, 7, 15, 16, 17, 1000];
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < data.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    chunks.push(data.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

async function decrypt(mode: Mode, key: Buffer, iv: Buffer, ciphertext: Buffer): Promise<Buffer> {
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.push(chunk);
      done();
    },
  });
  const decipher = createMediaDecipher(
    { mode, initializationVector: iv.toString('base64') },
    key,
    's3://media/in.mp4',
  );
  await pipeline(Readable.from(chunked(ciphertext)), decipher, sink);
  return Buffer.concat(out);
}

describe('createMediaDecipher', () => {
  const plaintext = randomBytes(40_000 + 5);

  it.each([
    ['AES_CTR', 16, 16],
    ['AES_CTR', 12, 32],
    ['AES_CBC', 16, 24],
    ['AES_GCM', 12, 32],
    ['AES_GCM', 16, 16],
  ] as const)(
    'decrypts %s with a %i-byte IV and a %i-byte key',
    async (mode, ivBytes, keyBytes) => {
      const key = randomBytes(keyBytes);
      const iv = randomBytes(ivBytes);
      const ciphertext = nobleEncrypt(mode, key, iv, plaintext);
      expect((await decrypt(mode, key, iv, ciphertext)).equals(plaintext)).toBe(true);
    },
  );

  it('counts a 16-byte CTR IV past 2^64 as one 128-bit integer', async () => {
    const key = randomBytes(32);
    const iv = Buffer.from('00000000000000ffffffffffffffffff', 'hex');
    const ciphertext = nobleEncrypt('AES_CTR', key, iv, plaintext);
    expect((await decrypt('AES_CTR', key, iv, ciphertext)).equals(plaintext)).toBe(true);
  });

  const failure = (pattern: RegExp) =>
    expect.objectContaining({ code: 1010, message: expect.stringMatching(pattern) as unknown });

  it('refuses GCM ciphertext with one flipped bit', async () => {
    const key = randomBytes(32);
    const iv = randomBytes(12);
    const ciphertext = nobleEncrypt('AES_GCM', key, iv, plaintext);
    ciphertext[5] = (ciphertext[5] ?? 0) ^ 0x80;
    await expect(decrypt('AES_GCM', key, iv, ciphertext)).rejects.toEqual(
      failure(/^Failed to decrypt input s3:\/\/media\/in\.mp4: authentication tag mismatch/),
    );
  });

  it('refuses a GCM object shorter than its tag', async () => {
    const key = randomBytes(32);
    await expect(decrypt('AES_GCM', key, randomBytes(12), randomBytes(10))).rejects.toEqual(
      failure(/shorter than the 16-byte AES_GCM authentication tag/),
    );
  });

  it('refuses CBC ciphertext that is not whole blocks', async () => {
    const key = randomBytes(32);
    const iv = randomBytes(16);
    const ciphertext = nobleEncrypt('AES_CBC', key, iv, plaintext).subarray(0, 100);
    await expect(decrypt('AES_CBC', key, iv, ciphertext)).rejects.toEqual(
      failure(/PKCS#7 padding check failed/),
    );
  });

  it('refuses a data key that is not 128, 192 or 256 bits', () => {
    expect(() =>
      createMediaDecipher(
        { mode: 'AES_CTR', initializationVector: 'AAAAAAAAAAAAAAAAAAAAAA==' },
        randomBytes(20),
        'x',
      ),
    ).toThrow(JobFailure);
  });
});

describe('sniffContainer', () => {
  const pad = (head: Buffer): Buffer => Buffer.concat([head, Buffer.alloc(600)]);
  const ts = Buffer.alloc(188 * 3);
  [0, 188, 376].forEach((at) => ts.writeUInt8(0x47, at));

  it.each([
    ['mp4', pad(Buffer.from('00000020667479706973736f6d', 'hex'))],
    ['mov', pad(Buffer.from('00000014667479707174202000', 'hex'))],
    ['matroska', pad(Buffer.from('1a45dfa3a3', 'hex'))],
    ['wav', pad(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))],
    ['mpegts', ts],
    ['mp3', pad(Buffer.from('ID3\x04\x00', 'latin1'))],
    ['mp3', pad(Buffer.from('fffb9064', 'hex'))],
    ['mxf', pad(Buffer.from('060e2b34020501010d01020101020400', 'hex'))],
  ])('recognises %s', (container, head) => {
    expect(sniffContainer(head)).toBe(container);
  });

  it('refuses noise', () => {
    const noise = Buffer.from('5a'.repeat(1000), 'hex');
    expect(sniffContainer(noise)).toBeUndefined();
  });
});
