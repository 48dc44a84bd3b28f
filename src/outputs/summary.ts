/**
 * The step summary of an encrypt or wait-only run, in Markdown: a row per file, then the jobs
 * waited for (status, duration, error, output links), what delete-inputs removed, or the plan
 * of a dry run. Every piece of text that came from a file name, a key or a service is escaped.
 * limits.ts caps it.
 */
import type { CreatedJob } from '../job/create-and-wait.js';
import { planTotals } from '../report/plan.js';
import type { RunReport } from '../report/run-report.js';
import { markdownCell } from '../shared/safe-text.js';
import { formatBytes } from '../shared/units.js';

/** Outputs listed per job before "and N more". */
const MAX_LINKS = 6;

/** Text safe inside a Markdown table cell: no HTML, no Markdown markup, one line. */
export const escapeCell = markdownCell;

/** The S3 console page of an object. */
export function s3ConsoleUrl(s3Uri: string, region: string): string | undefined {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(s3Uri);
  if (!match) return undefined;
  return `https://s3.console.aws.amazon.com/s3/object/${encodeURIComponent(match[1]!)}?region=${encodeURIComponent(region)}&prefix=${encodeURIComponent(match[2]!)}`;
}

function link(text: string, url: string | undefined): string {
  return url === undefined ? escapeCell(text) : `[${escapeCell(text)}](${url})`;
}

export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m < 60 ? `${m} min ${s} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** The jobs table, when jobs were waited for; empty otherwise. */
export function jobsSection(report: RunReport): string[] {
  if (!report.outcomes || report.outcomes.length === 0) return [];
  const finished = new Map((report.finished ?? []).map((f) => [f.id, f]));
  const lines = [
    '',
    '#### Jobs',
    '',
    '| Job | Status | Duration | Error | Outputs |',
    '| --- | --- | ---: | --- | --- |',
  ];
  for (const outcome of report.outcomes) {
    const f = finished.get(outcome.id);
    const error =
      outcome.status === 'COMPLETE'
        ? ''
        : [
            outcome.errorCode === undefined ? '' : `**${outcome.errorCode}**`,
            outcome.errorMessage === undefined ? '' : escapeCell(outcome.errorMessage),
          ]
            .filter((p) => p !== '')
            .join(' ');
    const outputs = (f?.outputs ?? []).map((o) =>
      link(o.uri.split('/').pop() ?? o.uri, s3ConsoleUrl(o.uri, report.region)),
    );
    const shown =
      outputs.length > MAX_LINKS
        ? [...outputs.slice(0, MAX_LINKS), `and ${outputs.length - MAX_LINKS} more (manifest)`]
        : outputs;
    const job = `[${escapeCell(outcome.id)}](https://console.aws.amazon.com/mediaconvert/home?region=${encodeURIComponent(report.region)}#/jobs/summary/${encodeURIComponent(outcome.id)})`;
    lines.push(
      `| ${job} | ${escapeCell(outcome.status)} | ${formatDuration(f?.durationSeconds)} | ${error} | ${shown.join('<br>')} |`,
    );
  }
  return lines;
}

/** What delete-inputs did; empty when it was not asked for. */
export function deletionSection(report: RunReport): string[] {
  const d = report.deletion;
  if (!d) return [];
  const lines = [
    '',
    `delete-inputs: ${d.deleted.length} ciphertext object(s) deleted, ${d.kept.length} kept (their job did not complete), ${d.problems.length} could not be deleted.`,
  ];
  for (const k of d.kept) lines.push(`- kept ${escapeCell(k.s3Uri)}: ${escapeCell(k.reason)}`);
  for (const p of d.problems) lines.push(`- ${escapeCell(p)}`);
  return lines;
}

/** The whole summary of a dry run. */
export function dryRunSummary(report: RunReport): string {
  const plan = report.dryRun!;
  const action = { upload: 'upload', skip: 'skip (unchanged)', fail: '**fail**' };
  const lines = [
    '### MediaConvert encrypt: dry run',
    '',
    `Plan: ${escapeCell(planTotals(plan))}. Nothing was encrypted, uploaded or created.`,
    '',
    '| File | Size | S3 object | Would |',
    '| --- | ---: | --- | --- |',
  ];
  for (const f of plan.files) {
    const reason = f.reason === undefined ? '' : `: ${escapeCell(f.reason)}`;
    lines.push(
      `| ${escapeCell(f.path)} | ${f.bytes} B | ${escapeCell(f.s3Uri)} | ${action[f.action]}${reason} |`,
    );
  }
  return `${lines.join('\n')}\n`;
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
    `${uploaded} file(s) encrypted and uploaded, ${skipped > 0 ? `${skipped} unchanged and skipped (if-exists: skip), ` : ''}${report.failures.length} failed, ${report.jobs.length} job(s) created in ${escapeCell(report.region)}.`,
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
      `| ${escapeCell(f.relativePath)} | ${formatBytes(f.bytes)} | ${escapeCell(f.s3Uri)}${f.skipped ? ' (unchanged, skipped)' : ''} | ${escapeCell(f.decryption.DecryptionMode ?? '')} | ${jobCell} |`,
    );
  }
  for (const failure of report.failures) {
    lines.push(
      `| ${escapeCell(failure.relativePath)} | | **failed**: ${escapeCell(failure.message)} | | |`,
    );
  }
  lines.push(...jobsSection(report), ...deletionSection(report));
  return `${lines.join('\n')}\n`;
}

function consoleLink(region: string, id: string): string {
  const query = `region=${encodeURIComponent(region)}#/jobs/summary/${encodeURIComponent(id)}`;
  return `[${escapeCell(id)}](https://console.aws.amazon.com/mediaconvert/home?${query})`;
}

function statusSuffix(status: string | undefined): string {
  return status ? ` ${escapeCell(status)}` : '';
}
