/**
 * The manifest: every file, object, data key (encrypted) and job of a run, as JSON. The
 * journal writes it during the run (journal.ts); the step outputs point at it (outputs/).
 */
import { writeDurably } from './durable-file.js';
import type { RunReport } from './run-report.js';

/** The manifest (its fields: docs/manifest.md). Holds encrypted keys only. */
export function manifestOf(report: RunReport): object {
  const outcome = new Map((report.outcomes ?? []).map((o) => [o.id, o]));
  const finished = new Map((report.finished ?? []).map((f) => [f.id, f]));
  const deleted = new Set(report.deletion?.deleted ?? []);
  return {
    version: 1,
    region: report.region,
    ...(report.run ? { run: report.run } : {}),
    files: report.files.map((f) => ({
      path: f.relativePath,
      key: keyOf(f.s3Uri),
      bytes: f.bytes,
      plaintextSha256: f.plaintextSha256,
      s3Uri: f.s3Uri,
      decryption: f.decryption,
      ...(f.skipped ? { skipped: true } : {}),
      ...(f.resumed ? { resumed: true } : {}),
      ...(deleted.has(f.s3Uri) ? { deleted: true } : {}),
    })),
    jobs: report.jobs.map((j) => {
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
    }),
    failures: report.failures,
    ...(report.dryRun ? { dryRun: report.dryRun } : {}),
  };
}

/** The object key of `s3://bucket/key`: NFC, where `path` keeps the name as it is on disk. */
function keyOf(s3Uri: string): string {
  return s3Uri.replace(/^s3:\/\/[^/]+\//, '');
}

/** The manifest's text: what the journal writes. */
export function manifestText(report: RunReport): string {
  return `${JSON.stringify(manifestOf(report), null, 2)}\n`;
}

/** Writes the manifest whole and durably (a dry run's, whose only write is this one). */
export async function writeManifest(file: string, report: RunReport): Promise<void> {
  await writeDurably(file, manifestText(report));
}
