/**
 * Resume: is the object at a file's key the complete ciphertext of this file that an earlier
 * attempt of this run uploaded? Then the file is done and is not uploaded again. The object
 * says so itself (upload/object-metadata.ts): the run's key, the plaintext's size, the mode
 * and decryption settings, and, when it was known before the upload's first request, the
 * plaintext's SHA-256, which must then match the file now. A multipart object of a file that
 * was not hashed first has no SHA-256: the journal's (when the earlier manifest is at hand)
 * stands in for it; without it, the SHA-256 of the plaintext's first part and more (which the
 * object carries) must match the file's first bytes; an object without either is compared by
 * size alone.
 */
import type { InputDecryptionSettings } from '@aws-sdk/client-mediaconvert';
import type { S3Client } from '@aws-sdk/client-s3';
import { ciphertextLength } from '../crypto/cipher.js';
import type { MediaFile } from '../files/listing.js';
import type { Config } from '../inputs/config.js';
import type { FileResult } from './encrypt-file.js';
import { hashFile, headObject } from './if-exists.js';
import { readObjectMetadata } from './object-metadata.js';

/** What the earlier attempt's manifest says of the file, when it is at hand. */
export interface JournalEntry {
  plaintextSha256: string;
  decryption: InputDecryptionSettings;
}

export interface EarlierObject {
  result: FileResult;
  /** When S3 completed it: jobs made for it are not older (job/earlier-jobs.ts). */
  lastModified?: Date;
  /**
   * How the content was checked: the whole plaintext's SHA-256 (the object's or the journal's),
   * the SHA-256 of its first `head` bytes (a multipart object), or its size only.
   */
  checked: 'sha256' | { head: number } | 'size';
}

/** The earlier attempt's object of `file`, or undefined when the file must be uploaded. */
export async function earlierObject(
  file: MediaFile,
  config: Pick<Config, 'mode' | 'region'>,
  s3: S3Client,
  runKey: string,
  journal?: JournalEntry,
  signal?: AbortSignal,
): Promise<EarlierObject | undefined> {
  const existing = await headObject(s3, file, signal, 'resume');
  if (!existing) return undefined;
  const stored = readObjectMetadata(existing.metadata, config.region);
  const { decryption } = stored;
  if (
    stored.runKey !== runKey ||
    stored.mode !== config.mode ||
    !decryption ||
    stored.bytes !== file.bytes ||
    existing.contentLength !== ciphertextLength(config.mode, file.bytes)
  ) {
    return undefined;
  }
  const recorded =
    stored.sha256 ??
    (journal && sameKey(journal.decryption, decryption) ? journal.plaintextSha256 : undefined);
  const head = recorded === undefined ? stored.head : undefined;
  const local = await hashFile(file, head?.bytes);
  if (recorded !== undefined && recorded !== local.sha256) return undefined;
  if (head !== undefined && head.sha256 !== local.head) return undefined;
  return {
    result: {
      relativePath: file.relativePath,
      bytes: local.bytes,
      plaintextSha256: local.sha256,
      s3Uri: `s3://${file.bucket}/${file.key}`,
      decryption,
      resumed: true,
    },
    ...(existing.lastModified ? { lastModified: existing.lastModified } : {}),
    checked: recorded !== undefined ? 'sha256' : head !== undefined ? { head: head.bytes } : 'size',
  };
}

/** Same data key and IV: the same upload (both are fresh for every upload). */
function sameKey(a: InputDecryptionSettings, b: InputDecryptionSettings): boolean {
  return (
    a.EncryptedDecryptionKey === b.EncryptedDecryptionKey &&
    a.InitializationVector === b.InitializationVector
  );
}
