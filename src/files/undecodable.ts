/**
 * File names that are not UTF-8. Node reads directory entries as UTF-8 and puts U+FFFD where
 * a byte does not decode, so such a name comes back as a path that does not exist (ENOENT on
 * the next lstat). S3 keys are UTF-8: the file cannot be uploaded under its name at all.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * `bytes` as text: every valid UTF-8 sequence decoded, every other byte as `\xHH`, so a name
 * can be shown as it is on disk.
 */
export function escapeNonUtf8(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    let decoded: string | undefined;
    let used = 1;
    for (let n = 1; n <= 4 && i + n <= bytes.length && decoded === undefined; n++) {
      try {
        decoded = strict.decode(bytes.subarray(i, i + n));
        used = n;
      } catch {
        // An incomplete or invalid sequence: try one byte more.
      }
    }
    out += decoded ?? `\\x${bytes[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
    i += used;
  }
  return out;
}

/**
 * When `missing` (a path a directory listing gave, which lstat no longer finds) stands for an
 * entry whose real name is not UTF-8: that name, escaped, relative to `root`. Otherwise
 * undefined (the file really went away).
 */
export async function undecodableName(root: string, missing: string): Promise<string | undefined> {
  if (!missing.includes('\uFFFD')) return undefined;
  const dir = path.dirname(missing);
  const entries = await readdir(dir, { encoding: 'buffer' }).catch(() => []);
  const raw = entries.find(
    (name) =>
      name.toString('utf8') === path.basename(missing) &&
      !Buffer.from(name.toString('utf8'), 'utf8').equals(name),
  );
  if (raw === undefined) return undefined;
  const parent = path.relative(root, dir).split(path.sep).join('/');
  return `${parent === '' ? '' : `${parent}/`}${escapeNonUtf8(raw)}`;
}
