/**
 * Step outputs and the step summary inside GitHub's limits: 1 MB per output, 50 MB for all
 * outputs of a workflow run, 1 MiB per step summary. What is over its share is replaced by a
 * short form that points at the manifest, which always holds everything, and a warning says so.
 */
import type { OutputName } from '../inputs/interface.js';
import { markdownCell } from '../shared/safe-text.js';

/** GitHub's limit per output (1 MB), counted in UTF-8 bytes. */
export const MAX_OUTPUT_BYTES = 1_000_000;

/** All outputs of one step together: 25 steps of this action fit in a run's 50 MB. */
export const MAX_STEP_OUTPUT_BYTES = 2_000_000;

/** GitHub's limit on one step's summary (GITHUB_STEP_SUMMARY), counted in UTF-8 bytes. */
export const MAX_SUMMARY_BYTES = 1024 * 1024;

/** Where in the manifest each shortenable output's full value is. */
const IN_MANIFEST: Partial<Record<OutputName, string>> = {
  'job-settings': 'jobs[].request',
  'decryption-settings': 'files[].decryption',
  's3-uris': 'files[].s3Uri',
  'job-ids': 'jobs[].id',
  'job-status': 'jobs[] (id, status, errorCode, errorMessage)',
  'output-uris': 'jobs[].outputs',
  'skipped-files': 'files[] with skipped: true',
};

/** What an output holds when its full value is too big. */
export interface ShortenedOutput {
  shortened: true;
  /** The full value's size in bytes. */
  bytes: number;
  /** How many entries the full JSON array has. */
  entries: number;
  manifest: string;
  /** Where the full value is in the manifest. */
  'in-manifest': string;
}

export interface LimitedOutputs {
  values: Partial<Record<OutputName, string>>;
  warnings: string[];
}

export interface OutputLimits {
  /** The file that holds every output's full value (the manifest, or verify's results file). */
  manifestPath: string;
  /** Where in that file each output's full value is, when not where IN_MANIFEST says. */
  where?: Partial<Record<OutputName, string>>;
  perOutput?: number;
  perStep?: number;
}

/**
 * Every output at most `perOutput` bytes and all together at most `perStep`: outputs over
 * `perOutput` are shortened, then the largest of the rest until the step fits.
 */
export function limitOutputs(
  outputs: Partial<Record<OutputName, string>>,
  limits: OutputLimits,
): LimitedOutputs {
  const perOutput = limits.perOutput ?? MAX_OUTPUT_BYTES;
  const perStep = limits.perStep ?? MAX_STEP_OUTPUT_BYTES;
  const values = { ...outputs };
  const where = { ...IN_MANIFEST, ...limits.where };
  const warnings: string[] = [];
  const size = (name: OutputName): number => Buffer.byteLength(values[name] ?? '', 'utf8');
  const shorten = (name: OutputName, why: string): void => {
    const full = values[name] ?? '';
    const bytes = Buffer.byteLength(full, 'utf8');
    const short: ShortenedOutput = {
      shortened: true,
      bytes,
      entries: entriesOf(full),
      manifest: limits.manifestPath,
      'in-manifest': where[name]!,
    };
    values[name] = JSON.stringify(short);
    warnings.push(
      `output \`${name}\` is ${bytes} bytes, ${why}: it holds a short form instead ({"shortened": true, ...}); ${limits.where ? limits.manifestPath : 'the manifest'} has the full value at ${where[name]}`,
    );
  };
  const shortenable = (Object.keys(where) as OutputName[]).filter((n) => n in values);
  for (const name of shortenable) {
    if (size(name) > perOutput) {
      shorten(name, `over GitHub's limit of ${perOutput} bytes per output`);
    }
  }
  const total = (): number =>
    (Object.keys(values) as OutputName[]).reduce((sum, name) => sum + size(name), 0);
  for (;;) {
    const over = total() - perStep;
    if (over <= 0) break;
    const largest = shortenable
      .filter((n) => !isShortened(values[n]))
      .sort((a, b) => size(b) - size(a))[0];
    if (largest === undefined) break;
    shorten(
      largest,
      `and all outputs together would pass ${perStep} bytes (a run may hold 50 MB of outputs)`,
    );
  }
  return { values, warnings };
}

function entriesOf(json: string): number {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.length : 1;
  } catch {
    return 1;
  }
}

function isShortened(value: string | undefined): boolean {
  return value?.startsWith('{"shortened":true') ?? false;
}

/**
 * The step summary within `maxBytes`: as it is when it fits, else its heading and totals (the
 * lines before its first table) and a note that the manifest has every row, with a warning.
 */
export function limitSummary(
  markdown: string,
  limits: {
    manifestPath: string;
    maxBytes?: number;
    /** What the file at manifestPath holds, for a run that is not encrypt's: `every object`. */
    holds?: string;
  },
): { text: string; warning?: string } {
  const holds = limits.holds ?? 'every file and job';
  const maxBytes = limits.maxBytes ?? MAX_SUMMARY_BYTES;
  const bytes = Buffer.byteLength(markdown, 'utf8');
  if (bytes <= maxBytes) return { text: markdown };
  const lines = markdown.split('\n');
  const firstTable = lines.findIndex((line) => line.startsWith('|'));
  const tableLines = lines.filter((line) => line.startsWith('|')).length;
  // Each table has a header line and a `| --- |` line besides its rows.
  const rows = tableLines - 2 * lines.filter((line) => line.startsWith('| ---')).length;
  const head = lines.slice(0, firstTable < 0 ? 2 : firstTable);
  const note = `The full summary is ${bytes} bytes, over GitHub's limit of ${maxBytes} bytes per step summary: its ${rows} table rows are left out here. The manifest has ${holds}: ${markdownCell(limits.manifestPath)}`;
  return {
    text: `${[...head, note].join('\n')}\n`,
    warning: `step summary is ${bytes} bytes, over GitHub's limit of ${maxBytes} bytes per step summary: it holds a short form instead (the heading and totals); the manifest at ${limits.manifestPath} has ${holds}`,
  };
}
