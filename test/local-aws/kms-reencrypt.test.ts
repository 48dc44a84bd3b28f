/**
 * ReEncrypt on the KMS emulator through the unmodified SDK: the request and response members
 * and the error codes of the KMS API reference, the two authorizations (kms:ReEncryptFrom on
 * the source key, kms:ReEncryptTo on the destination key), and Decrypt of what it returns.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  CreateGrantCommand,
  DecryptCommand,
  GenerateDataKeyCommand,
  KMSClient,
  ReEncryptCommand,
  type ReEncryptCommandInput,
} from '@aws-sdk/client-kms';
import { ACCOUNT_ID, STACK_CREDENTIALS } from '../../local-aws/identity.js';
import { startKms, type KmsEmulator } from '../../local-aws/kms/server.js';

const REGION = 'us-east-1';
const CONTEXT = { service: 'mediaconvert.amazonaws.com' };
const ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/RewrapRole`;

let kms: KmsEmulator;
let client: KMSClient;
let source: { keyId: string; arn: string };
let destination: { keyId: string; arn: string };
const clients: KMSClient[] = [];

function clientFor(credentials: { accessKeyId: string; secretAccessKey: string }): KMSClient {
  const created = new KMSClient({ region: REGION, endpoint: kms.url, credentials, maxAttempts: 1 });
  clients.push(created);
  return created;
}

async function failure(promise: Promise<unknown>): Promise<Error & { $metadata?: object }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

/** A data key under `keyArn` with the MediaConvert context: its plaintext and its blob. */
async function dataKey(keyArn = source.arn): Promise<{ plaintext: Buffer; blob: Uint8Array }> {
  const out = await client.send(
    new GenerateDataKeyCommand({ KeyId: keyArn, KeySpec: 'AES_256', EncryptionContext: CONTEXT }),
  );
  return { plaintext: Buffer.from(out.Plaintext!), blob: out.CiphertextBlob! };
}

function reEncrypt(blob: Uint8Array, input: Partial<ReEncryptCommandInput> = {}) {
  return new ReEncryptCommand({
    CiphertextBlob: blob,
    SourceKeyId: source.arn,
    SourceEncryptionContext: CONTEXT,
    DestinationKeyId: destination.arn,
    DestinationEncryptionContext: CONTEXT,
    ...input,
  });
}

async function decrypted(blob: Uint8Array, context = CONTEXT): Promise<Buffer> {
  const out = await client.send(
    new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: context }),
  );
  return Buffer.from(out.Plaintext!);
}

beforeAll(async () => {
  kms = await startKms({ region: REGION });
  source = kms.createKey({ description: 'source' });
  destination = kms.createKey({ description: 'destination' });
  kms.createAlias('alias/rewrap-target', destination.keyId);
  client = clientFor(STACK_CREDENTIALS);
});

afterAll(async () => {
  for (const created of clients) created.destroy();
  await kms.close();
});

describe('ReEncrypt', () => {
  it('moves a data key to another key: the new blob decrypts to the same plaintext there', async () => {
    const { plaintext, blob } = await dataKey();
    const out = await client.send(reEncrypt(blob));
    expect(out).toMatchObject({
      SourceKeyId: source.arn,
      KeyId: destination.arn,
      SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    });
    const moved = out.CiphertextBlob!;
    expect(Buffer.from(moved).equals(Buffer.from(blob))).toBe(false);

    const opened = await client.send(
      new DecryptCommand({ CiphertextBlob: moved, EncryptionContext: CONTEXT }),
    );
    expect(opened.KeyId).toBe(destination.arn);
    expect(Buffer.from(opened.Plaintext!).equals(plaintext)).toBe(true);
    // The old blob is untouched and still opens under the source key.
    expect((await decrypted(blob)).equals(plaintext)).toBe(true);
    // Decrypt pinned to the old key refuses the new blob.
    const pinned = await failure(
      client.send(
        new DecryptCommand({
          CiphertextBlob: moved,
          EncryptionContext: CONTEXT,
          KeyId: source.arn,
        }),
      ),
    );
    expect(pinned.name).toBe('IncorrectKeyException');
  });

  it('takes the source key from the blob when SourceKeyId is absent, and accepts aliases and ids', async () => {
    const { plaintext, blob } = await dataKey();
    const byAlias = await client.send(
      reEncrypt(blob, { SourceKeyId: undefined, DestinationKeyId: 'alias/rewrap-target' }),
    );
    expect(byAlias).toMatchObject({ SourceKeyId: source.arn, KeyId: destination.arn });
    const byId = await client.send(
      reEncrypt(byAlias.CiphertextBlob!, {
        SourceKeyId: destination.keyId,
        DestinationKeyId: source.keyId,
      }),
    );
    expect(byId).toMatchObject({ SourceKeyId: destination.arn, KeyId: source.arn });
    expect((await decrypted(byId.CiphertextBlob!)).equals(plaintext)).toBe(true);
  });

  it('changes the encryption context on the same key: only the new context opens the result', async () => {
    const { plaintext, blob } = await dataKey();
    const other = { service: 'mediaconvert.amazonaws.com', purpose: 'archive' };
    const out = await client.send(
      reEncrypt(blob, { DestinationKeyId: source.arn, DestinationEncryptionContext: other }),
    );
    expect(out.KeyId).toBe(source.arn);
    expect((await decrypted(out.CiphertextBlob!, other)).equals(plaintext)).toBe(true);
    const old = await failure(decrypted(out.CiphertextBlob!));
    expect(old.name).toBe('InvalidCiphertextException');
  });

  it.each([
    ['another context', { service: 's3.amazonaws.com' }],
    ['an extra pair', { ...CONTEXT, extra: 'x' }],
    ['no context', undefined],
  ])('refuses a source context that is not the one sealed in: %s', async (_label, context) => {
    const { blob } = await dataKey();
    const error = await failure(client.send(reEncrypt(blob, { SourceEncryptionContext: context })));
    expect(error.name).toBe('InvalidCiphertextException');
  });

  it('refuses a SourceKeyId that is not the key that encrypted the blob', async () => {
    const { blob } = await dataKey();
    const error = await failure(client.send(reEncrypt(blob, { SourceKeyId: destination.arn })));
    expect(error.name).toBe('IncorrectKeyException');
    expect(error.message).toMatch(/does not identify a KMS key that can perform this operation/);
  });

  it.each([
    ['an unknown key id', () => randomUUID()],
    ['an unknown key ARN', () => `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/${randomUUID()}`],
    ['an unknown alias', () => 'alias/nothing-here'],
    ['a key in another region', () => destination.arn.replace(REGION, 'eu-west-1')],
  ])('answers NotFoundException for %s as destination', async (_label, id) => {
    const { blob } = await dataKey();
    const error = await failure(client.send(reEncrypt(blob, { DestinationKeyId: id() })));
    expect(error.name).toBe('NotFoundException');
  });

  it('answers DisabledException for a disabled destination or source key', async () => {
    const { blob } = await dataKey();
    kms.setEnabled(destination.arn, false);
    try {
      const error = await failure(client.send(reEncrypt(blob)));
      expect(error.name).toBe('DisabledException');
      expect(error.message).toBe(`${destination.arn} is disabled.`);
    } finally {
      kms.setEnabled(destination.arn, true);
    }
    kms.setEnabled(source.arn, false);
    try {
      const error = await failure(client.send(reEncrypt(blob)));
      expect(error.message).toBe(`${source.arn} is disabled.`);
    } finally {
      kms.setEnabled(source.arn, true);
    }
  });

  it('answers InvalidCiphertextException for a modified or foreign blob', async () => {
    const { blob } = await dataKey();
    const flipped = Buffer.from(blob);
    flipped[flipped.length - 1]! ^= 1;
    for (const bad of [flipped, randomBytes(80)]) {
      const error = await failure(client.send(reEncrypt(bad)));
      expect(error.name).toBe('InvalidCiphertextException');
    }
  });

  it('validates like the service model: DestinationKeyId is required', async () => {
    const { blob } = await dataKey();
    const error = await failure(client.send(reEncrypt(blob, { DestinationKeyId: undefined })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe(
      "1 validation error detected: Value null at 'destinationKeyId' failed to satisfy constraint: Member must not be null",
    );
  });

  it('refuses an asymmetric algorithm and stops at DryRun once every check passed', async () => {
    const { blob } = await dataKey();
    const algorithm = await failure(
      client.send(reEncrypt(blob, { DestinationEncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
    );
    expect(algorithm.name).toBe('InvalidKeyUsageException');
    const dryRun = await failure(client.send(reEncrypt(blob, { DryRun: true })));
    expect(dryRun.name).toBe('DryRunOperationException');
    const wrongKeyDryRun = await failure(
      client.send(reEncrypt(blob, { DryRun: true, SourceKeyId: destination.arn })),
    );
    expect(wrongKeyDryRun.name).toBe('IncorrectKeyException');
  });
});

describe('ReEncrypt authorization', () => {
  it('needs kms:ReEncryptFrom on the source key and kms:ReEncryptTo on the destination key', async () => {
    const from = kms.createKey({ description: 'from' });
    const to = kms.createKey({ description: 'to' });
    const role = clientFor(kms.principals.registerRole(ROLE_ARN));
    const { plaintext, blob } = await dataKey(from.arn);
    const request = reEncrypt(blob, { SourceKeyId: from.arn, DestinationKeyId: to.arn });

    const noFrom = await failure(role.send(request));
    expect(noFrom.name).toBe('AccessDeniedException');
    expect(noFrom.message).toBe(
      `User: ${ROLE_ARN} is not authorized to perform: kms:ReEncryptFrom on resource: ${from.arn} ` +
        'because no identity-based policy allows the kms:ReEncryptFrom action',
    );

    // A Decrypt grant on the source is not a ReEncryptFrom grant.
    kms.grant(from.arn, ROLE_ARN, ['Decrypt']);
    expect((await failure(role.send(request))).message).toMatch(/kms:ReEncryptFrom on resource/);

    await grant(from.arn, 'ReEncryptFrom');
    const noTo = await failure(role.send(request));
    expect(noTo.message).toBe(
      `User: ${ROLE_ARN} is not authorized to perform: kms:ReEncryptTo on resource: ${to.arn} ` +
        'because no identity-based policy allows the kms:ReEncryptTo action',
    );

    await grant(to.arn, 'ReEncryptTo');
    const out = await role.send(request);
    expect(out.KeyId).toBe(to.arn);
    expect((await decrypted(out.CiphertextBlob!)).equals(plaintext)).toBe(true);

    // The grants' context constraint holds the destination to the MediaConvert context too.
    const elsewhere = await failure(
      role.send(
        reEncrypt(blob, {
          SourceKeyId: from.arn,
          DestinationKeyId: to.arn,
          DestinationEncryptionContext: { service: 's3.amazonaws.com' },
        }),
      ),
    );
    expect(elsewhere.message).toMatch(/kms:ReEncryptTo on resource/);
  });

  it('is logged as TrentService.ReEncrypt with the caller', async () => {
    const { blob } = await dataKey();
    const before = kms.requests.length;
    await client.send(reEncrypt(blob));
    expect(kms.requests.slice(before)).toEqual([
      { target: 'TrentService.ReEncrypt', principal: expect.stringMatching(/:user\//) as string },
    ]);
  });
});

/** A grant from the key's owner to ROLE_ARN, constrained to the MediaConvert context. */
async function grant(keyArn: string, operation: 'ReEncryptFrom' | 'ReEncryptTo'): Promise<void> {
  await client.send(
    new CreateGrantCommand({
      KeyId: keyArn,
      GranteePrincipal: ROLE_ARN,
      Operations: [operation],
      Constraints: { EncryptionContextEquals: CONTEXT },
    }),
  );
}
