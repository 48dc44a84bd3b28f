/**
 * docs/ctr-12-byte-iv.md: the two ways to make a 16-byte CTR counter from a 12-byte IV, and the
 * warning a run gives when a user picks CTR with a 12-byte IV.
 */
import { randomBytes } from 'node:crypto';
import { ctr, gcm } from '@noble/ciphers/aes.js';
import { encrypt } from '../../src/crypto/cipher.js';
import { doubtfulChoices } from '../../src/inputs/doubtful.js';

async function ourCtr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Buffer> {
  const parts: Buffer[] = [];
  async function* once(): AsyncGenerator<Uint8Array> {
    yield data;
  }
  for await (const part of encrypt(once(), { mode: 'AES_CTR', key, iv })) parts.push(part);
  return Buffer.concat(parts);
}

const counter = (iv: Uint8Array, last: number): Uint8Array =>
  Buffer.concat([iv, Buffer.from([0, 0, 0, last])]);

test('this tool counts from IV || 00000000; the S3 encryption client from IV || 00000002', async () => {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const data = randomBytes(100);
  const ours = await ourCtr(key, iv, data);
  expect(Buffer.from(ctr(key, counter(iv, 0)).encrypt(data))).toEqual(ours);
  // GCM encrypts with counters from inc32(J0) = IV || 00000002: the S3 encryption client's
  // CTR over a 12-byte IV gives the GCM ciphertext without its tag.
  const s3Client = Buffer.from(ctr(key, counter(iv, 2)).encrypt(data));
  expect(s3Client).toEqual(Buffer.from(gcm(key, iv).encrypt(data).subarray(0, data.length)));
  expect(s3Client.subarray(0, 16)).not.toEqual(ours.subarray(0, 16));
  // The same keystream two blocks apart: the S3 client's first block is this tool's third.
  const ourKeystream = await ourCtr(key, iv, new Uint8Array(64));
  const theirKeystream = Buffer.from(ctr(key, counter(iv, 2)).encrypt(new Uint8Array(32)));
  expect(theirKeystream).toEqual(ourKeystream.subarray(32, 64));
});

test('CTR with a 12-byte IV is warned about; 16 bytes, and GCM with 12, are not', () => {
  const [warning, ...more] = doubtfulChoices({ mode: 'AES_CTR', ivBytes: 12 });
  expect(more).toEqual([]);
  expect(warning).toMatch(/^iv-length 12 with AES_CTR: /);
  expect(warning).toContain('IV || 00000000');
  expect(warning).toContain('IV || 00000002');
  expect(warning).toContain('docs/ctr-12-byte-iv.md');
  expect(warning).not.toContain('\n');
  expect(doubtfulChoices({ mode: 'AES_CTR', ivBytes: 16 })).toEqual([]);
  expect(doubtfulChoices({ mode: 'AES_GCM', ivBytes: 12 })).toEqual([]);
  expect(doubtfulChoices({ mode: 'AES_CBC', ivBytes: 16 })).toEqual([]);
});
