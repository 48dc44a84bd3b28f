/**
 * `rewrap`: one object's data key re-encrypted to another KMS key with KMS ReEncrypt under the
 * same (MediaConvert) context, and the object's metadata replaced in place. The data key never
 * leaves KMS in plaintext, and no byte of ciphertext is read or sent. An object already under
 * the target key is left alone, so a second run changes nothing.
 */
import { ReEncryptCommand } from '@aws-sdk/client-kms';
import type { InputDecryptionSettings } from '@aws-sdk/client-mediaconvert';
import { MEDIACONVERT_CONTEXT } from '../mediaconvert/decryption.js';
import { messageOf } from '../shared/errors.js';
import { MAX_METADATA_BYTES, METADATA, metadataBytes } from '../upload/object-metadata.js';
import { copyInPlace, type InPlaceCopy } from './copy-in-place.js';
import { isKeyRefusal, kmsReason } from './kms-reasons.js';
import type { ObjectResult } from './object-result.js';
import type { ObjectTarget } from './object-source.js';
import {
  differingFields,
  headStored,
  MissingObjectError,
  type StoredHead,
} from './stored-object.js';
import { keyRegionOf, type VerifyContext } from './verify.js';

export interface RewrapContext extends VerifyContext {
  target: { kmsKeyArn: string; region: string };
  dryRun: boolean;
  /** Only for tests: smaller multipart-copy thresholds. */
  copyLimits?: Pick<InPlaceCopy, 'maxCopyObjectBytes' | 'copyPartBytes'>;
}

export async function rewrapObject(
  target: ObjectTarget,
  context: RewrapContext,
): Promise<ObjectResult> {
  const failed = (message: string, decryption?: InputDecryptionSettings): ObjectResult => ({
    s3Uri: target.s3Uri,
    status: 'failed',
    message,
    ...(decryption ? { decryption } : {}),
  });
  let object: StoredHead;
  try {
    object = await headStored(context.s3, target, context.region, context.signal);
  } catch (error) {
    if (error instanceof MissingObjectError) return failed(`missing: ${error.message}`);
    throw error;
  }
  const current = object.stored.decryption;
  if (!current) {
    return failed(
      'its metadata lacks complete decryption settings (mode, IV, encrypted data key): not re-wrapped',
    );
  }
  const recorded = target.recorded?.decryption;
  // The encrypted key may differ (a rewrap whose manifest update did not happen); mode and IV
  // may not: then the object is another upload than the manifest's.
  const differing = recorded
    ? differingFields(current, recorded).filter((f) => f !== 'encrypted data key')
    : [];
  if (differing.length > 0) {
    return failed(
      `its metadata's ${differing.join(', ')} differ from the manifest's: the object was overwritten after this manifest was written; not re-wrapped`,
      current,
    );
  }
  const keyRegion = keyRegionOf(object, target, context);
  if (keyRegion !== context.target.region) {
    return failed(
      `its data key is under a KMS key in ${keyRegion} and to-kms-key-arn is in ${context.target.region}: KMS ReEncrypt works within one region`,
      current,
    );
  }
  let wrapped;
  try {
    wrapped = await context.kms(keyRegion).send(
      new ReEncryptCommand({
        CiphertextBlob: Buffer.from(current.EncryptedDecryptionKey ?? '', 'base64'),
        SourceEncryptionContext: { ...MEDIACONVERT_CONTEXT },
        DestinationKeyId: context.target.kmsKeyArn,
        DestinationEncryptionContext: { ...MEDIACONVERT_CONTEXT },
      }),
    );
  } catch (error) {
    if (isKeyRefusal(error)) return failed(kmsReason('ReEncrypt', error, keyRegion), current);
    throw error;
  }
  const { SourceKeyId: from, KeyId: to, CiphertextBlob: blob } = wrapped;
  if (!from || !to || !blob) return failed('KMS ReEncrypt returned no key', current);
  if (from === to) {
    return {
      s3Uri: target.s3Uri,
      status: 'unchanged',
      message: `its data key is under ${to} already`,
      decryption: current,
    };
  }
  if (context.dryRun) {
    return {
      s3Uri: target.s3Uri,
      status: 'would-rewrap',
      message: `its data key would be re-wrapped from ${from} to ${to}`,
      decryption: current,
    };
  }
  const jobRegion = context.manifestRegion ?? context.region;
  const decryption: InputDecryptionSettings = {
    DecryptionMode: current.DecryptionMode,
    EncryptedDecryptionKey: Buffer.from(blob).toString('base64'),
    InitializationVector: current.InitializationVector,
    ...(keyRegion === jobRegion ? {} : { KmsKeyRegion: keyRegion }),
  };
  const metadata = {
    ...object.metadata,
    [METADATA.key]: decryption.EncryptedDecryptionKey!,
    [METADATA.region]: keyRegion,
  };
  if (metadataBytes(metadata) > MAX_METADATA_BYTES) {
    return failed(
      `its metadata with the new key would be ${metadataBytes(metadata)} bytes, over S3's ${MAX_METADATA_BYTES}`,
      current,
    );
  }
  let how: string;
  try {
    how = await copyInPlace({
      s3: context.s3,
      bucket: target.bucket,
      key: target.key,
      object,
      metadata,
      ...(context.signal ? { signal: context.signal } : {}),
      ...context.copyLimits,
    });
  } catch (error) {
    if (context.signal?.aborted) throw error;
    return failed(`replacing its metadata failed: ${messageOf(error)}`, current);
  }
  return {
    s3Uri: target.s3Uri,
    status: 'rewrapped',
    message: `data key re-wrapped from ${from} to ${to}; metadata replaced in place ${how}, no ciphertext sent`,
    decryption,
  };
}
