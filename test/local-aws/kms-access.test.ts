/**
 * The KMS emulator: who may use a key (callers, regions, roles and their grants) and the JSON
 * wire format of its errors, as AWS KMS answers them.
 */
import {
  CreateGrantCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  ListGrantsCommand,
} from '@aws-sdk/client-kms';
import { ACCOUNT_ID, STACK_CREDENTIALS, STACK_USER_ARN } from '../../local-aws/identity.js';
import { failure, REGION, useKms } from '../support/kms-fixture.js';
import { MEDIACONVERT_CONTEXT } from '../support/oracle.js';

const ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/MediaConvertRole`;
const local = useKms();

describe('callers and grants', () => {
  it('refuses unknown credentials', async () => {
    const stranger = local.clientFor({ accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' });
    const error = await failure(stranger.send(new DescribeKeyCommand({ KeyId: local.keyArn })));
    expect(error.name).toBe('UnrecognizedClientException');
  });

  it('refuses requests signed for another region', async () => {
    const elsewhere = local.clientFor(STACK_CREDENTIALS, 'eu-west-1');
    const error = await failure(elsewhere.send(new DescribeKeyCommand({ KeyId: local.keyArn })));
    expect(error.name).toBe('InvalidSignatureException');
  });

  it('lets a role decrypt only once it has a grant for Decrypt', async () => {
    const key = local.kms.createKey();
    const role = local.clientFor(local.kms.principals.registerRole(ROLE_ARN));
    const { CiphertextBlob, Plaintext } = await local.dataKey({ KeyId: key.arn });
    const decrypt = new DecryptCommand({ CiphertextBlob, EncryptionContext: MEDIACONVERT_CONTEXT });

    const denied = await failure(role.send(decrypt));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toBe(
      `User: ${ROLE_ARN} is not authorized to perform: kms:Decrypt on resource: ${key.arn} ` +
        'because no identity-based policy allows the kms:Decrypt action',
    );

    const grant = await local.client.send(
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

    const { Grants } = await local.client.send(new ListGrantsCommand({ KeyId: key.arn }));
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
    const key = local.kms.createKey();
    const role = local.clientFor(local.kms.principals.registerRole(ROLE_ARN));
    local.kms.grant(key.arn, ROLE_ARN, ['GenerateDataKey', 'Decrypt']);
    const generated = await role.send(
      new GenerateDataKeyCommand({
        KeyId: key.arn,
        NumberOfBytes: 24,
        EncryptionContext: MEDIACONVERT_CONTEXT,
      }),
    );
    expect(generated.Plaintext).toHaveLength(24);
    expect(() => local.kms.grant(key.arn, ROLE_ARN, ['Decrypt', 'Fly'])).toThrow(/Fly/);
  });

  it('applies grant constraints on the encryption context', async () => {
    const key = local.kms.createKey();
    const role = local.clientFor(local.kms.principals.registerRole(ROLE_ARN));
    await local.client.send(
      new CreateGrantCommand({
        KeyId: key.arn,
        GranteePrincipal: ROLE_ARN,
        Operations: ['Decrypt'],
        Constraints: { EncryptionContextEquals: MEDIACONVERT_CONTEXT },
      }),
    );
    const withContext = await local.dataKey({ KeyId: key.arn });
    const without = await local.dataKey({ KeyId: key.arn, EncryptionContext: { other: 'x' } });
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
    const before = local.kms.requests.length;
    await local.client.send(new DescribeKeyCommand({ KeyId: local.keyArn }));
    expect(local.kms.requests.slice(before)).toEqual([
      { target: 'TrentService.DescribeKey', principal: STACK_USER_ARN },
    ]);
  });
});

describe('wire format', () => {
  const post = (headers: Record<string, string>, body: string) =>
    fetch(local.kms.url, {
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
