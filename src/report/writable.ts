/**
 * Checks, before any AWS request, that a file the run must write at the end (the manifest,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) can be written: a regular file that may be appended to,
 * or a new file in a folder where files can be made, with room for what will go there. A
 * FIFO or a folder in its place, a parent that is a file, a read-only or full file system
 * are found here, not after the jobs were created.
 */
import { constants } from 'node:fs';
import { access, open, rm, stat, statfs } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { errnoOf } from './durable-file.js';

/** A file system call's value or its error (errors may come from another realm under test). */
async function attempt<T>(call: Promise<T>): Promise<{ ok: T } | { error: NodeJS.ErrnoException }> {
  return call.then(
    (ok) => ({ ok }),
    (error: NodeJS.ErrnoException) => ({ error }),
  );
}

/** What a path is, in words, when it is not a regular file. */
function kindOf(info: import('node:fs').Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Why `file` cannot be written, or undefined when it can. `neededBytes`: what will be written
 * to it (a free-space check on its file system; 0 skips it). `createFolder`: a missing folder
 * will be made (the manifest's); else it must exist (GITHUB_OUTPUT's).
 */
export async function unwritableReason(
  file: string,
  options: { neededBytes?: number; createFolder?: boolean } = {},
): Promise<string | undefined> {
  // stat, not open: opening a FIFO waits for a reader, forever.
  const info = await attempt(stat(file));
  let folder: string;
  if ('error' in info) {
    const { code } = info.error;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return `cannot look at it: ${errnoOf(info.error)}`;
    const found = await existingFolder(path.dirname(path.resolve(file)), options.createFolder);
    if (typeof found !== 'string') return found.reason;
    folder = found;
    const probe = path.join(folder, `.write-check-${randomBytes(4).toString('hex')}`);
    const made = await attempt(open(probe, 'wx'));
    if ('error' in made) return `its folder '${folder}' is not writable: ${errnoOf(made.error)}`;
    await made.ok.close();
    await rm(probe, { force: true });
  } else {
    if (!info.ok.isFile()) return `it exists and is ${kindOf(info.ok)}`;
    const denied = await attempt(access(file, constants.W_OK));
    if ('error' in denied) return `it is not writable: ${errnoOf(denied.error)}`;
    // access() answers for permissions only; a read-only mount shows at open.
    const handle = await attempt(open(file, 'a'));
    if ('error' in handle) return `it is not writable: ${errnoOf(handle.error)}`;
    await handle.ok.close();
    folder = path.dirname(path.resolve(file));
  }
  const needed = options.neededBytes ?? 0;
  if (needed > 0) {
    const fs = await statfs(folder).catch(() => undefined);
    const free = fs ? fs.bavail * fs.bsize : Infinity;
    if (free < needed) {
      return `its file system has ${free} bytes free, less than the ${needed} bytes the run will write there`;
    }
  }
  return undefined;
}

/**
 * The folder `dir` when it exists (or, with `create`, its nearest existing ancestor, where
 * the missing folders will be made); else why not.
 */
async function existingFolder(
  dir: string,
  create: boolean | undefined,
): Promise<string | { reason: string }> {
  for (let current = dir; ; current = path.dirname(current)) {
    const info = await attempt(stat(current));
    if ('ok' in info) {
      if (!info.ok.isDirectory()) {
        return { reason: `'${current}' on its path is a file, not a folder` };
      }
      return current;
    }
    const { code } = info.error;
    if (code === 'ENOTDIR') continue;
    if (code !== 'ENOENT') return { reason: `cannot look at '${current}': ${errnoOf(info.error)}` };
    if (!create) return { reason: `its folder '${dir}' does not exist` };
    if (path.dirname(current) === current) return { reason: `no folder of its path exists` };
  }
}
