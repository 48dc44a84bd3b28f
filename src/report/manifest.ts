/**
 * The manifest: every file, object, data key (encrypted) and job of a run, as JSON. The
 * journal writes it during the run (journal.ts, from kept bytes: manifest-text.ts); the step
 * outputs point at it (outputs/).
 */
import type { CreatedJob } from '../job/create-and-wait.js';
import type { RunReport } from './run-report.js';

/** The manifest (its fields: docs/manifest.md). Holds encrypted keys only. */
export function manifestOf(report: RunReport): object {
  const { fileEntry, jobEntry } = manifestEntries(report);
  return {
    ...manifestHead(report),
    files: report.files.map(fileEntry),
    jobs: report.jobs.map(jobEntry),
    ...manifestTail(report),
  };
}

/** The manifest's members before `files`. */
export function manifestHead(report: RunReport): object {
  return { version: 1, region: report.region, ...(report.run ? { run: report.run } : {}) };
}

/** The manifest's members after `jobs`. */
export function manifestTail(report: RunReport): object {
  return { failures: report.failures, ...(report.dryRun ? { dryRun: report.dryRun } : {}) };
}

/** How one file and one job of `report` appear in its manifest. */
export function manifestEntries(report: RunReport): {
  fileEntry: (f: RunReport['files'][number]) => object;
  jobEntry: (j: CreatedJob) => object;
  /** What of an entry can change after it is made (a file's result and a job never do). */
  fileState: (f: RunReport['files'][number]) => string;
  jobState: (j: CreatedJob) => string;
} {
  const outcome = new Map((report.outcomes ?? []).map((o) => [o.id, o]));
  const finished = new Map((report.finished ?? []).map((f) => [f.id, f]));
  const deleted = new Set(report.deletion?.deleted ?? []);
  return {
    fileState: (f) => (deleted.has(f.s3Uri) ? 'deleted' : ''),
    jobState: (j) => {
      const o = outcome.get(j.id);
      return `${o ? `${o.status}|${o.errorCode ?? ''}` : ''}|${finished.has(j.id) ? 'finished' : ''}`;
    },
    fileEntry: (f) => ({
      path: f.relativePath,
      key: keyOf(f.s3Uri),
      bytes: f.bytes,
      plaintextSha256: f.plaintextSha256,
      s3Uri: f.s3Uri,
      decryption: f.decryption,
      ...(f.skipped ? { skipped: true } : {}),
      ...(f.resumed ? { resumed: true } : {}),
      ...(deleted.has(f.s3Uri) ? { deleted: true } : {}),
    }),
    jobEntry: (j) => {
      const o = outcome.get(j.id);
      const f = finished.get(j.id);
      return {
        id: j.id,
        arn: j.arn,
        status: o?.status ?? j.status,
        ...(o?.errorCode === undefined ? {} : { errorCode: o.errorCode }),
        ...(o?.errorMessage === undefined ? {} : { errorMessage: o.errorMessage }),
        ...(f?.durationSeconds === undefined ? {} : { durationSeconds: f.durationSeconds }),
        ...(f ? { outputs: f.outputs } : {}),
        request: j.request,
      };
    },
  };
}

/** The object key of `s3://bucket/key`: NFC, where `path` keeps the name as it is on disk. */
function keyOf(s3Uri: string): string {
  return s3Uri.replace(/^s3:\/\/[^/]+\//, '');
}
