/**
 * A request body that is made anew for every attempt, instead of one held in memory for as
 * long as the request may be retried. The SDK passes it through untouched: its length is
 * known (`byteLength`, and the request carries a Content-Length), its checksum travels in a
 * header, and over https the payload is not hashed for the signature (clients.ts). The request
 * handler opens it once per attempt (paced-body.ts), so a retry sends a fresh stream of the
 * same bytes.
 */
import type { Readable } from 'node:stream';

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
