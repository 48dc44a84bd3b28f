// The jest transform for our TypeScript (src/, local-aws/, harness/, test/, bench/): esbuild
// strips the types one file at a time. tsconfig.json sets isolatedModules, so no file needs the
// whole program to be translated; type-checking is `npm run build` (tsc), not the test run's job.
// (Plain JavaScript: jest loads it untransformed.) ts-jest did the same per file, but it
// loads the TypeScript compiler in every worker for every project, which costs most on a fresh
// CI machine, where jest's cache is empty.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync, version } from 'esbuild';

const self = readFileSync(fileURLToPath(import.meta.url));

function transform(source, filename, options) {
  const { code, map } = transformSync(source, {
    loader: 'ts',
    format: options.supportsStaticESM ? 'esm' : 'cjs',
    target: 'node20',
    sourcefile: filename,
    sourcemap: 'external',
    sourcesContent: false,
  });
  return { code, map };
}

export default {
  getCacheKey(source, filename, options) {
    return createHash('sha256')
      .update(`${version}\0${options.supportsStaticESM}\0${filename}\0`)
      .update(self)
      .update(source)
      .digest('hex');
  },
  process: transform,
};
