import { describe, expect, test } from '@jest/globals';
import { credentialExpiry, expiryWarning, isExpiredToken } from '../../src/aws/credentials.js';
import { isWaitOnly, parseJobIds, parseWaitOnly } from '../../src/inputs/wait-only.js';
import { reportFromManifest } from '../../src/report/manifest-read.js';
import { manifestOf } from '../../src/report/manifest.js';
import type { RunReport } from '../../src/report/run-report.js';
import { InputError } from '../../src/shared/errors.js';

const ENV = { AWS_REGION: 'eu-west-1', RUNNER_TEMP: '/tmp/runner' };

describe('wait-only inputs', () => {
  test('job-ids: the job-ids output as it is, or IDs by commas or lines, each once', () => {
    expect(parseJobIds('["1700000000000-abc123","1700000000001-def456"]')).toEqual([
      '1700000000000-abc123',
      '1700000000001-def456',
    ]);
    expect(parseJobIds(' 1-a ,2-b\n1-a\n')).toEqual(['1-a', '2-b']);
  });

  test.each(['[1, 2]', '["a b"]', '[not json', 'a;b'])('job-ids %s is refused', (value) => {
    const error = (() => {
      try {
        return parseJobIds(value);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('job-ids');
  });

  test('takes the region, the wait settings and the manifest path; needs job-ids or a manifest', () => {
    expect(isWaitOnly({ 'wait-only': 'TRUE' })).toBe(true);
    expect(isWaitOnly({})).toBe(false);
    expect(
      parseWaitOnly({ 'wait-only': 'true', 'job-ids': '1-a', 'wait-timeout': '90' }, ENV),
    ).toEqual({
      region: 'eu-west-1',
      jobIds: ['1-a'],
      manifestPath: '/tmp/runner/mediaconvert-encrypt-manifest.json',
      waitTimeoutMs: 90_000,
      cancelOnTimeout: false,
      deleteInputs: 'never',
      network: expect.objectContaining({ requestTimeoutMs: 30_000 }),
    });
    expect(parseWaitOnly({ 'wait-only': 'true', manifest: 'm.json' }, ENV)).not.toHaveProperty(
      'jobIds',
    );
    expect(() => parseWaitOnly({ 'wait-only': 'true' }, ENV)).toThrow(
      'Input `job-ids`: is required',
    );
  });
});

describe('credentials', () => {
  test('the expiry is what the provider resolved, or nothing', async () => {
    const expiration = new Date('2030-01-01T00:00:00Z');
    const client = (credentials: unknown) => ({ config: { credentials } });
    expect(await credentialExpiry(client(async () => ({ expiration })))).toEqual(expiration);
    expect(await credentialExpiry(client(async () => ({})))).toBeUndefined();
    expect(
      await credentialExpiry(
        client(async () => {
          throw new Error('Could not load credentials from any providers');
        }),
      ),
    ).toBeUndefined();
  });

  test('a warning with the figures when they expire before the wait can end', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    const expiry = new Date(now + 12 * 60_000);
    expect(expiryWarning(expiry, now, 3600_000)).toMatch(
      /^the AWS credentials expire at 2030-01-01T00:12:00\.000Z, in 12 min, and wait-timeout lets this wait last 60 min: /,
    );
    expect(expiryWarning(expiry, now, 12 * 60_000)).toBeUndefined();
    expect(expiryWarning(undefined, now, 3600_000)).toBeUndefined();
  });

  test('ExpiredToken is known by the name S3 and STS give it and by JSON services', () => {
    const named = (name: string) => Object.assign(new Error('expired'), { name });
    expect(isExpiredToken(named('ExpiredToken'))).toBe(true);
    expect(isExpiredToken(named('ExpiredTokenException'))).toBe(true);
    expect(isExpiredToken(named('AccessDenied'))).toBe(false);
  });
});

test('a manifest read back gives the report it was written from', () => {
  const report: RunReport = {
    region: 'us-east-1',
    run: {
      key: 'a'.repeat(32),
      attempt: 2,
      startedAt: '2030-01-01T00:00:00.000Z',
      state: 'running',
    },
    files: [
      {
        relativePath: 'media/a.mp4',
        bytes: 3,
        plaintextSha256: 'f'.repeat(64),
        s3Uri: 's3://b/in/media/a.mp4',
        decryption: {
          DecryptionMode: 'AES_CTR',
          EncryptedDecryptionKey: 'k',
          InitializationVector: 'i',
        },
        resumed: true,
      },
    ],
    failures: [{ relativePath: 'media/b.mp4', message: 'upload failed' }],
    jobs: [
      { id: '1-a', arn: 'arn:1-a', status: 'SUBMITTED', request: { Role: 'r', Settings: {} } },
    ],
  };
  expect(reportFromManifest(manifestOf(report) as Record<string, unknown>)).toEqual(report);
});
