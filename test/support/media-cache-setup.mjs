// Jest global setup and teardown of the tiers that run MediaConvert jobs: one folder, for the
// whole run, where every local MediaConvert keeps what ffprobe and ffmpeg made of given bytes
// (LOCAL_AWS_MEDIA_CACHE; the workers inherit it). Test files transcode the same sample clip
// with the same settings; each probe and transcode is then made once a run instead of once a
// file. (Plain JavaScript: jest loads it untransformed.)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const OWNED = 'LOCAL_AWS_MEDIA_CACHE_BY_JEST';

/** Creates the shared folder, once for all projects; a folder set by the caller is kept. */
export function shareMediaCache() {
  if (process.env.LOCAL_AWS_MEDIA_CACHE) return;
  process.env.LOCAL_AWS_MEDIA_CACHE = mkdtempSync(path.join(os.tmpdir(), 'media-cache-run-'));
  process.env[OWNED] = process.env.LOCAL_AWS_MEDIA_CACHE;
}

export default function globalSetup() {
  shareMediaCache();
}

/** Removes the folder if this run made it. */
export function globalTeardown() {
  const dir = process.env[OWNED];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
