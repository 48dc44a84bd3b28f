/** The file list against mistaken patterns and names it cannot carry (docs/hardening.md). */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/shared/errors.js';
import { findFiles, type FileQuery } from '../../src/files/listing.js';
import { escapeNonUtf8 } from '../../src/files/undecodable.js';
import { encryptedInputProblem } from '../../src/mediaconvert/file-input.js';

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

describe('names that are not UTF-8', () => {
  const latin1 = (name: string): Buffer => Buffer.from(path.join(root, name), 'latin1');

  test('a file: refused naming it, escaped, and saying why; not ENOENT', async () => {
    await writeFile(latin1('m/café.mp4'), 'c');
    const error = await rejection(findFiles(query(['m/*.mp4'])));
    expect(error.message).toContain(
      "'m/*.mp4' reaches 'm/caf\\xE9.mp4', whose name is not valid UTF-8 (the bytes shown as \\xHH): S3 object keys are UTF-8",
    );
    expect(error.message).not.toContain('ENOENT');
  });

  test('a folder on the way: named at the folder', async () => {
    await mkdir(latin1('m/übung'));
    await writeFile(Buffer.concat([latin1('m/übung'), Buffer.from('/x.mp4')]), 'x');
    const error = await rejection(findFiles(query(['**/*.mp4'])));
    expect(error.message).toContain("reaches 'm/\\xFCbung'");
  });

  test("patterns that do not reach it still work; a '!' pattern does not, as the message says", async () => {
    await writeFile(latin1('m/café.mp4'), 'c');
    const files = await findFiles(query(['m/[ab].mp4']));
    expect(files.map((f) => f.relativePath)).toEqual(['m/a.mp4', 'm/b.mp4']);
    const error = await rejection(findFiles(query(['m/*.mp4', '!m/caf*.mp4'])));
    expect(error.message).toContain("a '!' pattern does not keep the search from reading it");
  });

  test('valid UTF-8 names, U+FFFD included, are taken as they are', async () => {
    await writeFile(path.join(root, 'm', 'caf\u00e9 \uFFFD.mp4'), 'c');
    const files = await findFiles(query(['m/*.mp4']));
    expect(files.map((f) => f.relativePath)).toContain('m/caf\u00e9 \uFFFD.mp4');
  });
});

describe('escapeNonUtf8', () => {
  test.each([
    [[0x61, 0xe9, 0x62], 'a\\xE9b'],
    [[0xc3, 0xa9], '\u00e9'],
    [[0xe2, 0x82, 0xac, 0xff], '\u20ac\\xFF'],
    [[0xf0, 0x9f, 0x8e, 0xac], '\u{1F3AC}'],
    [[0xe2, 0x82], '\\xE2\\x82'],
    [[0xc0, 0xaf], '\\xC0\\xAF'],
  ])('%j -> %j', (bytes, text) => {
    expect(escapeNonUtf8(Uint8Array.from(bytes))).toBe(text);
  });
});

describe('encryptedInputProblem', () => {
  test.each(['media/index.m3u8', 'a/B.M3U8', 'x.m3u8'])('%s: an HLS playlist', (key) => {
    expect(encryptedInputProblem(key)).toContain('MediaConvert does not decrypt HLS inputs');
  });

  test.each(['a.mp4', 'a.m3u8.mp4', 'a.ts', 'a.m3u', 'a.txt', 'noextension'])(
    '%s: no objection (the newest model accepts any extension)',
    (key) => {
      expect(encryptedInputProblem(key)).toBeUndefined();
    },
  );
});
