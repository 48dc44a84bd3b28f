import { randomUUID } from 'node:crypto';
import { downloadArtifact, removeDownloads, type ArtifactDownloader } from '../files/artifact.js';
import type { Clients } from '../aws/clients.js';
import type { Clock } from '../shared/clock.js';
import type { Config, JobConfig } from '../inputs/config.js';
import { doubtfulChoices } from '../inputs/doubtful.js';
import { deleteCompletedInputs } from '../job/delete-inputs.js';
import { planDryRun } from './dry-run.js';
import { logPlan, planFailure } from '../report/plan.js';
import { encryptAndUpload, type FileResult } from '../upload/encrypt-file.js';
import { InputError, messageOf } from '../shared/errors.js';
import { findFiles, type MediaFile } from '../files/listing.js';
import { encryptedInputProblem } from '../mediaconvert/file-input.js';
import { finishedJobOf, type FinishedJob } from '../job/finished-jobs.js';
import { decideUpload, logSkipped } from '../upload/if-exists.js';
import { buildRequests, loadJobPlan, type JobPlan } from '../job/request.js';
import {
  checkJobResources,
  createJob,
  failedJobsMessage,
  waitForJobs,
  type CreatedJob,
  type JobResource,
} from '../job/create-and-wait.js';
import type { Logger } from '../shared/logger.js';
import { abortWith } from '../aws/abort.js';
import { checkManifestTarget } from '../report/manifest-target.js';
import { autoConcurrency, formatMiB, minBudgetFor } from '../inputs/sizing.js';
import { MemoryBudget } from '../upload/memory-budget.js';
import { mapPool } from '../shared/pool.js';
import { ciphertextLength } from '../crypto/cipher.js';
import { Progress } from '../upload/progress.js';
import { oneLine } from '../shared/safe-text.js';
import { writeManifest } from '../report/report.js';
import type { FileFailure, RunReport } from '../report/run-report.js';

export interface RunDeps {
  /** Made only after every input and file has been checked, so a bad input makes no request. */
  clients: () => Clients;
  log: Logger;
  clock: Clock;
  /** Root of relative globs: GITHUB_WORKSPACE or the current directory. */
  workspace: string;
  tempDir: string;
  /** Identifies this run and attempt (see tokenSeed); absent outside Actions. */
  tokenSeed?: string;
  artifacts?: () => ArtifactDownloader | Promise<ArtifactDownloader>;
  signal?: AbortSignal;
}

export interface RunOutcome {
  report: RunReport;
  /** Set when the step must fail: failed files, failed job creation or jobs that did not complete. */
  failure?: string;
}

/** The seed of ClientRequestTokens: same run and attempt, same token; a re-run gets new ones. */
export function tokenSeedFrom(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const { GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_JOB, GITHUB_ACTION } = env;
  if (!GITHUB_RUN_ID) return undefined;
  return [
    GITHUB_REPOSITORY,
    GITHUB_RUN_ID,
    GITHUB_RUN_ATTEMPT ?? '1',
    GITHUB_JOB,
    GITHUB_ACTION,
  ].join('/');
}

/**
 * The whole flow. Throws for bad inputs and files (before any AWS request), and for a job
 * template or queue that does not exist (checked with read-only requests before any data key
 * or upload); after that it always returns a report of what succeeded, with `failure` set
 * when something did not. Once `signal` fires no new file starts, no job is created and the
 * wait for jobs stops.
 */
export async function runPipeline(config: Config, deps: RunDeps): Promise<RunOutcome> {
  const downloads: string[] = [];
  try {
    return await runFlow(config, deps, downloads);
  } finally {
    await removeDownloads(downloads, deps.log);
  }
}

async function runFlow(config: Config, deps: RunDeps, downloads: string[]): Promise<RunOutcome> {
  const files = await listFiles(config, deps, downloads);
  await checkManifestTarget(config.manifestPath, files);
  const plan = config.job ? await loadJobPlan(config.job, files.length) : undefined;
  if (plan) refuseUnusableInputs(files);
  // Every request carries the step's cancel: none starts after it, those in flight are cut.
  const clients = abortWith(deps.clients(), deps.signal);
  const { log } = deps;
  for (const warning of doubtfulChoices(config)) log.warning(warning);
  for (const note of plan?.notes ?? []) (note.warning ? log.warning : log.info)(note.text);
  if (config.job && plan) {
    await checkJobResources(clients.mediaconvert, jobResources(config.job, plan), log);
  }
  log.info(
    `${files.length} file(s) to encrypt with ${config.mode}, ${config.keyBytes * 8}-bit keys, ${config.ivBytes}-byte IVs` +
      (config.shard ? ` (shard ${config.shard.index}/${config.shard.count})` : ''),
  );
  if (config.partSizeReducedFrom !== undefined) {
    log.warning(
      `part-size-mib ${config.partSizeReducedFrom / 2 ** 20} does not fit twice in max-memory-mib ${config.memoryBudgetBytes / 2 ** 20}: parts of ${formatMiB(config.partSizeBytes)} are used instead (raise max-memory-mib to ${minBudgetFor(config.partSizeReducedFrom) / 2 ** 20} to keep the part size)`,
    );
  }

  if (config.dryRun) {
    const dryRun = await planDryRun(files, config, plan, clients.s3, deps.signal);
    logPlan(dryRun, log);
    const report: RunReport = { region: config.region, files: [], failures: [], jobs: [], dryRun };
    await writeManifest(config.manifestPath, report);
    const failure = planFailure(dryRun);
    return failure === undefined ? { report } : { report, failure };
  }

  const { results, failures } = await encryptAll(files, config, clients, deps);
  const report: RunReport = { region: config.region, files: results, failures, jobs: [] };
  const problems = failures.map((f) => `${f.relativePath}: ${f.message}`);

  if (plan && results.length > 0) {
    if (deps.signal?.aborted) {
      // The runner is canceling the step: new jobs would only be billed and left unwatched.
      problems.push('no job was created: the step was interrupted');
    } else if (plan.layout === 'single' && failures.length > 0) {
      problems.push('no job was created: job-layout single needs every file');
    } else {
      problems.push(...(await createJobs(plan, results, clients.mediaconvert, report, deps)));
    }
  }
  if (config.wait && report.jobs.length > 0) {
    const finished: FinishedJob[] = [];
    report.finished = finished;
    // A failed poll must not lose the report: the jobs exist, and a re-run would duplicate them.
    const outcomes = await waitForJobs(
      clients.mediaconvert,
      report.jobs.map((j) => j.id),
      {
        timeoutMs: config.waitTimeoutMs,
        cancelOnTimeout: config.cancelOnTimeout,
        clock: deps.clock,
        log,
        ...(deps.signal ? { signal: deps.signal } : {}),
        onFinished: (job) => finished.push(finishedJobOf(job)),
      },
    ).catch((error: unknown) => {
      problems.push(`waiting for jobs failed: ${messageOf(error)}`);
      return undefined;
    });
    if (outcomes) {
      report.outcomes = outcomes;
      const failedJobs = failedJobsMessage(outcomes);
      if (failedJobs) problems.push(failedJobs);
      if (config.deleteInputs === 'on-complete') {
        report.deletion = await deleteCompletedInputs(clients.s3, report.jobs, outcomes, log);
        problems.push(...report.deletion.problems);
      }
    }
  }
  await writeManifest(config.manifestPath, report);
  return problems.length === 0
    ? { report }
    : { report, failure: summarize(problems, failures.length) };
}

/** Files a job could not use once encrypted, refused before any of them is uploaded. */
function refuseUnusableInputs(files: readonly MediaFile[]): void {
  for (const file of files) {
    const problem = encryptedInputProblem(file.key);
    if (problem !== undefined) throw new InputError('files', `'${file.relativePath}' ${problem}`);
  }
}

/** The template and queue the jobs will name, with the input each came from. */
function jobResources(job: JobConfig, plan: JobPlan): JobResource[] {
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

async function listFiles(config: Config, deps: RunDeps, downloads: string[]): Promise<MediaFile[]> {
  let root = deps.workspace;
  if (config.artifact) {
    if (!deps.artifacts) {
      throw new InputError(
        'artifact',
        'works only inside a GitHub Actions run; outside it, download the files first and use `files`',
      );
    }
    root = await downloadArtifact(await deps.artifacts(), config.artifact, deps.tempDir, {
      ...(config.artifactSource ? { source: config.artifactSource } : {}),
      onFolder: (folder) => downloads.push(folder),
      onWarning: (message) => deps.log.warning(message),
    });
    deps.log.info(`artifact '${config.artifact}' downloaded to ${root}`);
  }
  return findFiles({
    root,
    patterns: config.patterns,
    destination: config.destination,
    mode: config.mode,
    includeHidden: config.includeHiddenFiles,
    onWarning: (message) => deps.log.warning(message),
    ...(config.shard ? { shard: config.shard } : {}),
  });
}

async function encryptAll(
  files: readonly MediaFile[],
  config: Config,
  clients: Clients,
  deps: RunDeps,
): Promise<{ results: FileResult[]; failures: FileFailure[] }> {
  const budget = new MemoryBudget(config.memoryBudgetBytes);
  const concurrency =
    config.concurrency ??
    autoConcurrency(
      files.map((f) => ciphertextLength(config.mode, f.bytes)),
      config.partSizeBytes,
      config.memoryBudgetBytes,
    );
  deps.log.info(
    `${concurrency} file(s) at once${config.concurrency === undefined ? ' (auto)' : ''}, buffers within ${formatMiB(config.memoryBudgetBytes)} (max-memory-mib), ${formatMiB(config.partSizeBytes)} parts`,
  );
  const settled = await mapPool(
    files,
    concurrency,
    async (file) => {
      if (deps.signal?.aborted) throw new Error('canceled before it started');
      // Progress lines go out live; each file's outcome is one group, written when it ends so
      // that files in flight together do not interleave inside each other's groups.
      const progress = new Progress(file, deps.log, deps.clock);
      try {
        const decision = await decideUpload(file, config, clients.s3, deps.signal);
        if (!decision.upload) {
          await deps.log.group(file.relativePath, async () =>
            logSkipped(decision.result, deps.log),
          );
          return decision.result;
        }
        if (decision.replacing)
          deps.log.debug(`replacing the object of ${file.relativePath}: ${decision.replacing}`);
        const result = await encryptAndUpload(file, config, {
          kms: clients.kms,
          s3: clients.s3,
          budget,
          clock: deps.clock,
          onProgress: (n) => progress.update(n),
          ...(deps.signal ? { signal: deps.signal } : {}),
          ...(decision.plaintextSha256 ? { plaintextSha256: decision.plaintextSha256 } : {}),
        });
        await deps.log.group(file.relativePath, async () => {
          progress.done(result.s3Uri);
          deps.log.info(
            `${result.decryption.DecryptionMode}, ${config.keyBytes * 8}-bit data key from ${config.keySource === 'kms' ? 'KMS GenerateDataKey' : 'the runner, encrypted by KMS'}, ${config.ivBytes}-byte IV`,
          );
          deps.log.info(`plaintext SHA-256 ${result.plaintextSha256}`);
        });
        return result;
      } catch (error) {
        await deps.log.group(file.relativePath, async () =>
          deps.log.warning(
            `${file.relativePath}: ${messageOf(error).replace(`${file.relativePath}: `, '')}`,
          ),
        );
        throw error;
      }
    },
    config.failFast,
  );
  const results: FileResult[] = [];
  const failures: FileFailure[] = [];
  settled.forEach((outcome, i) => {
    const relativePath = files[i]!.relativePath;
    if (outcome === undefined) {
      failures.push({ relativePath, message: 'not started: fail-fast stopped the batch' });
    } else if (outcome.ok) {
      results.push(outcome.value);
    } else {
      const message = messageOf(outcome.error).replace(`${relativePath}: `, '');
      failures.push({ relativePath, message });
    }
  });
  return { results, failures };
}

/**
 * CreateJob requests at once. Each is one round trip; with a thousand files on a link with
 * 40 ms of round trip, 4 at once spent 10 s on job creation alone.
 */
const CREATE_JOB_CONCURRENCY = 16;

async function createJobs(
  plan: JobPlan,
  results: readonly FileResult[],
  mediaconvert: Clients['mediaconvert'],
  report: RunReport,
  deps: RunDeps,
): Promise<string[]> {
  const requests = buildRequests(plan, results, deps.tokenSeed ?? randomUUID());
  const problems: string[] = [];
  const created = await mapPool(requests, CREATE_JOB_CONCURRENCY, (request) =>
    createJob(mediaconvert, request),
  );
  created.forEach((outcome, i) => {
    if (outcome?.ok) {
      const job: CreatedJob = outcome.value;
      report.jobs.push(job);
      deps.log.info(
        `job ${job.id} created (${job.request.Settings?.Inputs?.length ?? 0} input(s))`,
      );
    } else {
      const inputs = (requests[i]!.Settings?.Inputs ?? [])
        .map((input) => input.FileInput)
        .join(', ');
      problems.push(`${inputs}: ${outcome ? messageOf(outcome.error) : 'not attempted'}`);
    }
  });
  return problems;
}

function summarize(problems: readonly string[], failedFiles: number): string {
  const head = failedFiles > 0 ? `${failedFiles} file(s) failed` : 'the run did not complete';
  // One line per problem: a name or service message with a line break stays inside its line.
  return `${head}:\n${problems.map((p) => `- ${oneLine(p)}`).join('\n')}`;
}
