/**
 * The S3 user metadata every uploaded object carries: its decryption settings (enough to build
 * a job from the object alone), the plaintext's size, the key of the run that uploaded it (what
 * a later attempt of that run looks for, pipeline/resume.ts) and, when known before the
 * object's first request was sent, the plaintext's SHA-256 (what `if-exists: skip` and resume
 * compare): known for a file hashed first (`if-exists: skip`) and for a file sent in one
 * PutObject, not for the parts of a multipart upload, whose metadata goes with its first part.
 * Such an object carries instead the SHA-256 of the plaintext read by then (its first part and
 * more), with that length: resume compares it, so a file rewritten between attempts with the
 * same size is caught unless it changed only past that point. S3 allows 2 KB of user metadata.
 */
import type { InputDecryptionSettings } from '@aws-sdk/client-mediaconvert';
import { isMode, type Mode } from '../mediaconvert/decryption.js';

export const METADATA = {
  mode: 'mediaconvert-decryption-mode',
  iv: 'mediaconvert-initialization-vector',
  key: 'mediaconvert-encrypted-decryption-key',
  region: 'mediaconvert-kms-key-region',
  sha256: 'mediaconvert-plaintext-sha256',
  head: 'mediaconvert-plaintext-head',
  bytes: 'mediaconvert-plaintext-bytes',
  run: 'mediaconvert-encrypt-run',
} as const;

/** S3's limit on user metadata: keys and values, in UTF-8 bytes. */
export const MAX_METADATA_BYTES = 2048;

export interface ObjectMetadataFields {
  decryption: InputDecryptionSettings;
  kmsKeyRegion: string;
  plaintext?: { sha256?: string; bytes: number; head?: PlaintextHead };
  /** The key of the run that uploads the object. */
  runKey?: string;
}

/** The SHA-256 of the plaintext's first `bytes` bytes. */
export interface PlaintextHead {
  bytes: number;
  sha256: string;
}

export function objectMetadata(fields: ObjectMetadataFields): Record<string, string> {
  const { decryption } = fields;
  const metadata: Record<string, string> = {
    [METADATA.mode]: decryption.DecryptionMode ?? '',
    [METADATA.iv]: decryption.InitializationVector ?? '',
    [METADATA.key]: decryption.EncryptedDecryptionKey ?? '',
    [METADATA.region]: fields.kmsKeyRegion,
  };
  if (fields.plaintext?.sha256 !== undefined) metadata[METADATA.sha256] = fields.plaintext.sha256;
  if (fields.plaintext) metadata[METADATA.bytes] = String(fields.plaintext.bytes);
  const head = fields.plaintext?.head;
  if (head !== undefined) metadata[METADATA.head] = `${head.bytes}:${head.sha256}`;
  if (fields.runKey !== undefined) metadata[METADATA.run] = fields.runKey;
  if (metadataBytes(metadata) > MAX_METADATA_BYTES) {
    // Only an encrypted key far beyond what KMS returns could get here.
    throw new Error(
      `object metadata would be ${metadataBytes(metadata)} bytes, over S3's ${MAX_METADATA_BYTES}`,
    );
  }
  return metadata;
}

/** How S3 counts user metadata: the UTF-8 bytes of every key (without x-amz-meta-) and value. */
export function metadataBytes(metadata: Readonly<Record<string, string>>): number {
  return Object.entries(metadata).reduce(
    (sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v),
    0,
  );
}

/** What an existing object says about itself; undefined members were absent or malformed. */
export interface StoredObject {
  mode?: Mode;
  sha256?: string;
  /** Only when the plaintext's whole SHA-256 is not there. */
  head?: PlaintextHead;
  bytes?: number;
  decryption?: InputDecryptionSettings;
  /** The key of the run that uploaded it. */
  runKey?: string;
}

/** MediaConvert's pattern for KmsKeyRegion. */
const KMS_REGION = /^[a-z-]{2,6}-(east|west|central|((north|south)(east|west)?))-[1-9]{1,2}$/;

/**
 * Reads the metadata as S3 returns it (keys lower case). The decryption settings are taken
 * only when mode, IV and encrypted key are all there and well-formed; `jobRegion` decides
 * whether KmsKeyRegion is needed, as at upload.
 */
export function readObjectMetadata(
  metadata: Readonly<Record<string, string>> | undefined,
  jobRegion: string,
): StoredObject {
  const get = (name: string): string | undefined => metadata?.[name];
  const stored: StoredObject = {};
  const mode = get(METADATA.mode);
  if (isMode(mode)) stored.mode = mode;
  const sha256 = get(METADATA.sha256);
  if (sha256 !== undefined && /^[0-9a-f]{64}$/.test(sha256)) stored.sha256 = sha256;
  const bytes = get(METADATA.bytes);
  if (bytes !== undefined && /^\d{1,16}$/.test(bytes)) stored.bytes = Number(bytes);
  const head = /^(\d{1,16}):([0-9a-f]{64})$/.exec(get(METADATA.head) ?? '');
  if (head && !stored.sha256 && Number(head[1]) > 0) {
    stored.head = { bytes: Number(head[1]), sha256: head[2]! };
  }
  const runKey = get(METADATA.run);
  if (runKey !== undefined && /^[0-9a-f]{32}$/.test(runKey)) stored.runKey = runKey;
  const iv = get(METADATA.iv);
  const key = get(METADATA.key);
  const region = get(METADATA.region);
  if (
    stored.mode &&
    iv !== undefined &&
    /^[A-Za-z0-9+/]{22}==$|^[A-Za-z0-9+/]{16}$/.test(iv) &&
    key !== undefined &&
    key.length >= 24 &&
    key.length <= 512 &&
    /^[A-Za-z0-9+/]+={0,2}$/.test(key) &&
    (region === undefined || KMS_REGION.test(region))
  ) {
    stored.decryption = {
      DecryptionMode: stored.mode,
      EncryptedDecryptionKey: key,
      InitializationVector: iv,
      ...(region && region !== jobRegion ? { KmsKeyRegion: region } : {}),
    };
  }
  return stored;
}
