/** The table of `npm run bench -- --link ...` (bench/link.ts): one row a side and measure. */
import type { Summary } from './lib.js';

export interface Row {
  suite: string;
  measure: string;
  side: string;
  unit: string;
  value: Summary;
}

function fmt(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function markdownOf(result: {
  date: string;
  command: string;
  link: string;
  runs: number;
  durationSeconds: number;
  loadAverage1m: { before: number | undefined; after: number | undefined };
  cpus: number;
  rows: Row[];
}): string {
  const header = ['Suite', 'Measure', 'Side', 'Unit', 'Median', 'Min-max', 'Runs'];
  const lines = result.rows.map((r) => [
    r.suite,
    r.measure,
    r.side,
    r.unit,
    fmt(r.value.median),
    `${fmt(r.value.min)}-${fmt(r.value.max)}`,
    r.value.runs.map(fmt).join(', '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    `Measured on ${result.date.slice(0, 16)}Z with \`${result.command}\`: link ${result.link}; ${result.runs} runs per side, alternated; ${Math.round(result.durationSeconds)} s in all; load average (1 min, ${result.cpus} cores) ${result.loadAverage1m.before?.toFixed(1)} before, ${result.loadAverage1m.after?.toFixed(1)} after.`,
    '',
    render(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.map(render),
    '',
  ].join('\n');
}
