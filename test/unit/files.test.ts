import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import {
  chmod,
  mkdir,
  mkdtemp,
  realpath,
  rm,
  symlink,
  truncate,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GCM_MAX_PLAINTEXT_BYTES, type Mode } from '../../src/mediaconvert/decryption.js';
import { InputError } from '../../src/shared/errors.js';
import { findFiles, shardOf, type FileQuery, type MediaFile } from '../../src/files/listing.js';

let root: string;
let outside: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'files-test-'));
  outside = await mkdtemp(path.join(tmpdir(), 'files-outside-'));
});

afterEach(async () => {
  // Give back read permission first so rm can always clean up.
  await chmod(root, 0o755).catch(() => undefined);
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

/** Creates files (parents included) under `dir`; each holds its own name unless given bytes. */
async function make(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

function query(patterns: string[], extra: Partial<FileQuery> = {}): FileQuery {
  return {
    root,
    patterns,
    destination: { bucket: 'media-bucket', prefix: 'in/' },
    mode: 'AES_CTR',
    ...extra,
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

const paths = (files: MediaFile[]): string[] => files.map((f) => f.relativePath);

describe('globs', () => {
  test('a glob matches files by extension only in its folder', async () => {
    await make(root, { 'media/a.mp4': 'a', 'media/b.mov': 'b', 'media/sub/c.mp4': 'c' });
    expect(paths(await findFiles(query(['media/*.mp4'])))).toEqual(['media/a.mp4']);
  });

  test('** reaches nested folders and the list is sorted by relative path', async () => {
    await make(root, { 'z.mp4': 'z', 'media/b.mp4': 'b', 'media/a/c.mp4': 'c', 'B.mp4': 'B' });
    expect(paths(await findFiles(query(['**/*.mp4'])))).toEqual([
      'B.mp4',
      'media/a/c.mp4',
      'media/b.mp4',
      'z.mp4',
    ]);
  });

  test('a negation removes files from every positive pattern', async () => {
    await make(root, {
      'media/a.mp4': 'a',
      'media/skip/b.mp4': 'b',
      'other/c.mp4': 'c',
      'other/skip/d.mp4': 'd',
    });
    const found = await findFiles(query(['media/**', 'other/**', '!**/skip/**']));
    expect(paths(found)).toEqual(['media/a.mp4', 'other/c.mp4']);
  });

  test('a file matched by two patterns is listed once', async () => {
    await make(root, { 'media/a.mp4': 'a', 'media/b.mp4': 'b' });
    expect(paths(await findFiles(query(['media/*.mp4', 'media/a.mp4'])))).toEqual([
      'media/a.mp4',
      'media/b.mp4',
    ]);
  });

  test('each file carries its absolute path, size, bucket and prefix + relative path as key', async () => {
    await make(root, { 'media/clips/a.mp4': 'hello' });
    const [file] = await findFiles(query(['media/**']));
    expect(file).toEqual({
      absolutePath: path.join(await realpath(root), 'media/clips/a.mp4'),
      relativePath: 'media/clips/a.mp4',
      bytes: 5,
      bucket: 'media-bucket',
      listed: expect.any(Object),
      key: 'in/media/clips/a.mp4',
    });
  });

  test('an empty prefix makes the key the relative path', async () => {
    await make(root, { 'a.mp4': 'a' });
    const [file] = await findFiles(query(['a.mp4'], { destination: { bucket: 'b', prefix: '' } }));
    expect(file?.key).toBe('a.mp4');
  });

  test('a root given through a symlink still yields paths relative to it', async () => {
    await make(outside, { 'media/a.mp4': 'a' });
    const link = path.join(root, 'ws');
    await symlink(outside, link);
    const found = await findFiles({ ...query(['media/*.mp4']), root: link });
    expect(paths(found)).toEqual(['media/a.mp4']);
  });
});

describe('file errors', () => {
  test('a pattern that matches nothing names the pattern and the root', async () => {
    await make(root, { 'media/a.mp4': 'a' });
    const error = await rejection(findFiles(query(['media/*.mp4', 'media/*.mxf'])));
    expect(error.input).toBe('files');
    expect(error.message).toContain("'media/*.mxf' matches no file under");
  });

  test('a pattern whose every match is negated says they were excluded', async () => {
    await make(root, { 'media/a.mp4': 'a' });
    const error = await rejection(findFiles(query(['media/*.mp4', '!media/a.mp4'])));
    expect(error.message).toContain("'media/*.mp4' matches 1 file(s), all excluded by");
  });

  test.each(['media', 'media/'])('naming the directory %s suggests media/**', async (pattern) => {
    await make(root, { 'media/a.mp4': 'a' });
    const error = await rejection(findFiles(query([pattern])));
    expect(error.input).toBe('files');
    expect(error.message).toContain('is a directory');
    expect(error.message).toContain("use 'media/**'");
  });

  test('an empty file is refused: nothing to transcode', async () => {
    await make(root, { 'media/a.mp4': 'a', 'media/empty.mp4': '' });
    const error = await rejection(findFiles(query(['media/*'])));
    expect(error.input).toBe('files');
    expect(error.message).toContain("'media/empty.mp4' is empty");
  });

  test('a symlink leading outside the root is refused', async () => {
    await make(outside, { 'secret.mp4': 'secret' });
    await make(root, { 'media/a.mp4': 'a' });
    await symlink(path.join(outside, 'secret.mp4'), path.join(root, 'media/leak.mp4'));
    const error = await rejection(findFiles(query(['media/*.mp4'])));
    expect(error.input).toBe('files');
    expect(error.message).toContain("'media/leak.mp4' is a symbolic link that leads outside");
  });

  test('a symlinked folder leading outside the root is refused', async () => {
    await make(outside, { 'secret.mp4': 'secret' });
    await make(root, { 'media/a.mp4': 'a' });
    await symlink(outside, path.join(root, 'media/elsewhere'));
    const error = await rejection(findFiles(query(['media/**'])));
    expect(error.message).toContain("'media/elsewhere/secret.mp4' is a symbolic link");
  });

  test('a symlink inside the root is accepted under its own name, read from its target', async () => {
    await make(root, { 'store/a.mp4': 'abc' });
    await mkdir(path.join(root, 'media'));
    await symlink(path.join(root, 'store/a.mp4'), path.join(root, 'media/alias.mp4'));
    const [file] = await findFiles(query(['media/*.mp4']));
    expect(file?.relativePath).toBe('media/alias.mp4');
    expect(file?.key).toBe('in/media/alias.mp4');
    expect(file?.absolutePath).toBe(path.join(await realpath(root), 'store/a.mp4'));
    expect(file?.bytes).toBe(3);
  });

  test('an unreadable file is refused (root reads anything, so there it is listed)', async () => {
    await make(root, { 'media/locked.mp4': 'x' });
    await chmod(path.join(root, 'media/locked.mp4'), 0o000);
    const outcome = await findFiles(query(['media/*.mp4'])).then(
      (files) => ({ listed: files.length }),
      (error: unknown) => ({ error }),
    );
    const refused = {
      error: expect.objectContaining({
        input: 'files',
        message: expect.stringContaining("'media/locked.mp4' is not readable"),
      }),
    };
    expect(outcome).toEqual(process.getuid?.() === 0 ? { listed: 1 } : refused);
  });

  test('two names that differ only in Unicode normalization map to one key and are refused', async () => {
    const nfc = 'caf\u00e9.mp4';
    const nfd = 'cafe\u0301.mp4';
    await make(root, { [nfc]: 'a', [nfd]: 'b' });
    const error = await rejection(findFiles(query(['*.mp4'])));
    expect(error.input).toBe('files');
    expect(error.message).toContain(`both map to object key 'in/${nfc}'`);
  });

  test('an object key over 1024 bytes is refused', async () => {
    const deep = Array.from({ length: 5 }, (_, i) => `${i}${'d'.repeat(220)}`).join('/');
    await make(root, { [`${deep}/a.mp4`]: 'a' });
    const error = await rejection(findFiles(query(['**/*.mp4'])));
    expect(error.input).toBe('files');
    expect(error.message).toContain('longer than 1024 bytes');
  });
});

describe('GCM size limit', () => {
  async function sparse(name: string, bytes: number): Promise<void> {
    await make(root, { [name]: '' });
    await truncate(path.join(root, name), bytes);
  }

  test('AES_GCM refuses a file one byte over the limit, naming mode', async () => {
    await sparse('huge.mxf', GCM_MAX_PLAINTEXT_BYTES + 1);
    const error = await rejection(findFiles(query(['huge.mxf'], { mode: 'AES_GCM' })));
    expect(error.input).toBe('mode');
    expect(error.message).toContain(`over AES_GCM's limit of ${GCM_MAX_PLAINTEXT_BYTES}`);
    expect(error.message).toContain('use AES_CTR or AES_CBC');
  });

  test.each<Mode>(['AES_CTR', 'AES_CBC'])('%s accepts the same file', async (mode) => {
    await sparse('huge.mxf', GCM_MAX_PLAINTEXT_BYTES + 1);
    const [file] = await findFiles(query(['huge.mxf'], { mode }));
    expect(file?.bytes).toBe(GCM_MAX_PLAINTEXT_BYTES + 1);
  });

  test('AES_GCM accepts a file of exactly the limit', async () => {
    await sparse('edge.mxf', GCM_MAX_PLAINTEXT_BYTES);
    const [file] = await findFiles(query(['edge.mxf'], { mode: 'AES_GCM' }));
    expect(file?.bytes).toBe(GCM_MAX_PLAINTEXT_BYTES);
  });
});

describe('sharding', () => {
  const names = Array.from(
    { length: 40 },
    (_, i) => `media/clip-${String(i).padStart(2, '0')}.mp4`,
  );

  test('shards 1..n together cover every file exactly once', async () => {
    await make(root, Object.fromEntries(names.map((n) => [n, n])));
    const count = 4;
    const seen: string[] = [];
    for (let index = 1; index <= count; index++) {
      const share = paths(await findFiles(query(['media/*.mp4'], { shard: { index, count } })));
      expect(share).toEqual([...share].sort());
      for (const p of share) expect(shardOf(p, count)).toBe(index);
      seen.push(...share);
    }
    expect(seen.sort()).toEqual(names);
  });

  test('the shares are not all lumped into one shard', () => {
    const sizes = [1, 2, 3, 4].map((i) => names.filter((n) => shardOf(n, 4) === i).length);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
  });

  test('adding a file does not move any other file to another shard', async () => {
    await make(root, Object.fromEntries(names.map((n) => [n, n])));
    const before = new Map<string, number>();
    for (let index = 1; index <= 3; index++) {
      for (const p of paths(
        await findFiles(query(['media/*.mp4'], { shard: { index, count: 3 } })),
      )) {
        before.set(p, index);
      }
    }
    await make(root, { 'media/aaa-new.mp4': 'new' });
    for (let index = 1; index <= 3; index++) {
      for (const p of paths(
        await findFiles(query(['media/*.mp4'], { shard: { index, count: 3 } })),
      )) {
        expect(p === 'media/aaa-new.mp4' || before.get(p) === index).toBe(true);
      }
    }
  });

  test('shardOf is 1-based, in range and the same every time', () => {
    for (const n of names) {
      const s = shardOf(n, 7);
      expect(s).toBeGreaterThanOrEqual(1);
      expect(s).toBeLessThanOrEqual(7);
      expect(shardOf(n, 7)).toBe(s);
    }
    expect(new Set(names.map((n) => shardOf(n, 1)))).toEqual(new Set([1]));
  });

  test('a shard with no files yields an empty list, not an error', async () => {
    await make(root, { 'only.mp4': 'x' });
    const mine = shardOf('only.mp4', 2);
    const other = mine === 1 ? 2 : 1;
    await expect(
      findFiles(query(['only.mp4'], { shard: { index: other, count: 2 } })),
    ).resolves.toEqual([]);
  });
});

describe('hidden files and folders', () => {
  beforeEach(async () => {
    await make(root, {
      'media/a.mp4': 'a',
      'media/.draft.mp4': 'draft',
      '.git/config': '[core]',
      '.env': 'TOKEN=x',
      '.cache/media/b.mp4': 'b',
    });
  });

  test("'**' leaves out every name starting with '.', at any depth", async () => {
    const files = await findFiles(query(['**']));
    expect(files.map((f) => f.relativePath)).toEqual(['media/a.mp4']);
  });

  test('include-hidden-files takes them', async () => {
    const files = await findFiles(query(['**'], { includeHidden: true }));
    expect(files.map((f) => f.relativePath)).toEqual([
      '.cache/media/b.mp4',
      '.env',
      '.git/config',
      'media/.draft.mp4',
      'media/a.mp4',
    ]);
  });

  test('a pattern that matches only hidden files says so and names the input to set', async () => {
    const error = await rejection(findFiles(query(['.git/**'])));
    expect(error.input).toBe('files');
    expect(error.message).toContain("'.git/**' matches only hidden files or folders");
    expect(error.message).toContain('include-hidden-files: true');
  });
});
