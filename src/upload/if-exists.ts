/**
 * `if-exists`: what happens when an object already exists at a file's key. Decided per file
 * before its data key is made, so a skipped or refused file costs one HeadObject (and, for
 * skip, one local read to hash it) and nothing else.
 */
import { createHash } from 'node:crypto';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ciphertextLength } from '../crypto/cipher.js';
import type { Config } from '../inputs/config.js';
import { messageOf } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { MediaFile } from '../files/listing.js';
import { readListed } from '../files/listed-file.js';
import { readObjectMetadata } from './object-metadata.js';
import { requestSignal } from '../aws/abort.js';
import type { FileResult } from './encrypt-file.js';

export type UploadDecision =
  /** Encrypt and upload; `plaintextSha256` is set when the file was hashed first. */
  | { upload: true; plaintextSha256?: string; replacing?: string }
  /** The object is this file's ciphertext already: its result, built from the object. */
  | { upload: false; result: FileResult };

export interface ExistingObject {
  metadata: Record<string, string>;
  contentLength?: number;
  lastModified?: Date;
}

/**
 * HeadObject: the object's metadata, size and time, or undefined when there is none (404).
 * `purpose` names what looks, in the error: `if-exists`, or `resume`.
 */
export async function headObject(
  s3: S3Client,
  file: Pick<MediaFile, 'bucket' | 'key'>,
  signal?: AbortSignal,
  purpose = 'if-exists',
): Promise<ExistingObject | undefined> {
  try {
    const out = await s3.send(
      new HeadObjectCommand({ Bucket: file.bucket, Key: file.key }),
      signal ? { abortSignal: requestSignal(signal) } : {},
    );
    return {
      metadata: out.Metadata ?? {},
      ...(out.ContentLength === undefined ? {} : { contentLength: out.ContentLength }),
      ...(out.LastModified === undefined ? {} : { lastModified: out.LastModified }),
    };
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as Error).name === 'NotFound') return undefined;
    const hint =
      status === 403
        ? ` (${purpose} needs s3:GetObject on the destination, and s3:ListBucket for a missing object to answer 404 rather than 403)`
        : '';
    throw new Error(
      `checking s3://${file.bucket}/${file.key} (${purpose}) failed: ${messageOf(error)}${hint}`,
      { cause: error },
    );
  }
}

/**
 * SHA-256 and size of a listed file, in one read of the open file checked against what was
 * listed (as the encrypting pass does).
 */
export async function hashFile(
  file: MediaFile,
  headBytes?: number,
): Promise<{ sha256: string; bytes: number; head?: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let head: string | undefined;
  for await (const chunk of readListed(file)) {
    // With `headBytes`, also the SHA-256 of the first that many bytes, in the same read.
    const cut = headBytes !== undefined && head === undefined ? headBytes - bytes : Infinity;
    if (cut <= chunk.length) {
      hash.update(chunk.subarray(0, cut));
      head = hash.copy().digest('hex');
      hash.update(chunk.subarray(cut));
    } else {
      hash.update(chunk);
    }
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes, ...(head === undefined ? {} : { head }) };
}

/**
 * `overwrite`: upload, no request. `fail`: throws, naming the file and the object, when the
 * object exists. `skip`: hashes the file and reads the object's metadata (both at once); the
 * upload is skipped when the object holds this plaintext (same SHA-256 and size) in the
 * configured mode, with complete decryption settings and the ciphertext size that implies.
 */
export async function decideUpload(
  file: MediaFile,
  config: Pick<Config, 'ifExists' | 'mode' | 'region'>,
  s3: S3Client,
  signal?: AbortSignal,
): Promise<UploadDecision> {
  const s3Uri = `s3://${file.bucket}/${file.key}`;
  if (config.ifExists === 'overwrite') return { upload: true };
  if (config.ifExists === 'fail') {
    if (await headObject(s3, file, signal)) {
      throw new Error(
        `${file.relativePath}: ${s3Uri} already exists and if-exists is fail; nothing was uploaded (use overwrite to replace it, skip to keep it when unchanged)`,
      );
    }
    return { upload: true };
  }
  const [local, existing] = await Promise.all([hashFile(file), headObject(s3, file, signal)]);
  if (!existing) return { upload: true, plaintextSha256: local.sha256 };
  const why = differs(existing, local, config);
  if (why !== undefined) return { upload: true, plaintextSha256: local.sha256, replacing: why };
  const stored = readObjectMetadata(existing.metadata, config.region);
  return {
    upload: false,
    result: {
      relativePath: file.relativePath,
      bytes: local.bytes,
      plaintextSha256: local.sha256,
      s3Uri,
      decryption: stored.decryption!,
      skipped: true,
    },
  };
}

/** Why the existing object is not this file's ciphertext, or undefined when it is. */
function differs(
  existing: ExistingObject,
  local: { sha256: string; bytes: number },
  config: Pick<Config, 'mode' | 'region'>,
): string | undefined {
  const stored = readObjectMetadata(existing.metadata, config.region);
  if (stored.sha256 === undefined || stored.bytes === undefined) {
    return 'its metadata has no plaintext SHA-256 and size (uploaded before if-exists: skip was used)';
  }
  if (stored.sha256 !== local.sha256 || stored.bytes !== local.bytes) return 'the file changed';
  if (stored.mode !== config.mode) return `it was encrypted with ${stored.mode ?? 'another mode'}`;
  if (!stored.decryption) return 'its decryption settings in the metadata are incomplete';
  const expected = ciphertextLength(config.mode, local.bytes);
  if (existing.contentLength !== undefined && existing.contentLength !== expected) {
    return `its size is ${existing.contentLength} bytes, not the ${expected} this file encrypts to`;
  }
  return undefined;
}

/** The log lines of a skipped file, inside its group. */
export function logSkipped(result: FileResult, log: Logger): void {
  log.info(`unchanged, not uploaded (if-exists: skip): ${result.s3Uri}`);
  log.info(
    `plaintext SHA-256 ${result.plaintextSha256}, decryption settings from the object's metadata`,
  );
}
