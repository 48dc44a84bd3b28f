import { Readable } from 'node:stream';
import type { S3Client, PutObjectCommandInput } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { ServerSideEncryption } from './config.js';

export interface UploadRequest {
  s3: S3Client;
  bucket: string;
  key: string;
  body: AsyncIterable<Uint8Array>;
  contentType: string;
  metadata: Record<string, string>;
  partSizeBytes: number;
  sse?: ServerSideEncryption;
  /** Aborting stops reading the body; the multipart upload is then aborted before we return. */
  signal?: AbortSignal;
  onProgress?: (uploadedBytes: number) => void;
}

/** Parts in flight per file; more parts than this sit in memory only as the part being filled. */
const QUEUE_SIZE = 4;

/**
 * Streams `body` to S3: a single PutObject when it fits one part, else a multipart upload.
 * On any failure (body, network, abort signal) the multipart upload is aborted before the
 * returned promise rejects, so no half-finished upload is left behind.
 */
export async function uploadStream(request: UploadRequest): Promise<{ etag?: string }> {
  const params: PutObjectCommandInput = {
    Bucket: request.bucket,
    Key: request.key,
    Body: Readable.from(stopOnAbort(request.body, request.signal), { objectMode: false }),
    ContentType: request.contentType,
    Metadata: request.metadata,
  };
  if (request.sse) {
    params.ServerSideEncryption = request.sse.type;
    if (request.sse.type === 'aws:kms' && request.sse.kmsKeyId) {
      params.SSEKMSKeyId = request.sse.kmsKeyId;
    }
  }
  const upload = new Upload({
    client: request.s3,
    params,
    partSize: request.partSizeBytes,
    queueSize: QUEUE_SIZE,
    leavePartsOnError: false,
  });
  if (request.onProgress) {
    const report = request.onProgress;
    upload.on('httpUploadProgress', (p) => report(p.loaded ?? 0));
  }
  const result = await upload.done();
  return result.ETag === undefined ? {} : { etag: result.ETag };
}

/**
 * Ends the body with an error once the signal fires. Letting the body fail (rather than
 * calling Upload.abort(), whose promise settles before the abort request is sent) makes
 * lib-storage wait for parts in flight and then send AbortMultipartUpload.
 */
async function* stopOnAbort(
  body: AsyncIterable<Uint8Array>,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    if (signal?.aborted) throw abortError(signal);
    yield chunk;
  }
  if (signal?.aborted) throw abortError(signal);
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error
    ? reason
    : Object.assign(new Error('upload aborted'), { name: 'AbortError' });
}
