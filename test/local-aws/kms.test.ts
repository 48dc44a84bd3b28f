/**
 * The KMS emulator through the unmodified SDK: data keys and their encryption context, Encrypt,
 * request validation, key identifiers and aliases, key state and CreateKey.
 */
import { randomBytes } from 'node:crypto';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  ListAliasesCommand,
  type GenerateDataKeyCommandInput,
} from '@aws-sdk/client-kms';
import { ACCOUNT_ID } from '../../local-aws/identity.js';
import { failure, REGION, useKms } from '../support/kms-fixture.js';
import { MEDIACONVERT_CONTEXT } from '../support/oracle.js';

const local = useKms();

describe('GenerateDataKey and Decrypt', () => {
  it.each([
    [{ KeySpec: 'AES_128' as const }, 16],
    [{ KeySpec: 'AES_256' as const }, 32],
    [{ KeySpec: undefined, NumberOfBytes: 24 }, 24],
  ])('makes a data key for %j (%i bytes) that decrypts back', async (spec, bytes) => {
    const generated = await local.dataKey(spec);
    expect(generated.KeyId).toBe(local.keyArn);
    expect(generated.Plaintext).toHaveLength(bytes);
    const decrypted = await local.client.send(
      new DecryptCommand({
        CiphertextBlob: generated.CiphertextBlob,
        EncryptionContext: MEDIACONVERT_CONTEXT,
      }),
    );
    expect(decrypted.KeyId).toBe(local.keyArn);
    expect(decrypted.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(Buffer.from(decrypted.Plaintext ?? [])).toEqual(Buffer.from(generated.Plaintext ?? []));
  });

  it('gives a different key and blob every time', async () => {
    const [a, b] = await Promise.all([local.dataKey(), local.dataKey()]);
    expect(Buffer.from(a.Plaintext ?? [])).not.toEqual(Buffer.from(b.Plaintext ?? []));
    expect(Buffer.from(a.CiphertextBlob ?? [])).not.toEqual(Buffer.from(b.CiphertextBlob ?? []));
  });

  it.each([
    ['another value', { service: 's3.amazonaws.com' }],
    ['an extra pair', { ...MEDIACONVERT_CONTEXT, extra: 'x' }],
    ['no context', undefined],
  ])('refuses to decrypt with %s', async (_label, context) => {
    const { CiphertextBlob } = await local.dataKey();
    const error = await failure(
      local.client.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: context })),
    );
    expect(error.name).toBe('InvalidCiphertextException');
    expect(error.$fault).toBe('client');
  });

  it('does not care about the order of the context pairs', async () => {
    const { CiphertextBlob, Plaintext } = await local.dataKey({
      EncryptionContext: { a: '1', b: '2' },
    });
    const decrypted = await local.client.send(
      new DecryptCommand({ CiphertextBlob, EncryptionContext: { b: '2', a: '1' } }),
    );
    expect(Buffer.from(decrypted.Plaintext ?? [])).toEqual(Buffer.from(Plaintext ?? []));
  });

  it.each([0, 10, 40, 60, -1])('rejects a blob with byte %i flipped', async (index) => {
    const blob = Buffer.from((await local.dataKey()).CiphertextBlob ?? []);
    const at = index < 0 ? blob.length + index : index;
    blob[at] = (blob[at] ?? 0) ^ 0x01;
    const error = await failure(
      local.client.send(
        new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: MEDIACONVERT_CONTEXT }),
      ),
    );
    expect(error.name).toBe('InvalidCiphertextException');
  });

  it('rejects garbage and truncated blobs', async () => {
    const blob = Buffer.from((await local.dataKey()).CiphertextBlob ?? []);
    for (const bad of [randomBytes(97), blob.subarray(0, 50), Buffer.from('x')]) {
      const error = await failure(
        local.client.send(
          new DecryptCommand({ CiphertextBlob: bad, EncryptionContext: MEDIACONVERT_CONTEXT }),
        ),
      );
      expect(error.name).toBe('InvalidCiphertextException');
    }
  });

  it('makes keys without plaintext that decrypt to the requested length', async () => {
    const generated = await local.client.send(
      new GenerateDataKeyWithoutPlaintextCommand({
        KeyId: local.keyArn,
        KeySpec: 'AES_128',
        EncryptionContext: MEDIACONVERT_CONTEXT,
      }),
    );
    expect(generated).not.toHaveProperty('Plaintext');
    const decrypted = await local.client.send(
      new DecryptCommand({
        CiphertextBlob: generated.CiphertextBlob,
        EncryptionContext: MEDIACONVERT_CONTEXT,
      }),
    );
    expect(decrypted.Plaintext).toHaveLength(16);
  });

  it('checks a KeyId given on Decrypt against the key in the blob', async () => {
    const { CiphertextBlob } = await local.dataKey();
    const other = local.kms.createKey();
    const wrong = await failure(
      local.client.send(
        new DecryptCommand({
          CiphertextBlob,
          EncryptionContext: MEDIACONVERT_CONTEXT,
          KeyId: other.arn,
        }),
      ),
    );
    expect(wrong.name).toBe('IncorrectKeyException');
    const right = await local.client.send(
      new DecryptCommand({
        CiphertextBlob,
        EncryptionContext: MEDIACONVERT_CONTEXT,
        KeyId: local.keyId,
      }),
    );
    expect(right.KeyId).toBe(local.keyArn);
  });
});

describe('Encrypt', () => {
  it('encrypts up to 4096 bytes and decrypts them back', async () => {
    const plaintext = randomBytes(4096);
    const encrypted = await local.client.send(
      new EncryptCommand({
        KeyId: local.keyId,
        Plaintext: plaintext,
        EncryptionContext: MEDIACONVERT_CONTEXT,
      }),
    );
    expect(encrypted.KeyId).toBe(local.keyArn);
    expect(encrypted.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    const decrypted = await local.client.send(
      new DecryptCommand({
        CiphertextBlob: encrypted.CiphertextBlob,
        EncryptionContext: MEDIACONVERT_CONTEXT,
      }),
    );
    expect(Buffer.from(decrypted.Plaintext ?? [])).toEqual(plaintext);
  });

  it('refuses an empty or too long plaintext', async () => {
    for (const size of [0, 4097]) {
      const error = await failure(
        local.client.send(
          new EncryptCommand({ KeyId: local.keyId, Plaintext: Buffer.alloc(size) }),
        ),
      );
      expect(error.name).toBe('ValidationException');
      expect(error.message).toMatch(
        /at 'plaintext' failed to satisfy constraint: Member must have length/,
      );
    }
  });
});

describe('validation', () => {
  it.each([
    [
      { NumberOfBytes: 0, KeySpec: undefined },
      /Value '0' at 'numberOfBytes'.*greater than or equal to 1/,
    ],
    [
      { NumberOfBytes: 1025, KeySpec: undefined },
      /Value '1025' at 'numberOfBytes'.*less than or equal to 1024/,
    ],
    [{ KeySpec: 'AES_512' }, /Value 'AES_512' at 'keySpec'.*enum value set: \[AES_256, AES_128\]/],
    [{ KeySpec: 'AES_256', NumberOfBytes: 32 }, /either number of bytes or key spec/],
    [{ KeySpec: undefined }, /either number of bytes or key spec/],
  ])('refuses GenerateDataKey %j', async (input, message) => {
    const error = await failure(local.dataKey(input as Partial<GenerateDataKeyCommandInput>));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(message);
  });

  it('reports every violation in the AWS format', async () => {
    const error = await failure(
      local.dataKey({ KeyId: '', NumberOfBytes: 5000, KeySpec: undefined }),
    );
    expect(error.message).toMatch(
      /^2 validation errors detected: Value '' at 'keyId'.*; Value '5000'/,
    );
  });
});

describe('key identifiers', () => {
  it('describes a key by id, ARN, alias name and alias ARN', async () => {
    const aliasArn = local.kms.createAlias('alias/describe-me', local.keyId);
    expect(aliasArn).toBe(`arn:aws:kms:${REGION}:${ACCOUNT_ID}:alias/describe-me`);
    for (const id of [local.keyId, local.keyArn, 'alias/describe-me', aliasArn]) {
      const { KeyMetadata } = await local.client.send(new DescribeKeyCommand({ KeyId: id }));
      expect(KeyMetadata).toMatchObject({
        KeyId: local.keyId,
        Arn: local.keyArn,
        AWSAccountId: ACCOUNT_ID,
        KeyState: 'Enabled',
        Enabled: true,
        Description: 'test key',
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
      });
      expect(KeyMetadata?.CreationDate).toBeInstanceOf(Date);
    }
  });

  it('generates data keys through an alias', async () => {
    await local.client.send(
      new CreateAliasCommand({ AliasName: 'alias/media', TargetKeyId: local.keyArn }),
    );
    expect((await local.dataKey({ KeyId: 'alias/media' })).KeyId).toBe(local.keyArn);
  });

  it('lists aliases, optionally for one key', async () => {
    const other = local.kms.createKey();
    local.kms.createAlias('alias/other', other.keyId);
    const all = await local.client.send(new ListAliasesCommand({}));
    expect(all.Aliases?.map((alias) => alias.AliasName)).toEqual(
      expect.arrayContaining(['alias/describe-me', 'alias/media', 'alias/other']),
    );
    const mine = await local.client.send(new ListAliasesCommand({ KeyId: other.arn }));
    expect(mine.Aliases).toEqual([
      expect.objectContaining({
        AliasName: 'alias/other',
        AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:alias/other`,
        TargetKeyId: other.keyId,
      }),
    ]);
    const firstPage = await local.client.send(new ListAliasesCommand({ Limit: 1 }));
    expect(firstPage).toMatchObject({ Truncated: true, NextMarker: expect.any(String) });
  });

  it('refuses duplicate and badly named aliases', async () => {
    const send = (name: string) =>
      failure(
        local.client.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: local.keyId })),
      );
    local.kms.createAlias('alias/taken', local.keyId);
    expect((await send('alias/taken')).name).toBe('AlreadyExistsException');
    expect((await send('media')).name).toBe('InvalidAliasNameException');
    expect((await send('alias/aws/s3')).name).toBe('InvalidAliasNameException');
    expect(() => local.kms.createAlias('alias/taken', local.keyId)).toThrow(/already exists/);
  });

  it.each([
    ['an unknown key id', '11111111-2222-3333-4444-555555555555'],
    ['an unknown alias', 'alias/nope'],
    ['a malformed id', 'not-a-key'],
    ['a key ARN of another region', () => local.keyArn.replace(REGION, 'eu-west-1')],
    ['a key ARN of another account', () => local.keyArn.replace(ACCOUNT_ID, '444455556666')],
  ])('answers NotFoundException for %s', async (_label, id) => {
    const KeyId = typeof id === 'function' ? id() : id;
    const error = await failure(local.dataKey({ KeyId }));
    expect(error.name).toBe('NotFoundException');
  });
});

describe('key state', () => {
  it('refuses a disabled key and works again once it is enabled', async () => {
    const key = local.kms.createKey();
    const { CiphertextBlob } = await local.dataKey({ KeyId: key.arn });
    await local.client.send(new DisableKeyCommand({ KeyId: key.keyId }));
    const described = await local.client.send(new DescribeKeyCommand({ KeyId: key.arn }));
    expect(described.KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    expect((await failure(local.dataKey({ KeyId: key.arn }))).name).toBe('DisabledException');
    const decrypt = new DecryptCommand({ CiphertextBlob, EncryptionContext: MEDIACONVERT_CONTEXT });
    const error = await failure(local.client.send(decrypt));
    expect(error.name).toBe('DisabledException');
    expect(error.message).toBe(`${key.arn} is disabled.`);
    await local.client.send(new EnableKeyCommand({ KeyId: key.arn }));
    expect((await local.client.send(decrypt)).KeyId).toBe(key.arn);
  });

  it('lets the admin API disable a key too', async () => {
    const key = local.kms.createKey();
    local.kms.setEnabled(key.arn, false);
    expect((await failure(local.dataKey({ KeyId: key.keyId }))).name).toBe('DisabledException');
  });
});

describe('CreateKey', () => {
  it('creates symmetric keys in the emulator region', async () => {
    const { KeyMetadata } = await local.client.send(
      new CreateKeyCommand({ Description: 'made by SDK' }),
    );
    expect(KeyMetadata?.Arn).toMatch(
      new RegExp(`^arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/[0-9a-f-]{36}$`),
    );
    expect(KeyMetadata).toMatchObject({
      KeyState: 'Enabled',
      KeySpec: 'SYMMETRIC_DEFAULT',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      Description: 'made by SDK',
    });
    expect((await local.dataKey({ KeyId: KeyMetadata?.KeyId })).KeyId).toBe(KeyMetadata?.Arn);
  });

  it('says plainly that asymmetric keys are not emulated', async () => {
    const error = await failure(local.client.send(new CreateKeyCommand({ KeySpec: 'RSA_2048' })));
    expect(error.name).toBe('UnsupportedOperationException');
  });
});
