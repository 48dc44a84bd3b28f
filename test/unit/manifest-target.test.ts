import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/shared/errors.js';
import type { MediaFile } from '../../src/files/listing.js';
import { checkManifestTarget } from '../../src/report/manifest-target.js';

let dir: string;
let media: MediaFile;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'manifest-target-'));
  await mkdir(path.join(dir, 'media'));
  await writeFile(path.join(dir, 'media', 'a.mp4'), 'master');
  media = {
    absolutePath: path.join(dir, 'media', 'a.mp4'),
    relativePath: 'media/a.mp4',
    bytes: 6,
    bucket: 'b',
    key: 'media/a.mp4',
  };
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(manifest: string): Promise<string> {
  const error = await checkManifestTarget(manifest, [media]).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).input).toBe('manifest');
  return (error as Error).message;
}

describe('checkManifestTarget', () => {
  test('a new path or an earlier manifest is fine', async () => {
    await expect(checkManifestTarget(path.join(dir, 'new.json'), [media])).resolves.toEqual({});
    await expect(
      checkManifestTarget(path.join(dir, 'new/deeper/m.json'), [media]),
    ).resolves.toEqual({});
    const earlier = path.join(dir, 'earlier.json');
    const manifest = { version: 1, region: 'us-east-1', files: [] };
    await writeFile(earlier, JSON.stringify(manifest));
    await expect(checkManifestTarget(earlier, [media])).resolves.toEqual({ earlier: manifest });
  });

  test('a file to encrypt is refused, also through a symlink, and stays as it was', async () => {
    expect(await refusal(media.absolutePath)).toContain('one of the files to encrypt');
    await symlink(media.absolutePath, path.join(dir, 'link.json'));
    expect(await refusal(path.join(dir, 'link.json'))).toContain("'media/a.mp4'");
    expect(await readFile(media.absolutePath, 'utf8')).toBe('master');
  });

  test('an existing file that is not a manifest is refused', async () => {
    const other = path.join(dir, 'package.json');
    await writeFile(other, '{"name": "x"}');
    expect(await refusal(other)).toContain('is not a manifest of this action');
    expect(await readFile(other, 'utf8')).toBe('{"name": "x"}');
  });

  test('a folder is refused', async () => {
    expect(await refusal(path.join(dir, 'media'))).toContain('it exists and is a folder');
  });

  test('a path under a file is refused, naming the file', async () => {
    const message = await refusal(path.join(media.absolutePath, 'sub', 'm.json'));
    expect(message).toContain(`'${media.absolutePath}' on its path is a file, not a folder`);
  });

  test('a file system without room for the manifest is refused, with the figures', async () => {
    const error = await checkManifestTarget(path.join(dir, 'm.json'), [media], 2 ** 50).catch(
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /cannot be written: its file system has \d+ bytes free, less than the 1125899906842624 bytes the run will write there/,
    );
  });
});
