/** README tables and action.yml against the one table they are generated from (src/inputs/interface.ts). */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { actionYml, withReadmeTables } from '../../scripts/gen-interface.js';
import { INPUTS, OUTPUTS } from '../../src/inputs/interface.js';

const readme = readFileSync('README.md', 'utf8');
const actionFile = readFileSync('action.yml', 'utf8');

/** The keys directly under a top-level mapping of action.yml (`inputs:`, `outputs:`). */
function keysUnder(yaml: string, section: string): string[] {
  const keys: string[] = [];
  let inside = false;
  for (const line of yaml.split('\n')) {
    if (/^\S/.test(line)) inside = line.startsWith(`${section}:`);
    const key = /^ {2}([A-Za-z0-9_-]+):\s*$/.exec(line);
    if (inside && key?.[1]) keys.push(key[1]);
  }
  return keys;
}

/** The generated part of the README, between its markers. */
function generatedBlock(text: string): string {
  const start = text.indexOf('<!-- interface:start');
  const end = text.indexOf('<!-- interface:end -->');
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return text.slice(start, end);
}

describe('generated files match src/inputs/interface.ts', () => {
  test('action.yml on disk is what the table generates (run `npm run gen`)', () => {
    expect(actionFile).toBe(actionYml());
  });

  test('the README on disk has the tables the table generates (run `npm run gen`)', () => {
    expect(readme).toBe(withReadmeTables(readme));
  });
});

describe('every input and output of action.yml is documented', () => {
  const inputs = keysUnder(actionFile, 'inputs');
  const outputs = keysUnder(actionFile, 'outputs');
  const block = generatedBlock(readme);

  test('the line parser finds what the table declares', () => {
    expect(inputs).toEqual(INPUTS.map((i) => i.name));
    expect(outputs).toEqual(OUTPUTS.map((o) => o.name));
  });

  test.each(inputs)('input `%s` has a row in the README inputs table', (name) => {
    expect(block).toMatch(new RegExp(`^\\| \`${name}\`( \\*\\*\\(required\\)\\*\\*)? \\|`, 'm'));
  });

  test.each(outputs)('output `%s` has a row in the README outputs table', (name) => {
    expect(block).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });

  test('every required input is marked required in action.yml and the README', () => {
    for (const input of INPUTS.filter((i) => 'required' in i && i.required)) {
      expect(actionFile).toContain(`  ${input.name}:\n    description:`);
      expect(block).toContain(`| \`${input.name}\` **(required)** |`);
    }
  });
});
