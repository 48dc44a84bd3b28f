/**
 * AES_CTR parts made again at send time (upload/ctr-parts.ts, crypto/ctr-at.ts): every part,
 * opened on its own and in any order, is the matching slice of what @noble/ciphers makes of
 * the whole file; the CRC32 planned for it is that slice's; a file that changes or shrinks
 * after the first read fails the part instead of sending other bytes.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ctr } from '@noble/ciphers/aes.js';
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, truncate, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { counterAt, ctrCipherAt } from '../../src/crypto/ctr-at.js';
import { encrypt } from '../../src/crypto/cipher.js';
import { planCtrParts, type PlannedPart } from '../../src/upload/ctr-parts.js';
import { readChunks } from '../../src/files/read-chunks.js';

const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
const withCrc = crc32 ? describe : describe.skip;

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function collect(parts: AsyncIterable<PlannedPart>): Promise<PlannedPart[]> {
  const all: PlannedPart[] = [];
  for await (const part of parts) all.push(part);
  return all;
}

describe('counterAt', () => {
  test('adds the block index to the whole 128-bit counter, carrying and wrapping', () => {
    const iv = Buffer.from('000000000000000000000000fffffffe', 'hex');
    expect(counterAt(iv, 0).toString('hex')).toBe('000000000000000000000000fffffffe');
    expect(counterAt(iv, 16).toString('hex')).toBe('000000000000000000000000ffffffff');
    expect(counterAt(iv, 32).toString('hex')).toBe('00000000000000000000000100000000');
    const top = Buffer.alloc(16, 0xff);
    expect(counterAt(top, 16).toString('hex')).toBe('0'.repeat(32));
    // A 12-byte IV is padded with zeros first, as encrypt() pads it.
    const short = Buffer.from('0102030405060708090a0b0c', 'hex');
    expect(counterAt(short, 5 * 16).toString('hex')).toBe('0102030405060708090a0b0c00000005');
    expect(iv.toString('hex')).toBe('000000000000000000000000fffffffe'); // not changed
  });

  test('refuses an offset that is not a whole block', () => {
    expect(() => counterAt(randomBytes(16), 8)).toThrow(/multiple of 16/);
    expect(() => counterAt(randomBytes(16), -16)).toThrow(/non-negative/);
  });

  test('a cipher from any block makes what one pass from the start made there', async () => {
    const key = randomBytes(32);
    const iv = Buffer.from('00112233445566778899aabbfffffff0', 'hex');
    const plain = randomBytes(4096);
    const whole = Buffer.from(ctr(key, iv).encrypt(plain));
    for (const offset of [0, 16, 256, 4000 - (4000 % 16)]) {
      const out = ctrCipherAt(key, iv, offset).update(plain.subarray(offset));
      expect(out.equals(whole.subarray(offset))).toBe(true);
    }
  });
});

withCrc('planCtrParts', () => {
  let dir: string;
  const key = randomBytes(32);
  const iv = randomBytes(16);
  const partBytes = 64 * 1024;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ctr-parts-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function planned(name: string, bytes: number) {
    const file = path.join(dir, name);
    const plain = randomBytes(bytes);
    await writeFile(file, plain);
    const handle = await open(file, 'r');
    const plan = planCtrParts(readChunks(file, 10_000), { handle, key, iv, partBytes });
    return { file, plain, handle, plan };
  }

  test('each part, opened alone and out of order, is its slice of the whole ciphertext', async () => {
    const { plain, handle, plan } = await planned('a.bin', 5 * partBytes + 1234);
    try {
      const parts = await collect(plan.parts);
      expect(parts.map((p) => p.length)).toEqual([...Array(5).fill(partBytes), 1234]);
      const whole = Buffer.from(ctr(key, iv).encrypt(plain));
      for (const at of [3, 0, 5, 1, 4, 2]) {
        const part = parts[at]!;
        const slice = whole.subarray(at * partBytes, at * partBytes + part.length);
        expect(part.body.byteLength).toBe(part.length);
        expect(part.crc >>> 0).toBe(crc32!(slice) >>> 0);
        // Twice: every attempt gets a fresh stream of the same bytes.
        expect((await bytesOf(part.body.open())).equals(slice)).toBe(true);
        expect((await bytesOf(part.body.open())).equals(slice)).toBe(true);
      }
    } finally {
      plan.close();
      await handle.close();
    }
  });

  test('a file of whole parts has no empty last part; its key and IV match encrypt()', async () => {
    const { plain, handle, plan } = await planned('b.bin', 3 * partBytes);
    try {
      const parts = await collect(plan.parts);
      expect(parts).toHaveLength(3);
      const ours = [];
      const source = (async function* () {
        yield plain;
      })();
      for await (const c of encrypt(source, { mode: 'AES_CTR', key, iv })) ours.push(c);
      const made = Buffer.concat(await Promise.all(parts.map((p) => bytesOf(p.body.open()))));
      expect(made.equals(Buffer.concat(ours))).toBe(true);
    } finally {
      plan.close();
      await handle.close();
    }
  });

  test('bytes written after the first read no longer match the CRC32 the part carries', async () => {
    const { file, handle, plan } = await planned('c.bin', 2 * partBytes);
    try {
      const parts = await collect(plan.parts);
      const other: FileHandle = await open(file, 'r+');
      await other.write(Buffer.from('changed'), 0, 7, partBytes + 100);
      await other.close();
      const first = await bytesOf(parts[0]!.body.open());
      expect(crc32!(first) >>> 0).toBe(parts[0]!.crc >>> 0);
      // S3 refuses such a part (BadDigest): test/unit/upload-reread.test.ts.
      const second = await bytesOf(parts[1]!.body.open());
      expect(second).toHaveLength(partBytes);
      expect(crc32!(second) >>> 0).not.toBe(parts[1]!.crc >>> 0);
    } finally {
      plan.close();
      await handle.close();
    }
  });

  test('a file cut short after the first read fails the part', async () => {
    const { file, handle, plan } = await planned('d.bin', 2 * partBytes);
    try {
      const parts = await collect(plan.parts);
      await truncate(file, partBytes + 10);
      await expect(bytesOf(parts[1]!.body.open())).rejects.toThrow(
        /file changed while being read: it ends at byte 65546 now/,
      );
    } finally {
      plan.close();
      await handle.close();
    }
  });

  test('once the upload has ended, no part is opened again', async () => {
    const { handle, plan } = await planned('e.bin', 2 * partBytes);
    const parts = await collect(plan.parts);
    plan.close();
    await handle.close();
    expect(() => parts[0]!.body.open()).toThrow(/the upload of this file has ended/);
  });
});
