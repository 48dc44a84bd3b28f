/**
 * Replacing an object's user metadata without sending its bytes: a copy of the object onto
 * itself (MetadataDirective REPLACE), or for objects over CopyObject's 5 GB a multipart upload
 * whose parts are UploadPartCopy ranges of the object itself. S3 copies inside S3; not one
 * byte of ciphertext passes through this process.
 *
 * What a copy does not carry over by itself is passed again from HeadObject: the content
 * headers, server-side encryption and storage class (and, for a multipart copy, the tags).
 * Every request names the ETag read before, so a concurrent writer's object is never
 * overwritten: the copy fails with 412 instead.
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  UploadPartCopyCommand,
  type CompletedPart,
  type S3Client,
} from '@aws-sdk/client-s3';
import { cleanupSignal } from '../aws/abort.js';
import { COPY_PART_BYTES, MAX_COPY_OBJECT_BYTES, partSizeFor } from '../inputs/sizing.js';
import { messageOf } from '../shared/errors.js';
import { mapPool } from '../shared/pool.js';
import type { StoredHead } from './stored-object.js';

export interface InPlaceCopy {
  s3: S3Client;
  bucket: string;
  key: string;
  object: StoredHead;
  /** The object's new user metadata, whole (REPLACE drops what is not here). */
  metadata: Record<string, string>;
  signal?: AbortSignal;
  /** Objects larger than this are copied part by part (tests lower it). */
  maxCopyObjectBytes?: number;
  /** Part size of a multipart copy (tests lower it). */
  copyPartBytes?: number;
}

/** Part copies at once: each is a request S3 serves inside S3, so a few keep it busy. */
const PART_COPIES_AT_ONCE = 4;

/** The object changed after it was read; it was left as the other writer made it. */
export class ConcurrentWriteError extends Error {
  override readonly name = 'ConcurrentWriteError';
}

/** `bucket/key` for x-amz-copy-source: the key URL-encoded, its slashes kept. */
export function copySource(bucket: string, key: string): string {
  return `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/** Copies the object onto itself; says how, in words for its result line. */
export async function copyInPlace(copy: InPlaceCopy): Promise<string> {
  const limit = copy.maxCopyObjectBytes ?? MAX_COPY_OBJECT_BYTES;
  try {
    if (copy.object.size > limit) return await multipartCopy(copy);
    try {
      await copyObject(copy);
      return 'by CopyObject';
    } catch (error) {
      // A store whose copy limit is lower than S3's says so as S3 would: copy by parts then.
      if (!isOverCopyLimit(error)) throw error;
      return await multipartCopy(copy);
    }
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 412 || status === 409) {
      throw new ConcurrentWriteError(
        `the object changed after it was read (${messageOf(error)}); it was left as it is now: run again to re-wrap what is there`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** S3's answer to a CopyObject whose source is over its limit (5 GB on S3). */
function isOverCopyLimit(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'InvalidRequest' &&
    /larger than the maximum allowable size for a copy source/.test(error.message)
  );
}

/** The headers and settings a copy keeps only when they are sent again. */
function kept(object: StoredHead) {
  const { head } = object;
  return {
    ...(head.ContentType ? { ContentType: head.ContentType } : {}),
    ...(head.CacheControl ? { CacheControl: head.CacheControl } : {}),
    ...(head.ContentDisposition ? { ContentDisposition: head.ContentDisposition } : {}),
    ...(head.ContentEncoding ? { ContentEncoding: head.ContentEncoding } : {}),
    ...(head.ContentLanguage ? { ContentLanguage: head.ContentLanguage } : {}),
    ...(head.Expires ? { Expires: head.Expires } : {}),
    ...(head.WebsiteRedirectLocation
      ? { WebsiteRedirectLocation: head.WebsiteRedirectLocation }
      : {}),
    ...(head.ServerSideEncryption ? { ServerSideEncryption: head.ServerSideEncryption } : {}),
    ...(head.SSEKMSKeyId ? { SSEKMSKeyId: head.SSEKMSKeyId } : {}),
    ...(head.BucketKeyEnabled !== undefined ? { BucketKeyEnabled: head.BucketKeyEnabled } : {}),
    ...(head.StorageClass ? { StorageClass: head.StorageClass } : {}),
  };
}

async function copyObject(copy: InPlaceCopy): Promise<void> {
  await copy.s3.send(
    new CopyObjectCommand({
      Bucket: copy.bucket,
      Key: copy.key,
      CopySource: copySource(copy.bucket, copy.key),
      ...(copy.object.etag ? { CopySourceIfMatch: copy.object.etag } : {}),
      MetadataDirective: 'REPLACE',
      Metadata: copy.metadata,
      // Tags are copied with the object (TaggingDirective COPY, the default).
      ...kept(copy.object),
    }),
    copy.signal ? { abortSignal: copy.signal } : {},
  );
}

/**
 * The object's tags as a query string, for the multipart copy to set again (CopyObject copies
 * them by itself). Whether there are any is asked of a one-byte GET (x-amz-tagging-count,
 * s3:GetObject only); only then are they read, which needs s3:GetObjectTagging.
 */
async function tagsOf(copy: InPlaceCopy, options: { abortSignal?: AbortSignal }): Promise<string> {
  const { bucket: Bucket, key: Key, object } = copy;
  const probe = await copy.s3.send(
    new GetObjectCommand({
      Bucket,
      Key,
      Range: 'bytes=0-0',
      ...(object.etag ? { IfMatch: object.etag } : {}),
    }),
    options,
  );
  await probe.Body?.transformToByteArray();
  if (!probe.TagCount) return '';
  const tags = await copy.s3.send(new GetObjectTaggingCommand({ Bucket, Key }), options);
  return new URLSearchParams(
    (tags.TagSet ?? []).map((t): [string, string] => [t.Key ?? '', t.Value ?? '']),
  ).toString();
}

/**
 * CreateMultipartUpload with the new metadata, UploadPartCopy of every range of the object
 * as it was read, then CompleteMultipartUpload only if the object is still that one. The
 * object stays as it was until the completion; a failure aborts the upload.
 */
async function multipartCopy(copy: InPlaceCopy): Promise<string> {
  const options = copy.signal ? { abortSignal: copy.signal } : {};
  const { bucket: Bucket, key: Key, object } = copy;
  const tagging = await tagsOf(copy, options);
  const created = await copy.s3.send(
    new CreateMultipartUploadCommand({
      Bucket,
      Key,
      Metadata: copy.metadata,
      ...kept(object),
      ...(tagging === '' ? {} : { Tagging: tagging }),
    }),
    options,
  );
  const UploadId = created.UploadId;
  if (!UploadId) throw new Error('CreateMultipartUpload returned no UploadId');
  try {
    const partBytes = partSizeFor(object.size, copy.copyPartBytes ?? COPY_PART_BYTES);
    const count = Math.ceil(object.size / partBytes);
    const numbers = Array.from({ length: count }, (_, i) => i + 1);
    const copied = await mapPool(
      numbers,
      PART_COPIES_AT_ONCE,
      async (PartNumber): Promise<CompletedPart> => {
        const start = (PartNumber - 1) * partBytes;
        const end = Math.min(object.size, start + partBytes) - 1;
        const out = await copy.s3.send(
          new UploadPartCopyCommand({
            Bucket,
            Key,
            UploadId,
            PartNumber,
            CopySource: copySource(Bucket, Key),
            CopySourceRange: `bytes=${start}-${end}`,
            ...(object.etag ? { CopySourceIfMatch: object.etag } : {}),
          }),
          options,
        );
        const ETag = out.CopyPartResult?.ETag;
        if (!ETag) throw new Error(`UploadPartCopy ${PartNumber} returned no ETag`);
        return { PartNumber, ETag };
      },
      true,
    );
    const parts: CompletedPart[] = [];
    for (const outcome of copied) {
      if (!outcome) throw new Error('a part copy was not started after another failed');
      if (!outcome.ok) throw outcome.error;
      parts.push(outcome.value);
    }
    await copy.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key,
        UploadId,
        MultipartUpload: { Parts: parts },
        // Only if the object is still the one read: else a concurrent write would be lost.
        ...(object.etag ? { IfMatch: object.etag } : {}),
      }),
      options,
    );
    return `by a multipart copy of ${count} part(s)`;
  } catch (error) {
    const deadline = cleanupSignal(copy.signal);
    try {
      await copy.s3.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }), {
        abortSignal: deadline.signal,
      });
    } catch {
      // The failure that matters is the copy's; a lifecycle rule removes what is left.
    } finally {
      deadline.dispose();
    }
    throw error;
  }
}
