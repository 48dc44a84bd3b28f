/**
 * The manifest as the journal writes it during a run: whole at each checkpoint, and as the
 * records of its log in between (manifest-log.ts). A batch of a thousand files used to be
 * written whole a few hundred times; turning the whole report into JSON and then into bytes
 * each time cost more CPU than the uploads it records (about 1.6 of 7 CPU-s for 1,000 small
 * files). Each file's and job's bytes are kept once made, and made again only when that entry
 * changes (a job's outcome, a file marked deleted); a checkpoint hands the pieces to writev.
 * Without a mark its bytes are the same as the UTF-8 of
 * `JSON.stringify(manifestOf(report), null, 2)` and a newline.
 */
import type { CreatedJob } from '../job/create-and-wait.js';
import { manifestEntries, manifestHead, manifestTail } from './manifest.js';
import type { RunReport } from './run-report.js';
import { writeDurably } from './durable-file.js';
import type { LogChanges, LogMark } from './manifest-log.js';

type FileOfReport = RunReport['files'][number];
type FailureOfReport = RunReport['failures'][number];

/**
 * What is kept of an entry: the state it was last recorded in (by a checkpoint or a record of
 * the log), and its bytes in a checkpoint with the state they were made in.
 */
interface Kept {
  recorded?: string;
  bytesState?: string;
  bytes?: Buffer;
}

/** Array members of a top-level member of the manifest sit four spaces in. */
const MEMBER_INDENT = '    ';
const OPEN = Buffer.from('[\n');
const BETWEEN = Buffer.from(',\n');
const CLOSE = Buffer.from('\n  ]');
const EMPTY = Buffer.from('[]');

const FILES_MARKER = '\u0000manifest-files\u0000';
const JOBS_MARKER = '\u0000manifest-jobs\u0000';

/** A run's manifest as the journal writes it (report/journal.ts). */
export interface ManifestSource {
  /** What changed since the call before (none: the first call has every entry). */
  changes(): LogChanges;
  /** The whole manifest as pieces of UTF-8 to write in order, with `mark` when given. */
  whole(mark?: LogMark): Buffer[];
}

/** The manifest of `report`, kept between writes. One per run (per report). */
export function manifestSource(report: RunReport): ManifestSource {
  const files = new WeakMap<FileOfReport, Kept>();
  const jobs = new WeakMap<CreatedJob, Kept>();
  const failures = new WeakMap<FailureOfReport, Kept>();
  const scans = {
    files: scan<FileOfReport>(),
    jobs: scan<CreatedJob>(),
    failures: scan<FailureOfReport>(),
  };
  let recordedTop = '';
  let stamp: unknown[] = [];
  return {
    changes() {
      // An entry's state moves only with the wait's outcomes and delete-inputs; until then an
      // array the run only appended to is read on from where the last call stopped, so that a
      // record costs what it adds, not the whole batch.
      const now = [
        report.outcomes,
        report.outcomes?.length,
        report.finished,
        report.finished?.length,
        report.deletion,
        report.deletion?.deleted.length,
      ];
      const statesMoved = now.some((value, i) => value !== stamp[i]);
      stamp = now;
      let entries: ReturnType<typeof manifestEntries> | undefined;
      const of = () => (entries ??= manifestEntries(report));
      const changes: LogChanges = {};
      const top = { ...manifestHead(report), ...manifestTail(report) } as Record<string, unknown>;
      delete top.failures;
      const topText = JSON.stringify(top);
      if (topText !== recordedTop) changes.top = top;
      recordedTop = topText;
      const changedFiles = changed(files, scans.files, report.files, statesMoved, {
        stateOf: (f) => of().fileState(f),
        entryOf: (f) => of().fileEntry(f),
      });
      const changedJobs = changed(jobs, scans.jobs, report.jobs, statesMoved, {
        stateOf: (j) => of().jobState(j),
        entryOf: (j) => of().jobEntry(j),
      });
      const changedFailures = changed(failures, scans.failures, report.failures, false, {
        stateOf: () => '',
        entryOf: (f) => f,
      });
      if (changedFiles.length > 0) changes.files = changedFiles;
      if (changedJobs.length > 0) changes.jobs = changedJobs;
      if (changedFailures.length > 0) changes.failures = changedFailures;
      return changes;
    },
    whole(mark) {
      const { fileEntry, jobEntry, fileState, jobState } = manifestEntries(report);
      // The two arrays stand in the top-level object as marker strings, each taken at its first
      // place: only `version`, `region` and `run` (validated, no NUL) come before them, so a
      // file name or message that spells a marker is never taken for one.
      const top = `${JSON.stringify(
        {
          ...manifestHead(report),
          files: FILES_MARKER,
          jobs: JOBS_MARKER,
          ...manifestTail(report),
          ...(mark ? { journal: mark } : {}),
        },
        null,
        2,
      )}\n`;
      const [beforeFiles, rest] = splitAt(top, JSON.stringify(FILES_MARKER));
      const [between, afterJobs] = splitAt(rest, JSON.stringify(JOBS_MARKER));
      const pieces = [Buffer.from(beforeFiles)];
      pushArray(pieces, report.files, (f) => keptBytes(files, f, fileState(f), fileEntry));
      pieces.push(Buffer.from(between));
      pushArray(pieces, report.jobs, (j) => keptBytes(jobs, j, jobState(j), jobEntry));
      pieces.push(Buffer.from(afterJobs));
      return pieces;
    },
  };
}

/** The text before and after the first `marker`. */
function splitAt(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker);
  return [text.slice(0, at), text.slice(at + marker.length)];
}

/** How far `changed` has read one of the report's arrays. */
interface Scan<K> {
  array?: readonly K[];
  scanned: number;
}

function scan<K>(): Scan<K> {
  return { scanned: 0 };
}

/**
 * The entries of `items` not recorded yet in their present state; marks them recorded. Reads
 * on from where the last call stopped when `items` is the same array and no state moved, else
 * the whole array (a new array, as the run's arrays in file order at its end).
 */
function changed<K extends object>(
  kept: WeakMap<K, Kept>,
  at: Scan<K>,
  items: readonly K[],
  statesMoved: boolean,
  how: { stateOf: (item: K) => string; entryOf: (item: K) => object },
): object[] {
  const from = !statesMoved && at.array === items ? at.scanned : 0;
  at.array = items;
  at.scanned = items.length;
  const out: object[] = [];
  for (let i = from; i < items.length; i++) {
    const item = items[i]!;
    let entry = kept.get(item);
    // Past the point where the last call stopped, or states moved: its state is needed.
    if (entry?.recorded !== undefined && !statesMoved) continue;
    const state = how.stateOf(item);
    if (!entry) kept.set(item, (entry = {}));
    if (entry.recorded === state) continue;
    entry.recorded = state;
    out.push(how.entryOf(item));
  }
  return out;
}

/** The entry's bytes at its place in the manifest, made once per state of the entry. */
function keptBytes<K extends object>(
  kept: WeakMap<K, Kept>,
  key: K,
  state: string,
  entryOf: (key: K) => object,
): Buffer {
  let entry = kept.get(key);
  if (!entry) kept.set(key, (entry = {}));
  if (entry.bytes && entry.bytesState === state) return entry.bytes;
  const text = JSON.stringify(entryOf(key), null, 2).replace(/\n/g, `\n${MEMBER_INDENT}`);
  entry.bytes = Buffer.from(`${MEMBER_INDENT}${text}`);
  entry.bytesState = state;
  return entry.bytes;
}

/**
 * Appends a JSON array of `items` to `pieces`, each item as its bytes. Straight into the one
 * array a write hands to writev: a checkpoint writes every entry again, so an
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
  await writeDurably(file, manifestSource(report).whole());
}
