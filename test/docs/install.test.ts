/**
 * docs/cli-reference.md "Node.js versions": `npm ci` prints no warning on the Node.js versions
 * it names. Every package of the lock file accepts them (no EBADENGINE), and every install
 * script is decided in package.json's allowScripts (npm 11 asks about the others).
 */
import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// semver comes with npm's own tool chain (a dependency of several dev tools); loaded untyped.
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
};

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  hasInstallScript?: boolean;
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, LockedPackage>;
};
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const reference = readFileSync('docs/cli-reference.md', 'utf8');

/** The lowest release of each line the page names for `npm ci`, the demo and the tests. */
const DEVELOPMENT = ['20.19.0', '22.13.0', '24.0.0'];

test('the page names the versions checked here', () => {
  expect(reference).toContain('Node.js 20.19 or later, 22.13 or later, or 24');
  expect(reference).toContain('`dist/cli.js`');
  expect(reference).toContain('Node.js 20.15 or later');
  expect(manifest.engines.node).toBe('>=20.15');
});

test('every locked package accepts the development Node.js versions', () => {
  const refused = Object.entries(lock.packages).flatMap(([where, pkg]) => {
    const range = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
    if (!where || !range) return [];
    return DEVELOPMENT.filter((node) => !semver.satisfies(node, range)).map(
      (node) => `${where}@${pkg.version} wants node ${range}, not ${node}`,
    );
  });
  expect(refused).toEqual([]);
});

test('every dependency with an install script is allowed or denied in allowScripts', () => {
  const decided = new Set(Object.keys(manifest.allowScripts ?? {}));
  const undecided = Object.entries(lock.packages)
    .filter(([, pkg]) => pkg.hasInstallScript)
    .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length))
    .filter((name) => !decided.has(name));
  expect(undecided).toEqual([]);
});
