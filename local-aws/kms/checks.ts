/**
 * What every KMS operation handler shares: the call it runs in, the model's value sets, and the
 * checks that come before a key is used (identifier, authorization, state, algorithm, DryRun).
 */
import type { EncryptionContext } from './blob.js';
import { KmsError } from './errors.js';
import type { JsonObject, RequestReader } from './input.js';
import { authorize, requireEnabled, type KeyStore, type KmsKey } from './store.js';

/** Who is calling, and the account/region they are calling into. */
export interface Call {
  store: KeyStore;
  principal: string;
}

export type Handler = (input: RequestReader, call: Call) => JsonObject;

// Enum value sets of the KMS service model, so validation messages list what AWS lists.
export const ENCRYPTION_ALGORITHMS = [
  'SYMMETRIC_DEFAULT',
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
  'SM2PKE',
];
export const SYMMETRIC_DEFAULT = 'SYMMETRIC_DEFAULT';
/** KeyIdType: 1..2048 characters. */
export const KEY_ID = { min: 1, max: 2048 };
/** CiphertextType: 1..6144 bytes. */
export const CIPHERTEXT = { min: 1, max: 6144 };
/** GrantTokenList: at most 10 (accepted, not used). */
export const GRANT_TOKENS = { max: 10 };

export const base64 = (bytes: Buffer): string => bytes.toString('base64');

/** Resolves, authorizes and checks the state of the key a cryptographic operation uses. */
export function usableKey(
  call: Call,
  identifier: string,
  operation: string,
  context: EncryptionContext | undefined,
): KmsKey {
  const key = call.store.resolve(identifier, 'key-or-alias');
  authorize(key, call.principal, operation, context);
  requireEnabled(key);
  return key;
}

/** Resolves and authorizes a key for a management operation (ids and key ARNs only). */
export function managedKey(call: Call, identifier: string, operation: string): KmsKey {
  const key = call.store.resolve(identifier, 'key-only');
  authorize(key, call.principal, operation);
  return key;
}

export function stopIfDryRun(dryRun: boolean | undefined): void {
  if (dryRun) {
    throw new KmsError(
      'DryRunOperationException',
      'The request would have succeeded, but the DryRun option is set.',
      412,
    );
  }
}

export function requireSymmetricAlgorithm(algorithm: string | undefined): void {
  if (algorithm !== undefined && algorithm !== SYMMETRIC_DEFAULT) {
    throw new KmsError(
      'InvalidKeyUsageException',
      `${algorithm} is not a supported encryption algorithm for this KMS key.`,
    );
  }
}
