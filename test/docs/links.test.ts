/**
 * The README and the files it links: relative links and anchors resolve, every recipe is linked
 * and is valid YAML, and every step that uses this action passes only real inputs and reads
 * only real outputs.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { INPUTS, OUTPUTS } from '../../src/inputs/interface.js';

const INPUT_NAMES = new Set<string>(INPUTS.map((i) => i.name));
const OUTPUT_NAMES = new Set<string>(OUTPUTS.map((o) => o.name));
const REQUIRED = INPUTS.filter((i) => 'required' in i && i.required).map((i) => i.name);
const USES = /^(\s*)(- )?uses: OWNER\/mediaconvert-encrypt@v1\s*(#.*)?$/;

const readme = readFileSync('README.md', 'utf8');
const docs = [
  'README.md',
  'local-aws/README.md',
  'docs/design.md',
  'docs/cli-reference.md',
  'CHANGELOG.md',
];
const examples = readdirSync('examples').map((f) => `examples/${f}`);
const workflows = examples.filter((f) => f.endsWith('.yml'));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const [, heading] of markdown.matchAll(/^#{1,6} (.+)$/gm)) {
    out.add(
      heading!
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    );
  }
  return out;
}

/** Markdown links outside code blocks: [text](target). */
function links(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

interface ActionStep {
  where: string;
  id?: string;
  with: string[];
}

/** Steps that use this action, found by indentation: their `id` and the keys under `with`. */
function actionSteps(where: string, yaml: string): ActionStep[] {
  const lines = yaml.split('\n');
  const indent = (line: string): number => line.length - line.trimStart().length;
  const steps: ActionStep[] = [];
  lines.forEach((line, i) => {
    const match = USES.exec(line);
    if (!match) return;
    const keyIndent = match[1]!.length + (match[2] ? 2 : 0);
    let start = i;
    while (!match[2] && start > 0 && !lines[start]!.trimStart().startsWith('- ')) start--;
    let end = start + 1;
    while (end < lines.length && (lines[end]!.trim() === '' || indent(lines[end]!) >= keyIndent))
      end++;
    const body = lines.slice(start, end).map((l, n) => (n === 0 ? l.replace('- ', '  ') : l));
    const step: ActionStep = { where: `${where}:${start + 1}`, with: [] };
    let inWith = false;
    for (const l of body) {
      if (l.trim() === '' || l.trim().startsWith('#')) continue;
      if (indent(l) === keyIndent) {
        const key = /^\s*([a-z-]+):\s*(.*)$/.exec(l);
        inWith = key?.[1] === 'with';
        if (key?.[1] === 'id') step.id = key[2]!.trim();
      } else if (inWith && indent(l) === keyIndent + 2) {
        const key = /^\s*([A-Za-z0-9_-]+):/.exec(l);
        if (key) step.with.push(key[1]!);
      }
    }
    steps.push(step);
  });
  return steps;
}

const yamlSources: [string, string][] = [
  ...workflows.map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
  ...[...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m, i): [string, string] => [
    `README.md yaml block ${i + 1}`,
    m[1]!,
  ]),
];

test.each(docs)('every relative link and anchor in %s resolves', (doc) => {
  const text = readFileSync(doc, 'utf8');
  const own = anchors(text);
  const broken = links(text)
    .filter((link) => !/^[a-z]+:/.test(link))
    .filter((link) => {
      const [file, anchor] = link.split('#');
      if (file) return !existsSync(path.join(path.dirname(doc), file));
      return anchor !== undefined && !own.has(anchor);
    });
  expect(broken).toEqual([]);
});

describe('recipes', () => {
  test.each(examples)('%s is linked from the README', (file) => {
    expect(readme).toContain(`](${file})`);
  });

  test.each(workflows)('%s is valid YAML', async (file) => {
    await expect(
      prettier.format(readFileSync(file, 'utf8'), { parser: 'yaml' }),
    ).resolves.toBeDefined();
  });

  test.each(examples.filter((f) => f.endsWith('.json')))('%s is valid JSON', (file) => {
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
  });

  const steps = yamlSources.flatMap(([where, yaml]) => actionSteps(where, yaml));

  test('every recipe and the README example use the action', () => {
    const using = yamlSources.filter(([, yaml]) => yaml.includes('mediaconvert-encrypt@'));
    for (const [where, yaml] of using) {
      expect({ where, steps: actionSteps(where, yaml).length > 0 }).toEqual({
        where,
        steps: true,
      });
    }
    expect(steps.length).toBeGreaterThanOrEqual(workflows.length);
  });

  test('each use of the action passes real inputs, the required ones and files or artifact', () => {
    for (const step of steps) {
      const unknown = step.with.filter((k) => !INPUT_NAMES.has(k));
      const missing = REQUIRED.filter((k) => !step.with.includes(k));
      const source = step.with.includes('files') || step.with.includes('artifact');
      expect({ where: step.where, unknown, missing, source }).toEqual({
        where: step.where,
        unknown: [],
        missing: [],
        source: true,
      });
    }
  });

  test('every output read from the action is a real output', () => {
    for (const [where, yaml] of yamlSources) {
      const ids = new Set(
        actionSteps(where, yaml)
          .map((s) => s.id)
          .filter(Boolean),
      );
      const unknown = [...yaml.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)]
        .filter(([, id, output]) => ids.has(id!) && !OUTPUT_NAMES.has(output!))
        .map(([reference]) => reference);
      expect({ where, unknown }).toEqual({ where, unknown: [] });
    }
  });
});

test('the README keeps an empty Performance section with its markers, once', () => {
  expect(readme.match(/^## Performance$/gm)).toHaveLength(1);
  expect(readme.match(/<!-- perf:start -->/g)).toHaveLength(1);
  expect(readme.match(/<!-- perf:end -->/g)).toHaveLength(1);
  const section = readme.slice(readme.indexOf('## Performance'));
  expect(section.indexOf('<!-- perf:start -->')).toBeLessThan(section.indexOf('\n## ', 1));
});

test('the README opens with the demo and test commands', () => {
  const firstBlock = /```bash\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  expect(firstBlock).toContain('npm ci && npm run demo');
  expect(firstBlock).toContain('npm ci && npm test');
  expect(readme.indexOf(firstBlock)).toBeLessThan(readme.indexOf('## '));
});
