// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with ncc. Builds into a
// temporary folder and swaps it in at the end, so dist/ is never seen half-written.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { writeLicenses } from './licenses.mjs';
import { SOURCES_FILE, sourcesHash } from './sources.mjs';

const entries = [
  ['src/index.ts', 'index.js', 'licenses.txt'],
  ['src/bin.ts', 'cli.js', 'licenses-cli.txt'],
];

// Taken before building, so a source edited meanwhile leaves dist/ marked stale.
const sources = sourcesHash();
const staging = mkdtempSync(path.resolve('.dist-staging-'));
try {
  const next = path.join(staging, 'dist');
  mkdirSync(next);
  for (const [source, target, license] of entries) {
    const out = path.join(staging, target);
    const stats = path.join(staging, `${target}.stats.json`);
    execFileSync('npx', ['ncc', 'build', source, '-o', out, '--stats-out', stats, '-q'], {
      stdio: 'inherit',
    });
    cpSync(out, next, { recursive: true, filter: (f) => f !== path.join(out, 'index.js') });
    renameSync(path.join(out, 'index.js'), path.join(next, target));
    writeLicenses(stats, path.join(next, license));
  }
  // The CLI is package.json's `bin`: it needs a shebang and the execute bit to run as a command.
  const cli = path.join(next, 'cli.js');
  const code = readFileSync(cli, 'utf8');
  if (!code.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${code}`);
  chmodSync(cli, 0o755);
  writeFileSync(path.join(next, SOURCES_FILE), `${sources}\n`);
  const old = path.join(staging, 'old');
  try {
    renameSync('dist', old);
  } catch {
    // no dist/ yet
  }
  renameSync(next, 'dist');
  console.log(`dist/: ${readdirSync('dist').join(', ')}`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
