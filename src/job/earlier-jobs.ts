/**
 * Resume: the jobs an earlier attempt of this run created (or sent CreateJob for just before
 * it was killed) for requests this attempt is about to send. A request's ClientRequestToken
 * is derived from the run's key and the whole request (job/request.ts): the same request for
 * the same object has the same token in every attempt. MediaConvert answers a repeated token
 * with the first job for one minute only; past that, ListJobs finds the job by its token,
 * checked against the run's key in its UserMetadata.
 */
import {
  ListJobsCommand,
  type CreateJobCommandInput,
  type MediaConvertClient,
} from '@aws-sdk/client-mediaconvert';
import { RUN_USER_METADATA } from '../mediaconvert/limits.js';
import type { Logger } from '../shared/logger.js';
import type { CreatedJob } from './create-and-wait.js';

/** A job that ended so has done nothing a new one would repeat: it is replaced, not kept. */
const REPLACED = new Set(['ERROR', 'CANCELED']);

/**
 * Jobs created since `since` whose token is one of the requests', by request index. Lists
 * jobs newest first and stops at the first one older than `since`.
 */
export async function findEarlierJobs(
  mc: MediaConvertClient,
  requests: readonly CreateJobCommandInput[],
  runKey: string,
  since: Date,
  log: Logger,
): Promise<Map<number, CreatedJob>> {
  const byToken = new Map<string, number>();
  requests.forEach((r, i) => {
    if (r.ClientRequestToken) byToken.set(r.ClientRequestToken, i);
  });
  const found = new Map<number, CreatedJob>();
  let NextToken: string | undefined;
  do {
    const page = await mc.send(
      new ListJobsCommand({
        MaxResults: 20,
        Order: 'DESCENDING',
        ...(NextToken ? { NextToken } : {}),
      }),
    );
    for (const job of page.Jobs ?? []) {
      if (job.CreatedAt && job.CreatedAt < since) return found;
      const index = job.ClientRequestToken ? byToken.get(job.ClientRequestToken) : undefined;
      if (index === undefined || !job.Id || job.UserMetadata?.[RUN_USER_METADATA] !== runKey) {
        continue;
      }
      const status = job.Status ?? 'SUBMITTED';
      if (REPLACED.has(status)) {
        log.info(`job ${job.Id} of an earlier attempt ended ${status}: a new one is created`);
        continue;
      }
      // Newest first: a newer job for the same request stays the one found.
      if (!found.has(index)) {
        found.set(index, { id: job.Id, arn: job.Arn ?? '', status, request: requests[index]! });
      }
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return found;
}
