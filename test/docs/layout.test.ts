/** docs/design.md "Code layout": src/ folders import only downward, and no file is in a circle. */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Bottom first, as docs/design.md lists them top first. */
const FLOORS = [
  'shared',
  'mediaconvert',
  'inputs',
  'crypto',
  'aws',
  'files',
  'upload',
  'job',
  'report',
  'objects',
  'pipeline',
  'outputs',
  'host',
  'cli',
  'conformance',
  '.',
];

const files = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.split(path.sep).join('/'));

function importsOf(file: string): string[] {
  const text = readFileSync(path.join('src', file), 'utf8');
  const found = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)];
  return found.map(([, spec]) =>
    path.posix.normalize(path.posix.join(path.posix.dirname(file), spec!.replace(/\.js$/, '.ts'))),
  );
}

const floorOf = (file: string): number => FLOORS.indexOf(path.posix.dirname(file));

describe('src/ layout', () => {
  test('every file sits in a folder docs/design.md names', () => {
    expect(files.filter((f) => floorOf(f) < 0)).toEqual([]);
  });

  test('imports run downward only: a folder imports from folders below it', () => {
    const upward: string[] = [];
    for (const file of files) {
      for (const target of importsOf(file)) {
        if (floorOf(target) > floorOf(file)) upward.push(`${file} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  test('no file imports itself back through a circle', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });

  test('no source file is over 400 lines', () => {
    const long = files
      .filter((f) => !f.endsWith('.generated.ts'))
      .map((f) => [f, readFileSync(path.join('src', f), 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 400);
    expect(long).toEqual([]);
  });
});
