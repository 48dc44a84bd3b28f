/** The results tables (of `npm run bench` and of its link suites) and their Markdown. */
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
  return markdownTable(header, lines);
}

/** A Markdown table, each column padded to its widest cell. */
export function markdownTable(header: string[], lines: string[][]): string {
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

/** One figure of the link suites (bench/link.ts): a side's runs of one measure. */
export interface LinkRow {
  suite: string;
  measure: string;
  side: string;
  unit: string;
  value: Summary;
}

export interface LinkResult {
  date: string;
  command: string;
  link: string;
  runs: number;
  durationSeconds: number;
  loadAverage1m: { before: number | undefined; after: number | undefined };
  cpus: number;
  rows: LinkRow[];
}

export function linkMarkdownOf(result: LinkResult): string {
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
  return [
    `Measured on ${result.date.slice(0, 16)}Z with \`${result.command}\`: link ${result.link}; ${result.runs} runs per side, alternated; ${Math.round(result.durationSeconds)} s in all; load average (1 min, ${result.cpus} cores) ${result.loadAverage1m.before?.toFixed(1)} before, ${result.loadAverage1m.after?.toFixed(1)} after.`,
    '',
    markdownTable(header, lines),
    '',
  ].join('\n');
}
