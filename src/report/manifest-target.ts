import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../shared/errors.js';
import type { MediaFile } from '../files/listing.js';

/** A manifest of ours is small; more than this is not one. */
const MAX_MANIFEST_PEEK = 64 * 1024 * 1024;

/**
 * Refuses a `manifest` path that would overwrite something it must not: one of the files to
 * encrypt, or any existing file that is not a manifest written by this action (a previous
 * run's manifest may be replaced). Runs before any AWS request.
 */
export async function checkManifestTarget(
  manifestPath: string,
  files: readonly MediaFile[],
): Promise<void> {
  const target = await resolved(path.resolve(manifestPath));
  const listed = files.find((f) => f.absolutePath === target);
  if (listed) {
    throw new InputError(
      'manifest',
      `'${manifestPath}' is '${listed.relativePath}', one of the files to encrypt; write the manifest elsewhere`,
    );
  }
  const handle = await open(target, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      throw new InputError('manifest', `'${manifestPath}' exists and is not a regular file`);
    }
    const text =
      info.size > MAX_MANIFEST_PEEK ? '' : (await handle.readFile({ encoding: 'utf8' })).trim();
    if (text !== '' && !isManifest(text)) {
      throw new InputError(
        'manifest',
        `'${manifestPath}' exists and is not a manifest of this action; give a new path or remove the file`,
      );
    }
    if (text === '' && info.size > 0) {
      throw new InputError('manifest', `'${manifestPath}' exists and is too big to be a manifest`);
    }
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

function isManifest(text: string): boolean {
  try {
    const value = JSON.parse(text) as { version?: unknown; files?: unknown };
    return value.version === 1 && Array.isArray(value.files);
  } catch {
    return false;
  }
}
