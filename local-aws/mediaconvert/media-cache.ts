/**
 * What ffprobe and ffmpeg made of given bytes, kept for the life of one emulator: the tests run
 * the same sample through dozens of jobs, and each probe and transcode costs a process and a
 * fraction of a CPU-second. Entries are found by the SHA-256 of every byte the tool would read
 * and the tool's whole argument list, so a hit is exactly what the tool would produce again.
 * A job still reads, decrypts and hashes its input: a wrong key or IV gives other bytes, which
 * miss the cache and go to ffprobe, which refuses them.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
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

export class MediaCache {
  private readonly probes = new Map<string, unknown>();
  private readonly outputs = new Map<string, { dir: string; files: string[] }>();
  private root: Promise<string> | undefined;
  private stored = 0;

  /** The probe of `key`, computing it with `probe` until it finds something (media). */
  async probe<T>(key: string, probe: () => Promise<T | undefined>): Promise<T | undefined> {
    if (this.probes.has(key)) return this.probes.get(key) as T;
    const value = await probe();
    if (value !== undefined) this.probes.set(key, value);
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
    const kept = this.outputs.get(key);
    if (kept) {
      await mkdir(dir, { recursive: true });
      const names = named !== undefined && kept.files.length === 1 ? [named] : kept.files;
      for (const [i, name] of names.entries()) {
        await copyFile(join(kept.dir, kept.files[i]!), join(dir, name));
      }
      return [...names];
    }
    const files = await produce();
    this.root ??= mkdtemp(join(os.tmpdir(), 'mediaconvert-cache-'));
    const keep = join(await this.root, String(this.stored++));
    await mkdir(keep);
    for (const name of files) await copyFile(join(dir, name), join(keep, name));
    this.outputs.set(key, { dir: keep, files: [...files] });
    return files;
  }

  /** Removes the kept files. */
  async dispose(): Promise<void> {
    this.probes.clear();
    this.outputs.clear();
    const root = this.root;
    this.root = undefined;
    if (root) await rm(await root, { recursive: true, force: true });
  }
}
