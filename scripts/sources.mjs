// What dist/ is built from, as one SHA-256: every file under src/ (path and bytes) and the
// runtime dependencies package.json pins (development tools do not change the bundle). `npm run bundle` records it in dist/sources.sha256; the tests that run dist/
// compare it with the working tree so they never test a stale bundle.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SOURCES_FILE = 'sources.sha256';

export function sourcesHash(root = process.cwd()) {
  const hash = createHash('sha256');
  const files = readdirSync(path.join(root, 'src'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
  for (const file of files.sort()) {
    hash.update(`${file.split(path.sep).join('/')}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  const { dependencies } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  hash.update(JSON.stringify(dependencies ?? {}));
  return hash.digest('hex');
}

/** Why `root`/dist does not match the sources beside it, or undefined when it does. */
export function staleDist(root = process.cwd()) {
  let built;
  try {
    built = readFileSync(path.join(root, 'dist', SOURCES_FILE), 'utf8').trim();
  } catch {
    return `dist/${SOURCES_FILE} is missing`;
  }
  return built === sourcesHash(root) ? undefined : 'src/ changed since dist/ was built';
}
