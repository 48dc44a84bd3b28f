/**
 * The objects a `verify` or `rewrap` run takes: the files of a manifest (with what was
 * recorded at upload) or every object under an S3 prefix (with what its metadata says).
 */
import { readFile } from 'node:fs/promises';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { InputDecryptionSettings } from '@aws-sdk/client-mediaconvert';
import type { ObjectSource } from '../inputs/objects-config.js';
import { InputError, messageOf } from '../shared/errors.js';
import { parseJsonText } from '../shared/json-text.js';
import { withItsLog } from '../report/manifest-log.js';
import { isMode } from '../mediaconvert/decryption.js';

/** What the manifest recorded for an object when it was uploaded. */
export interface Recorded {
  sha256: string;
  bytes: number;
  decryption: InputDecryptionSettings;
  /** The entry's index in the manifest's `files`. */
  index: number;
}

export interface ObjectTarget {
  s3Uri: string;
  bucket: string;
  key: string;
  /** Set when the object came from a manifest. */
  recorded?: Recorded;
  /** The size a listing gave (the object is read again before use). */
  listedBytes?: number;
}

/** A manifest as read: its JSON as it is (rewrap writes it back with new keys) and its region. */
export interface LoadedManifest {
  path: string;
  json: { region?: unknown; files: Record<string, unknown>[] } & Record<string, unknown>;
  /** The region its jobs were created in: a decryption without KmsKeyRegion uses this. */
  region?: string;
}

export interface ObjectList {
  targets: ObjectTarget[];
  manifest?: LoadedManifest;
  /** Manifest entries left out because delete-inputs deleted their objects. */
  deleted: number;
}

export async function listObjects(
  source: ObjectSource,
  s3: S3Client,
  signal?: AbortSignal,
): Promise<ObjectList> {
  if (source.kind === 'manifest') return readManifest(source.path);
  return { targets: await listPrefix(s3, source.bucket, source.prefix, signal), deleted: 0 };
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Reads and checks a manifest an encrypt run wrote (docs/design.md, "The manifest"). */
export async function readManifest(path: string): Promise<ObjectList> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(
      'manifest',
      `'${path}' cannot be read (${messageOf(error)}); give the manifest an encrypt run wrote, or \`objects\``,
    );
  }
  let json: unknown;
  try {
    json = parseJsonText(text);
  } catch (error) {
    throw new InputError('manifest', `'${path}' ${messageOf(error)}`);
  }
  const bad = (what: string): InputError =>
    new InputError('manifest', `'${path}' is not a manifest of this tool: ${what}`);
  if (typeof json !== 'object' || json === null || (json as { version?: unknown }).version !== 1) {
    throw bad('it has no "version": 1');
  }
  // A run killed while it wrote left its last records in the log beside the manifest. Folded
  // in, the manifest stands alone: without the mark, a rewrap's copy is not folded again.
  const whole = await withItsLog(json as Record<string, unknown>, path);
  delete whole.journal;
  const manifest = whole as LoadedManifest['json'];
  if (!Array.isArray(manifest.files)) throw bad('it has no "files" array');
  const targets: ObjectTarget[] = [];
  let deleted = 0;
  manifest.files.forEach((entry, index) => {
    const where = `files[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw bad(`${where} is not an object`);
    if (entry.deleted === true) {
      deleted += 1;
      return;
    }
    const { s3Uri, plaintextSha256, bytes, decryption } = entry;
    const location = typeof s3Uri === 'string' ? /^s3:\/\/([^/]+)\/(.+)$/.exec(s3Uri) : null;
    if (!location) throw bad(`${where}.s3Uri is not s3://bucket/key`);
    if (typeof plaintextSha256 !== 'string' || !SHA256.test(plaintextSha256)) {
      throw bad(`${where}.plaintextSha256 is not a SHA-256 in hex`);
    }
    if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0) {
      throw bad(`${where}.bytes is not a byte count`);
    }
    const settings = decryption as InputDecryptionSettings | undefined;
    if (
      typeof settings !== 'object' ||
      settings === null ||
      !isMode(settings.DecryptionMode) ||
      typeof settings.EncryptedDecryptionKey !== 'string' ||
      typeof settings.InitializationVector !== 'string'
    ) {
      throw bad(
        `${where}.decryption lacks DecryptionMode, EncryptedDecryptionKey or InitializationVector`,
      );
    }
    targets.push({
      s3Uri: s3Uri as string,
      bucket: location[1]!,
      key: location[2]!,
      recorded: { sha256: plaintextSha256, bytes, decryption: settings, index },
    });
  });
  const region = typeof manifest.region === 'string' ? manifest.region : undefined;
  return { targets, manifest: { path, json: manifest, ...(region ? { region } : {}) }, deleted };
}

/** Every object under the prefix (folder markers left out), in S3's key order. */
async function listPrefix(
  s3: S3Client,
  bucket: string,
  prefix: string,
  signal?: AbortSignal,
): Promise<ObjectTarget[]> {
  const targets: ObjectTarget[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        ...(token ? { ContinuationToken: token } : {}),
      }),
      signal ? { abortSignal: signal } : {},
    );
    for (const object of page.Contents ?? []) {
      if (!object.Key || object.Key.endsWith('/')) continue;
      targets.push({
        s3Uri: `s3://${bucket}/${object.Key}`,
        bucket,
        key: object.Key,
        ...(object.Size === undefined ? {} : { listedBytes: object.Size }),
      });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  if (targets.length === 0) {
    throw new InputError('objects', `s3://${bucket}/${prefix} holds no object`);
  }
  return targets;
}
