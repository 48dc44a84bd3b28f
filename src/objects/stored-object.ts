/**
 * What an object says about itself before it is read or rewritten: HeadObject's answer, and
 * the decryption settings its metadata carries (upload/object-metadata.ts).
 */
import { HeadObjectCommand, type HeadObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import type { InputDecryptionSettings } from '@aws-sdk/client-mediaconvert';
import { messageOf } from '../shared/errors.js';
import { METADATA, readObjectMetadata, type StoredObject } from '../upload/object-metadata.js';

export interface StoredHead {
  /** HeadObject's whole answer: rewrap keeps its content headers and encryption settings. */
  head: HeadObjectCommandOutput;
  size: number;
  etag?: string;
  metadata: Record<string, string>;
  stored: StoredObject;
  /** The region of the KMS key the data key is under, as the object's metadata names it. */
  keyRegion?: string;
}

/** The object is not there, or S3 will not say (403 without s3:ListBucket). */
export class MissingObjectError extends Error {
  override readonly name = 'MissingObjectError';
}

export async function headStored(
  s3: S3Client,
  target: { bucket: string; key: string },
  jobRegion: string,
  signal?: AbortSignal,
): Promise<StoredHead> {
  let head: HeadObjectCommandOutput;
  try {
    head = await s3.send(
      new HeadObjectCommand({ Bucket: target.bucket, Key: target.key }),
      signal ? { abortSignal: signal } : {},
    );
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as Error).name === 'NotFound') {
      throw new MissingObjectError('no such object (404)');
    }
    if (status === 403) {
      throw new MissingObjectError(
        `S3 answered 403 (${messageOf(error)}): s3:GetObject is needed, and s3:ListBucket for a missing object to answer 404`,
      );
    }
    throw error;
  }
  const metadata = head.Metadata ?? {};
  const keyRegion = metadata[METADATA.region];
  return {
    head,
    size: head.ContentLength ?? 0,
    ...(head.ETag ? { etag: head.ETag } : {}),
    metadata,
    stored: readObjectMetadata(metadata, jobRegion),
    ...(keyRegion ? { keyRegion } : {}),
  };
}

const FIELDS = [
  ['DecryptionMode', 'mode'],
  ['InitializationVector', 'IV'],
  ['EncryptedDecryptionKey', 'encrypted data key'],
] as const;

/** The decryption settings fields in which the object's metadata and the manifest differ. */
export function differingFields(
  stored: InputDecryptionSettings,
  recorded: InputDecryptionSettings,
): string[] {
  return FIELDS.filter(([field]) => stored[field] !== recorded[field]).map(([, name]) => name);
}
