/**
 * The manifest as the journal writes it again and again during a run. A batch of a thousand
 * files is written a few hundred times, each time with every file and job done so far; turning
 * the whole report into JSON and then into bytes each time cost more CPU than the uploads it
 * records (about 1.6 of 7 CPU-s for 1,000 small files). Each file's and job's bytes are kept
 * once made, and made again only when that entry changes (a job's outcome, a file marked
 * deleted); a write hands the pieces to writev. The bytes are the same as the UTF-8 of
 * `JSON.stringify(manifestOf(report), null, 2)` and a newline.
 */
import type { CreatedJob } from '../job/create-and-wait.js';
import { manifestEntries, manifestHead, manifestTail } from './manifest.js';
import type { RunReport } from './run-report.js';
import { writeDurably } from './durable-file.js';

type FileOfReport = RunReport['files'][number];

/** An entry's bytes, with the state they were made in: they are made again when that changes. */
interface Cached {
  state: string;
  bytes: Buffer;
}

/** Array members of a top-level member of the manifest sit four spaces in. */
const MEMBER_INDENT = '    ';
const OPEN = Buffer.from('[\n');
const BETWEEN = Buffer.from(',\n');
const CLOSE = Buffer.from('\n  ]');
const EMPTY = Buffer.from('[]');

const FILES_MARKER = '\u0000manifest-files\u0000';
const JOBS_MARKER = '\u0000manifest-jobs\u0000';

/**
 * Returns a function that gives `report`'s manifest, as pieces of UTF-8 to write in order; it
 * keeps what it made between calls. One per run (per report).
 */
export function manifestWriter(): (report: RunReport) => Buffer[] {
  const files = new WeakMap<FileOfReport, Cached>();
  const jobs = new WeakMap<CreatedJob, Cached>();
  return (report) => {
    const { fileEntry, jobEntry, fileState, jobState } = manifestEntries(report);
    // The two arrays stand in the top-level object as marker strings, each taken at its first
    // place: only `version`, `region` and `run` (validated, no NUL) come before them, so a
    // file name or message that spells a marker is never taken for one.
    const top = `${JSON.stringify(
      { ...manifestHead(report), files: FILES_MARKER, jobs: JOBS_MARKER, ...manifestTail(report) },
      null,
      2,
    )}\n`;
    const [beforeFiles, rest] = splitAt(top, JSON.stringify(FILES_MARKER));
    const [between, afterJobs] = splitAt(rest, JSON.stringify(JOBS_MARKER));
    const pieces = [Buffer.from(beforeFiles)];
    pushArray(pieces, report.files, (f) => cachedBytes(files, f, fileState(f), fileEntry));
    pieces.push(Buffer.from(between));
    pushArray(pieces, report.jobs, (j) => cachedBytes(jobs, j, jobState(j), jobEntry));
    pieces.push(Buffer.from(afterJobs));
    return pieces;
  };
}

/** The text before and after the first `marker`. */
function splitAt(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker);
  return [text.slice(0, at), text.slice(at + marker.length)];
}

/** The entry's bytes at its place in the manifest, made once per state of the entry. */
function cachedBytes<K extends object>(
  cache: WeakMap<K, Cached>,
  key: K,
  state: string,
  entryOf: (key: K) => object,
): Buffer {
  const kept = cache.get(key);
  if (kept?.state === state) return kept.bytes;
  const text = JSON.stringify(entryOf(key), null, 2).replace(/\n/g, `\n${MEMBER_INDENT}`);
  const bytes = Buffer.from(`${MEMBER_INDENT}${text}`);
  cache.set(key, { state, bytes });
  return bytes;
}

/**
 * Appends a JSON array of `items` to `pieces`, each item as its bytes. Straight into the one
 * array a write hands to writev: the journal writes every entry again on each write, so an
 * array per member, a copy of it and an iterator result per entry were garbage of every write
 * (about an eighth of what a batch of 1,000 small files allocated).
 */
function pushArray<T>(pieces: Buffer[], items: readonly T[], bytesOf: (item: T) => Buffer): void {
  if (items.length === 0) {
    pieces.push(EMPTY);
    return;
  }
  pieces.push(OPEN);
  for (let i = 0; i < items.length; i++) {
    if (i > 0) pieces.push(BETWEEN);
    pieces.push(bytesOf(items[i]!));
  }
  pieces.push(CLOSE);
}

/** Writes the manifest whole and durably, once (a dry run's, whose only write is this one). */
export async function writeManifest(file: string, report: RunReport): Promise<void> {
  await writeDurably(file, manifestWriter()(report));
}
