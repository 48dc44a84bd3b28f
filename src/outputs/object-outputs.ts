/**
 * The step outputs and the step summary of a `verify` or `rewrap` run. Loaded with the objects
 * commands (host/pipeline.ts), not with the action's start: it needs objects/run.ts.
 */
import type { OutputName } from '../inputs/interface.js';
import { markdownCell as cell } from '../shared/safe-text.js';
import { PASSING } from '../objects/object-result.js';
import { totals, type ObjectsReport } from '../objects/run.js';
import { limitOutputs, type LimitedOutputs } from './limits.js';

/** Where each output's full value is in the results file, when an output is too big. */
const IN_RESULTS = {
  'object-results': 'results[] (s3Uri, status, message)',
  's3-uris': 'results[].s3Uri',
  'decryption-settings': 'results[].decryption',
} as const;

/** The action's outputs of the run, capped: `resultsPath` holds every result in full. */
export function objectStepOutputs(report: ObjectsReport, resultsPath: string): LimitedOutputs {
  return limitOutputs(objectOutputs(report), { manifestPath: resultsPath, where: IN_RESULTS });
}

/** The outputs in full, as the CLI prints them. */
export function objectOutputs(report: ObjectsReport): Partial<Record<OutputName, string>> {
  const outputs: Partial<Record<OutputName, string>> = {
    'object-results': JSON.stringify(
      report.results.map(({ s3Uri, status, message }) => ({ s3Uri, status, message })),
    ),
    's3-uris': JSON.stringify(report.results.map((r) => r.s3Uri)),
  };
  if (report.command === 'rewrap') {
    outputs['decryption-settings'] = JSON.stringify(
      report.results.map((r) => r.decryption ?? null),
    );
  }
  if (report.manifestPath) outputs.manifest = report.manifestPath;
  return outputs;
}

const TITLES = { verify: 'verify', rewrap: 'rewrap' } as const;

/** A Markdown summary: the counts, then one row per object (failures first). */
export function objectSummary(report: ObjectsReport): string {
  const title = `${TITLES[report.command]}${report.dryRun ? ' (dry run)' : ''}`;
  const rows = [...report.results].sort(
    (a, b) => Number(PASSING.has(a.status)) - Number(PASSING.has(b.status)),
  );
  const lines = [
    `### MediaConvert encrypt: ${title}`,
    '',
    `${report.results.length} object(s): ${cell(totals(report.results))}.${report.manifestPath ? ` Manifest: ${cell(report.manifestPath)}.` : ''}`,
    '',
    '| Object | Status | Detail |',
    '| --- | --- | --- |',
  ];
  for (const r of rows) {
    const status = PASSING.has(r.status) ? r.status : `**${r.status}**`;
    lines.push(`| ${cell(r.s3Uri)} | ${status} | ${cell(r.message)} |`);
  }
  return `${lines.join('\n')}\n`;
}
