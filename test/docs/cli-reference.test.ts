/** docs/cli-reference.md says what the command line does: its exit codes are the code's. */
import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { EXIT, EXIT_MEANINGS } from '../../src/cli/exit-codes.js';

const page = readFileSync('docs/cli-reference.md', 'utf8');

test('the exit code table lists every code with the meaning --help gives', () => {
  const rows = [...page.matchAll(/^\| (\d+)\s*\| (.+?)\s*\|$/gm)].map(([, code, meaning]) => ({
    code: Number(code),
    meaning,
  }));
  expect(rows).toEqual(EXIT_MEANINGS.map(({ code, meaning }) => ({ code, meaning })));
  expect(new Set(rows.map((r) => r.code))).toEqual(new Set(Object.values(EXIT)));
});
