/**
 * The CLI's `--resume MANIFEST`: the manifest of an interrupted run (its journal) names the
 * run; the new attempt continues it (pipeline/resume.ts) and goes on writing that manifest.
 */
import { readFile, stat } from 'node:fs/promises';
import { isRunKey, resumedRun, type RunIdentity } from '../pipeline/run-identity.js';
import { InputError } from '../shared/errors.js';
import { withItsLog } from '../report/manifest-log.js';

export async function readResumeManifest(
  file: string,
  now: number,
): Promise<{ run: RunIdentity; earlier: Record<string, unknown> }> {
  const refuse = (why: string): never => {
    throw new InputError('resume', `'${file}' ${why}; give the manifest of the run to resume`);
  };
  // Looked at before it is opened: opening a FIFO would wait for a writer, forever.
  const info = await stat(file).catch((error: NodeJS.ErrnoException) =>
    refuse(`cannot be read (${error.code ?? 'error'})`),
  );
  if (!info.isFile()) refuse('is not a regular file');
  let earlier: Record<string, unknown> | null = null;
  try {
    earlier = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> | null;
  } catch {
    refuse('is not JSON');
  }
  if (earlier?.version !== 1 || !Array.isArray(earlier.files)) {
    return refuse('is not a manifest of this action');
  }
  const run = earlier.run as { key?: unknown; attempt?: unknown } | undefined;
  if (!isRunKey(run?.key) || typeof run.attempt !== 'number' || !Number.isInteger(run.attempt)) {
    return refuse('names no run (it was written by a version without resume, or by a dry run)');
  }
  // Its records since the last checkpoint are in the log beside it.
  return {
    run: resumedRun(run.key, run.attempt, now),
    earlier: await withItsLog(earlier, file),
  };
}
