/**
 * A request body that is made anew for every attempt, instead of one held in memory for as
 * long as the request may be retried. The SDK passes it through untouched: its length is
 * known (`byteLength`, and the request carries a Content-Length), its checksum travels in a
 * header, and over https the payload is not hashed for the signature (clients.ts). The request
 * handler opens it once per attempt (paced-body.ts), so a retry sends a fresh stream of the
 * same bytes.
 */
import { Readable, type Writable } from 'node:stream';
import { CAN_RELEASE, release } from '../shared/free-buffer.js';

export class ReopenableBody {
  readonly #open: () => Readable;

  /** `open` gives a stream of exactly `byteLength` bytes, or one that fails. */
  constructor(
    readonly byteLength: number,
    open: () => Readable,
  ) {
    this.#open = open;
  }

  open(): Readable {
    return this.#open();
  }
}

/** Chunks written and not yet taken by the socket, per body piped by chunkStream(). */
const OUTSTANDING_WRITES = 4;

/**
 * A stream of `chunks` (each a buffer nothing else holds) for a ReopenableBody. Piped into a
 * request, as the SDK's handler does, it writes each chunk itself and frees its memory as
 * soon as the socket has taken it (over TLS: encrypted it), with OUTSTANDING_WRITES chunks
 * written ahead; the garbage collector would otherwise find every byte of every part as
 * dead buffers (on Node 24, a fifth of the CPU of a 1 GiB upload). Read any other way, it is
 * a plain stream of the chunks. A chunk source that fails destroys the stream with its error;
 * a request that fails only stops the writing, and reports its own error.
 */
export function chunkStream(chunks: AsyncIterable<Buffer>): Readable {
  return new ChunkStream(chunks[Symbol.asyncIterator]());
}

class ChunkStream extends Readable {
  constructor(private readonly chunks: AsyncIterator<Buffer>) {
    super();
  }

  override _read(): void {
    this.chunks.next().then(
      ({ value, done }) => this.push(done === true ? null : value),
      (error: unknown) => this.destroy(error as Error),
    );
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T): T {
    void this.writeAll(destination as unknown as Writable);
    return destination;
  }

  private async writeAll(destination: Writable): Promise<void> {
    const pending = new Set<Promise<boolean>>();
    let failed = false;
    const write = (chunk: Buffer): void => {
      const written = new Promise<boolean>((resolve) => {
        destination.write(chunk, (error) => {
          if (error) failed = true;
          else if (CAN_RELEASE) release(chunk);
          resolve(!error);
        });
      });
      pending.add(written);
      void written.then(() => pending.delete(written));
    };
    try {
      for (;;) {
        const { value, done } = await this.chunks.next();
        if (done === true || failed || this.destroyed) break;
        write(value);
        while (pending.size >= OUTSTANDING_WRITES) await Promise.race(pending);
      }
      await Promise.all(pending);
      if (!failed && !this.destroyed) destination.end();
    } catch (error) {
      this.destroy(error as Error);
    }
  }
}
