/**
 * The manifest's log: what a run records between two whole writes of its manifest.
 *
 * Rewriting the whole manifest for every record made a batch write bytes in proportion to the
 * square of its files: 0.4 GB for 1,000 small files with jobs, 17.5 GB for 10,000. So, as a
 * database keeps a checkpoint and a log, a run now writes its manifest whole (a checkpoint)
 * only when the log has grown as large as the manifest, and in between appends each record
 * (what changed: files, jobs, failures, the run's state) to `MANIFEST.log` as one line of
 * JSON, flushed to disk before the side effect that depends on it.
 *
 * A checkpoint of a run in progress carries a mark, `"journal": {"id", "seq"}`: the log that
 * continues it (its lines carry the same id) and the last record it holds. A reader folds in
 * the lines of that id after that record, in order, and stops at a torn line (the last write
 * of a killed run, never acknowledged). The last checkpoint of a run carries no mark, so its
 * manifest is whole by itself and any log left beside it is not read.
 */
import { readFile, stat } from 'node:fs/promises';

/** Where the log of the manifest at `manifestPath` is. */
export function logPathOf(manifestPath: string): string {
  return `${manifestPath}.log`;
}

/** A checkpoint's mark: the log that continues it, and the last record it holds. */
export interface LogMark {
  id: string;
  seq: number;
}

/** What one record of the log holds: the entries made or changed since the record before. */
export interface LogChanges {
  /** The manifest's members but `files`, `jobs` and `failures`, when one of them changed. */
  top?: Record<string, unknown>;
  files?: object[];
  jobs?: object[];
  failures?: object[];
}

/** One line of the log. */
export interface LogRecord extends LogChanges {
  id: string;
  seq: number;
}

/** A log bigger than this is not one of ours (it never outgrows its manifest for long). */
const MAX_LOG_BYTES = 256 * 1024 * 1024;

/**
 * The text of the log beside `manifestPath`; empty when there is none, or when it is not a
 * regular file (opening a FIFO would block) or far too big to be a log.
 */
export async function readLogText(manifestPath: string): Promise<string> {
  const file = logPathOf(manifestPath);
  // Looked at before it is opened: opening a FIFO would wait for a writer, forever.
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile() || info.size > MAX_LOG_BYTES) return '';
  return readFile(file, 'utf8').catch(() => '');
}

type Keyed = Record<string, unknown>;

/** The manifest read from `manifestPath`, with the log beside it folded in (foldLog). */
export async function withItsLog(manifest: Keyed, manifestPath: string): Promise<Keyed> {
  return foldLog(manifest, await readLogText(manifestPath));
}

/**
 * The manifest with its log folded in: the records of the checkpoint's mark after its `seq`,
 * in order, each replacing entries by key (a file by `path`, a job by `id`, a failure by
 * `relativePath`) and appending new ones. A manifest without a mark is returned as it is.
 */
export function foldLog(manifest: Keyed, logText: string): Keyed {
  const mark = markOf(manifest.journal);
  if (!mark || logText === '') return manifest;
  const top = { ...manifest };
  const files = keyedList(manifest.files, 'path');
  const jobs = keyedList(manifest.jobs, 'id');
  const failures = keyedList(manifest.failures, 'relativePath');
  let seq = mark.seq;
  // Only whole lines: a line without its newline is a write the run never got to finish.
  const lines = logText.slice(0, logText.lastIndexOf('\n') + 1).split('\n');
  for (const line of lines) {
    if (line === '') continue;
    const record = recordOf(line);
    if (!record) break; // torn or foreign: nothing after it can be trusted
    if (record.id !== mark.id || record.seq <= seq) continue;
    seq = record.seq;
    if (record.top) Object.assign(top, record.top);
    files.apply(record.files);
    jobs.apply(record.jobs);
    failures.apply(record.failures);
  }
  // The members stay in the manifest's order; the mark now names the last record folded in.
  return {
    ...top,
    files: files.list(),
    jobs: jobs.list(),
    failures: failures.list(),
    journal: { id: mark.id, seq },
  };
}

function markOf(value: unknown): LogMark | undefined {
  const mark = value as Partial<LogMark> | undefined;
  return typeof mark?.id === 'string' && Number.isInteger(mark.seq)
    ? { id: mark.id, seq: mark.seq! }
    : undefined;
}

function recordOf(line: string): LogRecord | undefined {
  try {
    const record = JSON.parse(line) as Partial<LogRecord> | null;
    return typeof record?.id === 'string' && Number.isInteger(record.seq)
      ? (record as LogRecord)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Entries in order, replaced in place by a later entry of the same key. */
function keyedList(value: unknown, key: string) {
  const entries: unknown[] = Array.isArray(value) ? [...(value as unknown[])] : [];
  const at = new Map<unknown, number>();
  entries.forEach((entry, i) => at.set((entry as Keyed | null)?.[key], i));
  return {
    apply(changed: unknown): void {
      if (!Array.isArray(changed)) return;
      for (const entry of changed as unknown[]) {
        const name = (entry as Keyed | null)?.[key];
        const i = at.get(name);
        if (i === undefined) at.set(name, entries.push(entry) - 1);
        else entries[i] = entry;
      }
    },
    list: (): unknown[] => entries,
  };
}
