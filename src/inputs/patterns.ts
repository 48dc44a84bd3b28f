/** The `files` input: globs relative to the root, checked before any file is looked at. */
import { InputError } from '../shared/errors.js';

/** Longest `files` pattern: PATH_MAX on Linux, in characters. */
const MAX_PATTERN_CHARACTERS = 4096;

/**
 * The patterns of `files` (newline- or comma-separated), or `**` for an artifact without any.
 * Refuses a list of negations only, a pattern too long for any path, and a pattern that
 * leaves the root.
 */
export function parsePatterns(files: string, artifact: string): string[] {
  const patterns = files
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (patterns.length === 0) {
    if (artifact !== '') return ['**'];
    throw new InputError('files', 'is required unless `artifact` is given: list one or more globs');
  }
  if (patterns.every((p) => p.startsWith('!'))) {
    throw new InputError(
      'files',
      `lists only negations (${patterns.map((p) => `'${p}'`).join(', ')}): a '!' pattern only takes files out of what the other patterns match; list the files to take too (e.g. '**' before it)`,
    );
  }
  for (const [i, pattern] of patterns.entries()) {
    // minimatch throws a TypeError past 64 KiB; no path on Linux is longer than PATH_MAX.
    if (pattern.length > MAX_PATTERN_CHARACTERS) {
      throw new InputError(
        'files',
        `pattern ${i + 1} ('${pattern.slice(0, 40)}…') is ${pattern.length} characters, over ${MAX_PATTERN_CHARACTERS}: no path on the runner is that long (PATH_MAX); a list of files goes one per line or comma-separated`,
      );
    }
  }
  for (const pattern of patterns) {
    const bare = pattern.replace(/^!/, '');
    if (bare.startsWith('/') || bare.split('/').includes('..')) {
      throw new InputError(
        'files',
        `'${pattern}' leaves the workspace; use globs relative to it, without '..'`,
      );
    }
  }
  return patterns;
}
