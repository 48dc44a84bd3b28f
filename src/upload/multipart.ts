import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { messageOf } from '../shared/errors.js';
import { cleanupSignal } from '../aws/abort.js';
import { warmForParts } from '../aws/connection-warmup.js';
import { InFlightWindow, MemoryBudget } from './memory-budget.js';
import {
  DEFAULT_PARTS,
  FIRST_BUFFER_BYTES,
  INITIAL_IN_FLIGHT,
  MAX_PARTS,
  REREAD_PART_BYTES,
} from '../inputs/sizing.js';
import type { PlannedPart } from './ctr-parts.js';
import type { UploadRequest } from './upload-request.js';
import { findSentObject, mayHaveHappened } from './complete-check.js';
import { checksumOf, crc32 } from './checksum.js';
import { abortError, stopOnAbort, withMore } from './upload-errors.js';

export type { UploadOptions, UploadRequest } from './upload-request.js';

/**
 * Streams `body` to S3: a single PutObject when it fits one part, else a multipart upload;
 * or sends `parts`, made again per attempt (upload/ctr-parts.ts), as a multipart upload.
 * On any failure (body, network, abort signal) the multipart upload is aborted before the
 * returned promise rejects, so no half-finished upload is left behind.
 *
 * Every byte of a `body` is touched once here, while it is still in the CPU cache: it is copied into its
 * part and added to that part's CRC32. The CRC32 travels with the part (x-amz-checksum-crc32,
 * covered by the request signature) and S3 checks it, so the SDK has no pass of its own left
 * to make over the body (aws/clients.ts signs these bodies as UNSIGNED-PAYLOAD instead of hashing
 * them). @aws-sdk/lib-storage, used before, concatenated the body into parts and left the
 * checksum to the SDK, a second and cache-cold pass over every byte.
 */
export async function uploadStream(request: UploadRequest): Promise<{ etag?: string }> {
  const upload = new StreamingUpload(request);
  try {
    return await upload.run();
  } catch (failure) {
    // Once the step is canceled, requests fail as aborted: name the cancel, not its echo.
    const error = request.signal?.aborted ? abortError(request.signal) : failure;
    try {
      await upload.abort();
    } catch (abortFailure) {
      // Keep the real cause in front; say what is left behind and how it goes away.
      throw withMore(
        error,
        `AbortMultipartUpload also failed (${messageOf(abortFailure)}), so the incomplete upload of s3://${request.bucket}/${request.key} is left until an AbortIncompleteMultipartUpload lifecycle rule removes it`,
      );
    }
    // After a Complete that failed, say what the key holds: the upload itself is gone.
    if (upload.leftAtKey !== undefined) {
      throw withMore(error, `the upload's parts were aborted, and ${upload.leftAtKey}`);
    }
    throw error;
  } finally {
    upload.releaseBuffers();
  }
}

interface Part {
  buffer: Buffer;
  length: number;
  crc: number;
}

const isPlanned = (part: Part | PlannedPart): part is PlannedPart => 'body' in part;

/**
 * A part made again (upload/ctr-parts.ts) that S3 refused as BadDigest: its bytes are not the
 * ones whose CRC32 the first read found, so the file was written while being uploaded.
 */
function partChanged(error: unknown, partNumber: number): unknown {
  if ((error as Error).name !== 'BadDigest') return error;
  return new Error(
    `file changed while being read: part ${partNumber} differs from the first read (S3 refused it: BadDigest)`,
    { cause: error },
  );
}

class StreamingUpload {
  private readonly partSize: number;
  private readonly budget: MemoryBudget;
  private readonly window: InFlightWindow;
  /** Every buffer leased from the budget and not yet handed back. */
  private readonly held = new Set<Buffer>();
  private readonly leave: () => void;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly completed: CompletedPart[] = [];
  private uploadId: string | undefined;
  /** The metadata the object was created with, once its first request went out. */
  private sentMetadata: Record<string, string> = {};
  /** After a failed Complete: what the object's key holds, in words. */
  leftAtKey: string | undefined;
  private nextPartNumber = 1;
  private uploadedBytes = 0;
  /** The first failed request; no part starts after it. */
  private failure: { error: unknown } | undefined;

  constructor(private readonly request: UploadRequest) {
    this.partSize = request.partSizeBytes;
    this.budget = request.budget ?? new MemoryBudget(DEFAULT_PARTS * this.partSize);
    this.leave = this.budget.join();
    const now = request.now ?? (() => performance.now());
    const ceiling = request.parts
      ? () => this.budget.fairShare()
      : () => this.budget.fairInFlight(this.partSize);
    this.window = new InFlightWindow({
      now,
      start: Math.max(INITIAL_IN_FLIGHT, ceiling()),
      ceiling,
    });
  }

  /** Hands every buffer back to the budget; the upload is over (parts settled). */
  releaseBuffers(): void {
    for (const buffer of this.held) this.budget.give(buffer);
    this.held.clear();
    this.leave();
  }

  async run(): Promise<{ etag?: string }> {
    if (this.request.parts) {
      for await (const part of stopOnAbort(this.request.parts, this.request.signal)) {
        await this.sendPart(part);
      }
      return this.finish();
    }
    let filling: Part | undefined;
    /** A full part, held back until more bytes show that it is not the only one. */
    let full: Part | undefined;
    for await (const chunk of stopOnAbort(this.request.body!, this.request.signal)) {
      this.throwIfFailed(); // a part failed: stop reading
      for (let offset = 0; offset < chunk.length;) {
        if (full) {
          await this.sendPart(full);
          full = undefined;
        }
        filling ??= { buffer: await this.partBuffer(), length: 0, crc: 0 };
        if (filling.length === filling.buffer.length) filling.buffer = await this.grow(filling);
        const piece = chunk.subarray(offset, offset + filling.buffer.length - filling.length);
        filling.buffer.set(piece, filling.length);
        filling.length += piece.length;
        if (crc32) filling.crc = crc32(piece, filling.crc);
        offset += piece.length;
        if (filling.length === this.partSize) {
          full = filling;
          filling = undefined;
        }
      }
    }
    const last = full ?? filling ?? { buffer: Buffer.alloc(0), length: 0, crc: 0 };
    // The upload no longer fills parts: the buffers it keeps are the ones in flight.
    if (this.uploadId === undefined) return this.putObject(last);
    await this.sendPart(last);
    return this.finish();
  }

  /** Waits for the parts in flight, then completes the upload. */
  private async finish(): Promise<{ etag?: string }> {
    await Promise.all(this.inFlight);
    this.throwIfFailed();
    // The signal may fire after the last byte was read, while parts were still in flight.
    if (this.request.signal?.aborted) throw abortError(this.request.signal);
    this.completed.sort((a, b) => a.PartNumber! - b.PartNumber!);
    const { Bucket, Key } = this.target();
    let result: { ETag?: string | undefined };
    try {
      result = await this.request.s3.send(
        new CompleteMultipartUploadCommand({
          Bucket,
          Key,
          UploadId: this.uploadId,
          MultipartUpload: { Parts: this.completed },
        }),
      );
    } catch (error) {
      result = await this.completedAnyway(error, {
        bytes: this.uploadedBytes,
        checksums: this.completed.map((p) => p.ChecksumCRC32 ?? ''),
        multipart: true,
      });
    }
    this.uploadId = undefined;
    return result.ETag === undefined ? {} : { etag: result.ETag };
  }

  /**
   * A buffer for the next part, leased from the budget (waiting until it fits). The first one
   * is sized for the whole body when its length is known, else it starts small and grows as
   * bytes come, so that a small file costs a small buffer; after it, every buffer is a part.
   */
  private partBuffer(): Promise<Buffer> {
    if (this.nextPartNumber > 1) return this.lease(this.partSize);
    const expected = this.request.expectedBytes;
    const first = expected === undefined ? FIRST_BUFFER_BYTES : Math.max(expected, 1);
    return this.lease(Math.min(first, this.partSize));
  }

  private async grow(part: Part): Promise<Buffer> {
    const size = Math.min(Math.max(part.buffer.length * 2, FIRST_BUFFER_BYTES), this.partSize);
    const bigger = await this.lease(size);
    part.buffer.copy(bigger, 0, 0, part.length);
    this.giveBack(part.buffer);
    return bigger;
  }

  private async lease(bytes: number): Promise<Buffer> {
    const buffer = await this.budget.lease(bytes, this.request.signal);
    this.held.add(buffer);
    return buffer;
  }

  private giveBack(buffer: Buffer): void {
    if (this.held.delete(buffer)) this.budget.give(buffer);
  }

  /**
   * Waits for the parts in flight (a cancel has cut them off already), then aborts the
   * multipart upload if one was started: after a cancel, within the clean-up deadline.
   */
  async abort(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.uploadId === undefined) return;
    const { Bucket, Key } = this.target();
    const UploadId = this.uploadId;
    this.uploadId = undefined;
    const deadline = cleanupSignal(this.request.signal);
    try {
      await this.request.s3.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }), {
        abortSignal: deadline.signal,
      });
    } finally {
      deadline.dispose();
    }
  }

  private target(): { Bucket: string; Key: string } {
    return { Bucket: this.request.bucket, Key: this.request.key };
  }

  /** What PutObject and CreateMultipartUpload share: type, metadata, server-side encryption. */
  private objectParams() {
    const { sse } = this.request;
    return {
      ...this.target(),
      ContentType: this.request.contentType,
      Metadata: (this.sentMetadata =
        typeof this.request.metadata === 'function'
          ? this.request.metadata()
          : this.request.metadata),
      ...(sse ? { ServerSideEncryption: sse.type } : {}),
      ...(sse?.type === 'aws:kms' && sse.kmsKeyId ? { SSEKMSKeyId: sse.kmsKeyId } : {}),
    };
  }

  private async putObject(part: Part): Promise<{ etag?: string }> {
    const command = new PutObjectCommand({
      ...this.objectParams(),
      Body: part.buffer.subarray(0, part.length),
      ...checksumOf(part.crc),
    });
    const sent = { bytes: part.length, checksums: [checksumOf(part.crc).ChecksumCRC32 ?? ''] };
    const result = await this.request.s3
      .send(command)
      .catch((error: unknown) => this.completedAnyway(error, { ...sent, multipart: false }));
    this.request.onProgress?.(part.length);
    return result.ETag === undefined ? {} : { etag: result.ETag };
  }

  /**
   * Starts one UploadPart once a slot of the in-flight window is free; creates the upload
   * first. The part's buffer goes back to the budget when the request has settled.
   */
  private async sendPart(part: Part | PlannedPart): Promise<void> {
    this.throwIfFailed();
    if (this.uploadId === undefined) await this.createUpload();
    let waited = false;
    while (this.inFlight.size >= this.window.limit) {
      waited = true;
      await Promise.race(this.inFlight);
    }
    this.throwIfFailed();
    this.window.sending(waited);
    const PartNumber = this.nextPartNumber++;
    if (PartNumber > MAX_PARTS) {
      throw new Error(
        `more than ${MAX_PARTS} parts of ${this.partSize} bytes: use a larger part size`,
      );
    }
    // A part made again holds a read buffer and ciphertext slices while in flight.
    const planned = isPlanned(part);
    const release = planned && (await this.budget.reserve(REREAD_PART_BYTES, this.request.signal));
    if (this.failure && release) release();
    this.throwIfFailed();
    const checksum = checksumOf(part.crc);
    const command = new UploadPartCommand({
      ...this.target(),
      UploadId: this.uploadId,
      PartNumber,
      ...(planned
        ? // The SDK passes it through to the request handler, which opens it per attempt.
          { Body: part.body as unknown as Readable, ContentLength: part.length }
        : { Body: part.buffer.subarray(0, part.length) }),
      ...checksum,
    });
    const sent: Promise<void> = this.request.s3
      .send(command)
      .then((result) => {
        if (!result.ETag) throw new Error(`UploadPart ${PartNumber} returned no ETag`);
        this.completed.push({
          PartNumber,
          ETag: result.ETag,
          // The CRC32 computed here, not S3's echo: Complete then checks S3 kept these bytes.
          ...(checksum.ChecksumCRC32 ? { ChecksumCRC32: checksum.ChecksumCRC32 } : {}),
        });
        this.uploadedBytes += part.length;
        this.window.completed(part.length);
        this.request.onProgress?.(this.uploadedBytes);
      })
      .catch((error: unknown) => {
        this.failure ??= { error: planned ? partChanged(error, PartNumber) : error };
      })
      .finally(() => {
        this.inFlight.delete(sent);
        if (release) release();
        else if (!planned) this.giveBack(part.buffer);
      });
    this.inFlight.add(sent);
  }

  /** Sends CreateMultipartUpload; the first part waits for it. */
  private async createUpload(): Promise<void> {
    // The first round's parts get their connections while the Create is on its way.
    const expected = this.request.expectedBytes;
    const parts = expected === undefined ? Infinity : Math.ceil(expected / this.partSize);
    warmForParts(this.request.s3, Math.min(this.window.limit, parts) - 1);
    const created = await this.request.s3.send(
      new CreateMultipartUploadCommand({
        ...this.objectParams(),
        // Every part will carry a CRC32; S3 then also keeps one for the whole object.
        ...(crc32 ? { ChecksumAlgorithm: 'CRC32' } : {}),
      }),
    );
    if (!created.UploadId) throw new Error('CreateMultipartUpload returned no UploadId');
    this.uploadId = created.UploadId;
  }

  /**
   * The last request failed after S3 may have carried it out (a reset after it assembled the
   * object, then a retry it answers NoSuchUpload): the object at the key is looked at, and if
   * it is this upload's the file is done. Otherwise the failure stands, saying what is there.
   */
  private async completedAnyway(
    error: unknown,
    sent: { bytes: number; checksums: string[]; multipart: boolean },
  ): Promise<{ ETag?: string }> {
    if (this.request.signal?.aborted || !mayHaveHappened(error)) throw error;
    const finding = await findSentObject(
      this.request.s3,
      {
        ...sent,
        bucket: this.request.bucket,
        key: this.request.key,
        metadata: this.sentMetadata,
        checksums: sent.checksums.filter((c) => c !== ''),
      },
      this.request.signal,
    );
    if (finding.ours) {
      this.uploadId = undefined;
      return finding.etag === undefined ? {} : { ETag: finding.etag };
    }
    if (!sent.multipart) {
      throw withMore(error, finding.found);
    }
    this.leftAtKey = finding.found;
    throw error;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
