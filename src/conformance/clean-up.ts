/** Removes what a conformance run made: every object under its own run prefix, and nothing else. */
import { DeleteObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

export async function removePrefix(s3: S3Client, bucket: string, prefix: string): Promise<number> {
  if (!prefix.includes('conformance-')) {
    throw new Error(`refusing to remove under '${prefix}': not a conformance run's prefix`);
  }
  let removed = 0;
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) {
      if (!object.Key) continue;
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: object.Key }));
      removed += 1;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return removed;
}
