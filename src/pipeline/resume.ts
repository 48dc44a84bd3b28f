/**
 * A later attempt of a run (GitHub's "Re-run", or the CLI's --resume) picks up what earlier
 * attempts did, so that every attempt converges on the end state of one uninterrupted run:
 * - files whose object an earlier attempt completed are not uploaded again (their object
 *   says so, upload/earlier-object.ts);
 * - the incomplete uploads an earlier attempt left at the run's keys are aborted
 *   (upload/stale-uploads.ts);
 * - a job an earlier attempt created for a request, or sent CreateJob for just before it was
 *   killed, is taken instead of a second one (job/earlier-jobs.ts, and the request token).
 * On a hosted runner the earlier attempt's manifest is gone with its RUNNER_TEMP: all of this
 * works from S3 and MediaConvert alone. When the manifest is at hand (--resume, or a manifest
 * path that outlives the runner) it adds the SHA-256 of files uploaded in parts.
 */
import type { CreateJobCommandInput } from '@aws-sdk/client-mediaconvert';
import type { Clients } from '../aws/clients.js';
import type { MediaFile } from '../files/listing.js';
import type { Config } from '../inputs/config.js';
import type { CreatedJob } from '../job/create-and-wait.js';
import { findEarlierJobs } from '../job/earlier-jobs.js';
import { messageOf } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { mapPool } from '../shared/pool.js';
import { earlierObject, type EarlierObject, type JournalEntry } from '../upload/earlier-object.js';
import type { FileResult } from '../upload/encrypt-file.js';
import { abortStaleUploads, listStaleUploads } from '../upload/stale-uploads.js';
import type { RunIdentity } from './run-identity.js';

/** Clocks differ between the runner, S3 and MediaConvert: a job is looked for this much earlier. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface Resume {
  /** The file's result when an earlier attempt completed its object. */
  settled(index: number): FileResult | undefined;
  /** Jobs an earlier attempt created for these requests, by index. */
  jobs(requests: readonly CreateJobCommandInput[]): Promise<Map<number, CreatedJob>>;
  /** What could not be cleaned up: failure lines for the report. */
  problems: string[];
}

/** The earlier attempt's manifest, when it belongs to this run: its files by S3 URI. */
export function journalEntries(
  earlier: Record<string, unknown> | undefined,
  run: RunIdentity,
): Map<string, JournalEntry> {
  const entries = new Map<string, JournalEntry>();
  const record = earlier?.run as { key?: unknown } | undefined;
  if (record?.key !== run.key || !Array.isArray(earlier?.files)) return entries;
  for (const file of earlier.files as Partial<FileResult>[]) {
    if (
      typeof file.s3Uri === 'string' &&
      typeof file.plaintextSha256 === 'string' &&
      file.decryption
    ) {
      entries.set(file.s3Uri, {
        plaintextSha256: file.plaintextSha256,
        decryption: file.decryption,
      });
    }
  }
  return entries;
}

/**
 * Looks at what earlier attempts left, and aborts their incomplete uploads. Read-only but for
 * the aborts; to be called once the journal has its first write and before any upload.
 */
export async function prepareResume(
  files: readonly MediaFile[],
  config: Pick<Config, 'destination' | 'mode' | 'region'>,
  clients: Clients,
  run: RunIdentity,
  journal: ReadonlyMap<string, JournalEntry>,
  log: Logger,
  signal?: AbortSignal,
): Promise<Resume> {
  const problems: string[] = [];
  let unreadable: string | undefined;
  const settled = await mapPool(files, 16, (file) =>
    earlierObject(
      file,
      config,
      clients.s3,
      run.key,
      journal.get(`s3://${file.bucket}/${file.key}`),
      signal,
    ),
  );
  const done = new Map<number, EarlierObject>();
  settled.forEach((outcome, i) => {
    if (outcome?.ok && outcome.value) done.set(i, outcome.value);
    else if (outcome && !outcome.ok) unreadable ??= messageOf(outcome.error);
  });
  if (unreadable !== undefined) {
    log.warning(
      `resume: some objects could not be checked, and their files are uploaded again: ${unreadable}`,
    );
  }
  for (const [i, found] of done) {
    log.info(
      `${files[i]!.relativePath}: complete in S3 from an earlier attempt, not uploaded again${checkedText(found.checked)}`,
    );
  }
  const { bucket, prefix } = config.destination;
  const keys = new Set(files.map((f) => f.key));
  const stale = await listStaleUploads(clients.s3, bucket, prefix, keys).catch((error: unknown) => {
    log.warning(
      `resume: cannot list incomplete uploads (${messageOf(error)}; it needs s3:ListBucketMultipartUploads): any an earlier attempt left stay until a lifecycle rule removes them`,
    );
    return [];
  });
  problems.push(...(await abortStaleUploads(clients.s3, bucket, stale)));
  log.info(
    `resuming attempt ${run.attempt} of this run: ${done.size} of ${files.length} file(s) complete from an earlier attempt, ${stale.length} incomplete upload(s) it left aborted`,
  );

  return {
    settled: (index) => done.get(index)?.result,
    problems,
    async jobs(requests) {
      const times = [...done.values()].map((d) => d.lastModified?.getTime() ?? run.startedAt);
      // Only a request for an object an earlier attempt made can have a job already.
      if (times.length === 0) return new Map();
      const since = new Date(Math.min(...times) - CLOCK_SKEW_MS);
      return findEarlierJobs(clients.mediaconvert, requests, run.key, since, log).catch(
        (error: unknown) => {
          log.warning(
            `resume: cannot list jobs (${messageOf(error)}; it needs mediaconvert:ListJobs): a job an earlier attempt created more than a minute ago is created again`,
          );
          return new Map<number, CreatedJob>();
        },
      );
    },
  };
}

/** What the resume log says of how a complete object was matched to its file. */
function checkedText(checked: EarlierObject['checked']): string {
  if (checked === 'sha256') return '';
  if (checked === 'size') return ' (same size; its SHA-256 was not recorded)';
  return ` (same size and same first ${checked.head} bytes; its whole SHA-256 was not recorded)`;
}
