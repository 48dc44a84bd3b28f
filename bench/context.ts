/** Shared by every suite: the command line, the table rows being collected, logging. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  ACTION_ENTRY,
  AWS_CLI,
  GNU_TIME,
  MIB,
  summarize,
  type Summary,
  type Usage,
} from './lib.js';

export const SECTIONS = [
  'startup',
  'encrypt',
  'upload',
  'memory',
  'batch',
  'incremental',
  'verify',
  'cost',
] as const;
export type Section = (typeof SECTIONS)[number];
export const GIB = 1024 * MIB;

export const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    entry: { type: 'string' },
    before: { type: 'string' },
    render: { type: 'string' },
    // Every side talks to the local stack over https (its own CA), the link suites too.
    tls: { type: 'boolean', default: false },
    // The link suites (bench/link.ts).
    link: { type: 'string' },
    'delay-ms': { type: 'string', default: '20' },
    'conn-mibps': { type: 'string', default: '8' },
    sizes: { type: 'string', default: '256' },
    'link-suites': { type: 'string', default: 'upload,batch,memory' },
    'batch-files': { type: 'string', default: '1000' },
  },
});
export const RUNS = Number(options.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a positive integer');
export const only = new Set((options.only ?? SECTIONS.join(',')).split(',') as Section[]);
export const TLS = options.tls;
export const entry = path.resolve(options.entry ?? ACTION_ENTRY);
/** Another build of the action (e.g. the previous commit's dist/index.js) run as an extra side. */
export const before = options.before ? path.resolve(options.before) : undefined;

/** One line of the table: our median against a baseline's, with the target it is held to. */
export interface Row {
  section: string;
  measure: string;
  unit: string;
  ours: Summary;
  baselineName?: string;
  baseline?: Summary;
  /** ours.median / baseline.median */
  ratio?: number;
  target?: string;
  met?: boolean;
}

export const rows: Row[] = [];
export const raw: Record<string, unknown> = {};
export const notes: string[] = [];

export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function row(r: Omit<Row, 'ratio'>): void {
  const ratio = r.baseline ? r.ours.median / r.baseline.median : undefined;
  rows.push({ ...r, ...(ratio === undefined ? {} : { ratio }) });
}

export const pick = (usages: Usage[], field: 'wall' | 'cpu' | 'maxRssKiB', scale = 1): Summary =>
  summarize(usages.map((u) => u[field] * scale));

export function checkTools(): void {
  for (const tool of [GNU_TIME, AWS_CLI]) {
    if (!existsSync(tool)) {
      throw new Error(
        `${tool} is missing: ${tool === GNU_TIME ? 'apt-get install -y time' : 'apt-get install -y awscli'}`,
      );
    }
  }
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run bundle first`);
}

export function versionOf(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim().split('\n')[0]!;
  } catch {
    return 'unknown';
  }
}
