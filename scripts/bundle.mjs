// Bundles the action (dist/index.js) and the CLI (dist/cli.js, which loads dist/cli/) with ncc. Builds into a
// temporary folder and swaps it in at the end, so dist/ is never seen half-written.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { writeLicenses } from './licenses.mjs';
import { SOURCES_FILE, sourcesHash } from './sources.mjs';

// ncc builds one entry at a time, and each build numbers its modules and lazy chunks its own
// way: the action's chunks sit beside dist/index.js, the CLI's in dist/cli/, so neither build
// overwrites a chunk of the other. dist/cli.js (the package's `bin`) only loads dist/cli/.
const entries = [
  { source: 'src/index.ts', dir: '.', license: 'licenses.txt' },
  { source: 'src/bin.ts', dir: 'cli', license: 'licenses-cli.txt' },
];

// Taken before building, so a source edited meanwhile leaves dist/ marked stale.
const sources = sourcesHash();
const staging = mkdtempSync(path.resolve('.dist-staging-'));
try {
  const next = path.join(staging, 'dist');
  mkdirSync(next);
  for (const { source, dir, license } of entries) {
    const out = path.join(staging, `${dir === '.' ? 'action' : dir}-build`);
    const stats = path.join(staging, `${dir}.stats.json`);
    execFileSync('npx', ['ncc', 'build', source, '-o', out, '--stats-out', stats, '-q'], {
      stdio: 'inherit',
    });
    cpSync(out, path.join(next, dir), { recursive: true });
    writeLicenses(stats, path.join(next, license));
  }
  // The CLI is package.json's `bin`: a shebang and the execute bit, and nothing else to do.
  const cli = path.join(next, 'cli.js');
  writeFileSync(
    cli,
    "#!/usr/bin/env node\n// The mediaconvert-encrypt command: the CLI's bundle is dist/cli/.\nimport './cli/index.js';\n",
  );
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
