/** What a run did, as the manifest, the step outputs and the summary are built from it. */
import type { FileResult } from '../upload/encrypt-file.js';
import type { DeletionResult } from '../job/delete-inputs.js';
import type { FinishedJob } from '../job/finished-jobs.js';
import type { CreatedJob, JobOutcome } from '../job/create-and-wait.js';
import type { DryRunPlan } from './plan.js';

export interface FileFailure {
  relativePath: string;
  message: string;
}

/** The run the report belongs to, as the manifest records it for a later attempt. */
export interface RunRecord {
  /** The run's key (pipeline/run-identity.ts): on every object and job it made. */
  key: string;
  attempt: number;
  /** When this attempt started (ISO 8601). */
  startedAt: string;
  /** `running` while the manifest is the journal of a run in progress; `finished` at the end. */
  state: 'running' | 'finished';
}

export interface RunReport {
  region: string;
  run?: RunRecord;
  files: FileResult[];
  failures: FileFailure[];
  jobs: CreatedJob[];
  outcomes?: JobOutcome[];
  /** Timing and output locations of the jobs waited for, as GetJob reported them at the end. */
  finished?: FinishedJob[];
  /** `dry-run: true`: what a run would do; nothing else in the report happened. */
  dryRun?: DryRunPlan;
  /** `delete-inputs: on-complete`: what was deleted and kept. */
  deletion?: DeletionResult;
}
