/**
 * Reading a listed file: opened once, never through a symbolic link put at its path since
 * listing, and checked through the open descriptor (fstat) against what was listed, so what
 * is checked is what is read.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { identityOf, type MediaFile } from './listing.js';
import { readChunks } from './read-chunks.js';

/**
 * Opens the listed file for reading without following a symbolic link in its place (its path
 * is the resolved one, so a link there now was put there after listing) and without blocking
 * on a FIFO swapped in.
 */
export async function openListed(file: MediaFile): Promise<FileHandle> {
  try {
    return await open(
      file.absolutePath,
      constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') {
      throw new Error('file was replaced since it was listed (a symbolic link is at its path now)');
    }
    if (code === 'ENOENT') throw new Error('file was removed since it was listed');
    throw error;
  }
}

/**
 * Fails when the open file is not the one listed or has changed: another device or inode
 * (replaced, or swapped for another file), size, modification or change time. The open file
 * itself is asked (fstat), so what is checked is what is read.
 */
export async function expectUnchanged(
  handle: FileHandle,
  file: MediaFile,
  when: string,
): Promise<void> {
  if (!file.listed) return;
  const info = await handle.stat();
  const listed = file.listed;
  if (info.dev !== listed.dev || info.ino !== listed.ino) {
    throw new Error(`file was replaced ${when} (another file is at its path now)`);
  }
  if (!info.isFile()) throw new Error(`file is no longer a regular file`);
  const now = identityOf(info);
  const changed = (['size', 'mtimeMs', 'ctimeMs'] as const).filter((k) => now[k] !== listed[k]);
  if (changed.length > 0) {
    throw new Error(
      `file changed ${when} (${changed.map((k) => k.replace('Ms', '')).join(', ')} differ): its ciphertext would not match any one version of it`,
    );
  }
}

/**
 * The one way a listed file is read: opened once (openListed), checked against what was listed
 * before the first byte and after the last (expectUnchanged), and refused when it yields a
 * different number of bytes than was listed. Chunks are valid until the next is asked for.
 */
export async function* readListed(
  file: MediaFile,
  chunkBytes?: number,
): AsyncGenerator<Uint8Array> {
  const handle = await openListed(file);
  try {
    // Still the file that was listed (not swapped for a link elsewhere, not rewritten since)?
    await expectUnchanged(handle, file, 'since it was listed');
    let bytes = 0;
    for await (const chunk of readChunks(handle, chunkBytes)) {
      bytes += chunk.length;
      yield chunk;
    }
    if (bytes !== file.bytes) {
      throw new Error(`file changed while being read: ${file.bytes} bytes listed, ${bytes} read`);
    }
    await expectUnchanged(handle, file, 'while being read');
  } finally {
    await handle.close();
  }
}
