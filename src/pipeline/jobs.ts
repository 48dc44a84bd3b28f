/**
 * The job side of a run: checking the template and queue, creating the jobs (each on record
 * before the wait starts), and the wait with what follows it (delete-inputs), which
 * `wait-only` shares.
 */
import type { CreateJobCommandInput } from '@aws-sdk/client-mediaconvert';
import type { Clients } from '../aws/clients.js';
import type { JobConfig, WaitSettings } from '../inputs/config.js';
import {
  createJob,
  failedJobsMessage,
  waitForJobs,
  type CreatedJob,
  type JobResource,
} from '../job/create-and-wait.js';
import { deleteCompletedInputs } from '../job/delete-inputs.js';
import { finishedJobOf, type FinishedJob } from '../job/finished-jobs.js';
import type { JobPlan } from '../job/request.js';
import type { RunReport } from '../report/run-report.js';
import type { Clock } from '../shared/clock.js';
import { messageOf } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { mapPool } from '../shared/pool.js';
import { expiryWarning, isExpiredToken } from '../aws/credentials.js';

/** The template and queue the jobs will name, with the input each came from. */
export function jobResources(job: JobConfig, plan: JobPlan): JobResource[] {
  const resources: JobResource[] = [];
  const { JobTemplate, Queue } = plan.base;
  if (JobTemplate) {
    const input = job.template === undefined ? 'job-settings' : 'job-template';
    resources.push({ kind: 'job template', name: JobTemplate, input });
  }
  if (Queue) {
    resources.push({
      kind: 'queue',
      name: Queue,
      input: job.queue === undefined ? 'job-settings' : 'queue',
    });
  }
  return resources;
}

/**
 * CreateJob requests at once. Each is one round trip; with a thousand files on a link with
 * 40 ms of round trip, 4 at once spent 10 s on job creation alone.
 */
export const CREATE_JOB_CONCURRENCY = 16;

/**
 * Sends `requests` (each request's job goes to `record` as soon as it exists, which resolves
 * once it is on record) and returns a problem line for each job that could not be created.
 * `found`: jobs an earlier attempt created for some of the requests, by index; they are
 * recorded as they are, not created again.
 */
export async function createJobs(
  requests: readonly CreateJobCommandInput[],
  mediaconvert: Clients['mediaconvert'],
  record: (index: number, job: CreatedJob) => Promise<void>,
  log: Logger,
  found: ReadonlyMap<number, CreatedJob> = new Map(),
): Promise<string[]> {
  const problems: string[] = [];
  const created = await mapPool(requests, CREATE_JOB_CONCURRENCY, async (request, i) => {
    const earlier = found.get(i);
    const job = earlier ?? (await createJob(mediaconvert, request));
    await record(i, job);
    const inputs = job.request.Settings?.Inputs?.length ?? 0;
    log.info(
      earlier
        ? `job ${job.id} found, created by an earlier attempt of this run (${inputs} input(s))`
        : `job ${job.id} created (${inputs} input(s))`,
    );
    return job;
  });
  created.forEach((outcome, i) => {
    if (outcome?.ok) return;
    const inputs = (requests[i]!.Settings?.Inputs ?? []).map((input) => input.FileInput).join(', ');
    problems.push(`${inputs}: ${outcome ? messageOf(outcome.error) : 'not attempted'}`);
  });
  return problems;
}

/**
 * Waits for the report's jobs, then deletes the inputs of those that completed when asked.
 * Fills report.finished, report.outcomes and report.deletion; returns the problems. A failed
 * poll must not lose the report: the jobs exist, and a re-run would duplicate them.
 */
export async function waitAndReport(
  settings: WaitSettings,
  clients: Clients,
  report: RunReport,
  deps: {
    clock: Clock;
    log: Logger;
    signal?: AbortSignal;
    credentialExpiry?: (clients: Clients) => Promise<Date | undefined>;
  },
): Promise<string[]> {
  const problems: string[] = [];
  const finished: FinishedJob[] = [];
  report.finished = finished;
  const expiry = await deps.credentialExpiry?.(clients);
  const warning = expiryWarning(expiry, deps.clock.now(), settings.waitTimeoutMs);
  if (warning) deps.log.warning(warning);
  // What each job reads, from GetJob: jobs known by ID only (wait-only) have no request.
  const inputsOf = new Map<string, string[]>();
  const outcomes = await waitForJobs(
    clients.mediaconvert,
    report.jobs.map((j) => j.id),
    {
      timeoutMs: settings.waitTimeoutMs,
      cancelOnTimeout: settings.cancelOnTimeout,
      clock: deps.clock,
      log: deps.log,
      ...(deps.signal ? { signal: deps.signal } : {}),
      onFinished: (job) => {
        finished.push(finishedJobOf(job));
        const files = (job.Settings?.Inputs ?? []).map((i) => i.FileInput ?? '');
        if (job.Id) inputsOf.set(job.Id, files);
      },
    },
  ).catch((error: unknown) => {
    problems.push(waitFailed(error, report));
    return undefined;
  });
  if (!outcomes) return problems;
  report.outcomes = outcomes;
  const failedJobs = failedJobsMessage(outcomes);
  if (failedJobs) problems.push(failedJobs);
  if (settings.deleteInputs === 'on-complete') {
    const jobs = report.jobs.map((job) =>
      job.request.Settings?.Inputs
        ? job
        : {
            ...job,
            request: {
              ...job.request,
              Settings: {
                Inputs: (inputsOf.get(job.id) ?? []).map((FileInput) => ({ FileInput })),
              },
            },
          },
    );
    report.deletion = await deleteCompletedInputs(clients.s3, jobs, outcomes, deps.log);
    problems.push(...report.deletion.problems);
  }
  return problems;
}

/** How many running jobs a failure names before it points at the outputs for the rest. */
const NAMED_JOBS = 20;

/**
 * Why the wait stopped. When the credentials expired, the jobs still run: the message names
 * them and says how a later step with fresh credentials waits for them.
 */
function waitFailed(error: unknown, report: RunReport): string {
  if (!isExpiredToken(error)) return `waiting for jobs failed: ${messageOf(error)}`;
  const done = new Set((report.finished ?? []).map((f) => f.id));
  const running = report.jobs.map((j) => j.id).filter((id) => !done.has(id));
  const more = running.length - NAMED_JOBS;
  const named = `${running.slice(0, NAMED_JOBS).join(', ')}${more > 0 ? ` and ${more} more (all in the job-ids output and the manifest)` : ''}`;
  return `the AWS credentials expired while waiting (${messageOf(error)}); the ${running.length} job(s) still running go on: ${named}. To wait for them with fresh credentials, run a later step or job with \`wait-only: true\` and \`job-ids: \${{ steps.<this step's id>.outputs.job-ids }}\` (see docs/interrupted-runs.md)`;
}
