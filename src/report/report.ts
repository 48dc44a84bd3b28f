import { writeDurably } from './durable-file.js';
import type { OutputName } from '../inputs/interface.js';
import type { RunReport } from './run-report.js';
import { deletionSection, dryRunSummary, jobsSection } from './summary.js';
import { outputUrisOf } from '../job/finished-jobs.js';
import type { CreatedJob } from '../job/create-and-wait.js';
import { markdownCell as cell } from '../shared/safe-text.js';
import { formatBytes } from '../shared/units.js';

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
  /** What of a file's entry can change after it is made (files and jobs never change). */
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

/** Writes the manifest whole and durably (a dry run's, whose only write is this one). */
export async function writeManifest(file: string, report: RunReport): Promise<void> {
  await writeDurably(file, `${JSON.stringify(manifestOf(report), null, 2)}\n`);
}

/** Step outputs, every one a string. */
export function outputsOf(
  report: RunReport,
  manifestPath: string,
): Partial<Record<OutputName, string>> {
  const outputs: Partial<Record<OutputName, string>> = {
    'job-id': report.jobs[0]?.id ?? '',
    'job-ids': JSON.stringify(report.jobs.map((j) => j.id)),
    'job-settings': JSON.stringify(report.jobs.map((j) => j.request)),
    'decryption-settings': JSON.stringify(report.files.map((f) => f.decryption)),
    's3-uris': JSON.stringify(report.files.map((f) => f.s3Uri)),
    manifest: manifestPath,
    'skipped-files': JSON.stringify(
      report.files.filter((f) => f.skipped).map((f) => f.relativePath),
    ),
  };
  if (report.outcomes) {
    outputs['job-status'] = JSON.stringify(report.outcomes);
    outputs['output-uris'] = JSON.stringify(outputUrisOf(report.outcomes, report.finished ?? []));
  }
  return outputs;
}

/** A Markdown step summary: one row per file, then one per job, linked to the console. */
export function summaryOf(report: RunReport): string {
  if (report.dryRun) return dryRunSummary(report);
  const jobFor = new Map<string, CreatedJob>();
  for (const job of report.jobs) {
    for (const input of job.request.Settings?.Inputs ?? []) {
      if (input.FileInput) jobFor.set(input.FileInput, job);
    }
  }
  const status = new Map((report.outcomes ?? []).map((o) => [o.id, o.status]));
  const skipped = report.files.filter((f) => f.skipped).length;
  const uploaded = report.files.length - skipped;
  const lines = [
    '### MediaConvert encrypt',
    '',
    `${uploaded} file(s) encrypted and uploaded, ${skipped > 0 ? `${skipped} unchanged and skipped (if-exists: skip), ` : ''}${report.failures.length} failed, ${report.jobs.length} job(s) created in ${cell(report.region)}.`,
    '',
    '| File | Size | S3 object | Mode | Job |',
    '| --- | ---: | --- | --- | --- |',
  ];
  for (const f of report.files) {
    const job = jobFor.get(f.s3Uri);
    const jobCell = job
      ? `${consoleLink(report.region, job.id)}${statusSuffix(status.get(job.id))}`
      : '—';
    lines.push(
      `| ${cell(f.relativePath)} | ${formatBytes(f.bytes)} | ${cell(f.s3Uri)}${f.skipped ? ' (unchanged, skipped)' : ''} | ${cell(f.decryption.DecryptionMode ?? '')} | ${jobCell} |`,
    );
  }
  for (const failure of report.failures) {
    lines.push(`| ${cell(failure.relativePath)} | | **failed**: ${cell(failure.message)} | | |`);
  }
  lines.push(...jobsSection(report), ...deletionSection(report));
  return `${lines.join('\n')}\n`;
}

function consoleLink(region: string, id: string): string {
  const query = `region=${encodeURIComponent(region)}#/jobs/summary/${encodeURIComponent(id)}`;
  return `[${cell(id)}](https://console.aws.amazon.com/mediaconvert/home?${query})`;
}

function statusSuffix(status: string | undefined): string {
  return status ? ` ${cell(status)}` : '';
}
