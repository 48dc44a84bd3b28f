/**
 * `delete-inputs: on-complete`: once the jobs have been waited for, each ciphertext object is
 * deleted when every job that reads it ended COMPLETE. An object read by a job that failed, was
 * canceled or is still running is kept, so the job can be resubmitted.
 */
import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { messageOf } from '../shared/errors.js';
import type { CreatedJob, JobOutcome } from './create-and-wait.js';
import type { Logger } from '../shared/logger.js';
import { mapPool } from '../shared/pool.js';

export interface DeletionResult {
  /** s3:// URIs deleted. */
  deleted: string[];
  /** s3:// URIs kept, with the reason. */
  kept: { s3Uri: string; reason: string }[];
  /** One line per object whose DeleteObject failed. */
  problems: string[];
}

/** Objects to delete (every reader COMPLETE) and to keep, among the jobs' inputs. */
export function objectsToDelete(
  jobs: readonly CreatedJob[],
  outcomes: readonly JobOutcome[],
): { remove: string[]; kept: DeletionResult['kept'] } {
  const status = new Map(outcomes.map((o) => [o.id, o.status]));
  const readers = new Map<string, string[]>();
  for (const job of jobs) {
    for (const input of job.request.Settings?.Inputs ?? []) {
      if (!input.FileInput?.startsWith('s3://')) continue;
      readers.set(input.FileInput, [...(readers.get(input.FileInput) ?? []), job.id]);
    }
  }
  const remove: string[] = [];
  const kept: DeletionResult['kept'] = [];
  for (const [s3Uri, ids] of readers) {
    const unfinished = ids.filter((id) => status.get(id) !== 'COMPLETE');
    if (unfinished.length === 0) remove.push(s3Uri);
    else {
      const first = unfinished[0]!;
      kept.push({ s3Uri, reason: `job ${first} ended ${status.get(first) ?? 'UNKNOWN'}` });
    }
  }
  return { remove, kept };
}

export async function deleteCompletedInputs(
  s3: S3Client,
  jobs: readonly CreatedJob[],
  outcomes: readonly JobOutcome[],
  log: Logger,
): Promise<DeletionResult> {
  const { remove, kept } = objectsToDelete(jobs, outcomes);
  const settled = await mapPool(remove, 8, async (s3Uri) => {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(s3Uri);
    if (!match) throw new Error('not an s3:// URI');
    await s3.send(new DeleteObjectCommand({ Bucket: match[1], Key: match[2] }));
  });
  const result: DeletionResult = { deleted: [], kept, problems: [] };
  settled.forEach((outcome, i) => {
    const s3Uri = remove[i]!;
    if (outcome?.ok) result.deleted.push(s3Uri);
    else {
      const why = outcome ? messageOf(outcome.error) : 'not attempted';
      const denied = /AccessDenied|Forbidden/i.test(why) ? ' (it needs s3:DeleteObject)' : '';
      result.problems.push(
        `deleting ${s3Uri} (delete-inputs: on-complete) failed: ${why}${denied}`,
      );
    }
  });
  log.info(
    `delete-inputs: ${result.deleted.length} ciphertext object(s) deleted, ${kept.length} kept because a job did not complete`,
  );
  for (const k of kept) log.info(`kept ${k.s3Uri}: ${k.reason}`);
  return result;
}
