/**
 * The operations that open a ciphertext blob: Decrypt, and ReEncrypt (open under the source
 * key, seal under the destination key, the plaintext never leaving the emulator).
 */
import { blobKeyId, openBlob, sealBlob, type EncryptionContext } from './blob.js';
import {
  base64,
  CIPHERTEXT,
  ENCRYPTION_ALGORITHMS,
  GRANT_TOKENS,
  KEY_ID,
  requireSymmetricAlgorithm,
  stopIfDryRun,
  SYMMETRIC_DEFAULT,
  usableKey,
  type Call,
  type Handler,
} from './checks.js';
import { KmsError, invalidCiphertext } from './errors.js';
import { authorize, requireEnabled, type KmsKey } from './store.js';

/**
 * The key a blob was sealed under. The key comes from the blob; a key named in the request
 * (Decrypt's KeyId, ReEncrypt's SourceKeyId) only has to agree with it.
 */
function sourceKey(call: Call, blob: Buffer, named: string | undefined): KmsKey {
  const blobKey = blobKeyId(blob);
  const key = blobKey === undefined ? undefined : call.store.findById(blobKey);
  if (key === undefined) throw invalidCiphertext();
  if (named !== undefined && call.store.resolve(named, 'key-or-alias').id !== key.id) {
    throw new KmsError(
      'IncorrectKeyException',
      'The key ID in the request does not identify a KMS key that can perform this operation.',
    );
  }
  return key;
}

/** The plaintext, or InvalidCiphertextException (wrong context or a modified blob). */
function open(blob: Buffer, key: KmsKey, context: EncryptionContext | undefined): Buffer {
  const plaintext = openBlob(blob, key.backingKey, context);
  if (plaintext === undefined) throw invalidCiphertext();
  return plaintext;
}

export const decrypt: Handler = (input, call) => {
  const blob = input.requiredBlob('CiphertextBlob', CIPHERTEXT);
  const context = input.stringMap('EncryptionContext');
  const keyId = input.string('KeyId', KEY_ID);
  const algorithm = input.string('EncryptionAlgorithm', { values: ENCRYPTION_ALGORITHMS });
  input.stringList('GrantTokens', GRANT_TOKENS);
  const dryRun = input.boolean('DryRun');
  input.validate();
  const key = sourceKey(call, blob, keyId);
  authorize(key, call.principal, 'Decrypt', context);
  requireEnabled(key);
  requireSymmetricAlgorithm(algorithm);
  stopIfDryRun(dryRun);
  const plaintext = open(blob, key, context);
  const encoded = base64(plaintext);
  plaintext.fill(0);
  return { KeyId: key.arn, Plaintext: encoded, EncryptionAlgorithm: SYMMETRIC_DEFAULT };
};

/**
 * ReEncrypt is authorized twice, as on KMS: kms:ReEncryptFrom on the source key (grant
 * constraints against the source context) and kms:ReEncryptTo on the destination key (against
 * the destination context). The source is checked first, then the destination, then the blob.
 */
export const reEncrypt: Handler = (input, call) => {
  const blob = input.requiredBlob('CiphertextBlob', CIPHERTEXT);
  const sourceContext = input.stringMap('SourceEncryptionContext');
  const sourceKeyId = input.string('SourceKeyId', KEY_ID);
  const destinationKeyId = input.requiredString('DestinationKeyId', KEY_ID);
  const destinationContext = input.stringMap('DestinationEncryptionContext');
  const algorithms = { values: ENCRYPTION_ALGORITHMS };
  const sourceAlgorithm = input.string('SourceEncryptionAlgorithm', algorithms);
  const destinationAlgorithm = input.string('DestinationEncryptionAlgorithm', algorithms);
  input.stringList('GrantTokens', GRANT_TOKENS);
  const dryRun = input.boolean('DryRun');
  input.validate();
  const source = sourceKey(call, blob, sourceKeyId);
  authorize(source, call.principal, 'ReEncryptFrom', sourceContext);
  requireEnabled(source);
  const destination = usableKey(call, destinationKeyId, 'ReEncryptTo', destinationContext);
  requireSymmetricAlgorithm(sourceAlgorithm);
  requireSymmetricAlgorithm(destinationAlgorithm);
  stopIfDryRun(dryRun);
  const plaintext = open(blob, source, sourceContext);
  const sealed = sealBlob(destination.id, destination.backingKey, plaintext, destinationContext);
  plaintext.fill(0);
  return {
    CiphertextBlob: base64(sealed),
    SourceKeyId: source.arn,
    KeyId: destination.arn,
    SourceEncryptionAlgorithm: SYMMETRIC_DEFAULT,
    DestinationEncryptionAlgorithm: SYMMETRIC_DEFAULT,
  };
};
