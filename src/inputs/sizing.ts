/**
 * Every size and window of the upload, each once beside its default: part sizes, the memory
 * budget and what a file needs of it, file concurrency and parts in flight. The input rules,
 * the budget, the uploader and the pipeline all read them here. Pure; no I/O.
 */
import { MIB } from '../shared/units.js';

/** S3's smallest part (except the last), in MiB: the lowest `part-size-mib`. */
export const MIN_PART_MIB = 5;
/** S3's largest part, in MiB: the highest `part-size-mib`. */
export const MAX_PART_MIB = 5120;
/** The lowest `max-memory-mib`: room for a few parts of the smallest size. */
export const MIN_BUDGET_MIB = 16;
/** The highest `max-memory-mib`. */
export const MAX_BUDGET_MIB = 65536;

/** S3's limit on parts per upload; partSizeFor() picks a part size that stays under it. */
export const MAX_PARTS = 10_000;

/** The least a file needs to make progress: the part being filled and one in flight. */
export const MIN_PARTS_PER_FILE = 2;

/**
 * Bytes per read (and so per AES update) when files run under a budget. Each chunk's
 * ciphertext is a fresh allocation left to the garbage collector; at 1 MiB those landed in
 * malloc's heap between longer-lived buffers and fragmented it: 8 x 256 MiB at concurrency 8
 * peaked at 227 MiB RSS with 1 MiB reads, against 189 MiB with malloc's mmap threshold
 * pinned. Smaller chunks reuse the same free blocks.
 */
export const READ_CHUNK_BYTES = 256 * 1024;

/** Buffers a file holds besides its parts: two reads ahead, the chunk and its ciphertext. */
const STREAM_CHUNKS = 4;

/** What a file of `bytes` holds outside its part buffers while it is read and encrypted. */
export function streamBytesFor(bytes: number): number {
  return STREAM_CHUNKS * Math.max(1, Math.min(READ_CHUNK_BYTES, bytes));
}

/** The largest stream reservation of any file. */
export const MAX_STREAM_BYTES = streamBytesFor(Infinity);

/**
 * The rule every part of the tool sizes by: a file needs its minimum parts of `partBytes`
 * plus its read and cipher buffers. The budget must hold at least this for one file.
 */
export function minBudgetFor(partBytes: number, fileBytes: number = Infinity): number {
  return MIN_PARTS_PER_FILE * partBytes + streamBytesFor(fileBytes);
}

/** The largest whole-MiB part size that minBudgetFor() fits into `budgetBytes`. */
export function largestPartFor(budgetBytes: number): number {
  return Math.floor((budgetBytes - MAX_STREAM_BYTES) / MIN_PARTS_PER_FILE / MIB) * MIB;
}

/**
 * The configured part size, or a larger one (whole MiB) when `bytes` would not fit in
 * MAX_PARTS parts of it.
 */
export function partSizeFor(bytes: number, configured: number): number {
  const needed = Math.ceil(bytes / MAX_PARTS / MIB) * MIB;
  return Math.max(configured, needed);
}

/**
 * Part buffers of an upload run without a shared budget: the part being filled and two in
 * flight, as before the budget existed.
 */
export const DEFAULT_PARTS = 3;

/**
 * The fewest parts in flight an upload starts with. It starts at its share of the budget
 * when that is more: on a link of 40 ms round trip capped at 8 MiB/s per connection, growing
 * from 4 to the share (11 at the defaults) by doubling cost about half a second of a 256 MiB
 * upload, and the share's buffers are inside the budget either way.
 */
export const INITIAL_IN_FLIGHT = 4;

/**
 * Parts in flight for the whole run (`parts-in-flight`), shared by the uploads of the run. A
 * part made again at send time (AES_CTR over https, upload/ctr-parts.ts) holds no part buffer,
 * so memory does not bound those; the number of connections does. On a link of 8 MiB/s per
 * connection each one adds 8 MiB/s: 20 against `aws s3 cp`'s 10 and rclone's 4 (or 16 tuned).
 */
export const DEFAULT_PARTS_IN_FLIGHT = 20;
/** The highest `parts-in-flight`: each part is a connection, and the S3 client opens 50 per host. */
export const MAX_PARTS_IN_FLIGHT = 50;

/**
 * The part size for parts made again (no buffer holds them, so their size costs no memory):
 * `partBytes`, or larger, so that the parts fill whole rounds of `window` parts in flight. A
 * last round of a few parts would leave the other slots idle while it runs (256 MiB in 5 MiB
 * parts at 20 in flight: rounds of 20, 20 and 12; in 6.4 MiB parts, two of 20). A multiple of
 * 16 bytes, where AES-CTR can start; never smaller than `partBytes`.
 */
export function wholeRoundsPartSize(bytes: number, partBytes: number, window: number): number {
  const full = Math.floor(bytes / partBytes);
  if (window < 2 || full < window) return partBytes;
  const parts = Math.floor(full / window) * window;
  return Math.max(partBytes, Math.ceil(bytes / parts / 16) * 16);
}

/** Bytes per read of a part made again (encrypted and written 64 KiB at a time). */
export const REREAD_CHUNK_BYTES = 256 * 1024;

/**
 * What a part made again holds while it is in flight, leased from the budget: its read buffer,
 * the 64 KiB chunks of ciphertext written ahead to the socket, and room for what TLS holds.
 */
export const REREAD_PART_BYTES = 4 * REREAD_CHUNK_BYTES;

/** How much faster a window epoch must be than the one before for the window to keep doubling. */
export const WINDOW_RISE = 1.15;

/** Where the first part's buffer starts: a 64 KiB file needs no 16 MiB buffer. */
export const FIRST_BUFFER_BYTES = 64 * 1024;

/** File concurrency for `concurrency: auto`, and the highest `concurrency`. */
export const AUTO_CONCURRENCY = { min: 4, max: 64 } as const;

/**
 * How many files to process at once when the user left it to us: as many as the budget holds
 * two parts (one filling, one in flight) of the median file, so a batch of small files is not
 * bound by round trips while large files keep parts in flight. `sizes` are ciphertext lengths.
 */
export function autoConcurrency(
  sizes: readonly number[],
  partBytes: number,
  budgetBytes: number,
): number {
  if (sizes.length === 0) return AUTO_CONCURRENCY.min;
  const sorted = sizes.map((s) => Math.max(1, Math.min(s, partBytes))).sort((a, b) => a - b);
  const typical = sorted[Math.floor(sorted.length / 2)]!;
  const fits = Math.floor(budgetBytes / minBudgetFor(typical, typical));
  return Math.min(AUTO_CONCURRENCY.max, Math.max(AUTO_CONCURRENCY.min, fits));
}

export function formatMiB(bytes: number): string {
  const mib = bytes / MIB;
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}

/**
 * Bytes per ranged GET when objects are read back (verify, decrypt), as `aws s3 cp` reads:
 * each range is one leased buffer of the budget, so a reset connection costs one range.
 */
export const RANGE_BYTES = 8 * MIB;

/** Ranges of one object in flight at once, at most (and never more than its budget share). */
export const MAX_RANGES_IN_FLIGHT = 8;

/** The range size for a budget: RANGE_BYTES, or less so that two ranges fit beside the streams. */
export function rangeBytesFor(budgetBytes: number): number {
  return Math.min(RANGE_BYTES, largestPartFor(budgetBytes));
}

/** S3's limit for one CopyObject: larger objects are copied part by part (UploadPartCopy). */
export const MAX_COPY_OBJECT_BYTES = 5 * 1024 * MIB;

/** Part size of a multipart copy (raised by partSizeFor() past 10,000 parts); no buffer holds it. */
export const COPY_PART_BYTES = 512 * MIB;
