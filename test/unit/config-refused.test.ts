/**
 * Inputs the rules refuse, naming the input and saying what is accepted: mode, key and IV,
 * key source, KMS key, region, destination and the objects' server-side encryption.
 */
import { describe, expect, test } from '@jest/globals';
import { inputErrorOf, parse, expectRefused, type BadRow } from '../support/config-inputs.js';

const BAD: BadRow[] = [
  {
    why: 'unknown mode',
    raw: { mode: 'AES_ECB' },
    input: 'mode',
    says: /AES_CTR, AES_CBC or AES_GCM/,
  },
  {
    why: 'mode that is not AES',
    raw: { mode: 'des' },
    input: 'mode',
    says: /AES_CTR, AES_CBC or AES_GCM/,
  },
  {
    why: 'key-length 512',
    raw: { 'key-length': '512' },
    input: 'key-length',
    says: /128, 192 or 256/,
  },
  {
    why: 'key-length in bytes',
    raw: { 'key-length': '32' },
    input: 'key-length',
    says: /128, 192 or 256/,
  },
  {
    why: 'iv-length 12 with AES_CBC',
    raw: { mode: 'AES_CBC', 'iv-length': '12' },
    input: 'iv-length',
    says: /AES_CBC: use 16/,
  },
  { why: 'iv-length 8', raw: { 'iv-length': '8' }, input: 'iv-length', says: /12 or 16/ },
  {
    why: 'iv-length not a number',
    raw: { 'iv-length': 'long' },
    input: 'iv-length',
    says: /12 or 16/,
  },
  {
    why: 'key-source hsm',
    raw: { 'key-source': 'hsm' },
    input: 'key-source',
    says: /kms or local/,
  },
  {
    why: 'kms-key-arn missing',
    raw: { 'kms-key-arn': '' },
    input: 'kms-key-arn',
    says: /required/,
  },
  {
    why: 'kms-key-arn without region',
    raw: { 'kms-key-arn': 'arn:aws:kms::123456789012:key/abc' },
    input: 'kms-key-arn',
    says: /arn:aws:kms:REGION:ACCOUNT:key\/KEY-ID/,
  },
  {
    why: 'kms-key-arn of another service',
    raw: { 'kms-key-arn': 'arn:aws:s3:us-east-1:123456789012:key/abc' },
    input: 'kms-key-arn',
    says: /arn:aws:kms:REGION:ACCOUNT:alias\/NAME/,
  },
  {
    why: 'kms-key-arn with a short account',
    raw: { 'kms-key-arn': 'arn:aws:kms:us-east-1:12345:key/abc' },
    input: 'kms-key-arn',
    says: /arn:aws:kms:REGION:ACCOUNT/,
  },
  {
    why: 'kms-key-arn as a bare key id',
    raw: { 'kms-key-arn': '1234abcd-12ab-34cd-56ef-1234567890ab' },
    input: 'kms-key-arn',
    says: /arn:aws:kms:REGION/,
  },
  { why: 'region typo', raw: { region: 'us-east1' }, input: 'region', says: /such as us-east-1/ },
  {
    why: 'availability zone as region',
    raw: { region: 'us-east-1a' },
    input: 'region',
    says: /such as us-east-1/,
  },
  {
    why: 'region unset everywhere',
    raw: {},
    env: { RUNNER_TEMP: '/t' },
    input: 'region',
    says: /AWS_REGION/,
  },
  {
    why: 'destination missing',
    raw: { destination: '' },
    input: 'destination',
    says: /s3:\/\/bucket\//,
  },
  {
    why: 'destination https',
    raw: { destination: 'https://my-bucket.s3.amazonaws.com/in/' },
    input: 'destination',
    says: /s3:\/\/bucket\/prefix\//,
  },
  {
    why: 'destination bare bucket',
    raw: { destination: 'my-bucket/in/' },
    input: 'destination',
    says: /s3:\/\/bucket\//,
  },
  {
    why: 'destination empty segment',
    raw: { destination: 's3://my-bucket/a//b/' },
    input: 'destination',
    says: /s3:\/\/bucket\/prefix\//,
  },
  {
    why: 'destination leading slash',
    raw: { destination: 's3://my-bucket//in/' },
    input: 'destination',
    says: /s3:\/\/bucket\/prefix\//,
  },
  {
    why: 'bucket with uppercase',
    raw: { destination: 's3://My-Bucket/' },
    input: 'destination',
    says: /bucket name/,
  },
  {
    why: 'bucket too short',
    raw: { destination: 's3://ab/' },
    input: 'destination',
    says: /bucket name/,
  },
  {
    why: 'bucket with underscore',
    raw: { destination: 's3://my_bucket/' },
    input: 'destination',
    says: /bucket name/,
  },
  {
    why: 'bucket with two dots',
    raw: { destination: 's3://my..bucket/' },
    input: 'destination',
    says: /bucket name/,
  },
  {
    why: 'bucket ending in hyphen',
    raw: { destination: 's3://bucket-/' },
    input: 'destination',
    says: /bucket name/,
  },
  {
    why: 'bucket over 63 chars',
    raw: { destination: `s3://${'a'.repeat(64)}/` },
    input: 'destination',
    says: /bucket name/,
  },
  {
    why: 's3-sse bogus',
    raw: { 's3-sse': 'aws:kms:dsse' },
    input: 's3-sse',
    says: /AES256 or aws:kms/,
  },
  {
    why: 's3-sse lowercase',
    raw: { 's3-sse': 'aes256' },
    input: 's3-sse',
    says: /AES256 or aws:kms/,
  },
  {
    why: 's3-sse-kms-key-id without s3-sse',
    raw: { 's3-sse-kms-key-id': 'alias/s3' },
    input: 's3-sse-kms-key-id',
    says: /s3-sse: aws:kms/,
  },
  {
    why: 's3-sse-kms-key-id with AES256',
    raw: { 's3-sse': 'AES256', 's3-sse-kms-key-id': 'alias/s3' },
    input: 's3-sse-kms-key-id',
    says: /s3-sse: aws:kms/,
  },
];

describe('bad inputs', () => {
  test('the table covers at least 30 cases', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(30);
  });

  test.each(BAD.map((row) => [row.why, row] as const))('%s', (_why, row) => expectRefused(row));

  test('the rejected value is quoted back in the message', () => {
    expect(inputErrorOf(() => parse({ mode: 'AES_XTS' })).message).toContain("'AES_XTS'");
    expect(inputErrorOf(() => parse({ concurrency: '65' })).message).toContain("'65'");
  });

  test('a bad bucket name message says what a bucket name may be', () => {
    const error = inputErrorOf(() => parse({ destination: 's3://My_Bucket/' }));
    expect(error.message).toMatch(/3 to 63|lowercase/);
  });

  test('a bucket name formatted as an IP address is refused', () => {
    expect(inputErrorOf(() => parse({ destination: 's3://192.168.10.1/in/' })).input).toBe(
      'destination',
    );
  });

  test('inputs are validated before later ones: a bad mode wins over a bad destination', () => {
    expect(inputErrorOf(() => parse({ mode: 'xts', destination: 'nope' })).input).toBe('mode');
  });
});
