/**
 * After a rewrap, the manifest names the new encrypted data keys, so jobs built from it use
 * them. Only `files[i].decryption` changes; the rest is written back as it was read (the jobs'
 * requests stay as they were sent). The file is replaced atomically: a new file beside it,
 * then a rename, so a reader never sees half a manifest. A killed run's log beside it was
 * folded in when it was read (object-source.ts): the manifest written stands alone, and the
 * log goes.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedManifest, ObjectTarget } from './object-source.js';
import type { ObjectResult } from './object-result.js';
import { logPathOf } from '../report/manifest-log.js';

/** Writes the new decryption settings of `results` into the manifest; returns how many changed. */
export async function updateManifest(
  manifest: LoadedManifest,
  targets: readonly ObjectTarget[],
  results: readonly ObjectResult[],
): Promise<number> {
  let changed = 0;
  results.forEach((result, i) => {
    const index = targets[i]?.recorded?.index;
    if (index === undefined || !result.decryption) return;
    if (result.status !== 'rewrapped' && result.status !== 'unchanged') return;
    const entry = manifest.json.files[index]!;
    if (JSON.stringify(entry.decryption) === JSON.stringify(result.decryption)) return;
    entry.decryption = result.decryption;
    changed += 1;
  });
  if (changed > 0) {
    await writeAtomically(manifest.path, `${JSON.stringify(manifest.json, null, 2)}\n`);
    await rm(logPathOf(manifest.path), { force: true });
  }
  return changed;
}

export async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temporary, text, { mode: 0o644, flag: 'wx', flush: true });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
