/** The input rules: raw inputs and environment to one typed Config, with every default. */
import { describe, expect, test } from '@jest/globals';
import { withDefaults } from '../../src/inputs/config.js';
import { INPUTS } from '../../src/inputs/interface.js';
import { MAX_USER_METADATA } from '../../src/mediaconvert/limits.js';

import { inputErrorOf, KMS_ARN, parse, ROLE_ARN } from '../support/config-inputs.js';

describe('defaults', () => {
  test('every optional input falls back to its documented default', () => {
    const config = parse();
    expect(config).toEqual({
      patterns: ['media/*.mp4'],
      kmsKeyArn: KMS_ARN,
      kmsKeyRegion: 'us-east-1',
      region: 'us-east-1',
      mode: 'AES_CTR',
      keyBytes: 32,
      ivBytes: 16,
      keySource: 'kms',
      destination: { bucket: 'my-bucket', prefix: 'in/' },
      partSizeBytes: 5 * 1024 * 1024,
      memoryBudgetBytes: 64 * 1024 * 1024,
      partsInFlight: 20,
      wait: false,
      waitTimeoutMs: 3600 * 1000,
      cancelOnTimeout: false,
      failFast: false,
      manifestPath: '/tmp/runner/mediaconvert-encrypt-manifest.json',
      network: {
        proxy: { noProxy: [] },
        maxAttempts: 6,
        retryMode: 'standard',
        requestTimeoutMs: 30_000,
      },
      ifExists: 'overwrite',
      includeHiddenFiles: false,
      dryRun: false,
      deleteInputs: 'never',
      job: {
        roleArn: ROLE_ARN,
        template: 'System-Ott_Hls_Ts_Avc_Aac',
        layout: 'per-file',
        userMetadata: {},
        tags: {},
      },
    });
  });

  test('empty and whitespace-only inputs count as unset, as the runner passes them', () => {
    const config = parse({ mode: '  ', 'key-length': '', concurrency: '\n' });
    expect(config.mode).toBe('AES_CTR');
    expect(config.keyBytes).toBe(32);
    expect(config.concurrency).toBeUndefined();
  });

  test('withDefaults fills every input of the table and trims values', () => {
    const raw = withDefaults({ mode: ' AES_GCM ' });
    expect(Object.keys(raw).sort()).toEqual(INPUTS.map((i) => i.name).sort());
    expect(raw.mode).toBe('AES_GCM');
    expect(raw['part-size-mib']).toBe('5');
    expect(raw['max-memory-mib']).toBe('64');
    expect(raw.concurrency).toBe('auto');
    expect(raw.files).toBe('');
  });

  test('no optional members appear when their inputs are unset', () => {
    const config = parse();
    expect('artifact' in config).toBe(false);
    expect('sse' in config).toBe(false);
    expect('shard' in config).toBe(false);
    expect(config.job && 'queue' in config.job).toBe(false);
    expect(config.job && 'settingsPath' in config.job).toBe(false);
  });
});

describe('mode, key and IV', () => {
  test.each([
    ['AES_CTR', 'AES_CTR'],
    ['AES_CBC', 'AES_CBC'],
    ['AES_GCM', 'AES_GCM'],
    ['ctr', 'AES_CTR'],
    ['CBC', 'AES_CBC'],
    ['Gcm', 'AES_GCM'],
    ['aes-cbc', 'AES_CBC'],
    ['aes_ctr', 'AES_CTR'],
    ['Aes-Gcm', 'AES_GCM'],
  ])('mode %s means %s', (value, mode) => {
    expect(parse({ mode: value }).mode).toBe(mode);
  });

  test.each([
    ['128', 16],
    ['192', 24],
    ['256', 32],
  ])('key-length %s gives a %i-byte key', (value, bytes) => {
    expect(parse({ 'key-length': value }).keyBytes).toBe(bytes);
  });

  test.each([
    ['AES_CTR', '', 16],
    ['AES_CBC', '', 16],
    ['AES_GCM', '', 12],
    ['AES_CTR', '12', 12],
    ['AES_CTR', '16', 16],
    ['AES_CBC', '16', 16],
    ['AES_GCM', '12', 12],
    ['AES_GCM', '16', 16],
  ])('%s with iv-length "%s" uses %i-byte IVs', (mode, iv, bytes) => {
    expect(parse({ mode, 'iv-length': iv }).ivBytes).toBe(bytes);
  });

  test.each([
    ['kms', 'kms'],
    ['local', 'local'],
    ['LOCAL', 'local'],
  ])('key-source %s is %s', (value, source) => {
    expect(parse({ 'key-source': value }).keySource).toBe(source);
  });
});

describe('KMS key and region', () => {
  test('KmsKeyRegion comes from the ARN, not from region', () => {
    const config = parse({
      'kms-key-arn': 'arn:aws:kms:eu-west-1:123456789012:key/abc',
      region: 'us-west-2',
    });
    expect(config.kmsKeyRegion).toBe('eu-west-1');
    expect(config.region).toBe('us-west-2');
  });

  test.each([
    ['arn:aws:kms:us-east-1:123456789012:alias/media-keys', 'us-east-1'],
    [
      'arn:aws:kms:ap-southeast-2:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab',
      'ap-southeast-2',
    ],
    ['arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/abc-def', 'us-gov-west-1'],
    ['arn:aws-cn:kms:cn-north-1:123456789012:alias/team/media', 'cn-north-1'],
  ])('accepts %s (key region %s)', (arn, region) => {
    const config = parse({ 'kms-key-arn': arn });
    expect(config.kmsKeyArn).toBe(arn);
    expect(config.kmsKeyRegion).toBe(region);
  });

  test('region input beats AWS_REGION, which beats AWS_DEFAULT_REGION', () => {
    const env = { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-central-1', RUNNER_TEMP: '/t' };
    expect(parse({ region: 'ap-south-1' }, env).region).toBe('ap-south-1');
    expect(parse({}, env).region).toBe('eu-west-1');
    expect(parse({}, { AWS_DEFAULT_REGION: 'eu-central-1', RUNNER_TEMP: '/t' }).region).toBe(
      'eu-central-1',
    );
  });
});

describe('files, artifact, destination', () => {
  test('files splits on newlines and commas, trims, keeps negations', () => {
    const config = parse({ files: 'a/*.mp4, b/**/*.mov\n\n  !b/skip.mov  \n' });
    expect(config.patterns).toEqual(['a/*.mp4', 'b/**/*.mov', '!b/skip.mov']);
  });

  test('artifact without files takes every file in it', () => {
    const config = parse({ files: '', artifact: 'encoded-media' });
    expect(config.artifact).toBe('encoded-media');
    expect(config.patterns).toEqual(['**']);
  });

  test.each([
    ['s3://my-bucket', { bucket: 'my-bucket', prefix: '' }],
    ['s3://my-bucket/', { bucket: 'my-bucket', prefix: '' }],
    ['s3://my-bucket/in', { bucket: 'my-bucket', prefix: 'in/' }],
    ['s3://my-bucket/a/b/', { bucket: 'my-bucket', prefix: 'a/b/' }],
    ['s3://media.example.com/x/', { bucket: 'media.example.com', prefix: 'x/' }],
  ])('destination %s', (value, destination) => {
    expect(parse({ destination: value }).destination).toEqual(destination);
  });

  test.each([
    ['AES256', '', { type: 'AES256' }],
    ['aws:kms', '', { type: 'aws:kms' }],
    ['aws:kms', 'alias/s3', { type: 'aws:kms', kmsKeyId: 'alias/s3' }],
  ])('s3-sse %s with key id "%s"', (sse, keyId, expected) => {
    expect(parse({ 's3-sse': sse, 's3-sse-kms-key-id': keyId }).sse).toEqual(expected);
  });

  test.each([
    ['5', 5],
    ['30', 30],
  ])('part-size-mib %s fits the default budget as it is', (value, mib) => {
    const config = parse({ 'part-size-mib': value });
    expect(config.partSizeBytes).toBe(mib * 1024 * 1024);
    expect(config.partSizeReducedFrom).toBeUndefined();
  });

  test.each([
    ['32', '64', 31],
    ['5120', '64', 31],
    ['5120', '10241', 5120],
    ['5120', '10240', 5119],
    ['16', '17', 8],
  ])(
    'part-size-mib %s with max-memory-mib %s: parts of %s MiB (twice, besides 1 MiB of reads)',
    (part, budget, mib) => {
      const config = parse({ 'part-size-mib': part, 'max-memory-mib': budget });
      expect(config.partSizeBytes).toBe(mib * 1024 * 1024);
      expect(config.memoryBudgetBytes).toBe(Number(budget) * 1024 * 1024);
      const reducedFrom = mib === Number(part) ? undefined : Number(part) * 1024 * 1024;
      expect(config.partSizeReducedFrom).toBe(reducedFrom);
    },
  );
});

describe('jobs', () => {
  test('create-job false drops the job and needs no role or settings', () => {
    const config = parse({ 'create-job': 'false', 'role-arn': '', 'job-template': '' });
    expect(config.job).toBeUndefined();
    expect(config.wait).toBe(false);
  });

  test('every job input is carried into the job config', () => {
    const config = parse({
      'job-settings': 'job.json',
      'job-layout': 'single',
      queue: 'arn:aws:mediaconvert:us-east-1:123456789012:queues/Default',
      'user-metadata': '{"team":"video","run":"42"}',
      tags: 'cost-center = 7\nowner=media',
    });
    expect(config.job).toEqual({
      roleArn: ROLE_ARN,
      template: 'System-Ott_Hls_Ts_Avc_Aac',
      settingsPath: 'job.json',
      layout: 'single',
      queue: 'arn:aws:mediaconvert:us-east-1:123456789012:queues/Default',
      userMetadata: { team: 'video', run: '42' },
      tags: { 'cost-center': '7', owner: 'media' },
    });
  });

  test('job-settings alone is enough without a template', () => {
    const config = parse({ 'job-template': '', 'job-settings': 'job.json' });
    expect(config.job?.settingsPath).toBe('job.json');
    expect(config.job?.template).toBeUndefined();
  });

  test(`user-metadata may hold exactly ${MAX_USER_METADATA - 1} entries: every job carries one more`, () => {
    const nine = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, `v${i}`]));
    expect(parse({ 'user-metadata': JSON.stringify(nine) }).job?.userMetadata).toEqual(nine);
  });

  test('wait, wait-timeout and cancel-on-timeout', () => {
    const config = parse({ wait: 'TRUE', 'wait-timeout': '90', 'cancel-on-timeout': 'true' });
    expect(config.wait).toBe(true);
    expect(config.waitTimeoutMs).toBe(90_000);
    expect(config.cancelOnTimeout).toBe(true);
  });
});

describe('run shape', () => {
  test.each([
    ['1', 1],
    ['64', 64],
    ['auto', undefined],
    ['AUTO', undefined],
  ])('concurrency %s', (value, n) => {
    expect(parse({ concurrency: value }).concurrency).toBe(n);
  });

  test.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    ['3 / 3', { index: 3, count: 3 }],
  ])('shard %s', (value, shard) => {
    expect(parse({ shard: value }).shard).toEqual(shard);
  });

  test('fail-fast true', () => {
    expect(parse({ 'fail-fast': 'true' }).failFast).toBe(true);
  });

  test('manifest: an explicit path wins; else RUNNER_TEMP without its trailing slash', () => {
    expect(parse({ manifest: 'out/m.json' }, { AWS_REGION: 'us-east-1' }).manifestPath).toBe(
      'out/m.json',
    );
    expect(parse({}, { AWS_REGION: 'us-east-1', RUNNER_TEMP: '/rt/' }).manifestPath).toBe(
      '/rt/mediaconvert-encrypt-manifest.json',
    );
  });
});

describe('if-exists, dry-run, delete-inputs', () => {
  test.each(['overwrite', 'skip', 'fail', 'SKIP'])('if-exists %s is accepted', (value) => {
    expect(parse({ 'if-exists': value }).ifExists).toBe(value.toLowerCase());
  });

  test('if-exists names what it accepts', () => {
    expect(inputErrorOf(() => parse({ 'if-exists': 'replace' })).message).toBe(
      "Input `if-exists`: 'replace' is not accepted; use overwrite or skip or fail",
    );
  });

  test('dry-run is a boolean', () => {
    expect(parse({ 'dry-run': 'true' }).dryRun).toBe(true);
    expect(inputErrorOf(() => parse({ 'dry-run': 'yes' })).input).toBe('dry-run');
  });

  test('delete-inputs on-complete needs wait', () => {
    expect(parse({ 'delete-inputs': 'on-complete', wait: 'true' }).deleteInputs).toBe(
      'on-complete',
    );
    expect(inputErrorOf(() => parse({ 'delete-inputs': 'on-complete' })).message).toBe(
      'Input `delete-inputs`: `on-complete` needs `wait: true` (objects are deleted once their jobs are COMPLETE)',
    );
    expect(inputErrorOf(() => parse({ 'delete-inputs': 'always' })).input).toBe('delete-inputs');
  });
});

test.each([
  ['1', 1],
  ['50', 50],
])('parts-in-flight %s: at most %s parts of the run in flight', (value, parts) => {
  expect(parse({ 'parts-in-flight': value }).partsInFlight).toBe(parts);
});
