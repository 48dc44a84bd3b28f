/**
 * Writes action.yml and the README's input/output tables from src/inputs/interface.ts.
 * `--check` writes nothing and exits 1 when either file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { INPUTS, OUTPUTS } from '../src/inputs/interface.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function yamlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function actionYml(): string {
  const lines = [
    '# Generated from src/inputs/interface.ts by `npm run gen` — edit that table, not this file.',
    "name: 'MediaConvert Encrypt'",
    'description: >-',
    '  Encrypt media with a KMS data key on the runner, stream the ciphertext to S3 and create',
    '  AWS Elemental MediaConvert jobs that decrypt it. Plaintext never leaves the runner.',
    "author: 'mediaconvert-encrypt'",
    'branding:',
    '  icon: lock',
    '  color: orange',
    'inputs:',
  ];
  for (const input of INPUTS) {
    lines.push(`  ${input.name}:`);
    lines.push(`    description: ${yamlString(input.description)}`);
    lines.push(`    required: ${'required' in input && input.required ? 'true' : 'false'}`);
    lines.push(`    default: ${yamlString(input.default)}`);
  }
  lines.push('outputs:');
  for (const output of OUTPUTS) {
    lines.push(`  ${output.name}:`);
    lines.push(`    description: ${yamlString(output.description)}`);
  }
  lines.push('runs:', "  using: 'node24'", "  main: 'dist/index.js'", '');
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function readmeTables(): string {
  const lines = ['### Inputs', '', '| Input | Default | Description |', '| --- | --- | --- |'];
  for (const input of INPUTS) {
    const required = 'required' in input && input.required ? ' **(required)**' : '';
    const def = input.default === '' ? '' : `\`${input.default}\``;
    lines.push(`| \`${input.name}\`${required} | ${def} | ${cell(input.description)} |`);
  }
  lines.push('', '### Outputs', '', '| Output | Description |', '| --- | --- |');
  for (const output of OUTPUTS) lines.push(`| \`${output.name}\` | ${cell(output.description)} |`);
  return lines.join('\n');
}

const START = '<!-- interface:start (generated from src/inputs/interface.ts by `npm run gen`) -->';
const END = '<!-- interface:end -->';

export function withReadmeTables(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} ... ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${readmeTables()}\n${readme.slice(end)}`;
}

function main(): void {
  const check = process.argv.includes('--check');
  const targets: [string, string][] = [
    [path.join(root, 'action.yml'), actionYml()],
    [
      path.join(root, 'README.md'),
      withReadmeTables(readFileSync(path.join(root, 'README.md'), 'utf8')),
    ],
  ];
  let stale = false;
  for (const [file, wanted] of targets) {
    const current = readFileSync(file, 'utf8');
    if (current === wanted) continue;
    if (check) {
      console.error(`${path.relative(root, file)} is out of date: run \`npm run gen\``);
      stale = true;
    } else {
      writeFileSync(file, wanted);
      console.log(`wrote ${path.relative(root, file)}`);
    }
  }
  if (stale) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
