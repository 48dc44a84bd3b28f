/**
 * The run's journal: the manifest, rewritten whole and durably (durable-file.ts) each time a
 * side effect has happened (an object complete, a job created), and before the side effect
 * that depends on it starts. A run killed at any moment leaves a manifest that lists every
 * object it completed and every job it created, up to the last one being written.
 *
 * Writes are grouped, as a database groups commits: while one write is on its way, every
 * record asked for meanwhile waits for the next write, which carries them all. Files that
 * finish together cost one write, not one each.
 */
import { writeDurably, type FileContent, type WriteError } from './durable-file.js';

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

export class Journal {
  private writing = false;
  private next: Waiter | undefined;
  private failure: WriteError | undefined;
  /** Writes made so far (the first one included). */
  writes = 0;

  /**
   * @param file where the manifest goes.
   * @param snapshot the manifest's content as of now; called when a write starts.
   */
  constructor(
    readonly file: string,
    private readonly snapshot: () => FileContent,
  ) {}

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

  private start(): void {
    const batch = this.next;
    if (!batch) return;
    this.next = undefined;
    if (this.failure) {
      batch.reject(this.failure);
      return;
    }
    this.writing = true;
    const content = this.snapshot();
    writeDurably(this.file, content).then(
      () => {
        this.writes += 1;
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
}

/** What the manifest of a file takes, besides its job's request: path, key, URI, settings. */
const BYTES_PER_FILE = 1536;

/**
 * Free space the manifest needs, at its largest, for `files` files and one job request of
 * `requestBytes` each: twice its size, as the previous copy stays until the new one replaces it.
 */
export function manifestRoom(files: number, requestBytes: number): number {
  return 2 * (4096 + files * (BYTES_PER_FILE + requestBytes));
}
