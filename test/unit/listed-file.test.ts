import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, rm, stat, symlink, unlink, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readListed } from '../../src/files/listed-file.js';
import { identityOf, type MediaFile } from '../../src/files/listing.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'listed-file-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function listed(name: string, content: Buffer): Promise<MediaFile> {
  const absolutePath = path.join(dir, name);
  await writeFile(absolutePath, content);
  const info = await stat(absolutePath);
  return {
    absolutePath,
    relativePath: name,
    bytes: info.size,
    bucket: 'b',
    key: name,
    listed: identityOf(info),
  };
}

async function readAll(file: MediaFile, chunkBytes?: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of readListed(file, chunkBytes)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe('readListed', () => {
  test('yields every byte of the file as listed, in order', async () => {
    const content = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251));
    const file = await listed('whole.bin', content);
    expect((await readAll(file, 4096)).equals(content)).toBe(true);
  });

  test('refuses a file that grew since it was listed, naming what changed', async () => {
    const file = await listed('grown.bin', Buffer.alloc(100, 1));
    await appendFile(file.absolutePath, Buffer.alloc(10, 2));
    await expect(readAll(file)).rejects.toThrow(/file changed since it was listed \(size/);
  });

  test('refuses a symbolic link put at the path after listing', async () => {
    const file = await listed('swapped.bin', Buffer.alloc(100, 1));
    const other = await listed('other.bin', Buffer.alloc(100, 3));
    await unlink(file.absolutePath);
    await symlink(other.absolutePath, file.absolutePath);
    await expect(readAll(file)).rejects.toThrow(/symbolic link is at its path now/);
  });

  test('refuses a file removed since it was listed', async () => {
    const file = await listed('gone.bin', Buffer.alloc(10, 1));
    await unlink(file.absolutePath);
    await expect(readAll(file)).rejects.toThrow('file was removed since it was listed');
  });

  test('refuses a byte count that differs from the listing even when the identity is unknown', async () => {
    const file = await listed('short.bin', Buffer.alloc(50, 1));
    const unlisted: MediaFile = { ...file, bytes: 60 };
    delete unlisted.listed;
    await expect(readAll(unlisted)).rejects.toThrow('60 bytes listed, 50 read');
  });
});
