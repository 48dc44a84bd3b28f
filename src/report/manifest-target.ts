import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../shared/errors.js';
import type { MediaFile } from '../files/listing.js';
import { unwritableReason } from './writable.js';
import { withItsLog } from './manifest-log.js';

/** A manifest of ours is small; more than this is not one. */
const MAX_MANIFEST_PEEK = 64 * 1024 * 1024;

/** What was at the manifest's path before the run: nothing, or a manifest of this action. */
export interface ManifestTarget {
  /**
   * The earlier manifest, parsed (a previous run's, or this run's journal before a crash,
   * with its log folded in).
   */
  earlier?: Record<string, unknown>;
}

/**
 * Refuses a `manifest` path the run could not write or must not overwrite: one of the files
 * to encrypt; anything but a regular file (a FIFO would block the run forever); a file or
 * folder that cannot be written or has no room for `neededBytes`; or an existing file that is
 * not a manifest written by this action (a previous run's manifest may be replaced). Runs
 * before any AWS request.
 */
export async function checkManifestTarget(
  manifestPath: string,
  files: readonly MediaFile[],
  neededBytes = 0,
): Promise<ManifestTarget> {
  const target = await resolved(path.resolve(manifestPath));
  const listed = files.find((f) => f.absolutePath === target);
  if (listed) {
    throw new InputError(
      'manifest',
      `'${manifestPath}' is '${listed.relativePath}', one of the files to encrypt; write the manifest elsewhere`,
    );
  }
  const reason = await unwritableReason(target, { neededBytes, createFolder: true });
  if (reason !== undefined) {
    throw new InputError(
      'manifest',
      `'${manifestPath}' cannot be written: ${reason}; give a path to a new or earlier manifest in a writable folder`,
    );
  }
  // Known to be a regular file, or absent: opening it cannot block.
  const handle = await open(target, 'r').catch(() => undefined);
  if (!handle) return {};
  try {
    const info = await handle.stat();
    const text =
      info.size > MAX_MANIFEST_PEEK ? '' : (await handle.readFile({ encoding: 'utf8' })).trim();
    if (text === '' && info.size > 0) {
      throw new InputError('manifest', `'${manifestPath}' exists and is too big to be a manifest`);
    }
    if (text === '') return {};
    const earlier = asManifest(text);
    if (!earlier) {
      throw new InputError(
        'manifest',
        `'${manifestPath}' exists and is not a manifest of this action; give a new path or remove the file`,
      );
    }
    // A run killed while it wrote left records in the log beside its manifest.
    return { earlier: await withItsLog(earlier, target) };
  } finally {
    await handle.close();
  }
}

/** The real path of `file`, or of its folder joined with its name when it does not exist yet. */
async function resolved(file: string): Promise<string> {
  const real = await realpath(file).catch(() => undefined);
  if (real) return real;
  const dir = await realpath(path.dirname(file)).catch(() => path.dirname(file));
  return path.join(dir, path.basename(file));
}

function asManifest(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown> | null;
    return value?.version === 1 && Array.isArray(value.files) ? value : undefined;
  } catch {
    return undefined;
  }
}
