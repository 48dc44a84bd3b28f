/** The emulator's cache of ffprobe and ffmpeg results (local-aws/mediaconvert/media-cache.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileSha256, MediaCache, runKey } from '../../local-aws/mediaconvert/media-cache.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'media-cache-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('keys follow the bytes and the arguments, not the file name', async () => {
  await writeFile(path.join(dir, 'a'), 'same bytes');
  await writeFile(path.join(dir, 'b'), 'same bytes');
  await writeFile(path.join(dir, 'c'), 'other bytes');
  const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((n) => fileSha256(path.join(dir, n))));
  expect(a).toBe(b);
  expect(a).not.toBe(c);
  expect(runKey(['ffprobe', a!])).toBe(runKey(['ffprobe', b!]));
  expect(runKey(['ffprobe', a!])).not.toBe(runKey(['ffprobe', c!]));
  expect(runKey(['ffmpeg', '-b:v', '1'])).not.toBe(runKey(['ffmpeg', '-b:v', '2']));
});

test('a probe that finds nothing is asked again; one that finds media is kept', async () => {
  const cache = new MediaCache();
  let calls = 0;
  const nothing = async (): Promise<string | undefined> => {
    calls += 1;
    return undefined;
  };
  expect(await cache.probe('noise', nothing)).toBeUndefined();
  expect(await cache.probe('noise', nothing)).toBeUndefined();
  expect(calls).toBe(2);
  const media = async (): Promise<string> => {
    calls += 1;
    return 'mp4';
  };
  expect(await cache.probe('clip', media)).toBe('mp4');
  expect(await cache.probe('clip', media)).toBe('mp4');
  expect(calls).toBe(3);
  await cache.dispose();
});

/** The caches' own folders under the temp folder. */
async function cacheFolders(): Promise<string[]> {
  return (await readdir(os.tmpdir()))
    .filter((n) => n.startsWith('mediaconvert-cache-'))
    .map((n) => path.join(os.tmpdir(), n));
}

test('outputs are made once, copied under the new single-file name, and removed by dispose', async () => {
  const before = await cacheFolders();
  const cache = new MediaCache();
  let runs = 0;
  const produce = (out: string, name: string) => async (): Promise<string[]> => {
    runs += 1;
    await writeFile(path.join(out, name), `made by run ${runs}`);
    return [name];
  };
  const first = path.join(dir, 'out-1');
  const second = path.join(dir, 'out-2');
  await rm(first, { recursive: true, force: true });
  await mkdir(first, { recursive: true });
  expect(await cache.files('k', first, produce(first, 'one.mp4'), 'one.mp4')).toEqual(['one.mp4']);
  expect(await cache.files('k', second, produce(second, 'two.mp4'), 'two.mp4')).toEqual([
    'two.mp4',
  ]);
  expect(runs).toBe(1);
  expect(await readdir(second)).toEqual(['two.mp4']);
  expect(await readFile(path.join(second, 'two.mp4'), 'utf8')).toBe('made by run 1');
  // The cache's own folder: the one under the temp folder that holds the kept 'one.mp4'.
  const ours = (await cacheFolders()).filter(
    (f) =>
      !before.includes(f) &&
      existsSync(path.join(f, 'files-k', 'names.json')) &&
      readFileSync(path.join(f, 'files-k', '0'), 'utf8') === 'made by run 1',
  );
  expect(ours).toHaveLength(1);
  await cache.dispose();
  expect(existsSync(ours[0]!)).toBe(false);
  expect(existsSync(path.join(second, 'two.mp4'))).toBe(true);
});

test('a shared folder: another cache (another emulator) finds the entries, and dispose keeps them', async () => {
  const shared = path.join(dir, 'shared');
  const first = new MediaCache(shared);
  const second = new MediaCache(shared);
  let runs = 0;
  const produce = (out: string) => async (): Promise<string[]> => {
    runs += 1;
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'index.m3u8'), `playlist of run ${runs}`);
    await writeFile(path.join(out, 'seg-1.ts'), `segment of run ${runs}`);
    return ['index.m3u8', 'seg-1.ts'];
  };
  const out1 = path.join(dir, 'shared-out-1');
  const out2 = path.join(dir, 'shared-out-2');
  expect(await first.files('ladder', out1, produce(out1))).toEqual(['index.m3u8', 'seg-1.ts']);
  expect(await first.probe('clip', async () => ({ container: 'mov,mp4' }))).toEqual({
    container: 'mov,mp4',
  });
  await first.dispose();
  expect(existsSync(shared)).toBe(true);

  expect(await second.files('ladder', out2, produce(out2))).toEqual(['index.m3u8', 'seg-1.ts']);
  expect(runs).toBe(1);
  expect(await readFile(path.join(out2, 'seg-1.ts'), 'utf8')).toBe('segment of run 1');
  const probed = await second.probe('clip', async () => {
    throw new Error('probed again');
  });
  expect(probed).toEqual({ container: 'mov,mp4' });
  await second.dispose();
  // Nothing half-written is left beside the entries.
  expect((await readdir(shared)).sort()).toEqual(['files-ladder', 'probe-clip.json']);
});

test('two caches making the same entry at once: both get the files, one entry is kept', async () => {
  const shared = path.join(dir, 'race');
  const caches = [new MediaCache(shared), new MediaCache(shared)];
  const results = await Promise.all(
    caches.map(async (cache, i) => {
      const out = path.join(dir, `race-out-${i}`);
      return cache.files('same', out, async () => {
        await mkdir(out, { recursive: true });
        await writeFile(path.join(out, 'a.mp4'), `run ${i}`);
        return ['a.mp4'];
      });
    }),
  );
  expect(results).toEqual([['a.mp4'], ['a.mp4']]);
  expect(await readdir(shared)).toEqual(['files-same']);
  expect(await readdir(path.join(shared, 'files-same'))).toEqual(['0', 'names.json']);
});
