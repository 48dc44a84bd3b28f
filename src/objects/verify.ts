/**
 * `verify`: one object read back through KMS and decrypted as a MediaConvert job would, its
 * plaintext hashed and compared with what was recorded at upload. Every outcome is a result
 * with one line saying what was found; nothing here throws for a bad object.
 */
import { createHash } from 'node:crypto';
import { ciphertextLength, CipherError } from '../crypto/cipher.js';
import { DecipherError } from '../crypto/decipher.js';
import type { Mode } from '../mediaconvert/decryption.js';
import { messageOf } from '../shared/errors.js';
import { formatBytes } from '../shared/units.js';
import type { ObjectTarget } from './object-source.js';
import type { ObjectResult } from './object-result.js';
import { ObjectChangedError } from './object-reader.js';
import { DataKeyError, openObject, type ReadDeps } from './open-object.js';
import {
  differingFields,
  headStored,
  MissingObjectError,
  type StoredHead,
} from './stored-object.js';

export interface VerifyContext extends ReadDeps {
  /** The region of the run: S3, and a data key whose region nothing names. */
  region: string;
  /** The manifest's region, when the objects come from one. */
  manifestRegion?: string;
}

/** The region of the KMS key an object's data key is under. */
export function keyRegionOf(
  object: StoredHead,
  target: ObjectTarget,
  context: Pick<VerifyContext, 'region' | 'manifestRegion'>,
): string {
  return (
    object.keyRegion ??
    target.recorded?.decryption.KmsKeyRegion ??
    context.manifestRegion ??
    context.region
  );
}

export async function verifyObject(
  target: ObjectTarget,
  context: VerifyContext,
): Promise<ObjectResult> {
  const result = (status: ObjectResult['status'], message: string): ObjectResult => ({
    s3Uri: target.s3Uri,
    status,
    message,
  });
  let object: StoredHead;
  try {
    object = await headStored(context.s3, target, context.region, context.signal);
  } catch (error) {
    if (error instanceof MissingObjectError) return result('missing', error.message);
    return result('error', `could not be read: ${messageOf(error)}`);
  }
  const decryption = object.stored.decryption;
  if (!decryption) {
    return result(
      'undecryptable',
      'its metadata lacks complete decryption settings (mode, IV, encrypted data key): it was not uploaded by this tool, or its metadata was replaced',
    );
  }
  const { recorded } = target;
  if (recorded) {
    const differing = differingFields(decryption, recorded.decryption);
    if (differing.length > 0) {
      const onlyKey = differing.length === 1 && differing[0] === 'encrypted data key';
      return result(
        'mismatch',
        `its metadata's ${differing.join(', ')} differ${differing.length === 1 ? 's' : ''} from the manifest's: ${onlyKey ? 'it was re-wrapped and this manifest was not updated (rewrap with this manifest updates it)' : 'the object was overwritten, or its metadata changed, after this manifest was written'}`,
      );
    }
  }
  const expected = recorded ?? storedExpectation(object);
  const mode = decryption.DecryptionMode as Mode;
  if (expected) {
    const size = ciphertextLength(mode, expected.bytes);
    if (object.size !== size) {
      return result(
        'mismatch',
        `the object is ${object.size} bytes, but ${expected.bytes} plaintext bytes encrypt to ${size} with ${mode}: it is ${object.size < size ? 'truncated' : 'longer than what was uploaded'}`,
      );
    }
  }
  const keyRegion = keyRegionOf(object, target, context);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    // Each chunk is hashed and dropped: it can be freed as soon as the next is asked for.
    const opened = await openObject(target, object, decryption, keyRegion, {
      ...context,
      transientPlaintext: true,
    });
    for await (const chunk of opened.plaintext) {
      hash.update(chunk);
      bytes += chunk.length;
    }
  } catch (error) {
    if (error instanceof DataKeyError) return result('undecryptable', error.message);
    if (error instanceof CipherError) {
      return result('undecryptable', `its decryption settings do not fit: ${error.message}`);
    }
    if (error instanceof DecipherError || error instanceof ObjectChangedError) {
      return result('mismatch', error.message);
    }
    if (context.signal?.aborted) throw error;
    return result('error', `could not be read: ${messageOf(error)}`);
  }
  const sha256 = hash.digest('hex');
  const checked =
    mode === 'AES_GCM' ? ', GCM tag verified' : mode === 'AES_CBC' ? ', CBC padding verified' : '';
  if (!expected) {
    return result(
      'unchecked',
      `decrypted ${bytes} bytes${checked}, but no plaintext SHA-256 was recorded in its metadata to compare with: verify with the run's manifest instead (--manifest)`,
    );
  }
  if (sha256 !== expected.sha256 || bytes !== expected.bytes) {
    return result(
      'mismatch',
      `decrypts to ${bytes} bytes with SHA-256 ${sha256}, not the ${expected.bytes} bytes with SHA-256 ${expected.sha256} recorded at upload: the object was changed, or its key or IV`,
    );
  }
  return result(
    'ok',
    `decrypts to the plaintext recorded at upload (${formatBytes(bytes)}, SHA-256 ${sha256.slice(0, 16)}…${checked}, ${mode})`,
  );
}

/** The plaintext SHA-256 and size in the object's metadata, when both are there. */
function storedExpectation(object: StoredHead): { sha256: string; bytes: number } | undefined {
  const { sha256, bytes } = object.stored;
  return sha256 !== undefined && bytes !== undefined ? { sha256, bytes } : undefined;
}
