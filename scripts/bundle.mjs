// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with ncc into one dist/.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  cpSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const entries = [
  ['src/index.ts', 'index.js'],
  ['src/cli.ts', 'cli.js'],
].filter(([source]) => existsSync(source));

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
for (const [source, target] of entries) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'ncc-'));
  execFileSync('npx', ['ncc', 'build', source, '-o', out, '--license', 'licenses.txt', '-q'], {
    stdio: 'inherit',
  });
  cpSync(out, 'dist', { recursive: true, filter: (f) => !f.endsWith('index.js') || f === out });
  renameSync(path.join(out, 'index.js'), path.join('dist', target));
  rmSync(out, { recursive: true, force: true });
}
console.log(`dist/: ${readdirSync('dist').join(', ')}`);
