/** The results table and its Markdown. */
import type { Summary } from './lib.js';
import type { Row } from './context.js';

// Output

export function fmt(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function cell(s: Summary | undefined): string {
  if (!s) return '';
  return s.runs.length > 1 ? `${fmt(s.median)} (${fmt(s.min)}-${fmt(s.max)})` : fmt(s.median);
}

export function table(rows: Row[]): string {
  const header = [
    'Section',
    'Measure',
    'Unit',
    'Ours: median (min-max)',
    'Baseline',
    'Baseline: median (min-max)',
    'Ratio',
    'Target',
    'Met',
  ];
  // Sections in issue order (they run in another order: the quick ones first).
  const ordered = [...rows].sort((a, b) =>
    a.section.localeCompare(b.section, 'en', { numeric: true }),
  );
  const lines = ordered.map((r) => [
    r.section,
    r.measure,
    r.unit,
    cell(r.ours),
    r.baselineName ?? '',
    cell(r.baseline),
    r.ratio === undefined ? '' : `${r.ratio < 0.1 ? r.ratio.toPrecision(2) : r.ratio.toFixed(2)}x`,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    render(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.map(render),
  ].join('\n');
}

export interface Result {
  date: string;
  command: string;
  durationSeconds: number;
  runs: number;
  machine: { cpus: number; model: string; memoryGiB: number; node: string };
  notes: string[];
  rows: Row[];
}

export function markdownOf(result: Result): string {
  const { machine } = result;
  return [
    `Measured on ${result.date.slice(0, 10)} on this machine (${machine.cpus} cores, ${machine.model}, ${machine.memoryGiB} GiB, Node ${machine.node}) with \`${result.command}\` (${result.runs} runs per side, alternated; ${Math.round(result.durationSeconds)} s in all).`,
    '',
    table(result.rows),
    ...(result.notes.length ? ['', ...result.notes.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n');
}
