/** What one upload is asked to do (upload/multipart.ts): where, what, and within which budget. */
import type { S3Client } from '@aws-sdk/client-s3';
import type { ServerSideEncryption } from '../inputs/config.js';
import type { PlannedPart } from './ctr-parts.js';
import type { MemoryBudget } from './memory-budget.js';

export interface UploadOptions {
  s3: S3Client;
  bucket: string;
  key: string;
  contentType: string;
  /**
   * The object's user metadata: a function is called when the first request that carries it
   * is sent (PutObject after the whole body was read, or CreateMultipartUpload), so that it
   * may hold what the body's reading found out by then.
   */
  metadata: Record<string, string> | (() => Record<string, string>);
  partSizeBytes: number;
  sse?: ServerSideEncryption;
  /**
   * The step's cancel. Aborting stops reading the body; the multipart upload is then aborted
   * before we return. The S3 client's requests carry it too (aws/abort.ts, abortWith).
   */
  signal?: AbortSignal;
  onProgress?: (uploadedBytes: number) => void;
  /**
   * Where every part buffer comes from, shared by every file of the run. Without one, the
   * upload gets a budget of its own of DEFAULT_PARTS parts.
   */
  budget?: MemoryBudget;
  /** Bytes the body will yield, when known: the first buffer is then sized to fit it. */
  expectedBytes?: number;
  /** Milliseconds, for the in-flight window's throughput epochs (default: performance.now). */
  now?: () => number;
}

/**
 * What is uploaded: a body, copied into part buffers, or parts made again for every attempt
 * (upload/ctr-parts.ts), always sent as a multipart upload and bounded by connections, not
 * by buffers.
 */
export type UploadRequest = UploadOptions &
  (
    | { body: AsyncIterable<Uint8Array>; parts?: never }
    | { parts: AsyncIterable<PlannedPart>; body?: never }
  );
