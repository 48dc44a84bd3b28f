/**
 * The run's journal: the manifest and its log (manifest-log.ts), written durably each time a
 * side effect has happened (an object complete, a job created), and before the side effect
 * that depends on it starts. A run killed at any moment leaves a manifest that, with its log
 * folded in, lists every object it completed and every job it created, up to the last one
 * being written.
 *
 * Writes are grouped, as a database groups commits: while one write is on its way, every
 * record asked for meanwhile waits for the next write, which carries them all. Files that
 * finish together cost one write, not one each. A write appends what changed to the log, or
 * writes the manifest whole (a checkpoint) when the log would outgrow it: so each entry is
 * written a few times in all, whatever the batch, instead of once per write.
 */
import { randomBytes } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { syncFolder, writeDurably, WriteError, type FileContent } from './durable-file.js';
import { logPathOf, type LogChanges, type LogMark } from './manifest-log.js';

interface Waiter {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function waiter(): Waiter {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A commit nobody awaits must not end the process as an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * What the journal writes: the whole manifest (with a mark, while the run goes on), and what
 * changed since the last write. A source without `changes` is always written whole.
 */
export interface JournalSource {
  whole(mark?: LogMark): FileContent;
  changes?(): LogChanges;
}

/** The log may grow to this before a checkpoint, however small the manifest. */
const MIN_LOG_BYTES = 64 * 1024;

export class Journal {
  private writing = false;
  private next: Waiter | undefined;
  private failure: WriteError | undefined;
  private readonly source: JournalSource;
  /** The log's lines carry it: a log left by another run or attempt is never folded in. */
  private readonly id = randomBytes(6).toString('hex');
  /** The number of the last write (checkpoint or record), as its mark or its line carries it. */
  private seq = 0;
  private checkpointBytes = -1;
  private logBytes = 0;
  private log: FileHandle | undefined;
  private finishing = false;
  /** Writes made so far (the first one included). */
  writes = 0;

  /**
   * @param file where the manifest goes; its log goes beside it (`FILE.log`).
   * @param source the manifest's content as of now, read when a write starts (a function:
   *   the whole content, written whole each time).
   */
  constructor(
    readonly file: string,
    source: JournalSource | (() => FileContent),
  ) {
    this.source = typeof source === 'function' ? { whole: source } : source;
  }

  /** The first failed write, once there is one: no write is attempted after it. */
  get broken(): WriteError | undefined {
    return this.failure;
  }

  /**
   * Resolves once the state as of this call is on disk (a later write may carry it); rejects
   * with the WriteError that stopped the journal.
   */
  commit(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    this.next ??= waiter();
    const { promise } = this.next;
    if (!this.writing) this.start();
    return promise;
  }

  /**
   * The run's last write: the manifest whole and without a mark, so that it stands alone, then
   * the log is removed. Every write after it is whole too.
   */
  finish(): Promise<void> {
    this.finishing = true;
    return this.commit();
  }

  private start(): void {
    const batch = this.next;
    if (!batch) return;
    this.next = undefined;
    if (this.failure) {
      batch.reject(this.failure);
      return;
    }
    this.writing = true;
    this.write().then(
      (wrote) => {
        if (wrote) this.writes += 1;
        this.writing = false;
        batch.resolve();
        this.start();
      },
      (error: WriteError) => {
        this.failure = error;
        this.writing = false;
        batch.reject(error);
        this.start();
      },
    );
  }

  /**
   * One write: the state as of now, as a record of the log or as a checkpoint. False when
   * nothing changed since the last write began (it has ended: the state is on disk).
   */
  private async write(): Promise<boolean> {
    // Read every time, so that the next record holds only what changed after this write.
    const changes = this.source.changes?.();
    const appendable = changes !== undefined && !this.finishing && this.checkpointBytes >= 0;
    if (appendable && Object.keys(changes).length === 0) return false;
    this.seq += 1;
    if (appendable) {
      const line = `${JSON.stringify({ id: this.id, seq: this.seq, ...changes })}\n`;
      const bytes = Buffer.byteLength(line);
      if (this.logBytes + bytes <= Math.max(MIN_LOG_BYTES, this.checkpointBytes)) {
        await this.append(line);
        this.logBytes += bytes;
        return true;
      }
    }
    await this.checkpoint(Boolean(changes) && !this.finishing);
    return true;
  }

  /** The manifest whole (with the mark when a log may follow), then the log emptied. */
  private async checkpoint(marked: boolean): Promise<void> {
    const content = this.source.whole(marked ? { id: this.id, seq: this.seq } : undefined);
    await writeDurably(this.file, content);
    this.checkpointBytes =
      typeof content === 'string'
        ? Buffer.byteLength(content)
        : content.reduce((sum, piece) => sum + piece.byteLength, 0);
    this.logBytes = 0;
    const logFile = logPathOf(this.file);
    try {
      if (marked && this.log) {
        // Records up to here are in the manifest: a reader skips them if they stay.
        await this.log.truncate(0);
        await this.log.datasync();
      } else if (!marked || this.writes === 0) {
        // The last write, or the first one: a log beside the manifest is left over (this
        // run's, or an earlier run's, whose id differs); the manifest stands without it.
        await this.log?.close();
        this.log = undefined;
        await rm(logFile, { force: true });
      }
    } catch (error) {
      throw new WriteError(logFile, error);
    }
  }

  /** Appends one record to the log and flushes it; the first one creates the log. */
  private async append(line: string): Promise<void> {
    const logFile = logPathOf(this.file);
    try {
      if (!this.log) {
        this.log = await open(logFile, 'a', 0o644);
        // The new file's name must survive a crash as well as its content.
        await syncFolder(path.dirname(logFile));
      }
      await this.log.write(line);
      await this.log.datasync();
    } catch (error) {
      throw new WriteError(logFile, error);
    }
  }
}

/** What the manifest of a file takes, besides its job's request: path, key, URI, settings. */
const BYTES_PER_FILE = 1536;

/**
 * Free space the manifest needs, at its largest, for `files` files and one job request of
 * `requestBytes` each: three times its size, as the previous copy stays until the new one
 * replaces it, and the log grows to the manifest's size before a checkpoint.
 */
export function manifestRoom(files: number, requestBytes: number): number {
  return 3 * (4096 + files * (BYTES_PER_FILE + requestBytes));
}
