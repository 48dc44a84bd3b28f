/** The conformance results as a plain-text table: case, job ID, status, error code, verdict. */
import { oneLine } from '../shared/safe-text.js';
import type { CaseResult } from './run-case.js';

export function resultTable(results: readonly CaseResult[]): string {
  const rows = [
    ['case', 'job ID', 'status', 'error code', 'verdict'],
    ...results.map((r) => [
      r.case,
      r.jobId ?? '-',
      r.status,
      r.errorCode === undefined ? '-' : String(r.errorCode),
      r.verdict,
    ]),
  ].map((row) => row.map((cell) => oneLine(cell)));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
