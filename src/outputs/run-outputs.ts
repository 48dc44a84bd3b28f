/**
 * The step outputs of an encrypt or wait-only run, built from its report: every one a string,
 * as GitHub requires (inputs/interface.ts declares them). They are capped by limits.ts, and
 * the CLI prints them as JSON values (step-outputs.ts).
 */
import type { OutputName } from '../inputs/interface.js';
import { outputUrisOf } from '../job/finished-jobs.js';
import type { RunReport } from '../report/run-report.js';

/** The run's step outputs, in full; `manifestPath` is where the manifest was written. */
export function runOutputs(
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
