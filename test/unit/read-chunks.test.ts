/** readChunks: a file read in chunks of a given size into a few reused buffers. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ciphertextLength, encrypt } from '../../src/crypto/cipher.js';
import { readChunks } from '../../src/files/read-chunks.js';
import { MIB } from '../../src/shared/units.js';
import { decrypt } from '../support/oracle.js';

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

describe('readChunks', () => {
  let dir = '';
  let path = '';
  const content = randomBytes(2 * MIB + 12345);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'read-chunks-test-'));
    path = join(dir, 'media.bin');
    await writeFile(path, content);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function readAll(p: string, chunkBytes?: number): Promise<Buffer[]> {
    const chunks: Buffer[] = [];
    // Chunks are only valid until the next pull, so copy them.
    for await (const chunk of readChunks(p, chunkBytes)) chunks.push(Buffer.from(chunk));
    return chunks;
  }

  it.each([4093, 65537, 1024 * 1024, 3 * 1024 * 1024, undefined])(
    'yields the exact bytes with %p-byte chunks',
    async (chunkBytes) => {
      const chunks = await readAll(path, chunkBytes);
      expect(Buffer.concat(chunks).equals(content)).toBe(true);
      for (const c of chunks) expect(c.length).toBeLessThanOrEqual(chunkBytes ?? MIB);
      expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(content.length / (chunkBytes ?? MIB)));
    },
    30_000,
  );

  it.each([1, 7])('yields the exact bytes of a small file with %i-byte chunks', async (n) => {
    // Tiny reads cost a syscall each, so use a smaller file than above: 5,003 reads each, with
    // the buffers of the read-ahead reused thousands of times.
    const small = join(dir, `small-${n}.bin`);
    const expected = content.subarray(0, 5_003 * n);
    await writeFile(small, expected);
    const chunks = await readAll(small, n);
    expect(chunks).toHaveLength(Math.ceil(expected.length / n));
    expect(Buffer.concat(chunks).equals(expected)).toBe(true);
  });

  it('yields nothing for an empty file', async () => {
    const empty = join(dir, 'empty.bin');
    await writeFile(empty, '');
    expect(await readAll(empty)).toEqual([]);
  });

  it('rejects a missing file and bad chunk sizes', async () => {
    await expect(readAll(join(dir, 'missing.bin'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(() => readChunks(path, 0)).toThrow(RangeError);
    expect(() => readChunks(path, 1.5)).toThrow(RangeError);
  });

  it('can be abandoned early', async () => {
    for await (const chunk of readChunks(path, 4096)) {
      expect(chunk.length).toBe(4096);
      break;
    }
  });

  it.each(['AES_CTR', 'AES_CBC', 'AES_GCM'] as const)(
    '%s from a file: yielded buffers stay intact while the read buffers are reused',
    async (mode) => {
      const params = { mode, key: randomBytes(32), iv: randomBytes(mode === 'AES_GCM' ? 12 : 16) };
      // Small reads force many reuses of the two pooled read buffers. Each yielded Buffer is
      // kept as is (no copy), as S3 lib-storage does.
      const parts: Uint8Array[] = [];
      for await (const part of encrypt(readChunks(path, 65537), params)) parts.push(part);
      const ciphertext = Buffer.concat(parts);
      expect(ciphertext.length).toBe(ciphertextLength(mode, content.length));
      const decrypted = decrypt(mode, params.key, params.iv, ciphertext);
      expect(sha256(decrypted)).toBe(sha256(content));
    },
    30_000,
  );

  describe('buffers', () => {
    /** A FileHandle stand-in over `data` that notes each read; stat() reports `statBytes`. */
    function noted(data: Buffer, statBytes = data.length) {
      const reads: { buffer: Buffer; length: number; position: number }[] = [];
      const handle = {
        stat: () => Promise.resolve({ size: statBytes }),
        read: (buffer: Buffer, offset: number, length: number, position: number) => {
          reads.push({ buffer, length, position });
          const n = Math.max(0, Math.min(length, data.length - position));
          if (n > 0) data.copy(buffer, offset, position, position + n);
          return Promise.resolve({ bytesRead: n, buffer });
        },
      };
      return { handle: handle as unknown as FileHandle, reads };
    }
    async function readAllFrom(handle: FileHandle, chunkBytes: number): Promise<Buffer> {
      const chunks: Buffer[] = [];
      for await (const chunk of readChunks(handle, chunkBytes)) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks);
    }
    const chunkSized = (reads: { buffer: Buffer; length: number }[], size: number) =>
      new Set(reads.filter((r) => r.length === size).map((r) => r.buffer));

    it('reads a file of one chunk into one buffer of its size, and finds its end with a small read', async () => {
      const data = randomBytes(64 * 1024);
      const { handle, reads } = noted(data);
      expect((await readAllFrom(handle, MIB)).equals(data)).toBe(true);
      expect(chunkSized(reads, data.length).size).toBe(1);
      const others = reads.filter((r) => r.length !== data.length);
      expect(others.length).toBeGreaterThan(0);
      for (const r of others) {
        expect(r.position).toBeGreaterThanOrEqual(data.length);
        expect(r.length).toBeLessThanOrEqual(4096);
      }
    });

    it('reuses at most three chunk buffers however long the file', async () => {
      const data = randomBytes(40 * 4096 + 17);
      const { handle, reads } = noted(data);
      expect((await readAllFrom(handle, 4096)).equals(data)).toBe(true);
      expect(reads.filter((r) => r.length === 4096).length).toBeGreaterThanOrEqual(40);
      expect(chunkSized(reads, 4096).size).toBeLessThanOrEqual(3);
    });

    it.each([
      ['a third of a chunk', 1000],
      ['one chunk', 3000],
      ['nothing', 0],
    ])('reads a file that grew after it was first seen (%s) to its end', async (_, statBytes) => {
      const data = randomBytes(3 * 3000 + 100);
      const { handle } = noted(data, statBytes);
      expect((await readAllFrom(handle, 3000)).equals(data)).toBe(true);
    });
  });
});
