import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileResult } from './encrypt-file.js';
import type { OutputName } from './interface.js';
import { formatBytes } from './units.js';
import type { CreatedJob, JobOutcome } from './job.js';

export interface FileFailure {
  relativePath: string;
  message: string;
}

export interface RunReport {
  region: string;
  files: FileResult[];
  failures: FileFailure[];
  jobs: CreatedJob[];
  outcomes?: JobOutcome[];
}

/** The manifest (its fields: docs/design.md and the README). Holds encrypted keys only. */
export function manifestOf(report: RunReport): object {
  const outcome = new Map((report.outcomes ?? []).map((o) => [o.id, o]));
  return {
    version: 1,
    region: report.region,
    files: report.files.map((f) => ({
      path: f.relativePath,
      bytes: f.bytes,
      plaintextSha256: f.plaintextSha256,
      s3Uri: f.s3Uri,
      decryption: f.decryption,
    })),
    jobs: report.jobs.map((j) => {
      const o = outcome.get(j.id);
      return {
        id: j.id,
        arn: j.arn,
        status: o?.status ?? j.status,
        ...(o?.errorCode === undefined ? {} : { errorCode: o.errorCode }),
        ...(o?.errorMessage === undefined ? {} : { errorMessage: o.errorMessage }),
        request: j.request,
      };
    }),
    failures: report.failures,
  };
}

export async function writeManifest(file: string, report: RunReport): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(manifestOf(report), null, 2)}\n`, { mode: 0o644 });
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
  };
  if (report.outcomes) outputs['job-status'] = JSON.stringify(report.outcomes);
  return outputs;
}

/** A Markdown step summary: one row per file, then one per job, linked to the console. */
export function summaryOf(report: RunReport): string {
  const jobFor = new Map<string, CreatedJob>();
  for (const job of report.jobs) {
    for (const input of job.request.Settings?.Inputs ?? []) {
      if (input.FileInput) jobFor.set(input.FileInput, job);
    }
  }
  const status = new Map((report.outcomes ?? []).map((o) => [o.id, o.status]));
  const lines = [
    '### MediaConvert encrypt',
    '',
    `${report.files.length} file(s) encrypted and uploaded, ${report.failures.length} failed, ${report.jobs.length} job(s) created in ${report.region}.`,
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
      `| ${cell(f.relativePath)} | ${formatBytes(f.bytes)} | \`${cell(f.s3Uri)}\` | ${f.decryption.DecryptionMode ?? ''} | ${jobCell} |`,
    );
  }
  for (const failure of report.failures) {
    lines.push(`| ${cell(failure.relativePath)} | | **failed**: ${cell(failure.message)} | | |`);
  }
  return `${lines.join('\n')}\n`;
}

function consoleLink(region: string, id: string): string {
  return `[${id}](https://console.aws.amazon.com/mediaconvert/home?region=${region}#/jobs/summary/${id})`;
}

function statusSuffix(status: string | undefined): string {
  return status ? ` ${status}` : '';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
