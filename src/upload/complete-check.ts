/**
 * After a CompleteMultipartUpload (or PutObject) whose answer never came: did S3 carry it out
 * all the same? A connection reset after S3 assembled the object, then a retry that S3
 * answers NoSuchUpload, must not report a file failed while its complete object sits at the
 * key. HeadObject tells: the object there is this upload's when its size and the metadata
 * sent with it are the same (the metadata holds the file's fresh IV and encrypted data key,
 * which no other upload shares) and, when S3 returns one, its CRC32 is the one computed here.
 */
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { messageOf } from '../shared/errors.js';
import { compositeCrc32 } from './checksum.js';

export interface SentObject {
  bucket: string;
  key: string;
  bytes: number;
  metadata: Readonly<Record<string, string>>;
  /** Each part's CRC32 (base64, in part order), or the single PutObject's; empty when none. */
  checksums: readonly string[];
  multipart: boolean;
}

/** The object at the key is the one sent, or what is there instead, in words. */
export type Finding = { ours: true; etag?: string } | { ours: false; found: string };

/**
 * Whether S3 may have done what a request asked although the request failed: no answer came
 * (a reset, a timeout), S3 failed on its side (5xx) after perhaps finishing, or a retried
 * Complete found its upload gone (NoSuchUpload). A refusal (403, 400...) did nothing.
 */
export function mayHaveHappened(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (status === undefined || status >= 500) return true;
  return (error as Error).name === 'NoSuchUpload';
}

export async function findSentObject(
  s3: S3Client,
  sent: SentObject,
  signal?: AbortSignal,
): Promise<Finding> {
  const uri = `s3://${sent.bucket}/${sent.key}`;
  let head;
  try {
    head = await s3.send(
      new HeadObjectCommand({ Bucket: sent.bucket, Key: sent.key, ChecksumMode: 'ENABLED' }),
      signal ? { abortSignal: signal } : {},
    );
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as Error).name === 'NotFound') {
      return { ours: false, found: `${uri} holds no object` };
    }
    return { ours: false, found: `what ${uri} holds is unknown (HeadObject: ${messageOf(error)})` };
  }
  if (!head)
    return { ours: false, found: `what ${uri} holds is unknown (HeadObject gave no answer)` };
  const other = (why: string): Finding => ({
    ours: false,
    found: `${uri} holds another object (${head.ContentLength ?? '?'} bytes, ${why}), not this upload's`,
  });
  if (head.ContentLength !== sent.bytes) return other('another size');
  const stored = head.Metadata ?? {};
  if (Object.entries(sent.metadata).some(([name, value]) => stored[name] !== value)) {
    return other('other metadata');
  }
  const expected = sent.multipart ? compositeCrc32(sent.checksums) : sent.checksums[0];
  const actual = head.ChecksumCRC32;
  // A multipart object S3 checksums whole (FULL_OBJECT) cannot be compared with the parts'.
  const comparable = !sent.multipart || head.ChecksumType !== 'FULL_OBJECT';
  if (actual !== undefined && expected !== undefined && comparable && actual !== expected) {
    return other('another CRC32');
  }
  return head.ETag === undefined ? { ours: true } : { ours: true, etag: head.ETag };
}
