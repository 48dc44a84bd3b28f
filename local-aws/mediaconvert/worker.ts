/**
 * The Default queue's single worker: takes SUBMITTED jobs in order, moves each through
 * PROGRESSING (phase and percentage) to COMPLETE, ERROR or CANCELED, one job at a time.
 */
import { Agent } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { S3Client } from '@aws-sdk/client-s3';
import { STACK_CREDENTIALS } from '../identity.js';
import type { MediaTools } from './media.js';
import { processJob } from './process.js';
import { epochSeconds, ERROR_CODES, JobFailure, type JobPhase, type WireJob } from './wire.js';

export interface WorkerOptions {
  region: string;
  s3Endpoint: string;
  kmsEndpoints: Record<string, string>;
  /** The CA (PEM) to trust for https endpoints (the stack's own), instead of the system's. */
  ca?: string;
  tools: MediaTools;
  /** Pause before a job starts and between its steps. */
  tickMs: number;
  /** Called after every change of a job's status, phase or percentage. */
  onChange: (job: WireJob) => void;
}

export class JobWorker {
  private readonly queue: WireJob[] = [];
  private readonly s3: S3Client;
  private readonly stopped = new AbortController();
  private current: { job: WireJob; abort: AbortController } | undefined;
  private draining: Promise<void> | undefined;

  constructor(private readonly options: WorkerOptions) {
    this.s3 = new S3Client({
      region: options.region,
      endpoint: options.s3Endpoint,
      forcePathStyle: true,
      credentials: STACK_CREDENTIALS,
      maxAttempts: 2,
      // s3rver predates the SDK's default CRC32 checksums on every request.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(options.ca
        ? { requestHandler: { httpsAgent: new Agent({ ca: options.ca, keepAlive: true }) } }
        : {}),
    });
  }

  enqueue(job: WireJob): void {
    this.queue.push(job);
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  /** CancelJob: a waiting job ends at once, a running one when its current step stops. */
  cancel(job: WireJob): void {
    const index = this.queue.indexOf(job);
    if (index >= 0) {
      this.queue.splice(index, 1);
      this.finish(job, { status: 'CANCELED' });
    } else if (this.current?.job === job) {
      this.current.abort.abort();
    }
  }

  async close(): Promise<void> {
    this.stopped.abort();
    this.current?.abort.abort();
    await this.draining;
    this.s3.destroy();
  }

  private async drain(): Promise<void> {
    for (let job = this.queue[0]; job && !this.stopped.signal.aborted; job = this.queue[0]) {
      // A job waits in SUBMITTED for a tick, as it would in the service's queue.
      if (!(await this.pause(this.stopped.signal))) return;
      if (this.queue[0] !== job) continue;
      this.queue.shift();
      await this.run(job);
    }
  }

  private async run(job: WireJob): Promise<void> {
    const abort = new AbortController();
    const signal = AbortSignal.any([abort.signal, this.stopped.signal]);
    this.current = { job, abort };
    job.status = 'PROGRESSING';
    job.timing.startTime = epochSeconds();
    this.update(job, 'PROBING', 0);
    try {
      const outputGroupDetails = await processJob(job, {
        s3: this.s3,
        kms: {
          jobRegion: this.options.region,
          kmsEndpoints: this.options.kmsEndpoints,
          ...(this.options.ca ? { ca: this.options.ca } : {}),
        },
        tools: this.options.tools,
        signal,
        tick: async () => {
          if (!(await this.pause(signal))) throw signal.reason;
        },
        report: (phase, percent) => this.update(job, phase, percent),
      });
      this.finish(job, { status: 'COMPLETE', outputGroupDetails });
    } catch (error) {
      this.finish(job, signal.aborted ? { status: 'CANCELED' } : failure(error));
    } finally {
      this.current = undefined;
    }
  }

  /** Sleeps one tick; false when the signal fired meanwhile. */
  private async pause(signal: AbortSignal): Promise<boolean> {
    try {
      await sleep(this.options.tickMs, undefined, { signal });
      return true;
    } catch {
      return false;
    }
  }

  private update(job: WireJob, phase: JobPhase, percent: number): void {
    const previous = typeof job['jobPercentComplete'] === 'number' ? job['jobPercentComplete'] : 0;
    if (job['currentPhase'] === phase && previous === percent) return;
    job['currentPhase'] = phase;
    // The percentage never goes back, even when a later step reports a smaller share.
    job['jobPercentComplete'] = Math.max(previous, percent);
    this.options.onChange(job);
  }

  private finish(job: WireJob, outcome: Partial<WireJob> & Pick<WireJob, 'status'>): void {
    delete job['currentPhase'];
    if (outcome.status === 'COMPLETE') job['jobPercentComplete'] = 100;
    else delete job['jobPercentComplete'];
    Object.assign(job, outcome);
    job.timing.finishTime = epochSeconds();
    this.options.onChange(job);
  }
}

function failure(error: unknown): Partial<WireJob> & Pick<WireJob, 'status'> {
  if (error instanceof JobFailure) {
    return { status: 'ERROR', errorCode: error.code, errorMessage: error.message };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    status: 'ERROR',
    errorCode: ERROR_CODES.internal,
    errorMessage: `The MediaConvert emulator failed unexpectedly: ${message}`,
  };
}
