import { createHash, randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import type { InputDecryptionSettings } from '@aws-sdk/client-mediaconvert';
import { ciphertextLength, encrypt } from '../crypto/cipher.js';
import type { CipherSettings, Config } from '../inputs/config.js';
import { contentTypeOf } from './content-type.js';
import { FileError } from '../shared/errors.js';
import type { MediaFile } from '../files/listing.js';
import { expectUnchanged, openListed, readListed } from '../files/listed-file.js';
import { makeDataKey } from '../crypto/keys.js';
import {
  formatMiB,
  minBudgetFor,
  partSizeFor,
  READ_CHUNK_BYTES,
  streamBytesFor,
  wholeRoundsPartSize,
} from '../inputs/sizing.js';
import type { MemoryBudget } from './memory-budget.js';
import { objectMetadata } from './object-metadata.js';
import { uploadStream } from './multipart.js';
import { sendsOverTls, warmForBucket } from '../aws/connection-warmup.js';
import { opensReopenableBodies } from '../aws/timeouts.js';
import { crc32 } from './checksum.js';
import { planCtrParts, type PlannedPart } from './ctr-parts.js';

/** One file encrypted and uploaded: what its job and the manifest need. */
export interface FileResult {
  relativePath: string;
  bytes: number;
  plaintextSha256: string;
  s3Uri: string;
  decryption: InputDecryptionSettings;
  /** Not uploaded: `if-exists: skip` found this plaintext at the key already. */
  skipped?: boolean;
  /** Not uploaded: an earlier attempt of this run completed the object (pipeline/resume.ts). */
  resumed?: boolean;
}

export interface EncryptDeps {
  kms: KMSClient;
  s3: S3Client;
  signal?: AbortSignal;
  onProgress?: (uploadedBytes: number) => void;
  /** The run's memory budget, shared by every file; without it the upload has its own. */
  budget?: MemoryBudget;
  clock?: { now(): number };
  /**
   * The plaintext's SHA-256 when it was hashed before (if-exists: skip): it goes into the
   * object's metadata, and a file that no longer matches it fails the upload.
   */
  plaintextSha256?: string;
  /** The run's key, written into the object's metadata (pipeline/run-identity.ts). */
  runKey?: string;
}

export { METADATA } from './object-metadata.js';

/** What one file's encryption and upload read of the inputs. */
export type EncryptSettings = CipherSettings & Pick<Config, 'region' | 'partSizeBytes' | 'sse'>;

/**
 * One file through a fresh data key and IV, AES in one streaming pass, and upload. The
 * plaintext key is zeroed when the pass ends, whether it succeeded or not.
 */
export async function encryptAndUpload(
  file: MediaFile,
  config: EncryptSettings,
  deps: EncryptDeps,
): Promise<FileResult> {
  const cipherBytes = ciphertextLength(config.mode, file.bytes);
  // A file too big for 10,000 parts of the configured size gets larger parts.
  const partSizeBytes = partSizeFor(cipherBytes, config.partSizeBytes);
  if (deps.budget && partSizeBytes > deps.budget.totalBytes) {
    throw new FileError(
      file.relativePath,
      'upload',
      new Error(
        `${file.bytes} bytes need parts of ${formatMiB(partSizeBytes)} to stay within 10,000 parts, more than max-memory-mib (${formatMiB(deps.budget.totalBytes)}); raise max-memory-mib to at least ${minBudgetFor(partSizeBytes, file.bytes) / 2 ** 20}`,
      ),
    );
  }
  // The file's read and cipher buffers come out of the run's budget too.
  const releaseStream = await deps.budget?.reserve(streamBytesFor(file.bytes), deps.signal);
  try {
    return await encryptReserved(file, config, deps, cipherBytes, partSizeBytes);
  } finally {
    releaseStream?.();
  }
}

async function encryptReserved(
  file: MediaFile,
  config: EncryptSettings,
  deps: EncryptDeps,
  cipherBytes: number,
  partSizeBytes: number,
): Promise<FileResult> {
  // The file's first S3 request finds its connection open when the data key is made.
  void warmForBucket(deps.s3, file.bucket);
  const madeAgain = partsMadeAgain(file, config, deps, cipherBytes, partSizeBytes);
  const dataKey = await makeDataKey({
    kms: deps.kms,
    kmsKeyArn: config.kmsKeyArn,
    keyBytes: config.keyBytes,
    source: config.keySource,
  }).catch((error: unknown) => {
    throw new FileError(file.relativePath, 'data key', error);
  });
  const iv = randomBytes(config.ivBytes);
  const decryption: InputDecryptionSettings = {
    DecryptionMode: config.mode,
    EncryptedDecryptionKey: Buffer.from(dataKey.encrypted).toString('base64'),
    InitializationVector: iv.toString('base64'),
  };
  if (config.kmsKeyRegion !== config.region) decryption.KmsKeyRegion = config.kmsKeyRegion;

  const digest = createHash('sha256');
  let bytes = 0;
  let sha256 = '';
  async function* hashed(): AsyncGenerator<Uint8Array> {
    // Failing inside the stream makes the upload abort instead of storing a torn file.
    for await (const chunk of readListed(file, READ_CHUNK_BYTES)) {
      digest.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
    sha256 = digest.digest('hex');
    if (deps.plaintextSha256 !== undefined && sha256 !== deps.plaintextSha256) {
      throw new Error('file changed while being read: its SHA-256 differs from the first read');
    }
  }
  /** The upload of `source`: parts made again, or the ciphertext stream. */
  const request = (
    source: { parts: AsyncIterable<PlannedPart> } | { body: AsyncIterable<Uint8Array> },
    partBytes: number,
  ) => ({
    s3: deps.s3,
    bucket: file.bucket,
    key: file.key,
    ...source,
    contentType: contentTypeOf(file.relativePath),
    // Called when the first request goes out: a file sent in one PutObject has been read whole
    // by then, and its SHA-256 goes with it; a multipart upload's first part has been read, and
    // the SHA-256 of what was read so far goes with it (the digest's state copied).
    metadata: () => {
      const whole = deps.plaintextSha256 ?? sha256;
      const known = whole
        ? { sha256: whole }
        : bytes > 0
          ? { head: { bytes, sha256: digest.copy().digest('hex') } }
          : {};
      return objectMetadata({
        decryption,
        kmsKeyRegion: config.kmsKeyRegion,
        plaintext: { bytes: file.bytes, ...known },
        ...(deps.runKey === undefined ? {} : { runKey: deps.runKey }),
      });
    },
    partSizeBytes: partBytes,
    expectedBytes: cipherBytes,
    ...(deps.budget ? { budget: deps.budget } : {}),
    ...(deps.clock ? { now: () => deps.clock!.now() } : {}),
    ...(config.sse ? { sse: config.sse } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
  });
  let handle: FileHandle | undefined;
  let plan: ReturnType<typeof planCtrParts> | undefined;
  try {
    if (await madeAgain) {
      handle = await openListed(file);
      await expectUnchanged(handle, file, 'since it was listed');
      // Parts made again cost no buffer: they may be larger, to fill whole rounds of the window.
      const partBytes = wholeRoundsPartSize(cipherBytes, partSizeBytes, deps.budget!.fairShare(1));
      plan = planCtrParts(hashed(), { handle, key: dataKey.plaintext, iv, partBytes });
      await uploadStream(request({ parts: plan.parts }, partBytes));
    } else {
      const cipher = { mode: config.mode, key: dataKey.plaintext, iv };
      // The upload copies each chunk into its part before asking for the next one.
      const body = encrypt(hashed(), cipher, { transient: true });
      await uploadStream(request({ body }, partSizeBytes));
    }
  } catch (error) {
    throw new FileError(file.relativePath, 'upload', error);
  } finally {
    // No attempt reads the file or uses the key once the upload has ended.
    plan?.close();
    await handle?.close();
    dataKey.destroy();
  }
  return {
    relativePath: file.relativePath,
    bytes,
    plaintextSha256: sha256,
    s3Uri: `s3://${file.bucket}/${file.key}`,
    decryption,
  };
}

/**
 * Whether the file's parts are made again at send time instead of held in buffers
 * (upload/ctr-parts.ts): AES_CTR, more than one part, a run budget to lease from, a CRC32 of
 * our own for each part's header, a client of ours (its handler opens the parts' bodies), and
 * https, where the payload is not hashed for the signature.
 */
async function partsMadeAgain(
  file: MediaFile,
  config: EncryptSettings,
  deps: EncryptDeps,
  cipherBytes: number,
  partSizeBytes: number,
): Promise<boolean> {
  if (config.mode !== 'AES_CTR' || cipherBytes <= partSizeBytes) return false;
  if (!deps.budget || !crc32 || !opensReopenableBodies(deps.s3)) return false;
  return sendsOverTls(deps.s3, file.bucket);
}
