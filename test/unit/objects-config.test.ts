import { describe, expect, test } from '@jest/globals';
import {
  parseCommand,
  parseObjectsConfig,
  parseObjectUri,
  parseReadConfig,
} from '../../src/inputs/objects-config.js';

const MIB = 1024 * 1024;
const env = { AWS_REGION: 'us-east-1', RUNNER_TEMP: '/runner/temp' };
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/5678efab-56ef-78ab-90cd-5678901234ef';

describe('command', () => {
  test('defaults to encrypt and accepts verify and rewrap in any case', () => {
    expect(parseCommand({})).toBe('encrypt');
    expect(parseCommand({ command: '' })).toBe('encrypt');
    expect(parseCommand({ command: 'Verify' })).toBe('verify');
    expect(() => parseCommand({ command: 'decrypt' })).toThrow(
      "Input `command`: 'decrypt' is not accepted; use encrypt or verify or rewrap",
    );
  });
});

describe('verify and rewrap', () => {
  test('the objects come from the manifest an encrypt step of the job wrote, by default', () => {
    const config = parseObjectsConfig('verify', {}, env);
    expect(config.source).toEqual({
      kind: 'manifest',
      path: '/runner/temp/mediaconvert-encrypt-manifest.json',
    });
    expect(config.memoryBudgetBytes).toBe(64 * MIB);
    expect(config.rangeBytes).toBe(8 * MIB);
    expect(config.concurrency).toBeUndefined();
  });

  test('objects is a prefix; it and manifest are one or the other', () => {
    expect(parseObjectsConfig('verify', { objects: 's3://media/masters' }, env).source).toEqual({
      kind: 'prefix',
      bucket: 'media',
      prefix: 'masters/',
    });
    expect(() =>
      parseObjectsConfig('verify', { objects: 's3://media/', manifest: 'm.json' }, env),
    ).toThrow('Input `objects`: and `manifest` were both given');
    expect(() => parseObjectsConfig('verify', { objects: 'media/masters/' }, env)).toThrow(
      "Input `objects`: 'media/masters/' is not an S3 URI",
    );
  });

  test('a small budget reads smaller ranges: two fit beside the stream buffers', () => {
    const config = parseObjectsConfig('verify', { 'max-memory-mib': '16' }, env);
    expect(config.rangeBytes).toBe(7 * MIB);
  });

  test('rewrap needs to-kms-key-arn, and its region; verify takes neither it nor dry-run', () => {
    expect(parseObjectsConfig('rewrap', { 'to-kms-key-arn': KEY }, env).target).toEqual({
      kmsKeyArn: KEY,
      region: 'us-east-1',
    });
    expect(() => parseObjectsConfig('rewrap', {}, env)).toThrow(
      'Input `to-kms-key-arn`: is required with `command: rewrap`',
    );
    expect(() => parseObjectsConfig('rewrap', { 'to-kms-key-arn': 'key-1' }, env)).toThrow(
      "Input `to-kms-key-arn`: 'key-1' is not a KMS key ARN",
    );
    expect(() => parseObjectsConfig('verify', { 'to-kms-key-arn': KEY }, env)).toThrow(
      'applies to `command: rewrap` only',
    );
    expect(() => parseObjectsConfig('verify', { 'dry-run': 'true' }, env)).toThrow(
      'Input `dry-run`: does not apply to `command: verify`',
    );
    expect(
      parseObjectsConfig('rewrap', { 'to-kms-key-arn': KEY, 'dry-run': 'true' }, env).dryRun,
    ).toBe(true);
  });
});

describe('decrypt', () => {
  test('one object, not a folder', () => {
    expect(parseObjectUri('s3://media/masters/a.mov', 's3-uri')).toEqual({
      bucket: 'media',
      key: 'masters/a.mov',
    });
    expect(() => parseObjectUri('s3://media/masters/', 's3-uri')).toThrow(
      "Input `s3-uri`: 's3://media/masters/' is not an S3 object URI; use s3://bucket/key",
    );
    expect(() => parseReadConfig({ region: 'nowhere' }, env)).toThrow('Input `region`');
  });
});
