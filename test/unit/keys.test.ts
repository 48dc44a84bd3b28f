import { beforeEach, describe, expect, test } from '@jest/globals';
import {
  EncryptCommand,
  GenerateDataKeyCommand,
  KMSClient,
  type EncryptCommandInput,
} from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { makeDataKey } from '../../src/crypto/keys.js';
import { MEDIACONVERT_CONTEXT as ACTION_CONTEXT } from '../../src/mediaconvert/decryption.js';
import { MEDIACONVERT_CONTEXT } from '../support/oracle.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
// The size of a real KMS CiphertextBlob for a 32-byte key under this context.
const BLOB = Uint8Array.from({ length: 184 }, (_, i) => i);

const kms = new KMSClient({ region: 'us-east-1' });
const kmsMock = mockClient(kms);

beforeEach(() => {
  kmsMock.reset();
});

const isZero = (bytes: Uint8Array): boolean => bytes.every((b) => b === 0);

function filled(length: number, value = 0xab): Uint8Array {
  return new Uint8Array(length).fill(value);
}

describe('kms source: GenerateDataKey', () => {
  test.each([
    [16, { KeySpec: 'AES_128' }],
    [32, { KeySpec: 'AES_256' }],
    [24, { NumberOfBytes: 24 }],
  ] as const)('a %i-byte key asks for %j and nothing else', async (keyBytes, size) => {
    kmsMock
      .on(GenerateDataKeyCommand)
      .resolves({ Plaintext: filled(keyBytes), CiphertextBlob: BLOB });
    await makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes, source: 'kms' });
    const calls = kmsMock.commandCalls(GenerateDataKeyCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      KeyId: KEY_ARN,
      EncryptionContext: MEDIACONVERT_CONTEXT,
      ...size,
    });
    expect(kmsMock).not.toHaveReceivedCommand(EncryptCommand);
  });

  test('the encryption context is exactly the MediaConvert one', async () => {
    kmsMock.on(GenerateDataKeyCommand).resolves({ Plaintext: filled(32), CiphertextBlob: BLOB });
    await makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes: 32, source: 'kms' });
    expect(
      kmsMock.commandCalls(GenerateDataKeyCommand)[0]?.args[0].input.EncryptionContext,
    ).toStrictEqual(MEDIACONVERT_CONTEXT);
    expect(ACTION_CONTEXT).toStrictEqual(MEDIACONVERT_CONTEXT);
  });

  test('returns the plaintext and the CiphertextBlob KMS gave', async () => {
    const plaintext = filled(32, 7);
    kmsMock.on(GenerateDataKeyCommand).resolves({ Plaintext: plaintext, CiphertextBlob: BLOB });
    const key = await makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes: 32, source: 'kms' });
    expect(Buffer.from(key.plaintext)).toEqual(Buffer.from(filled(32, 7)));
    expect(key.encrypted).toEqual(BLOB);
  });

  test('destroy() zeroes the plaintext key', async () => {
    const plaintext = filled(32, 0x5a);
    kmsMock.on(GenerateDataKeyCommand).resolves({ Plaintext: plaintext, CiphertextBlob: BLOB });
    const key = await makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes: 32, source: 'kms' });
    expect(isZero(key.plaintext)).toBe(false);
    key.destroy();
    expect(isZero(key.plaintext)).toBe(true);
    expect(isZero(plaintext)).toBe(true);
  });

  test('a key of the wrong length is refused and zeroed', async () => {
    const plaintext = filled(16);
    kmsMock.on(GenerateDataKeyCommand).resolves({ Plaintext: plaintext, CiphertextBlob: BLOB });
    await expect(
      makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes: 32, source: 'kms' }),
    ).rejects.toThrow('returned a 16-byte key, not 32');
    expect(isZero(plaintext)).toBe(true);
  });

  test('a reply without CiphertextBlob is refused and its plaintext zeroed', async () => {
    const plaintext = filled(32);
    kmsMock.on(GenerateDataKeyCommand).resolves({ Plaintext: plaintext });
    await expect(
      makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes: 32, source: 'kms' }),
    ).rejects.toThrow('returned no key');
    expect(isZero(plaintext)).toBe(true);
  });

  test('a KMS error reaches the caller', async () => {
    kmsMock
      .on(GenerateDataKeyCommand)
      .rejects(
        Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' }),
      );
    await expect(
      makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes: 32, source: 'kms' }),
    ).rejects.toThrow('User is not authorized');
  });
});

describe('local source: random key, then KMS Encrypt', () => {
  test.each([16, 24, 32] as const)(
    'a %i-byte random key is sent to Encrypt with the context',
    async (keyBytes) => {
      kmsMock.on(EncryptCommand).resolves({ CiphertextBlob: BLOB });
      const key = await makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes, source: 'local' });
      const calls = kmsMock.commandCalls(EncryptCommand);
      expect(calls).toHaveLength(1);
      const input = calls[0]?.args[0].input;
      expect(input?.KeyId).toBe(KEY_ARN);
      expect(input?.EncryptionContext).toStrictEqual(MEDIACONVERT_CONTEXT);
      expect(input?.Plaintext).toHaveLength(keyBytes);
      expect(input?.Plaintext).toBe(key.plaintext);
      expect(key.encrypted).toEqual(BLOB);
      expect(kmsMock).not.toHaveReceivedCommand(GenerateDataKeyCommand);
    },
  );

  test('every key is fresh', async () => {
    kmsMock.on(EncryptCommand).resolves({ CiphertextBlob: BLOB });
    const a = await makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes: 32, source: 'local' });
    const b = await makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes: 32, source: 'local' });
    expect(Buffer.from(a.plaintext).equals(Buffer.from(b.plaintext))).toBe(false);
    expect(isZero(a.plaintext)).toBe(false);
  });

  test('destroy() zeroes the local key', async () => {
    kmsMock.on(EncryptCommand).resolves({ CiphertextBlob: BLOB });
    const key = await makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes: 32, source: 'local' });
    key.destroy();
    expect(isZero(key.plaintext)).toBe(true);
  });

  test('when Encrypt fails the local key is zeroed before the error reaches the caller', async () => {
    let sent: Uint8Array | undefined;
    let copy: Buffer | undefined;
    kmsMock.on(EncryptCommand).callsFake(async (input: EncryptCommandInput) => {
      sent = input.Plaintext;
      copy = Buffer.from(sent ?? []);
      throw Object.assign(new Error('key is disabled'), { name: 'DisabledException' });
    });
    await expect(
      makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes: 32, source: 'local' }),
    ).rejects.toThrow('key is disabled');
    expect(sent).toHaveLength(32);
    expect(copy && isZero(copy)).toBe(false);
    expect(sent && isZero(sent)).toBe(true);
  });

  test('when Encrypt returns no ciphertext the local key is zeroed', async () => {
    let sent: Uint8Array | undefined;
    kmsMock.on(EncryptCommand).callsFake(async (input: EncryptCommandInput) => {
      sent = input.Plaintext;
      return {};
    });
    await expect(
      makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes: 16, source: 'local' }),
    ).rejects.toThrow('returned no ciphertext');
    expect(sent && isZero(sent)).toBe(true);
  });
});

describe("the CiphertextBlob against MediaConvert's bounds (24 to 512 base64 characters)", () => {
  test.each([
    [0, 0],
    [1, 4],
    [15, 20],
    [385, 516],
  ])(
    '%i bytes (%i characters) from GenerateDataKey: refused, plaintext zeroed',
    async (bytes, characters) => {
      const plaintext = filled(32);
      kmsMock
        .on(GenerateDataKeyCommand)
        .resolves({ Plaintext: plaintext, CiphertextBlob: new Uint8Array(bytes) });
      await expect(
        makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes: 32, source: 'kms' }),
      ).rejects.toThrow(
        `KMS GenerateDataKey returned a CiphertextBlob of ${bytes} bytes (${characters} base64 characters); MediaConvert takes an EncryptedDecryptionKey of 24 to 512`,
      );
      expect(isZero(plaintext)).toBe(true);
    },
  );

  test('1 byte from Encrypt (key-source: local): refused', async () => {
    kmsMock.on(EncryptCommand).resolves({ CiphertextBlob: new Uint8Array(1) });
    await expect(
      makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes: 32, source: 'local' }),
    ).rejects.toThrow('KMS Encrypt returned a CiphertextBlob of 1 bytes');
  });

  test.each([16, 384])('%i bytes: accepted', async (bytes) => {
    kmsMock
      .on(GenerateDataKeyCommand)
      .resolves({ Plaintext: filled(32), CiphertextBlob: new Uint8Array(bytes) });
    const key = await makeDataKey({ kms, kmsKeyArn: KEY_ARN, keyBytes: 32, source: 'kms' });
    expect(key.encrypted).toHaveLength(bytes);
  });
});
