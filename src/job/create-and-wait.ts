import {
  CancelJobCommand,
  CreateJobCommand,
  GetJobCommand,
  GetJobTemplateCommand,
  GetQueueCommand,
  type CreateJobCommandInput,
  type Job,
  type MediaConvertClient,
} from '@aws-sdk/client-mediaconvert';
import type { Clock } from '../shared/clock.js';
import { JobError, RefusedInputError, messageOf } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { oneLine } from '../shared/safe-text.js';

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

/** A job template or queue named by an input (or by the job-settings file). */
export interface JobResource {
  kind: 'job template' | 'queue';
  /** Name or ARN, as given. */
  name: string;
  /** The input that named it, for the error message. */
  input: string;
}

/**
 * Checks that each template and queue exists, before any data key is made or byte uploaded:
 * a typo then costs one read-only request instead of a whole upload. These are the only AWS
 * requests made before the files are processed. A role that may not read templates or queues
 * gets a warning and the run goes on; CreateJob will still refuse a wrong name.
 */
export async function checkJobResources(
  mc: MediaConvertClient,
  resources: readonly JobResource[],
  log: Logger,
): Promise<void> {
  for (const resource of resources) {
    const name = resource.name.replace(
      /^arn:[^:]+:mediaconvert:[^:]*:\d*:(jobTemplates|queues)\//,
      '',
    );
    try {
      await mc.send(
        resource.kind === 'queue'
          ? new GetQueueCommand({ Name: name })
          : new GetJobTemplateCommand({ Name: name }),
      );
    } catch (error) {
      const type = error instanceof Error ? error.name : '';
      if (type === 'NotFoundException') {
        throw new RefusedInputError(
          resource.input,
          `${resource.kind} '${resource.name}' does not exist in this region (${messageOf(error)})`,
        );
      }
      if (type === 'ForbiddenException' || type === 'AccessDeniedException') {
        log.warning(
          `cannot check that ${resource.kind} '${resource.name}' exists (${messageOf(error)}); going on`,
        );
        continue;
      }
      throw new JobError(
        `checking ${resource.kind} '${resource.name}' failed: ${messageOf(error)}`,
        {
          cause: error,
        },
      );
    }
  }
}

const TERMINAL = new Set(['COMPLETE', 'ERROR', 'CANCELED']);
const FIRST_POLL_MS = 1000;
const MAX_POLL_MS = 30_000;

export interface WaitOptions {
  timeoutMs: number;
  cancelOnTimeout: boolean;
  clock: Clock;
  log: Logger;
  /** Stops the wait (the jobs go on running) when the step is interrupted. */
  signal?: AbortSignal;
  /** Called once with each job as GetJob returned it when it reached a final status. */
  onFinished?: (job: Job) => void;
}

/** Polls every job with backoff until all are finished, the timeout passes or the signal fires. */
export async function waitForJobs(
  mc: MediaConvertClient,
  ids: readonly string[],
  options: WaitOptions,
): Promise<JobOutcome[]> {
  const { clock, log } = options;
  const deadline = clock.now() + options.timeoutMs;
  // wait-timeout bounds the whole wait, a GetJob that hangs included: it is cut at the deadline.
  const expired = AbortSignal.timeout(options.timeoutMs);
  const abortSignal = options.signal ? AbortSignal.any([options.signal, expired]) : expired;
  const outcomes = new Map<string, JobOutcome>();
  const lastLine = new Map<string, string>();
  let delay = FIRST_POLL_MS;
  for (;;) {
    if (options.signal?.aborted) return interrupted(ids, outcomes);
    if (expired.aborted) return timedOut(mc, ids, outcomes, options);
    for (const id of ids.filter((i) => !outcomes.has(i))) {
      let job: Job | undefined;
      try {
        job = (await mc.send(new GetJobCommand({ Id: id }), { abortSignal })).Job;
      } catch (error) {
        if (options.signal?.aborted) return interrupted(ids, outcomes);
        if (expired.aborted) return timedOut(mc, ids, outcomes, options);
        throw error;
      }
      const status = job?.Status ?? 'UNKNOWN';
      const line = describeProgress(job);
      if (lastLine.get(id) !== line) log.info(`job ${id}: ${line}`);
      lastLine.set(id, line);
      if (TERMINAL.has(status)) {
        outcomes.set(id, outcomeOf(id, job));
        if (job) options.onFinished?.(job);
      }
    }
    if (outcomes.size === ids.length) return ids.map((id) => outcomes.get(id)!);
    const left = deadline - clock.now();
    if (left <= 0) return timedOut(mc, ids, outcomes, options);
    await sleepUnlessAborted(clock, Math.min(delay, left), options.signal);
    delay = Math.min(Math.round(delay * 1.5), MAX_POLL_MS);
  }
}

async function sleepUnlessAborted(
  clock: Clock,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (!signal) return clock.sleep(ms);
  let onAbort = (): void => undefined;
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve;
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([clock.sleep(ms), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Jobs not yet finished when the step was interrupted: left running, reported as such. */
function interrupted(ids: readonly string[], outcomes: Map<string, JobOutcome>): JobOutcome[] {
  return ids.map(
    (id) =>
      outcomes.get(id) ?? {
        id,
        status: 'INTERRUPTED',
        errorMessage: 'still running when the step was interrupted (the job was not canceled)',
      },
  );
}

async function timedOut(
  mc: MediaConvertClient,
  ids: readonly string[],
  outcomes: Map<string, JobOutcome>,
  options: WaitOptions,
): Promise<JobOutcome[]> {
  const running = ids.filter((id) => !outcomes.has(id));
  for (const id of running) {
    let canceled = false;
    if (options.cancelOnTimeout) {
      // One refused cancel (say the job just finished) must not lose the other outcomes.
      try {
        await mc.send(new CancelJobCommand({ Id: id }));
        canceled = true;
        options.log.warning(`job ${id}: canceled after wait-timeout`);
      } catch (error) {
        options.log.warning(`job ${id}: CancelJob after wait-timeout failed: ${messageOf(error)}`);
      }
    }
    outcomes.set(id, {
      id,
      status: canceled ? 'CANCELED' : 'TIMED_OUT',
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
      return oneLine(
        `job ${o.id} ended ${o.status}${code}${o.errorMessage ? `: ${o.errorMessage}` : ''}`,
      );
    })
    .join('\n');
}
