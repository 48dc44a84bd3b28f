import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { rmRF } from '@actions/io';
import type { ArtifactSource } from '../inputs/artifact-source.js';
import { messageOf } from '../shared/errors.js';
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
  ): Promise<{ artifact: { id: number; name: string; size?: number } }>;
  downloadArtifact(
    id: number,
    options: { path: string; expectedHash?: string } & FindOptions,
  ): Promise<{ downloadPath?: string; digestMismatch?: boolean }>;
}

/**
 * Downloads the named artifact of this run (or of `source`'s run) into a new folder under
 * `tempDir`. Calls `onFolder` with the folder as soon as it exists, so that the caller can
 * remove it whatever happens next; returns the folder the files are in.
 */
export async function downloadArtifact(
  client: ArtifactDownloader,
  name: string,
  tempDir: string,
  options: { source?: ArtifactSource; onFolder?: (folder: string) => void } = {},
): Promise<string> {
  const find: FindOptions = options.source ? { findBy: options.source } : {};
  const where = options.source
    ? `workflow run ${options.source.workflowRunId} of ${options.source.repositoryOwner}/${options.source.repositoryName}`
    : 'this workflow run';
  let id: number;
  try {
    id = (await client.getArtifact(name, find)).artifact.id;
  } catch (error) {
    throw new Error(`artifact '${name}' was not found in ${where}: ${messageOf(error)}`, {
      cause: error,
    });
  }
  const target = await mkdtemp(path.join(tempDir, 'mediaconvert-encrypt-artifact-'));
  options.onFolder?.(target);
  const result = await client.downloadArtifact(id, { path: target, ...find });
  if (result.digestMismatch)
    throw new Error(`artifact '${name}' failed its digest check after download`);
  return result.downloadPath ?? target;
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
