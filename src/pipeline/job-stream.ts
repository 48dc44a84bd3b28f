/**
 * Per-file jobs created while the other files are still uploading: each file's CreateJob goes
 * out as soon as its object is complete and on record, so that on a slow link the round trips
 * of job creation overlap the uploads instead of following them all. Used for
 * `job-layout: per-file` outside a resume (a resumed run first looks for its earlier jobs in
 * one ListJobs sweep, which needs every request; a `single` job needs every file).
 */
import type { Clients } from '../aws/clients.js';
import { createJob, type CreatedJob } from '../job/create-and-wait.js';
import { buildRequests, type JobPlan } from '../job/request.js';
import type { FileResult } from '../upload/encrypt-file.js';
import { messageOf } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { CREATE_JOB_CONCURRENCY } from './jobs.js';

export interface JobStreamDeps {
  plan: JobPlan;
  runKey: string;
  mediaconvert: Clients['mediaconvert'];
  log: Logger;
  /** Puts the file's job on record; resolves once it is (the journal). */
  record: (fileIndex: number, job: CreatedJob) => Promise<void>;
  /** Why no new job may be created now (a cancel, a journal that cannot record), or undefined. */
  refusal: () => string | undefined;
  /** Called once every job added is made or failed: the jobs go in file order. */
  ordered?: () => void;
}

export class JobStream {
  private readonly waiting: (() => void)[] = [];
  private readonly pending: Promise<void>[] = [];
  private readonly problems: [number, string][] = [];
  private readonly refused = new Map<string, number>();
  private inFlight = 0;
  private created = 0;

  constructor(private readonly deps: JobStreamDeps) {}

  /** Creates the job of the file at `fileIndex`, now or once fewer than the limit are in flight. */
  add(fileIndex: number, result: FileResult): void {
    this.pending.push(this.create(fileIndex, result));
  }

  /** Waits for every job added; returns a problem line for each that could not be created. */
  async finish(): Promise<string[]> {
    await Promise.all(this.pending);
    this.deps.ordered?.();
    const lines = this.problems.sort(([a], [b]) => a - b).map(([, line]) => line);
    for (const [why, files] of this.refused) {
      lines.push(
        this.created === 0 ? `no job was created: ${why}` : `${files} file(s) got no job: ${why}`,
      );
    }
    return lines;
  }

  private async create(fileIndex: number, result: FileResult): Promise<void> {
    await this.slot();
    try {
      const why = this.deps.refusal();
      if (why !== undefined) {
        this.refused.set(why, (this.refused.get(why) ?? 0) + 1);
        return;
      }
      const [request] = buildRequests(this.deps.plan, [result], this.deps.runKey);
      try {
        const job = await createJob(this.deps.mediaconvert, request!);
        this.created += 1;
        await this.deps.record(fileIndex, job);
        this.deps.log.info(`job ${job.id} created (1 input(s))`);
      } catch (error) {
        this.problems.push([fileIndex, `${result.s3Uri}: ${messageOf(error)}`]);
      }
    } finally {
      this.release();
    }
  }

  private async slot(): Promise<void> {
    if (this.inFlight < CREATE_JOB_CONCURRENCY) {
      this.inFlight += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Hands the slot to the next waiting job, or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight -= 1;
  }
}
