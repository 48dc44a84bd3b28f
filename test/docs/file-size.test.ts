/**
 * No file of code over 400 lines outside src/ (test/docs/layout.test.ts holds src/ to the
 * same limit): the tests, the benchmark, the harness both run the packaged action with, the
 * local stack and the scripts. Data and prose
 * (JSON, Markdown) are not code.
 */
import { expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const FOLDERS = ['test', 'bench', 'harness', 'local-aws', 'scripts'];
const CODE = /\.(ts|mts|mjs|js|sh|py)$/;

test('no file of code in test/, bench/, harness/, local-aws/ or scripts/ is over 400 lines', () => {
  const long = FOLDERS.flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => CODE.test(file) && !file.split(path.sep).includes('results'))
      .map((file) => path.join(folder, file))
      .map((file) => [file, readFileSync(file, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 400),
  );
  expect(long).toEqual([]);
});
