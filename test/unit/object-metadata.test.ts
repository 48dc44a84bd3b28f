import { describe, expect, test } from '@jest/globals';
import {
  MAX_METADATA_BYTES,
  METADATA,
  metadataBytes,
  objectMetadata,
  readObjectMetadata,
} from '../../src/upload/object-metadata.js';

const IV16 = 'LrGuRi1J+wDXgwZp4TuhMg==';
const KEY = 'A'.repeat(248);

describe('objectMetadata', () => {
  // An object carries the whole plaintext's SHA-256 or, when that was not known yet (a
  // multipart upload), the SHA-256 of the plaintext read by its first request: never both.
  test.each(['sha256', 'head'] as const)(
    'the largest metadata the model allows, with %s, stays under S3 2 KB limit',
    (which) => {
      const hash = 'f'.repeat(64);
      const metadata = objectMetadata({
        decryption: {
          DecryptionMode: 'AES_GCM',
          // The model's longest EncryptedDecryptionKey; KMS blobs are about 250 characters.
          EncryptedDecryptionKey: 'A'.repeat(512),
          InitializationVector: IV16,
        },
        kmsKeyRegion: 'ap-southeast-22',
        plaintext:
          which === 'sha256'
            ? { sha256: hash, bytes: 2 ** 52 }
            : { head: { bytes: 2 ** 52, sha256: hash }, bytes: 2 ** 52 },
        runKey: 'e'.repeat(32),
      });
      const absent = which === 'sha256' ? METADATA.head : METADATA.sha256;
      expect(Object.keys(metadata).sort()).toEqual(
        Object.values(METADATA)
          .filter((k) => k !== absent)
          .sort(),
      );
      expect(metadataBytes(metadata)).toBeLessThan(MAX_METADATA_BYTES / 2);
    },
  );

  test('refuses metadata over 2 KB', () => {
    expect(() =>
      objectMetadata({
        decryption: { DecryptionMode: 'AES_CTR', EncryptedDecryptionKey: 'A'.repeat(2100) },
        kmsKeyRegion: 'us-east-1',
      }),
    ).toThrow(/over S3's 2048/);
  });
});

describe('readObjectMetadata', () => {
  const stored = {
    [METADATA.mode]: 'AES_CBC',
    [METADATA.iv]: IV16,
    [METADATA.key]: KEY,
    [METADATA.region]: 'eu-west-1',
    [METADATA.sha256]: 'ab'.repeat(32),
    [METADATA.bytes]: '1234',
  };

  test('gives back what objectMetadata stored; KmsKeyRegion only for another region', () => {
    expect(readObjectMetadata(stored, 'us-east-1')).toEqual({
      mode: 'AES_CBC',
      sha256: 'ab'.repeat(32),
      bytes: 1234,
      decryption: {
        DecryptionMode: 'AES_CBC',
        EncryptedDecryptionKey: KEY,
        InitializationVector: IV16,
        KmsKeyRegion: 'eu-west-1',
      },
    });
    expect(readObjectMetadata(stored, 'eu-west-1').decryption?.KmsKeyRegion).toBeUndefined();
  });

  test.each([
    ['a URL-safe IV', { [METADATA.iv]: 'LrGuRi1J-wDXgwZp4TuhMg==' }],
    ['a short key', { [METADATA.key]: 'AAAA' }],
    ['an unknown mode', { [METADATA.mode]: 'AES_ECB' }],
    ['a bad region', { [METADATA.region]: 'Mars' }],
  ])('no decryption settings from %s', (_, change) => {
    expect(readObjectMetadata({ ...stored, ...change }, 'us-east-1').decryption).toBeUndefined();
  });

  test('the SHA-256 of the first bytes is read when the whole one is absent', () => {
    const head = { bytes: 5_505_024, sha256: 'cd'.repeat(32) };
    const written = objectMetadata({
      decryption: {
        DecryptionMode: 'AES_CBC',
        EncryptedDecryptionKey: KEY,
        InitializationVector: IV16,
      },
      kmsKeyRegion: 'eu-west-1',
      plaintext: { bytes: 6_000_000, head },
    });
    expect(written[METADATA.head]).toBe(`5505024:${'cd'.repeat(32)}`);
    expect(readObjectMetadata(written, 'eu-west-1').head).toEqual(head);
    // Beside a whole SHA-256 it says nothing more, and is not read.
    expect(
      readObjectMetadata({ ...stored, [METADATA.head]: written[METADATA.head]! }, 'eu-west-1').head,
    ).toBeUndefined();
  });

  test.each([
    ['no length', `:${'cd'.repeat(32)}`],
    ['a zero length', `0:${'cd'.repeat(32)}`],
    ['a short hash', '1024:cdcd'],
    ['upper-case hex', `1024:${'CD'.repeat(32)}`],
    ['trailing text', `1024:${'cd'.repeat(32)} x`],
  ])('a first-bytes SHA-256 with %s is treated as absent', (_, value) => {
    const withoutWhole: Record<string, string> = { ...stored };
    delete withoutWhole[METADATA.sha256];
    expect(
      readObjectMetadata({ ...withoutWhole, [METADATA.head]: value }, 'us-east-1').head,
    ).toBeUndefined();
  });

  test('a malformed hash or size is treated as absent', () => {
    const read = readObjectMetadata(
      { ...stored, [METADATA.sha256]: 'AB'.repeat(32), [METADATA.bytes]: '-1' },
      'us-east-1',
    );
    expect(read.sha256).toBeUndefined();
    expect(read.bytes).toBeUndefined();
  });
});
