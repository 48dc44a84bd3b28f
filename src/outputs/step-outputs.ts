/**
 * What an encrypt or wait-only run shows when it ends, for both faces. The action: build
 * (run-outputs.ts, summary.ts), cap (limits.ts), then host/github-files.ts writes them to
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. The CLI: build, then JSON on stdout. verify and
 * rewrap have theirs in object-outputs.ts.
 */
import { OUTPUTS } from '../inputs/interface.js';
import type { RunReport } from '../report/run-report.js';
import { limitOutputs, limitSummary, type LimitedOutputs } from './limits.js';
import { runOutputs } from './run-outputs.js';
import { summaryOf } from './summary.js';

/** The action's outputs and summary of a run, each within GitHub's limits. */
export interface ActionOutputs {
  /** The values to set, and a warning for each output shortened. */
  outputs: LimitedOutputs;
  /** The summary's Markdown, and a warning when it was cut. */
  summary: { text: string; warning?: string };
}

export function actionOutputs(report: RunReport, manifestPath: string): ActionOutputs {
  return {
    outputs: limitOutputs(runOutputs(report, manifestPath), { manifestPath }),
    summary: limitSummary(summaryOf(report), { manifestPath }),
  };
}

/** `job-id` and `job-ids` as soon as the jobs exist: a later `if: always()` step can read them. */
export function jobOutputs(ids: readonly string[], manifestPath: string): LimitedOutputs {
  return limitOutputs({ 'job-id': ids[0] ?? '', 'job-ids': JSON.stringify(ids) }, { manifestPath });
}

/**
 * The run's outputs as the CLI prints them on stdout: in full (stdout has no GitHub limit), and
 * a JSON output (`job-ids`, `s3-uris`...) as its value, so that `jq '."job-ids"[0]'` works.
 */
export function cliOutputs(report: RunReport, manifestPath: string): Record<string, unknown> {
  return jsonValues(runOutputs(report, manifestPath));
}

/** Outputs with each JSON output parsed; the action's stay strings, as GitHub requires. */
export function jsonValues(outputs: Readonly<Record<string, string>>): Record<string, unknown> {
  const json = new Set<string>(OUTPUTS.filter((o) => 'json' in o && o.json).map((o) => o.name));
  return Object.fromEntries(
    Object.entries(outputs).map(([name, value]) => [
      name,
      json.has(name) && value !== '' ? (JSON.parse(value) as unknown) : value,
    ]),
  );
}
