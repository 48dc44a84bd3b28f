/**
 * Small file systems for tests of full and read-only disks: a tmpfs mounted on a folder. Only
 * root may mount, and a container may forbid it; where it cannot be done, the helpers say why
 * so that the test can be skipped with that reason.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Tmpfs {
  dir: string;
  /** Writes to the file system until it has no byte left. */
  fill(): Promise<void>;
  remove(): Promise<void>;
}

/** A tmpfs of `kib` KiB (read-only when asked) on a new folder, or why there cannot be one. */
export async function mountTmpfs(kib: number, readOnly = false): Promise<Tmpfs | string> {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tmpfs-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${kib}k${readOnly ? ',ro' : ''}`, 'tmpfs', dir]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return `mount -t tmpfs failed here: ${stderr || (error as Error).message}`;
  }
  return {
    dir,
    async fill() {
      const handle = await open(path.join(dir, 'filler'), 'w');
      try {
        const block = Buffer.alloc(4096);
        for (;;) await handle.write(block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        await handle.close().catch(() => undefined);
      }
    },
    async remove() {
      await run('umount', [dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
