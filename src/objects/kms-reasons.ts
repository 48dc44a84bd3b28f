/**
 * Why KMS would not open a data key, in words that say what it means for the object and its
 * MediaConvert jobs. The service's own message follows, on one line.
 */
import { MEDIACONVERT_CONTEXT } from '../mediaconvert/decryption.js';
import { messageOf } from '../shared/errors.js';
import { oneLine } from '../shared/safe-text.js';

const CONTEXT = JSON.stringify(MEDIACONVERT_CONTEXT);

const REASONS: Readonly<Record<string, string>> = {
  InvalidCiphertextException: `KMS cannot decrypt the data key under the encryption context ${CONTEXT}: it was made under another context or is not a KMS ciphertext of this account, or it was changed. A MediaConvert job could not decrypt it either`,
  DisabledException:
    'the KMS key of the data key is disabled: neither this tool nor a MediaConvert job can decrypt it until the key is enabled',
  KMSInvalidStateException:
    'the KMS key of the data key cannot be used now (pending deletion, or waiting for key material)',
  AccessDeniedException: `kms:Decrypt on the data key's KMS key was denied to these credentials (with the context ${CONTEXT}): see docs/after-upload.md, IAM`,
  NotFoundException: 'the KMS key of the data key does not exist in that region',
};

/** One line: what the KMS failure means, then KMS's own words. */
export function kmsReason(operation: string, error: unknown, region: string): string {
  const name = error instanceof Error ? error.name : '';
  const reason = REASONS[name] ?? `KMS ${operation} failed`;
  return `${reason} (KMS ${operation} in ${region}: ${oneLine(messageOf(error))})`;
}

/** Whether the error is KMS refusing this key (as opposed to the network or throttling). */
export function isKeyRefusal(error: unknown): boolean {
  return error instanceof Error && error.name in REASONS;
}
