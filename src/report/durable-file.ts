/**
 * Writing a file so that a crash (a kill, a power cut, a full disk) at any moment leaves
 * either its old content or its new content, whole, and never a torn mix: the way databases
 * write their control files. Errors name the file and the errno.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** An errno as a reader can act on it: `ENOSPC (no space left on device)`. */
export function errnoOf(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string') return typeof message === 'string' ? message : String(error);
  // Node's messages read "ENOSPC: no space left on device, write": keep the description.
  const description = typeof message === 'string' ? /^[A-Z]+: ([^,]+)/.exec(message)?.[1] : '';
  return description ? `${code} (${description})` : code;
}

/** A write of one of the run's own files failed; the message names the file and the errno. */
export class WriteError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`cannot write '${file}': ${errnoOf(cause)}`, { cause });
    this.name = 'WriteError';
  }
}

/** What a durable write writes: a text, or its UTF-8 bytes in pieces (written with writev). */
export type FileContent = string | readonly Uint8Array[];

/**
 * Writes `content` to `file`: a temporary file beside it is written and fsync'd, renamed over
 * `file`, and the folder fsync'd so that the rename itself survives a crash. The folder is
 * created first when missing. Throws a WriteError; the temporary file is removed.
 */
export async function writeDurably(file: string, content: FileContent): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'wx', 0o644);
    try {
      if (typeof content === 'string') await handle.writeFile(content, 'utf8');
      // libuv writes every piece, IOV_MAX at a time, until all bytes are out.
      else await handle.writev([...content]);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new WriteError(file, error);
  }
  await syncFolder(dir).catch((error: unknown) => {
    throw new WriteError(file, error);
  });
}

/** fsync of a folder: what makes a rename in it durable. Not every file system allows it. */
export async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync().catch((error: NodeJS.ErrnoException) => {
      // Some file systems cannot fsync a folder; their renames are as durable as they get.
      if (error.code !== 'EINVAL' && error.code !== 'EISDIR' && error.code !== 'EPERM') {
        throw error;
      }
    });
  } finally {
    await handle.close();
  }
}
