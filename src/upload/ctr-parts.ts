/**
 * AES_CTR parts that no buffer holds while they are on the wire. One pass reads the file in
 * order, hashes it (the caller's plaintext stream) and encrypts it only to learn each part's
 * CRC32, which must travel in the part's header. The part's bytes are then made again when
 * its request is sent, from the file at the part's offset and the keystream at that counter
 * (crypto/ctr-at.ts), once per attempt: a part in flight costs a read buffer and a slice of
 * ciphertext, not the whole part, so parts in flight are no longer bounded by buffers.
 *
 * What the second read finds must be what the first found. A part whose bytes differ (the
 * file was written meanwhile) no longer matches the CRC32 in its header, and S3 refuses it
 * (BadDigest; upload/multipart.ts says the file changed); a part that ends early fails before
 * its last byte is sent. Either way S3 never stores it.
 */
import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { encrypt, TRANSIENT_UPDATE_BYTES } from '../crypto/cipher.js';
import { ctrCipherAt } from '../crypto/ctr-at.js';
import { chunkStream, ReopenableBody } from '../aws/reopenable-body.js';
import { REREAD_CHUNK_BYTES } from '../inputs/sizing.js';
import { crc32 } from './checksum.js';

/** A part made again for each attempt: its length and the CRC32 of its ciphertext. */
export interface PlannedPart {
  body: ReopenableBody;
  length: number;
  crc: number;
}

export interface CtrPlan {
  /** The open file the parts are read from again; the caller closes it after the upload. */
  handle: FileHandle;
  key: Uint8Array;
  iv: Uint8Array;
  partBytes: number;
}

/**
 * Plans the parts of `plaintext` (the file's bytes in order, read through `plan.handle`'s
 * file): yields each part once its CRC32 is known, and asks for more of the file only when the
 * upload asks for the next part. `close()` stops every later attempt from reading the file or
 * using the key (call it before the key is zeroed).
 */
export function planCtrParts(
  plaintext: AsyncIterable<Uint8Array>,
  plan: CtrPlan,
): { parts: AsyncGenerator<PlannedPart>; close: () => void } {
  if (!crc32) throw new Error('parts made again need zlib.crc32 (Node 20.15 or later)');
  const state = { open: true };
  return {
    parts: planned(plaintext, plan, crc32, state),
    close: () => {
      state.open = false;
    },
  };
}

type Crc32 = (data: Uint8Array, value?: number) => number;

async function* planned(
  plaintext: AsyncIterable<Uint8Array>,
  plan: CtrPlan,
  crc: Crc32,
  state: { open: boolean },
): AsyncGenerator<PlannedPart> {
  const cipher = { mode: 'AES_CTR', key: plan.key, iv: plan.iv } as const;
  const ciphertext = encrypt(plaintext, cipher, { transient: true });
  let offset = 0;
  let length = 0;
  let sum = 0;
  const part = (): PlannedPart => {
    const at = offset;
    const made = { length, crc: sum };
    const open = (): Readable => {
      if (!state.open) throw new Error('the upload of this file has ended');
      return chunkStream(partBytes(plan, at, made.length));
    };
    return { body: new ReopenableBody(length, open), ...made };
  };
  for await (const chunk of ciphertext) {
    for (let from = 0; from < chunk.length;) {
      const piece = chunk.subarray(from, from + plan.partBytes - length);
      sum = crc(piece, sum);
      length += piece.length;
      from += piece.length;
      if (length === plan.partBytes) {
        yield part();
        offset += length;
        length = 0;
        sum = 0;
      }
    }
  }
  if (length > 0 || offset === 0) yield part();
}

/**
 * One attempt's bytes of the part at `offset`: read again and encrypted from that offset's
 * counter. Each output is a fresh buffer of at most TRANSIENT_UPDATE_BYTES, which the body's
 * stream frees once the socket has taken it (glibc keeps such sizes on its heap for reuse).
 */
async function* partBytes(plan: CtrPlan, offset: number, length: number): AsyncGenerator<Buffer> {
  const cipher = ctrCipherAt(plan.key, plan.iv, offset);
  const buffer = Buffer.allocUnsafe(Math.min(REREAD_CHUNK_BYTES, Math.max(1, length)));
  for (let done = 0; done < length;) {
    const want = Math.min(buffer.length, length - done);
    const { bytesRead } = await plan.handle.read(buffer, 0, want, offset + done);
    if (bytesRead === 0) {
      throw new Error(`file changed while being read: it ends at byte ${offset + done} now`);
    }
    for (let at = 0; at < bytesRead; at += TRANSIENT_UPDATE_BYTES) {
      yield cipher.update(buffer.subarray(at, Math.min(at + TRANSIENT_UPDATE_BYTES, bytesRead)));
    }
    done += bytesRead;
  }
}
