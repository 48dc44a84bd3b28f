import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { messageOf } from './errors.js';

/** The part of @actions/artifact's client this action uses (a fake stands in for it in tests). */
export interface ArtifactDownloader {
  getArtifact(name: string): Promise<{ artifact: { id: number; name: string; size?: number } }>;
  downloadArtifact(
    id: number,
    options: { path: string; expectedHash?: string },
  ): Promise<{ downloadPath?: string; digestMismatch?: boolean }>;
}

/** Downloads the named artifact of this run into a new folder under `tempDir`; returns the folder. */
export async function downloadArtifact(
  client: ArtifactDownloader,
  name: string,
  tempDir: string,
): Promise<string> {
  let id: number;
  try {
    id = (await client.getArtifact(name)).artifact.id;
  } catch (error) {
    throw new Error(`artifact '${name}' was not found in this workflow run: ${messageOf(error)}`, {
      cause: error,
    });
  }
  const target = await mkdtemp(path.join(tempDir, 'mediaconvert-encrypt-artifact-'));
  const result = await client.downloadArtifact(id, { path: target });
  if (result.digestMismatch)
    throw new Error(`artifact '${name}' failed its digest check after download`);
  return result.downloadPath ?? target;
}
