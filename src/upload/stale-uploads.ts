/**
 * Resume: the incomplete multipart uploads an earlier attempt left (a kill leaves the upload
 * in flight, and its parts are billed until aborted). Those at the keys of this run's files,
 * under the destination prefix, are aborted before this attempt starts an upload of its own:
 * whatever is there then was started before it.
 */
import {
  AbortMultipartUploadCommand,
  ListMultipartUploadsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { messageOf } from '../shared/errors.js';
import { mapPool } from '../shared/pool.js';

export interface StaleUpload {
  key: string;
  uploadId: string;
  initiated?: Date;
}

/** Every incomplete upload under `prefix` at one of `keys`, page by page. */
export async function listStaleUploads(
  s3: S3Client,
  bucket: string,
  prefix: string,
  keys: ReadonlySet<string>,
): Promise<StaleUpload[]> {
  const found: StaleUpload[] = [];
  let KeyMarker: string | undefined;
  let UploadIdMarker: string | undefined;
  for (;;) {
    const page = await s3.send(
      new ListMultipartUploadsCommand({
        Bucket: bucket,
        Prefix: prefix,
        ...(KeyMarker === undefined ? {} : { KeyMarker }),
        ...(UploadIdMarker === undefined ? {} : { UploadIdMarker }),
      }),
    );
    for (const upload of page.Uploads ?? []) {
      if (!upload.Key || !upload.UploadId || !keys.has(upload.Key)) continue;
      found.push({
        key: upload.Key,
        uploadId: upload.UploadId,
        ...(upload.Initiated ? { initiated: upload.Initiated } : {}),
      });
    }
    if (!page.IsTruncated) return found;
    KeyMarker = page.NextKeyMarker;
    UploadIdMarker = page.NextUploadIdMarker;
    if (KeyMarker === undefined && UploadIdMarker === undefined) return found;
  }
}

/** Aborts `uploads`; returns a line for each that could not be aborted. */
export async function abortStaleUploads(
  s3: S3Client,
  bucket: string,
  uploads: readonly StaleUpload[],
): Promise<string[]> {
  const settled = await mapPool(uploads, 8, (u) =>
    s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.key, UploadId: u.uploadId })),
  );
  const problems: string[] = [];
  settled.forEach((outcome, i) => {
    if (outcome?.ok) return;
    const u = uploads[i]!;
    const why = outcome ? messageOf(outcome.error) : 'not attempted';
    problems.push(
      `the incomplete upload ${u.uploadId} of s3://${bucket}/${u.key} an earlier attempt left could not be aborted (${why}); it stays until an AbortIncompleteMultipartUpload lifecycle rule removes it`,
    );
  });
  return problems;
}
