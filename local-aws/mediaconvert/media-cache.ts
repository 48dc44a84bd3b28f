/**
 * What ffprobe and ffmpeg made of given bytes: the tests run the same sample through dozens of
 * jobs, and each probe and transcode costs a process and a fraction of a CPU-second. Entries
 * are found by the SHA-256 of every byte the tool would read and the tool's whole argument
 * list, so a hit is exactly what the tool would produce again. A job still reads, decrypts and
 * hashes its input: a wrong key or IV gives other bytes, which miss the cache and go to
 * ffprobe, which refuses them.
 *
 * By default the entries live in a temporary folder for the life of one emulator. Given a
 * folder (`mediaCacheDir`, or LOCAL_AWS_MEDIA_CACHE), emulators in any number of processes
 * share it: each entry is written under a temporary name and renamed into place, so a reader
 * sees a whole entry or none, and the folder is left for its owner to remove.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** The SHA-256 of a file's bytes, in hex. */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** A key for a tool run: its arguments, with each file it reads named by its bytes' hash. */
export function runKey(parts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The file that lists an output entry's files, in the order the run returned them. */
const NAMES = 'names.json';

export class MediaCache {
  private readonly probes = new Map<string, unknown>();
  private readonly outputs = new Map<string, string[]>();
  private root: Promise<string> | undefined;

  /** `shared`: a folder other emulators may use at the same time; kept by dispose(). */
  constructor(private readonly shared?: string) {}

  /** The probe of `key`, computing it with `probe` until it finds something (media). */
  async probe<T>(key: string, probe: () => Promise<T | undefined>): Promise<T | undefined> {
    if (this.probes.has(key)) return this.probes.get(key) as T;
    const file = join(await this.folder(), `probe-${key}.json`);
    const stored = await readFile(file, 'utf8').then(
      (text) => JSON.parse(text) as T,
      () => undefined,
    );
    const value = stored ?? (await probe());
    if (value === undefined) return undefined;
    this.probes.set(key, value);
    if (stored === undefined)
      await this.publish(file, (tmp) => writeFile(tmp, JSON.stringify(value)));
    return value;
  }

  /**
   * Fills `dir` with the files a run of `key` wrote: copies of the first run's, or, the first
   * time, what `produce` writes there (it returns the names), which are then kept. `named`
   * names a single-file output whose name is not part of the key (it is not in its bytes).
   */
  async files(
    key: string,
    dir: string,
    produce: () => Promise<string[]>,
    named?: string,
  ): Promise<string[]> {
    const entry = join(await this.folder(), `files-${key}`);
    const kept =
      this.outputs.get(key) ??
      (await readFile(join(entry, NAMES), 'utf8').then(
        (text) => JSON.parse(text) as string[],
        () => undefined,
      ));
    if (kept) {
      this.outputs.set(key, kept);
      await mkdir(dir, { recursive: true });
      const names = named !== undefined && kept.length === 1 ? [named] : kept;
      for (const [i, name] of names.entries()) {
        await copyFile(join(entry, String(i)), join(dir, name));
      }
      return [...names];
    }
    const files = await produce();
    await this.publish(entry, async (tmp) => {
      await mkdir(tmp);
      for (const [i, name] of files.entries())
        await copyFile(join(dir, name), join(tmp, String(i)));
      await writeFile(join(tmp, NAMES), JSON.stringify(files));
    });
    this.outputs.set(key, [...files]);
    return files;
  }

  /** Removes the kept files, unless the folder is shared. */
  async dispose(): Promise<void> {
    this.probes.clear();
    this.outputs.clear();
    const root = this.root;
    this.root = undefined;
    if (root && this.shared === undefined) await rm(await root, { recursive: true, force: true });
  }

  private folder(): Promise<string> {
    this.root ??= this.shared
      ? mkdir(this.shared, { recursive: true }).then(() => this.shared!)
      : mkdtemp(join(os.tmpdir(), 'mediaconvert-cache-'));
    return this.root;
  }

  /**
   * Writes an entry under a temporary name and renames it to `target`. Another process may
   * have put the same entry there first; its copy is as good as ours, so ours goes.
   */
  private async publish(target: string, write: (tmp: string) => Promise<void>): Promise<void> {
    const tmp = `${target}.tmp-${randomBytes(8).toString('hex')}`;
    try {
      await write(tmp);
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw error;
    }
  }
}
