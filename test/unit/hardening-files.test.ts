/** The file list against mistaken patterns and names it cannot carry (docs/hardening.md). */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/shared/errors.js';
import { findFiles, type FileQuery } from '../../src/files/listing.js';

let root: string;

beforeEach(async () => {
  // @actions/glob prints ::debug:: lines to stdout through @actions/core.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  root = await mkdtemp(path.join(tmpdir(), 'hardening-files-'));
  await mkdir(path.join(root, 'm'));
  await writeFile(path.join(root, 'm', 'a.mp4'), 'a');
  await writeFile(path.join(root, 'm', 'b.mp4'), 'b');
});

afterEach(async () => {
  jest.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

function query(patterns: string[]): FileQuery {
  return {
    root,
    patterns,
    destination: { bucket: 'media-bucket', prefix: 'in/' },
    mode: 'AES_CTR',
  };
}

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('negations', () => {
  test('a file taken out by a negation is reported as excluded, not as matching nothing', async () => {
    const error = await rejection(findFiles(query(['m/a.mp4', '!m/*.mp4'])));
    expect(error.message).toBe(
      "Input `files`: 'm/a.mp4' matches 1 file(s), all excluded by '!m/*.mp4' (e.g. 'm/a.mp4'); change the pattern or the negation",
    );
  });

  test('a pattern that matches nothing at all still says so', async () => {
    const error = await rejection(findFiles(query(['m/c.mp4', '!m/a.mp4'])));
    expect(error.message).toContain("'m/c.mp4' matches no file under");
  });

  test('a negation that leaves some files keeps them', async () => {
    const files = await findFiles(query(['m/*.mp4', '!m/a.mp4']));
    expect(files.map((f) => f.relativePath)).toEqual(['m/b.mp4']);
  });
});
