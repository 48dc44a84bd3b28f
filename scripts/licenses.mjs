// Writes the third-party license notices of a bundle from ncc's webpack stats. ncc's own
// --license output varies from build to build, which would break the dist/ drift check; this
// one is sorted and depends only on the set of bundled packages.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function moduleNames(modules, out) {
  for (const m of modules ?? []) {
    if (m.name) out.push(m.name);
    if (m.identifier) out.push(m.identifier);
    moduleNames(m.modules, out);
  }
  return out;
}

/** `node_modules/a/node_modules/@b/c/lib/x.js` -> `node_modules/a/node_modules/@b/c` */
function packageDir(name) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)/.exec(
    name.replace(/^.*?!/, '').replace(/^\.\//, ''),
  );
  return match?.[1];
}

export function writeLicenses(statsFile, target, root = process.cwd()) {
  const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
  const dirs = new Set();
  for (const name of moduleNames(stats.modules, [])) {
    const dir = packageDir(name.slice(name.indexOf('node_modules')));
    if (dir && existsSync(path.join(root, dir, 'package.json'))) dirs.add(dir);
  }
  const entries = new Map();
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    const id = `${pkg.name}@${pkg.version}`;
    if (entries.has(id)) continue;
    const licenseFile = readdirSync(path.join(root, dir))
      .sort()
      .find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = licenseFile ? readFileSync(path.join(root, dir, licenseFile), 'utf8').trim() : '';
    const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? '');
    entries.set(id, `${pkg.name} ${pkg.version}\n${license}\n${text}`);
  }
  const body = [...entries.keys()].sort().map((id) => entries.get(id));
  writeFileSync(target, `${body.join('\n\n')}\n`);
}
