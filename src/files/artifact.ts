import { mkdtemp, statfs } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { rmRF } from '@actions/io';
import type { ArtifactSource } from '../inputs/artifact-source.js';
import { AbandonedWorkError, messageOf } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

/** @actions/artifact's FindOptions: where to look for an artifact of another run. */
export interface FindOptions {
  findBy?: ArtifactSource;
}

/** The part of @actions/artifact's client this action uses (a fake stands in for it in tests). */
export interface ArtifactDownloader {
  getArtifact(
    name: string,
    options?: FindOptions,
  ): Promise<{ artifact: { id: number; name: string; size?: number; digest?: string } }>;
  downloadArtifact(
    id: number,
    options: { path: string; expectedHash?: string } & FindOptions,
  ): Promise<{ downloadPath?: string; digestMismatch?: boolean }>;
}

export interface DownloadOptions {
  source?: ArtifactSource;
  /** Called with the new folder as soon as it exists, so the caller can always remove it. */
  onFolder?: (folder: string) => void;
  onWarning?: (message: string) => void;
  /** How often the free space is looked at while the download runs (default 100 ms). */
  pollMs?: number;
  /** Bytes free on the disk holding a folder (default: statfs); undefined when unknown. */
  freeSpace?: (dir: string) => Promise<number | undefined>;
}

/**
 * Downloads the named artifact of this run (or of `source`'s run) into a new folder under
 * `tempDir`, checked against the digest its listing gives, and returns the folder the files
 * are in. A disk without room for it is named at once: before the download when the listed
 * size does not fit, and as soon as the disk is full while it runs.
 */
export async function downloadArtifact(
  client: ArtifactDownloader,
  name: string,
  tempDir: string,
  options: DownloadOptions = {},
): Promise<string> {
  const find: FindOptions = options.source ? { findBy: options.source } : {};
  const where = options.source
    ? `workflow run ${options.source.workflowRunId} of ${options.source.repositoryOwner}/${options.source.repositoryName}`
    : 'this workflow run';
  let listed: { id: number; size?: number; digest?: string };
  try {
    listed = (await client.getArtifact(name, find)).artifact;
  } catch (error) {
    throw new Error(`artifact '${name}' was not found in ${where}: ${messageOf(error)}`, {
      cause: error,
    });
  }
  const freeSpace = options.freeSpace ?? freeBytes;
  const free = await freeSpace(tempDir);
  if (listed.size !== undefined && free !== undefined && free < listed.size) {
    throw new Error(
      `artifact '${name}' is ${listed.size} bytes zipped, but the disk holding ${tempDir} has ${free} bytes free: no space left on device (ENOSPC); free space on the runner or use a smaller artifact`,
    );
  }
  if (!listed.digest) {
    options.onWarning?.(
      `artifact '${name}' has no digest in its listing (uploaded by actions/upload-artifact before v4?): its download cannot be checked`,
    );
  }
  const target = await mkdtemp(path.join(tempDir, 'mediaconvert-encrypt-artifact-'));
  options.onFolder?.(target);
  const stop = new AbortController();
  try {
    const result = await Promise.race([
      client.downloadArtifact(listed.id, {
        path: target,
        ...(listed.digest ? { expectedHash: listed.digest } : {}),
        ...find,
      }),
      untilDiskFull(name, target, { pollMs: options.pollMs ?? 100, freeSpace }, stop.signal),
    ]);
    if (result.digestMismatch) {
      throw new Error(
        `artifact '${name}' does not match the digest its listing gives (${listed.digest}): it was changed or damaged after upload, and nothing from it is used`,
      );
    }
    return result.downloadPath ?? target;
  } finally {
    stop.abort();
  }
}

/** Bytes an unprivileged writer may still use on the disk holding `dir`, if it can be told. */
async function freeBytes(dir: string): Promise<number | undefined> {
  try {
    const info = await statfs(dir);
    return info.bavail * info.bsize;
  } catch {
    return undefined;
  }
}

/**
 * Rejects once the disk holding `dir` has no space left. @actions/artifact retries a failed
 * download 5 times, 5 s apart, whatever the error, and tells the cause only in debug lines;
 * a full disk does not empty itself, so the run stops at once and says so. The download is
 * left running: AbandonedWorkError tells the caller to end the process once its report is
 * out.
 */
async function untilDiskFull(
  name: string,
  dir: string,
  watch: { pollMs: number; freeSpace: (dir: string) => Promise<number | undefined> },
  signal: AbortSignal,
): Promise<never> {
  for (;;) {
    try {
      await sleep(watch.pollMs, undefined, { signal });
    } catch {
      // The download ended first: nothing left to watch, and nothing to settle.
      return new Promise<never>(() => undefined);
    }
    if ((await watch.freeSpace(dir)) === 0) {
      throw new AbandonedWorkError(
        `artifact '${name}' does not fit: the disk holding ${dir} is full (no space left on device, ENOSPC) while downloading; free space on the runner or use a smaller artifact`,
      );
    }
  }
}

/**
 * Removes downloaded artifact folders (plaintext media) at the end of a run, whatever its
 * outcome. A folder that cannot be removed is a warning, not a failure of the run.
 */
export async function removeDownloads(
  folders: readonly string[],
  log: Pick<Logger, 'info' | 'warning'>,
): Promise<void> {
  for (const folder of folders) {
    try {
      await rmRF(folder);
      log.info(`removed the downloaded artifact from ${folder}`);
    } catch (error) {
      log.warning(`could not remove the downloaded artifact at ${folder}: ${messageOf(error)}`);
    }
  }
}
