import { randomBytes } from 'node:crypto';
import { ACCOUNT_ID } from '../identity.js';
import { sealBlob } from './blob.js';
import {
  base64,
  ENCRYPTION_ALGORITHMS,
  GRANT_TOKENS,
  KEY_ID,
  managedKey,
  requireSymmetricAlgorithm,
  stopIfDryRun,
  SYMMETRIC_DEFAULT,
  usableKey,
  type Call,
  type Handler,
} from './checks.js';
import { decrypt, reEncrypt } from './ciphertext.js';
import { KmsError } from './errors.js';
import type { JsonObject, RequestReader } from './input.js';
import { authorize, type Alias, type Grant, type GrantConstraints, type KmsKey } from './store.js';

export type { Call, Handler } from './checks.js';

// Enum value sets of the KMS service model, so validation messages list what AWS lists.
const DATA_KEY_SPECS = ['AES_256', 'AES_128'] as const;
const KEY_USAGES = ['SIGN_VERIFY', 'ENCRYPT_DECRYPT', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'];
// prettier-ignore
const KEY_SPECS = [
  'RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521',
  'ECC_SECG_P256K1', 'SYMMETRIC_DEFAULT', 'HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512', 'SM2',
];
const ORIGINS = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'];
// prettier-ignore
export const GRANT_OPERATIONS: readonly string[] = [
  'Decrypt', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'ReEncryptFrom',
  'ReEncryptTo', 'Sign', 'Verify', 'GetPublicKey', 'CreateGrant', 'RetireGrant', 'DescribeKey',
  'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext', 'GenerateMac', 'VerifyMac',
];

const NAME_PATTERN = /^[a-zA-Z0-9:/_-]+$/;
const PRINCIPAL_PATTERN = /^[\w+=,.@:/-]+$/;

const epochSeconds = (date: Date): number => date.getTime() / 1000;

function keyMetadata(key: KmsKey): JsonObject {
  return {
    AWSAccountId: ACCOUNT_ID,
    KeyId: key.id,
    Arn: key.arn,
    CreationDate: epochSeconds(key.creationDate),
    Enabled: key.enabled,
    Description: key.description,
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: key.enabled ? 'Enabled' : 'Disabled',
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: SYMMETRIC_DEFAULT,
    KeySpec: SYMMETRIC_DEFAULT,
    EncryptionAlgorithms: [SYMMETRIC_DEFAULT],
    MultiRegion: false,
  };
}

/** Limit/Marker paging as in the List* operations; the marker is an opaque offset. */
function page<T>(
  items: readonly T[],
  limit: number | undefined,
  marker: string | undefined,
): { items: T[]; more: JsonObject } {
  const start = marker === undefined ? 0 : Number(marker);
  if (!Number.isInteger(start) || start < 0 || start > items.length) {
    throw new KmsError('InvalidMarkerException', 'The marker is not valid.');
  }
  const end = Math.min(items.length, start + (limit ?? 100));
  const truncated = end < items.length;
  const more = truncated ? { Truncated: true, NextMarker: String(end) } : { Truncated: false };
  return { items: items.slice(start, end), more };
}

const createKey: Handler = (input, call) => {
  const description = input.string('Description', { max: 8192 });
  const usage = input.string('KeyUsage', { values: KEY_USAGES });
  const spec = input.string('KeySpec', { values: KEY_SPECS });
  const legacySpec = input.string('CustomerMasterKeySpec', { values: KEY_SPECS });
  const origin = input.string('Origin', { values: ORIGINS });
  const multiRegion = input.boolean('MultiRegion');
  input.validate();
  const unsupported = [
    usage !== undefined && usage !== 'ENCRYPT_DECRYPT' && `KeyUsage ${usage}`,
    (spec ?? legacySpec ?? SYMMETRIC_DEFAULT) !== SYMMETRIC_DEFAULT &&
      `KeySpec ${spec ?? legacySpec}`,
    origin !== undefined && origin !== 'AWS_KMS' && `Origin ${origin}`,
    multiRegion === true && 'multi-Region keys',
  ].filter((item): item is string => typeof item === 'string');
  if (unsupported.length > 0) {
    throw new KmsError(
      'UnsupportedOperationException',
      `The KMS emulator supports only symmetric encryption keys; not ${unsupported.join(', ')}.`,
    );
  }
  const key = call.store.createKey({ description: description ?? '', owner: call.principal });
  return { KeyMetadata: keyMetadata(key) };
};

const describeKey: Handler = (input, call) => {
  const keyId = input.requiredString('KeyId', KEY_ID);
  input.validate();
  const key = call.store.resolve(keyId, 'key-or-alias');
  authorize(key, call.principal, 'DescribeKey');
  return { KeyMetadata: keyMetadata(key) };
};

const createAlias: Handler = (input, call) => {
  const aliasName = input.requiredString('AliasName', { min: 1, max: 256, pattern: NAME_PATTERN });
  const target = input.requiredString('TargetKeyId', KEY_ID);
  input.validate();
  const key = managedKey(call, target, 'CreateAlias');
  call.store.createAlias(aliasName, key.id);
  return {};
};

function aliasEntry(alias: Alias): JsonObject {
  const created = epochSeconds(alias.creationDate);
  return {
    AliasName: alias.name,
    AliasArn: alias.arn,
    TargetKeyId: alias.targetKeyId,
    CreationDate: created,
    LastUpdatedDate: created,
  };
}

const listAliases: Handler = (input, call) => {
  const keyId = input.string('KeyId', KEY_ID);
  const limit = input.integer('Limit', { min: 1, max: 100 });
  const marker = input.string('Marker', { min: 1, max: 1024 });
  input.validate();
  const filterId = keyId === undefined ? undefined : call.store.resolve(keyId, 'key-only').id;
  const aliases = call.store
    .listAliases()
    .filter((alias) => filterId === undefined || alias.targetKeyId === filterId);
  const { items, more } = page(aliases, limit, marker);
  return { Aliases: items.map(aliasEntry), ...more };
};

/** Both GenerateDataKey operations: one data key, its length from KeySpec or NumberOfBytes. */
function generateDataKey(input: RequestReader, call: Call, operation: string): JsonObject {
  const keyId = input.requiredString('KeyId', KEY_ID);
  const keySpec = input.string('KeySpec', { values: DATA_KEY_SPECS });
  const numberOfBytes = input.integer('NumberOfBytes', { min: 1, max: 1024 });
  const context = input.stringMap('EncryptionContext');
  input.stringList('GrantTokens', GRANT_TOKENS);
  const dryRun = input.boolean('DryRun');
  input.validate();
  if ((keySpec === undefined) === (numberOfBytes === undefined)) {
    throw new KmsError('ValidationException', 'Please specify either number of bytes or key spec.');
  }
  const key = usableKey(call, keyId, operation, context);
  stopIfDryRun(dryRun);
  const length = numberOfBytes ?? (keySpec === 'AES_128' ? 16 : 32);
  const plaintext = randomBytes(length);
  const blob = sealBlob(key.id, key.backingKey, plaintext, context);
  const response: JsonObject = { CiphertextBlob: base64(blob), KeyId: key.arn };
  if (operation === 'GenerateDataKey') response.Plaintext = base64(plaintext);
  plaintext.fill(0);
  return response;
}

const encrypt: Handler = (input, call) => {
  const keyId = input.requiredString('KeyId', KEY_ID);
  const plaintext = input.requiredBlob('Plaintext', { min: 1, max: 4096 });
  const context = input.stringMap('EncryptionContext');
  const algorithm = input.string('EncryptionAlgorithm', { values: ENCRYPTION_ALGORITHMS });
  input.stringList('GrantTokens', GRANT_TOKENS);
  const dryRun = input.boolean('DryRun');
  input.validate();
  const key = usableKey(call, keyId, 'Encrypt', context);
  requireSymmetricAlgorithm(algorithm);
  stopIfDryRun(dryRun);
  const blob = sealBlob(key.id, key.backingKey, plaintext, context);
  plaintext.fill(0);
  return { CiphertextBlob: base64(blob), KeyId: key.arn, EncryptionAlgorithm: SYMMETRIC_DEFAULT };
};

function setKeyEnabled(enabled: boolean): Handler {
  return (input, call) => {
    const keyId = input.requiredString('KeyId', KEY_ID);
    input.validate();
    managedKey(call, keyId, enabled ? 'EnableKey' : 'DisableKey').enabled = enabled;
    return {};
  };
}

function readConstraints(input: RequestReader): GrantConstraints | undefined {
  const constraints = input.object('Constraints');
  if (constraints === undefined) return undefined;
  const subset = constraints.stringMap('EncryptionContextSubset');
  const equals = constraints.stringMap('EncryptionContextEquals');
  return {
    ...(subset && { encryptionContextSubset: subset }),
    ...(equals && { encryptionContextEquals: equals }),
  };
}

const createGrant: Handler = (input, call) => {
  const keyId = input.requiredString('KeyId', KEY_ID);
  const principal = { min: 1, max: 256, pattern: PRINCIPAL_PATTERN };
  const granteePrincipal = input.requiredString('GranteePrincipal', principal);
  const retiringPrincipal = input.string('RetiringPrincipal', principal);
  const operations = input.requiredStringList('Operations', { min: 1, values: GRANT_OPERATIONS });
  const name = input.string('Name', { min: 1, max: 256, pattern: NAME_PATTERN });
  const constraints = readConstraints(input);
  input.stringList('GrantTokens', GRANT_TOKENS);
  const dryRun = input.boolean('DryRun');
  input.validate();
  const key = managedKey(call, keyId, 'CreateGrant');
  stopIfDryRun(dryRun);
  const grant = call.store.addGrant(key, {
    granteePrincipal,
    operations,
    name,
    retiringPrincipal,
    constraints,
  });
  return { GrantId: grant.grantId, GrantToken: grant.grantToken };
};

function grantEntry(grant: Grant): JsonObject {
  const constraints = grant.constraints && {
    EncryptionContextSubset: grant.constraints.encryptionContextSubset,
    EncryptionContextEquals: grant.constraints.encryptionContextEquals,
  };
  return {
    KeyId: grant.keyArn,
    GrantId: grant.grantId,
    Name: grant.name ?? '',
    CreationDate: epochSeconds(grant.creationDate),
    GranteePrincipal: grant.granteePrincipal,
    RetiringPrincipal: grant.retiringPrincipal,
    IssuingAccount: `arn:aws:iam::${ACCOUNT_ID}:root`,
    Operations: grant.operations,
    Constraints: constraints,
  };
}

const listGrants: Handler = (input, call) => {
  const keyId = input.requiredString('KeyId', KEY_ID);
  const limit = input.integer('Limit', { min: 1, max: 100 });
  const marker = input.string('Marker', { min: 1, max: 1024 });
  const grantId = input.string('GrantId', { min: 1, max: 128 });
  const grantee = input.string('GranteePrincipal', { min: 1, max: 256 });
  input.validate();
  const key = managedKey(call, keyId, 'ListGrants');
  const grants = key.grants.filter(
    (grant) =>
      (grantId === undefined || grant.grantId === grantId) &&
      (grantee === undefined || grant.granteePrincipal === grantee),
  );
  const { items, more } = page(grants, limit, marker);
  return { Grants: items.map(grantEntry), ...more };
};

/** The operations the emulator serves, by the name in `X-Amz-Target: TrentService.<name>`. */
export const OPERATIONS: Readonly<Record<string, Handler>> = {
  CreateKey: createKey,
  DescribeKey: describeKey,
  CreateAlias: createAlias,
  ListAliases: listAliases,
  GenerateDataKey: (input, call) => generateDataKey(input, call, 'GenerateDataKey'),
  GenerateDataKeyWithoutPlaintext: (input, call) =>
    generateDataKey(input, call, 'GenerateDataKeyWithoutPlaintext'),
  Encrypt: encrypt,
  Decrypt: decrypt,
  ReEncrypt: reEncrypt,
  EnableKey: setKeyEnabled(true),
  DisableKey: setKeyEnabled(false),
  CreateGrant: createGrant,
  ListGrants: listGrants,
};
