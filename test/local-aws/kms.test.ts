import { randomBytes } from 'node:crypto';
import {
  CreateAliasCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  ListAliasesCommand,
  type KMSClient,
  ListGrantsCommand,
  type GenerateDataKeyCommandInput,
} from '@aws-sdk/client-kms';
import { ACCOUNT_ID, STACK_CREDENTIALS, STACK_USER_ARN } from '../../local-aws/identity.js';
import { startKms, type KmsEmulator } from '../../local-aws/kms/server.js';
import { kmsClient } from '../support/clients.js';
import { MEDIACONVERT_CONTEXT } from '../support/oracle.js';

const REGION = 'us-east-1';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/MediaConvertRole`;

let kms: KmsEmulator;
let client: KMSClient;
let keyArn: string;
let keyId: string;
const clients: KMSClient[] = [];

function clientFor(
  credentials: { accessKeyId: string; secretAccessKey: string },
  region = REGION,
): KMSClient {
  const created = kmsClient(kms.url, { region, credentials, maxAttempts: 1 });
  clients.push(created);
  return created;
}

/** Resolves to the SDK exception (so tests can look at `name` and `message`). */
async function failure(promise: Promise<unknown>): Promise<Error & { $fault?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $fault?: string };
  }
  throw new Error('expected the call to fail');
}

async function dataKey(input: Partial<GenerateDataKeyCommandInput> = {}) {
  return client.send(
    new GenerateDataKeyCommand({
      KeyId: keyArn,
      KeySpec: 'AES_256',
      EncryptionContext: MEDIACONVERT_CONTEXT,
      ...input,
    }),
  );
}

beforeAll(async () => {
  kms = await startKms({ region: REGION });
  ({ arn: keyArn, keyId } = kms.createKey({ description: 'test key' }));
  client = clientFor(STACK_CREDENTIALS);
});

afterAll(async () => {
  for (const created of clients) created.destroy();
  await kms.close();
});

describe('GenerateDataKey and Decrypt', () => {
  it.each([
    [{ KeySpec: 'AES_128' as const }, 16],
    [{ KeySpec: 'AES_256' as const }, 32],
    [{ KeySpec: undefined, NumberOfBytes: 24 }, 24],
  ])('makes a data key for %j (%i bytes) that decrypts back', async (spec, bytes) => {
    const generated = await dataKey(spec);
    expect(generated.KeyId).toBe(keyArn);
    expect(generated.Plaintext).toHaveLength(bytes);
    const decrypted = await client.send(
      new DecryptCommand({
        CiphertextBlob: generated.CiphertextBlob,
        EncryptionContext: MEDIACONVERT_CONTEXT,
      }),
    );
    expect(decrypted.KeyId).toBe(keyArn);
    expect(decrypted.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(Buffer.from(decrypted.Plaintext ?? [])).toEqual(Buffer.from(generated.Plaintext ?? []));
  });

  it('gives a different key and blob every time', async () => {
    const [a, b] = await Promise.all([dataKey(), dataKey()]);
    expect(Buffer.from(a.Plaintext ?? [])).not.toEqual(Buffer.from(b.Plaintext ?? []));
    expect(Buffer.from(a.CiphertextBlob ?? [])).not.toEqual(Buffer.from(b.CiphertextBlob ?? []));
  });

  it.each([
    ['another value', { service: 's3.amazonaws.com' }],
    ['an extra pair', { ...MEDIACONVERT_CONTEXT, extra: 'x' }],
    ['no context', undefined],
  ])('refuses to decrypt with %s', async (_label, context) => {
    const { CiphertextBlob } = await dataKey();
    const error = await failure(
      client.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: context })),
    );
    expect(error.name).toBe('InvalidCiphertextException');
    expect(error.$fault).toBe('client');
  });

  it('does not care about the order of the context pairs', async () => {
    const { CiphertextBlob, Plaintext } = await dataKey({ EncryptionContext: { a: '1', b: '2' } });
    const decrypted = await client.send(
      new DecryptCommand({ CiphertextBlob, EncryptionContext: { b: '2', a: '1' } }),
    );
    expect(Buffer.from(decrypted.Plaintext ?? [])).toEqual(Buffer.from(Plaintext ?? []));
  });

  it.each([0, 10, 40, 60, -1])('rejects a blob with byte %i flipped', async (index) => {
    const blob = Buffer.from((await dataKey()).CiphertextBlob ?? []);
    const at = index < 0 ? blob.length + index : index;
    blob[at] = (blob[at] ?? 0) ^ 0x01;
    const error = await failure(
      client.send(
        new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: MEDIACONVERT_CONTEXT }),
      ),
    );
    expect(error.name).toBe('InvalidCiphertextException');
  });

  it('rejects garbage and truncated blobs', async () => {
    const blob = Buffer.from((await dataKey()).CiphertextBlob ?? []);
    for (const bad of [randomBytes(97), blob.subarray(0, 50), Buffer.from('x')]) {
      const error = await failure(
        client.send(
          new DecryptCommand({ CiphertextBlob: bad, EncryptionContext: MEDIACONVERT_CONTEXT }),
        ),
      );
      expect(error.name).toBe('InvalidCiphertextException');
    }
  });

  it('makes keys without plaintext that decrypt to the requested length', async () => {
    const generated = await client.send(
      new GenerateDataKeyWithoutPlaintextCommand({
        KeyId: keyArn,
        KeySpec: 'AES_128',
        EncryptionContext: MEDIACONVERT_CONTEXT,
      }),
    );
    expect(generated).not.toHaveProperty('Plaintext');
    const decrypted = await client.send(
      new DecryptCommand({
        CiphertextBlob: generated.CiphertextBlob,
        EncryptionContext: MEDIACONVERT_CONTEXT,
      }),
    );
    expect(decrypted.Plaintext).toHaveLength(16);
  });

  it('checks a KeyId given on Decrypt against the key in the blob', async () => {
    const { CiphertextBlob } = await dataKey();
    const other = kms.createKey();
    const wrong = await failure(
      client.send(
        new DecryptCommand({
          CiphertextBlob,
          EncryptionContext: MEDIACONVERT_CONTEXT,
          KeyId: other.arn,
        }),
      ),
    );
    expect(wrong.name).toBe('IncorrectKeyException');
    const right = await client.send(
      new DecryptCommand({ CiphertextBlob, EncryptionContext: MEDIACONVERT_CONTEXT, KeyId: keyId }),
    );
    expect(right.KeyId).toBe(keyArn);
  });
});

describe('Encrypt', () => {
  it('encrypts up to 4096 bytes and decrypts them back', async () => {
    const plaintext = randomBytes(4096);
    const encrypted = await client.send(
      new EncryptCommand({
        KeyId: keyId,
        Plaintext: plaintext,
        EncryptionContext: MEDIACONVERT_CONTEXT,
      }),
    );
    expect(encrypted.KeyId).toBe(keyArn);
    expect(encrypted.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    const decrypted = await client.send(
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
        client.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.alloc(size) })),
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
    const error = await failure(dataKey(input as Partial<GenerateDataKeyCommandInput>));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(message);
  });

  it('reports every violation in the AWS format', async () => {
    const error = await failure(dataKey({ KeyId: '', NumberOfBytes: 5000, KeySpec: undefined }));
    expect(error.message).toMatch(
      /^2 validation errors detected: Value '' at 'keyId'.*; Value '5000'/,
    );
  });
});

describe('key identifiers', () => {
  it('describes a key by id, ARN, alias name and alias ARN', async () => {
    const aliasArn = kms.createAlias('alias/describe-me', keyId);
    expect(aliasArn).toBe(`arn:aws:kms:${REGION}:${ACCOUNT_ID}:alias/describe-me`);
    for (const id of [keyId, keyArn, 'alias/describe-me', aliasArn]) {
      const { KeyMetadata } = await client.send(new DescribeKeyCommand({ KeyId: id }));
      expect(KeyMetadata).toMatchObject({
        KeyId: keyId,
        Arn: keyArn,
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
    await client.send(new CreateAliasCommand({ AliasName: 'alias/media', TargetKeyId: keyArn }));
    expect((await dataKey({ KeyId: 'alias/media' })).KeyId).toBe(keyArn);
  });

  it('lists aliases, optionally for one key', async () => {
    const other = kms.createKey();
    kms.createAlias('alias/other', other.keyId);
    const all = await client.send(new ListAliasesCommand({}));
    expect(all.Aliases?.map((alias) => alias.AliasName)).toEqual(
      expect.arrayContaining(['alias/describe-me', 'alias/media', 'alias/other']),
    );
    const mine = await client.send(new ListAliasesCommand({ KeyId: other.arn }));
    expect(mine.Aliases).toEqual([
      expect.objectContaining({
        AliasName: 'alias/other',
        AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:alias/other`,
        TargetKeyId: other.keyId,
      }),
    ]);
    const firstPage = await client.send(new ListAliasesCommand({ Limit: 1 }));
    expect(firstPage).toMatchObject({ Truncated: true, NextMarker: expect.any(String) });
  });

  it('refuses duplicate and badly named aliases', async () => {
    const send = (name: string) =>
      failure(client.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: keyId })));
    kms.createAlias('alias/taken', keyId);
    expect((await send('alias/taken')).name).toBe('AlreadyExistsException');
    expect((await send('media')).name).toBe('InvalidAliasNameException');
    expect((await send('alias/aws/s3')).name).toBe('InvalidAliasNameException');
    expect(() => kms.createAlias('alias/taken', keyId)).toThrow(/already exists/);
  });

  it.each([
    ['an unknown key id', '11111111-2222-3333-4444-555555555555'],
    ['an unknown alias', 'alias/nope'],
    ['a malformed id', 'not-a-key'],
    ['a key ARN of another region', () => keyArn.replace(REGION, 'eu-west-1')],
    ['a key ARN of another account', () => keyArn.replace(ACCOUNT_ID, '444455556666')],
  ])('answers NotFoundException for %s', async (_label, id) => {
    const KeyId = typeof id === 'function' ? id() : id;
    const error = await failure(dataKey({ KeyId }));
    expect(error.name).toBe('NotFoundException');
  });
});

describe('key state', () => {
  it('refuses a disabled key and works again once it is enabled', async () => {
    const key = kms.createKey();
    const { CiphertextBlob } = await dataKey({ KeyId: key.arn });
    await client.send(new DisableKeyCommand({ KeyId: key.keyId }));
    const described = await client.send(new DescribeKeyCommand({ KeyId: key.arn }));
    expect(described.KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    expect((await failure(dataKey({ KeyId: key.arn }))).name).toBe('DisabledException');
    const decrypt = new DecryptCommand({ CiphertextBlob, EncryptionContext: MEDIACONVERT_CONTEXT });
    const error = await failure(client.send(decrypt));
    expect(error.name).toBe('DisabledException');
    expect(error.message).toBe(`${key.arn} is disabled.`);
    await client.send(new EnableKeyCommand({ KeyId: key.arn }));
    expect((await client.send(decrypt)).KeyId).toBe(key.arn);
  });

  it('lets the admin API disable a key too', async () => {
    const key = kms.createKey();
    kms.setEnabled(key.arn, false);
    expect((await failure(dataKey({ KeyId: key.keyId }))).name).toBe('DisabledException');
  });
});

describe('CreateKey', () => {
  it('creates symmetric keys in the emulator region', async () => {
    const { KeyMetadata } = await client.send(new CreateKeyCommand({ Description: 'made by SDK' }));
    expect(KeyMetadata?.Arn).toMatch(
      new RegExp(`^arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/[0-9a-f-]{36}$`),
    );
    expect(KeyMetadata).toMatchObject({
      KeyState: 'Enabled',
      KeySpec: 'SYMMETRIC_DEFAULT',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      Description: 'made by SDK',
    });
    expect((await dataKey({ KeyId: KeyMetadata?.KeyId })).KeyId).toBe(KeyMetadata?.Arn);
  });

  it('says plainly that asymmetric keys are not emulated', async () => {
    const error = await failure(client.send(new CreateKeyCommand({ KeySpec: 'RSA_2048' })));
    expect(error.name).toBe('UnsupportedOperationException');
  });
});

describe('callers and grants', () => {
  it('refuses unknown credentials', async () => {
    const stranger = clientFor({ accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' });
    const error = await failure(stranger.send(new DescribeKeyCommand({ KeyId: keyArn })));
    expect(error.name).toBe('UnrecognizedClientException');
  });

  it('refuses requests signed for another region', async () => {
    const elsewhere = clientFor(STACK_CREDENTIALS, 'eu-west-1');
    const error = await failure(elsewhere.send(new DescribeKeyCommand({ KeyId: keyArn })));
    expect(error.name).toBe('InvalidSignatureException');
  });

  it('lets a role decrypt only once it has a grant for Decrypt', async () => {
    const key = kms.createKey();
    const role = clientFor(kms.principals.registerRole(ROLE_ARN));
    const { CiphertextBlob, Plaintext } = await dataKey({ KeyId: key.arn });
    const decrypt = new DecryptCommand({ CiphertextBlob, EncryptionContext: MEDIACONVERT_CONTEXT });

    const denied = await failure(role.send(decrypt));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toBe(
      `User: ${ROLE_ARN} is not authorized to perform: kms:Decrypt on resource: ${key.arn} ` +
        'because no identity-based policy allows the kms:Decrypt action',
    );

    const grant = await client.send(
      new CreateGrantCommand({
        KeyId: key.keyId,
        GranteePrincipal: ROLE_ARN,
        Operations: ['Decrypt'],
      }),
    );
    expect(grant.GrantId).toEqual(expect.any(String));
    const decrypted = await role.send(decrypt);
    expect(Buffer.from(decrypted.Plaintext ?? [])).toEqual(Buffer.from(Plaintext ?? []));

    // The grant covers Decrypt only.
    const generate = new GenerateDataKeyCommand({ KeyId: key.arn, KeySpec: 'AES_256' });
    expect((await failure(role.send(generate))).name).toBe('AccessDeniedException');
    const encrypt = new EncryptCommand({ KeyId: key.arn, Plaintext: Buffer.from('x') });
    expect((await failure(role.send(encrypt))).name).toBe('AccessDeniedException');
    // A role may not hand itself more rights.
    const selfGrant = new CreateGrantCommand({
      KeyId: key.keyId,
      GranteePrincipal: ROLE_ARN,
      Operations: ['GenerateDataKey'],
    });
    expect((await failure(role.send(selfGrant))).name).toBe('AccessDeniedException');

    const { Grants } = await client.send(new ListGrantsCommand({ KeyId: key.arn }));
    expect(Grants).toEqual([
      expect.objectContaining({
        KeyId: key.arn,
        GrantId: grant.GrantId,
        GranteePrincipal: ROLE_ARN,
        Operations: ['Decrypt'],
      }),
    ]);
  });

  it('honours a grant made through the admin API and its operations', async () => {
    const key = kms.createKey();
    const role = clientFor(kms.principals.registerRole(ROLE_ARN));
    kms.grant(key.arn, ROLE_ARN, ['GenerateDataKey', 'Decrypt']);
    const generated = await role.send(
      new GenerateDataKeyCommand({
        KeyId: key.arn,
        NumberOfBytes: 24,
        EncryptionContext: MEDIACONVERT_CONTEXT,
      }),
    );
    expect(generated.Plaintext).toHaveLength(24);
    expect(() => kms.grant(key.arn, ROLE_ARN, ['Decrypt', 'Fly'])).toThrow(/Fly/);
  });

  it('applies grant constraints on the encryption context', async () => {
    const key = kms.createKey();
    const role = clientFor(kms.principals.registerRole(ROLE_ARN));
    await client.send(
      new CreateGrantCommand({
        KeyId: key.arn,
        GranteePrincipal: ROLE_ARN,
        Operations: ['Decrypt'],
        Constraints: { EncryptionContextEquals: MEDIACONVERT_CONTEXT },
      }),
    );
    const withContext = await dataKey({ KeyId: key.arn });
    const without = await dataKey({ KeyId: key.arn, EncryptionContext: { other: 'x' } });
    await role.send(
      new DecryptCommand({
        CiphertextBlob: withContext.CiphertextBlob,
        EncryptionContext: MEDIACONVERT_CONTEXT,
      }),
    );
    const error = await failure(
      role.send(
        new DecryptCommand({
          CiphertextBlob: without.CiphertextBlob,
          EncryptionContext: { other: 'x' },
        }),
      ),
    );
    expect(error.name).toBe('AccessDeniedException');
  });

  it('records every operation with its caller', async () => {
    const before = kms.requests.length;
    await client.send(new DescribeKeyCommand({ KeyId: keyArn }));
    expect(kms.requests.slice(before)).toEqual([
      { target: 'TrentService.DescribeKey', principal: STACK_USER_ARN },
    ]);
  });
});

describe('wire format', () => {
  const post = (headers: Record<string, string>, body: string) =>
    fetch(kms.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', ...headers },
      body,
    });
  const auth = {
    Authorization:
      'AWS4-HMAC-SHA256 Credential=S3RVER/20260101/us-east-1/kms/aws4_request, ' +
      'SignedHeaders=host, Signature=00',
  };

  it('returns errors as __type + message with x-amzn-ErrorType', async () => {
    const response = await post(
      { ...auth, 'X-Amz-Target': 'TrentService.DescribeKey' },
      JSON.stringify({ KeyId: 'alias/none' }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('NotFoundException');
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(await response.json()).toEqual({
      __type: 'NotFoundException',
      message: `Alias arn:aws:kms:${REGION}:${ACCOUNT_ID}:alias/none is not found.`,
    });
  });

  it('answers unknown operations, missing signatures and bad JSON like AWS', async () => {
    const unknown = await post({ ...auth, 'X-Amz-Target': 'TrentService.Fly' }, '{}');
    expect(((await unknown.json()) as { __type: string }).__type).toBe('UnknownOperationException');
    const unsigned = await post({ 'X-Amz-Target': 'TrentService.ListAliases' }, '{}');
    expect(((await unsigned.json()) as { __type: string }).__type).toBe(
      'MissingAuthenticationTokenException',
    );
    const badJson = await post({ ...auth, 'X-Amz-Target': 'TrentService.ListAliases' }, '{');
    expect(((await badJson.json()) as { __type: string }).__type).toBe('SerializationException');
  });
});
