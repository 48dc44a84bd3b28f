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
  test('the largest metadata the model allows stays under S3 2 KB limit', () => {
    const metadata = objectMetadata({
      decryption: {
        DecryptionMode: 'AES_GCM',
        // The model's longest EncryptedDecryptionKey; KMS blobs are about 250 characters.
        EncryptedDecryptionKey: 'A'.repeat(512),
        InitializationVector: IV16,
      },
      kmsKeyRegion: 'ap-southeast-22',
      plaintext: { sha256: 'f'.repeat(64), bytes: 2 ** 52 },
      runKey: 'e'.repeat(32),
    });
    expect(Object.keys(metadata).sort()).toEqual(Object.values(METADATA).sort());
    expect(metadataBytes(metadata)).toBeLessThan(MAX_METADATA_BYTES / 2);
  });

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

  test('a malformed hash or size is treated as absent', () => {
    const read = readObjectMetadata(
      { ...stored, [METADATA.sha256]: 'AB'.repeat(32), [METADATA.bytes]: '-1' },
      'us-east-1',
    );
    expect(read.sha256).toBeUndefined();
    expect(read.bytes).toBeUndefined();
  });
});
