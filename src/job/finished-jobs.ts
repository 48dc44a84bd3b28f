/**
 * What the report keeps of each job once it reached a final status, from GetJob: its timing
 * and, for a COMPLETE job, where it wrote, computed from its final settings (templates merged)
 * by MediaConvert's naming rules (mediaconvert/output-locations.ts).
 */
import type { Job } from '@aws-sdk/client-mediaconvert';
import { outputLocations } from '../mediaconvert/output-locations.js';

/** `manifest`: what a player opens. `playlist`: an HLS child playlist. `file`: a whole rendition. */
export type OutputKind = 'manifest' | 'playlist' | 'file';

export interface OutputLocation {
  /** Index of the output group in the job's settings. */
  group: number;
  /** FILE_GROUP_SETTINGS, HLS_GROUP_SETTINGS, DASH_ISO_GROUP_SETTINGS, CMAF_GROUP_SETTINGS... */
  type: string;
  kind: OutputKind;
  uri: string;
}

export interface FinishedJob {
  id: string;
  status: string;
  /** Seconds from StartTime (else SubmitTime) to FinishTime, when GetJob reported them. */
  durationSeconds?: number;
  /** Files and manifests written; empty unless the job is COMPLETE. */
  outputs: OutputLocation[];
}

/**
 * The manifests, child playlists and whole files a job writes, group by group. Segments and
 * frame captures are not listed: their number depends on the media.
 */
export function outputsOf(settings: unknown, startTime?: Date): OutputLocation[] {
  return outputLocations(settings, startTime ? { startTime } : {}).flatMap((g) => {
    const at = (kind: OutputKind, uri: string): OutputLocation => ({
      group: g.groupIndex,
      type: g.type,
      kind,
      uri,
    });
    return [
      ...g.playlists.map((uri) => at('manifest', uri)),
      ...g.outputs.flatMap((o) => [
        ...(o.playlist ? [at('playlist', o.playlist)] : []),
        ...(o.file ? [at('file', o.file)] : []),
      ]),
    ];
  });
}

export function finishedJobOf(job: Job): FinishedJob {
  const status = job.Status ?? 'UNKNOWN';
  const start = job.Timing?.StartTime ?? job.Timing?.SubmitTime;
  const finished: FinishedJob = {
    id: job.Id ?? '',
    status,
    outputs: status === 'COMPLETE' ? outputsOf(job.Settings, job.Timing?.StartTime) : [],
  };
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
): { jobId: string; status: string; outputs: OutputLocation[] }[] {
  const byId = new Map(finished.map((f) => [f.id, f]));
  return outcomes.map(({ id: jobId, status }) => ({
    jobId,
    status,
    outputs: byId.get(jobId)?.outputs ?? [],
  }));
}
