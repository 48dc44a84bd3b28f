/**
 * What the report keeps of each job once it reached a final status, from GetJob: its timing
 * and, for a COMPLETE job, where it wrote (computed from its final settings).
 */
import type { Job } from '@aws-sdk/client-mediaconvert';
import { outputLocations, type OutputLocation } from './output-locations.js';

export interface FinishedJob {
  id: string;
  status: string;
  /** Seconds from StartTime (else SubmitTime) to FinishTime, when GetJob reported them. */
  durationSeconds?: number;
  /** Files and manifests written; empty unless the job is COMPLETE. */
  outputs: OutputLocation[];
}

export function finishedJobOf(job: Job): FinishedJob {
  const status = job.Status ?? 'UNKNOWN';
  const finished: FinishedJob = {
    id: job.Id ?? '',
    status,
    outputs: status === 'COMPLETE' ? outputLocations(job.Settings) : [],
  };
  const start = job.Timing?.StartTime ?? job.Timing?.SubmitTime;
  const finish = job.Timing?.FinishTime;
  if (start && finish) {
    finished.durationSeconds = Math.max(0, (finish.getTime() - start.getTime()) / 1000);
  }
  return finished;
}

/** The `output-uris` output: one entry per job waited for, in job order. */
export function outputUrisOf(
  outcomes: readonly { id: string; status: string }[],
  finished: readonly FinishedJob[],
): { jobId: string; status: string; outputs: Omit<OutputLocation, 'groupName'>[] }[] {
  const byId = new Map(finished.map((f) => [f.id, f]));
  return outcomes.map(({ id: jobId, status }) => {
    const f = byId.get(jobId);
    return {
      jobId,
      status,
      outputs: (f?.outputs ?? []).map(({ group, type, kind, uri }) => ({ group, type, kind, uri })),
    };
  });
}
