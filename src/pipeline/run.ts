import { downloadArtifact, removeDownloads, type ArtifactDownloader } from '../files/artifact.js';
import type { Clients } from '../aws/clients.js';
import type { Clock } from '../shared/clock.js';
import type { Config, FileSelection } from '../inputs/config.js';
import { doubtfulChoices } from '../inputs/doubtful.js';
import { encryptedInputProblem } from '../mediaconvert/file-input.js';
import { planDryRun } from './dry-run.js';
import { logPlan, planFailure } from '../report/plan.js';
import type { FileResult } from '../upload/encrypt-file.js';
import { InputError } from '../shared/errors.js';
import { findFiles, type MediaFile } from '../files/listing.js';
import { buildRequests, loadJobPlan, type JobPlan } from '../job/request.js';
import { checkJobResources, type CreatedJob } from '../job/create-and-wait.js';
import type { Logger } from '../shared/logger.js';
import { abortWith } from '../aws/abort.js';
import { checkManifestTarget } from '../report/manifest-target.js';
import { formatMiB, minBudgetFor } from '../inputs/sizing.js';
import { oneLine } from '../shared/safe-text.js';
import { manifestSource, writeManifest } from '../report/manifest-text.js';
import type { RunReport } from '../report/run-report.js';
import { Journal, manifestRoom } from '../report/journal.js';
import { encryptAll } from './encrypt-all.js';
import { createJobs, jobResources, waitAndReport } from './jobs.js';
import { freshRun, type RunIdentity } from './run-identity.js';
import { journalEntries, prepareResume, type Resume } from './resume.js';
import { JobStream } from './job-stream.js';

/** What the run will write to the host's own files, for their free-space check. */
export interface OutputRoom {
  files: number;
  /** The size of one job request without its inputs (0 when no job is created). */
  requestBytes: number;
}

export interface RunDeps {
  /** Made only after every input and file has been checked, so a bad input makes no request. */
  clients: () => Clients;
  log: Logger;
  clock: Clock;
  /** Root of relative globs: GITHUB_WORKSPACE or the current directory. */
  workspace: string;
  tempDir: string;
  /** Which run this is (host/deps.ts); without it, a run of its own. */
  run?: RunIdentity;
  artifacts?: () => ArtifactDownloader | Promise<ArtifactDownloader>;
  signal?: AbortSignal;
  /** Refuses the host's own output files (GITHUB_OUTPUT...) before any AWS request. */
  checkOutputs?: (room: OutputRoom) => Promise<void>;
  /** Called with the jobs' IDs as soon as the jobs exist and are on record, before any wait. */
  onJobs?: (ids: readonly string[]) => void | Promise<void>;
  /** The manifest of the attempt being resumed (the CLI's --resume), when not at `manifest`. */
  earlier?: Record<string, unknown>;
  /** When the credentials of `clients` expire, when they do (aws/credentials.ts). */
  credentialExpiry?: (clients: Clients) => Promise<Date | undefined>;
}

export interface RunOutcome {
  report: RunReport;
  /** Set when the step must fail: failed files, failed job creation or jobs that did not complete. */
  failure?: string;
}

/**
 * The whole flow. Throws for bad inputs and files (before any AWS request), and for a job
 * template or queue that does not exist (checked with read-only requests before any data key
 * or upload); after that it always returns a report of what succeeded, with `failure` set
 * when something did not. Once `signal` fires no new file starts, no job is created and the
 * wait for jobs stops. The manifest is the run's journal: written before the first request,
 * then recorded after each object completed and each job created, in its log between whole
 * writes (report/journal.ts).
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
  const plan = config.job ? await loadJobPlan(config.job, files.length) : undefined;
  if (plan) refuseUnusableInputs(files);
  const requestBytes = plan ? JSON.stringify(plan.base).length : 0;
  const target = await checkManifestTarget(
    config.manifestPath,
    files,
    manifestRoom(files.length, requestBytes),
  );
  await deps.checkOutputs?.({ files: files.length, requestBytes });
  const run = deps.run ?? freshRun(deps.clock.now());
  const report: RunReport = {
    region: config.region,
    run: {
      key: run.key,
      attempt: run.attempt,
      startedAt: new Date(run.startedAt).toISOString(),
      state: 'running',
    },
    files: [],
    failures: [],
    jobs: [],
  };
  const journal = new Journal(config.manifestPath, manifestSource(report));
  // Stops new side effects when the journal can no longer record them, as a cancel does.
  const stop = new AbortController();
  const signal = deps.signal ? AbortSignal.any([deps.signal, stop.signal]) : stop.signal;
  // Every request carries the step's cancel: none starts after it, those in flight are cut.
  const clients = abortWith(deps.clients(), signal);
  const { log } = deps;
  for (const warning of doubtfulChoices(config)) log.warning(warning);
  for (const note of plan?.notes ?? []) (note.warning ? log.warning : log.info)(note.text);
  if (config.job && plan) {
    await checkJobResources(clients.mediaconvert, jobResources(config.job, plan), log);
  }
  if (!config.dryRun) {
    // The journal's first write, after the read-only checks and before any side effect: the
    // run stops here if it cannot keep one.
    await journal.commit().catch((error: Error) => {
      throw new InputError('manifest', error.message);
    });
  }
  const resume =
    run.resuming && !config.dryRun
      ? await prepareResume(
          files,
          config,
          clients,
          run,
          journalEntries(deps.earlier ?? target.earlier, run),
          log,
          signal,
        )
      : undefined;
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
    const dryRun = await planDryRun(files, config, plan, clients.s3, signal);
    logPlan(dryRun, log);
    const planned: RunReport = { region: config.region, files: [], failures: [], jobs: [], dryRun };
    await writeManifest(config.manifestPath, planned);
    const failure = planFailure(dryRun);
    return failure === undefined ? { report: planned } : { report: planned, failure };
  }

  const onRecord = async (): Promise<void> => {
    await journal.commit().catch((error: unknown) => stop.abort(error));
  };
  const stream =
    plan?.layout === 'per-file' && !resume
      ? jobStream(plan, run, clients, report, onRecord, log, () =>
          stop.signal.aborted
            ? 'the manifest could not record them'
            : deps.signal?.aborted
              ? 'the step was interrupted'
              : undefined,
        )
      : undefined;
  const { results, failures } = await encryptAll(
    files,
    config,
    clients,
    { ...deps, signal, runKey: run.key },
    {
      ...(resume ? { settled: async (_file, index) => resume.settled(index) } : {}),
      record: async (index, outcome) => {
        // In the order they end; in file order once every file has (below).
        if ('message' in outcome) report.failures.push(outcome);
        else report.files.push(outcome);
        await onRecord();
        // The object is on record: its job may go now, while other files upload.
        if (!('message' in outcome)) stream?.add(index, outcome);
      },
    },
  );
  report.files = results;
  report.failures = failures;
  const problems = failures.map((f) => `${f.relativePath}: ${f.message}`);
  problems.push(...(resume?.problems ?? []));

  if (stream) {
    problems.push(...(await stream.finish()));
  } else if (plan && results.length > 0) {
    if (stop.signal.aborted) {
      problems.push('no job was created: the manifest could not record them');
    } else if (deps.signal?.aborted) {
      // The runner is canceling the step: new jobs would only be billed and left unwatched.
      problems.push('no job was created: the step was interrupted');
    } else if (plan.layout === 'single' && failures.length > 0) {
      problems.push('no job was created: job-layout single needs every file');
    } else {
      problems.push(
        ...(await makeJobs(plan, results, run, clients, report, onRecord, deps, resume)),
      );
    }
  }
  if (report.jobs.length > 0 && !stop.signal.aborted) {
    await deps.onJobs?.(report.jobs.map((j) => j.id));
  }
  if (config.wait && report.jobs.length > 0 && !stop.signal.aborted) {
    problems.push(...(await waitAndReport(config, clients, report, { ...deps, signal })));
  }
  report.run!.state = 'finished';
  // Whole, without its log: the manifest of a run that ended stands alone.
  await journal.finish().catch(() => undefined);
  if (journal.broken) problems.push(unrecorded(journal.broken.message, report.jobs, log));
  return problems.length === 0
    ? { report }
    : { report, failure: summarize(problems, failures.length) };
}

async function makeJobs(
  plan: JobPlan,
  results: readonly FileResult[],
  run: RunIdentity,
  clients: Clients,
  report: RunReport,
  onRecord: () => Promise<void>,
  deps: RunDeps,
  resume: Resume | undefined,
): Promise<string[]> {
  const requests = buildRequests(plan, results, run.key);
  const found = resume ? await resume.jobs(requests) : undefined;
  const byRequest: (CreatedJob | undefined)[] = [];
  return createJobs(
    requests,
    clients.mediaconvert,
    async (index, job) => {
      byRequest[index] = job;
      report.jobs.push(job);
      await onRecord();
    },
    deps.log,
    found,
  ).finally(() => {
    // In request order once every job is made.
    report.jobs = byRequest.filter((j) => j !== undefined);
  });
}

/** Per-file jobs created as their objects go on record (pipeline/job-stream.ts). */
function jobStream(
  plan: JobPlan,
  run: RunIdentity,
  clients: Clients,
  report: RunReport,
  onRecord: () => Promise<void>,
  log: Logger,
  refusal: () => string | undefined,
): JobStream {
  const byFile: (CreatedJob | undefined)[] = [];
  return new JobStream({
    plan,
    runKey: run.key,
    mediaconvert: clients.mediaconvert,
    log,
    refusal,
    record: async (fileIndex, job) => {
      byFile[fileIndex] = job;
      report.jobs.push(job);
      await onRecord();
    },
    // In file order once every job is made.
    ordered: () => {
      report.jobs = byFile.filter((j) => j !== undefined);
    },
  });
}

/**
 * The failure when the manifest could not be written: the errno, and every job ID on a line
 * of its own in the log, where a later step or a person can still find them.
 */
function unrecorded(why: string, jobs: readonly CreatedJob[], log: Logger): string {
  if (jobs.length > 0) {
    log.warning(`the manifest could not record the ${jobs.length} job(s) created; their IDs:`);
    for (const job of jobs) log.info(job.id);
  }
  return `the manifest could not be written, and the run stopped there: ${why}${jobs.length > 0 ? ` (the IDs of the ${jobs.length} job(s) created are in the log)` : ''}`;
}

/** Files a job could not use once encrypted, refused before any of them is uploaded. */
function refuseUnusableInputs(files: readonly MediaFile[]): void {
  for (const file of files) {
    const problem = encryptedInputProblem(file.key);
    if (problem !== undefined) throw new InputError('files', `'${file.relativePath}' ${problem}`);
  }
}

async function listFiles(
  config: FileSelection & Pick<Config, 'destination' | 'mode'>,
  deps: RunDeps,
  downloads: string[],
): Promise<MediaFile[]> {
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

function summarize(problems: readonly string[], failedFiles: number): string {
  const head = failedFiles > 0 ? `${failedFiles} file(s) failed` : 'the run did not complete';
  // One line per problem: a name or service message with a line break stays inside its line.
  return `${head}:\n${problems.map((p) => `- ${oneLine(p)}`).join('\n')}`;
}
