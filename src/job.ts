import {
  CancelJobCommand,
  CreateJobCommand,
  GetJobCommand,
  type CreateJobCommandInput,
  type Job,
  type MediaConvertClient,
} from '@aws-sdk/client-mediaconvert';
import { JobError, messageOf } from './errors.js';
import type { Logger } from './logger.js';

export interface CreatedJob {
  id: string;
  arn: string;
  status: string;
  request: CreateJobCommandInput;
}

export interface JobOutcome {
  id: string;
  status: string;
  errorCode?: number;
  errorMessage?: string;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Sends one CreateJob. The SDK retries throttling and dropped connections with the same input,
 * and so with the same ClientRequestToken: the service answers a repeat with the first job.
 */
export async function createJob(
  mc: MediaConvertClient,
  request: CreateJobCommandInput,
): Promise<CreatedJob> {
  let job: Job | undefined;
  try {
    job = (await mc.send(new CreateJobCommand(request))).Job;
  } catch (error) {
    throw new JobError(`CreateJob failed: ${messageOf(error)}`, { cause: error });
  }
  if (!job?.Id) throw new JobError('CreateJob returned no job');
  return { id: job.Id, arn: job.Arn ?? '', status: job.Status ?? 'SUBMITTED', request };
}

const TERMINAL = new Set(['COMPLETE', 'ERROR', 'CANCELED']);
const FIRST_POLL_MS = 1000;
const MAX_POLL_MS = 30_000;

export interface WaitOptions {
  timeoutMs: number;
  cancelOnTimeout: boolean;
  clock: Clock;
  log: Logger;
}

/** Polls every job with backoff until all are finished or the timeout passes. */
export async function waitForJobs(
  mc: MediaConvertClient,
  ids: readonly string[],
  options: WaitOptions,
): Promise<JobOutcome[]> {
  const { clock, log } = options;
  const deadline = clock.now() + options.timeoutMs;
  const outcomes = new Map<string, JobOutcome>();
  const lastLine = new Map<string, string>();
  let delay = FIRST_POLL_MS;
  for (;;) {
    for (const id of ids.filter((i) => !outcomes.has(i))) {
      const job = (await mc.send(new GetJobCommand({ Id: id }))).Job;
      const status = job?.Status ?? 'UNKNOWN';
      const line = describeProgress(job);
      if (lastLine.get(id) !== line) log.info(`job ${id}: ${line}`);
      lastLine.set(id, line);
      if (TERMINAL.has(status)) outcomes.set(id, outcomeOf(id, job));
    }
    if (outcomes.size === ids.length) return ids.map((id) => outcomes.get(id)!);
    const left = deadline - clock.now();
    if (left <= 0) return timedOut(mc, ids, outcomes, options);
    await clock.sleep(Math.min(delay, left));
    delay = Math.min(Math.round(delay * 1.5), MAX_POLL_MS);
  }
}

async function timedOut(
  mc: MediaConvertClient,
  ids: readonly string[],
  outcomes: Map<string, JobOutcome>,
  options: WaitOptions,
): Promise<JobOutcome[]> {
  const running = ids.filter((id) => !outcomes.has(id));
  for (const id of running) {
    if (options.cancelOnTimeout) {
      await mc.send(new CancelJobCommand({ Id: id }));
      options.log.warning(`job ${id}: canceled after wait-timeout`);
    }
    outcomes.set(id, {
      id,
      status: options.cancelOnTimeout ? 'CANCELED' : 'TIMED_OUT',
      errorMessage: `still running after wait-timeout (${Math.round(options.timeoutMs / 1000)} s)`,
    });
  }
  return ids.map((id) => outcomes.get(id)!);
}

function describeProgress(job: Job | undefined): string {
  const status = job?.Status ?? 'UNKNOWN';
  if (status !== 'PROGRESSING') return status;
  const phase = job?.CurrentPhase ? ` ${job.CurrentPhase}` : '';
  const percent = job?.JobPercentComplete === undefined ? '' : ` ${job.JobPercentComplete}%`;
  return `${status}${phase}${percent}`;
}

function outcomeOf(id: string, job: Job | undefined): JobOutcome {
  const outcome: JobOutcome = { id, status: job?.Status ?? 'UNKNOWN' };
  if (job?.ErrorCode !== undefined) outcome.errorCode = job.ErrorCode;
  if (job?.ErrorMessage !== undefined) outcome.errorMessage = job.ErrorMessage;
  return outcome;
}

/** A failure message for every job that did not complete, or undefined when all did. */
export function failedJobsMessage(outcomes: readonly JobOutcome[]): string | undefined {
  const failed = outcomes.filter((o) => o.status !== 'COMPLETE');
  if (failed.length === 0) return undefined;
  return failed
    .map((o) => {
      const code = o.errorCode === undefined ? '' : ` (error ${o.errorCode})`;
      return `job ${o.id} ended ${o.status}${code}${o.errorMessage ? `: ${o.errorMessage}` : ''}`;
    })
    .join('\n');
}
