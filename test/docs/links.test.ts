/**
 * The README, the pages of docs/ and the files they link: relative links and anchors resolve,
 * the README stays one screen that links every page, every recipe is linked and is valid YAML,
 * every step that uses this action passes only real inputs and reads only real outputs, and
 * the examples use the action versions the repository's own workflows use.
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
const recipesPage = readFileSync('docs/recipes.md', 'utf8');
const pages = readdirSync('docs')
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`);
const docs = [
  'README.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  'CHANGELOG.md',
  'local-aws/README.md',
  ...pages,
];
const examples = readdirSync('examples').map((f) => `examples/${f}`);
const workflows = examples.filter((f) => f.endsWith('.yml'));
const ownWorkflows = readdirSync('.github/workflows').map((f) => `.github/workflows/${f}`);

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

/** The yaml blocks of a Markdown file, named for where they are. */
function yamlBlocks(doc: string): [string, string][] {
  const text = readFileSync(doc, 'utf8');
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m, i): [string, string] => [
    `${doc} yaml block ${i + 1}`,
    m[1]!,
  ]);
}

const yamlSources: [string, string][] = [
  ...workflows.map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
  ...['README.md', ...pages].flatMap(yamlBlocks),
];

test.each(docs)('every relative link and anchor in %s resolves', (doc) => {
  const text = readFileSync(doc, 'utf8');
  const broken = links(text)
    .filter((link) => !/^[a-z]+:/.test(link))
    .filter((link) => {
      const [file, anchor] = link.split('#');
      const target = file ? path.join(path.dirname(doc), file) : doc;
      if (!existsSync(target)) return true;
      if (anchor === undefined || !target.endsWith('.md')) return false;
      return !anchors(readFileSync(target, 'utf8')).has(anchor);
    });
  expect(broken).toEqual([]);
});

describe('the README is one screen that leads to the pages', () => {
  const generated = readme.slice(
    readme.indexOf('<!-- interface:start'),
    readme.indexOf('<!-- interface:end -->'),
  );

  test('outside the generated tables it stays short, in few sections', () => {
    const own = readme.replace(generated, '');
    expect(own.split('\n').length).toBeLessThanOrEqual(120);
    expect(readme.match(/^## /gm)?.length).toBeLessThanOrEqual(5);
  });

  test.each(pages)('%s is linked from the README', (page) => {
    expect(readme).toContain(`](${page})`);
  });

  test('it opens with the demo and test commands, installing once', () => {
    const firstBlock = /```bash\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock).toMatch(/^npm ci && npm run demo\b/m);
    expect(firstBlock).toMatch(/^npm test\b/m);
    expect(firstBlock.match(/npm ci/g)).toHaveLength(1);
    expect(readme.indexOf(firstBlock)).toBeLessThan(readme.indexOf('## '));
  });

  test('it says which runtime the action needs', () => {
    expect(readme).toContain('`runs.using: node24`');
    expect(readFileSync('action.yml', 'utf8')).toContain("using: 'node24'");
  });
});

describe('recipes', () => {
  test.each(examples)('%s is linked from docs/recipes.md', (file) => {
    expect(recipesPage).toContain(`](../${file})`);
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

  test('each use of the action passes real inputs, the required ones and what it works on', () => {
    for (const step of steps) {
      const unknown = step.with.filter((k) => !INPUT_NAMES.has(k));
      // `command: verify | rewrap` works on uploaded objects, `wait-only` on jobs made before;
      // encrypt (the default) on files.
      const objects = step.with.includes('command');
      const waitOnly = step.with.includes('wait-only');
      const required = objects || waitOnly ? REQUIRED : [...REQUIRED, 'kms-key-arn', 'destination'];
      const missing = required.filter((k) => !step.with.includes(k));
      const source = waitOnly
        ? step.with.includes('job-ids') || step.with.includes('manifest')
        : objects
          ? step.with.includes('manifest') || step.with.includes('objects')
          : step.with.includes('files') || step.with.includes('artifact');
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

test('docs/performance.md keeps its figures between the perf markers, once each', () => {
  const page = readFileSync('docs/performance.md', 'utf8');
  expect(page.match(/^# Performance$/gm)).toHaveLength(1);
  expect(page.match(/<!-- perf:start -->/g)).toHaveLength(1);
  expect(page.match(/<!-- perf:end -->/g)).toHaveLength(1);
  expect(page.indexOf('<!-- perf:start -->')).toBeLessThan(page.indexOf('<!-- perf:end -->'));
});

/** `owner/name` -> the major versions (`v7`) a set of workflow files uses it at. */
function actionMajors(files: string[]): Map<string, Set<string>> {
  const majors = new Map<string, Set<string>>();
  for (const file of files) {
    for (const [, action, major] of readFileSync(file, 'utf8').matchAll(
      /uses: ([\w.-]+\/[\w.-]+)@(v\d+)\b/g,
    )) {
      if (action!.startsWith('OWNER/')) continue;
      majors.set(action!, (majors.get(action!) ?? new Set()).add(major!));
    }
  }
  return majors;
}

test('examples use each action at the major version .github/workflows uses (Dependabot moves those)', () => {
  const own = actionMajors(ownWorkflows);
  const inExamples = actionMajors(workflows);
  expect(own.size).toBeGreaterThan(0);
  const disagree = [...inExamples]
    .filter(([action, majors]) => {
      const ours = own.get(action) ?? majors;
      return majors.size !== 1 || [...majors].join() !== [...ours].join();
    })
    .map(([action, majors]) => `${action}@${[...majors].join('/')}`);
  expect(disagree).toEqual([]);
});
