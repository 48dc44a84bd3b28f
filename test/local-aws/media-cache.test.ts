/** The emulator's cache of ffprobe and ffmpeg results (local-aws/mediaconvert/media-cache.ts). */
import { existsSync } from 'node:fs';
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

test('outputs are made once, copied under the new single-file name, and removed by dispose', async () => {
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
  const folders = (await readdir(os.tmpdir()))
    .filter((n) => n.startsWith('mediaconvert-cache-'))
    .map((n) => path.join(os.tmpdir(), n));
  const ours = folders.filter((f) => existsSync(path.join(f, '0', 'one.mp4')));
  expect(ours).toHaveLength(1);
  await cache.dispose();
  expect(existsSync(ours[0]!)).toBe(false);
  expect(existsSync(path.join(second, 'two.mp4'))).toBe(true);
});
