import { describe, expect, test } from '@jest/globals';
import { parseConfig, withDefaults } from '../../src/inputs/config.js';
import { InputError } from '../../src/shared/errors.js';
import { INPUTS, type InputName } from '../../src/inputs/interface.js';
import { MAX_USER_METADATA } from '../../src/mediaconvert/limits.js';

type Raw = Partial<Record<InputName, string>>;
type Env = Record<string, string | undefined>;

const KMS_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/MediaConvertRole';

/** The smallest set of inputs that parses, jobs included. */
const BASE: Raw = {
  files: 'media/*.mp4',
  'kms-key-arn': KMS_ARN,
  destination: 's3://my-bucket/in/',
  'role-arn': ROLE_ARN,
  'job-template': 'System-Ott_Hls_Ts_Avc_Aac',
};
const ENV: Env = { AWS_REGION: 'us-east-1', RUNNER_TEMP: '/tmp/runner' };

function parse(overrides: Raw = {}, env: Env = ENV): ReturnType<typeof parseConfig> {
  return parseConfig({ ...BASE, ...overrides }, env);
}

function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

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

  test(`user-metadata may hold exactly ${MAX_USER_METADATA} entries`, () => {
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, `v${i}`]));
    expect(parse({ 'user-metadata': JSON.stringify(ten) }).job?.userMetadata).toEqual(ten);
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

interface BadRow {
  why: string;
  raw: Raw;
  env?: Env;
  input: InputName;
  /** What the message must say about accepted values. */
  says: RegExp;
}

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
  {
    why: 'part-size under 5',
    raw: { 'part-size-mib': '4' },
    input: 'part-size-mib',
    says: /from 5 to 5120/,
  },
  {
    why: 'part-size over 5120',
    raw: { 'part-size-mib': '5121' },
    input: 'part-size-mib',
    says: /from 5 to 5120/,
  },
  {
    why: 'part-size with unit',
    raw: { 'part-size-mib': '16MiB' },
    input: 'part-size-mib',
    says: /whole number/,
  },
  {
    why: 'max-memory-mib under 16',
    raw: { 'max-memory-mib': '15' },
    input: 'max-memory-mib',
    says: /from 16 to 65536/,
  },
  {
    why: 'max-memory-mib with unit',
    raw: { 'max-memory-mib': '200MiB' },
    input: 'max-memory-mib',
    says: /whole number/,
  },
  {
    why: 'concurrency neither a number nor auto',
    raw: { concurrency: 'many' },
    input: 'concurrency',
    says: /from 1 to 64 or auto/,
  },
  {
    why: 'create-job yes',
    raw: { 'create-job': 'yes' },
    input: 'create-job',
    says: /true or false/,
  },
  { why: 'wait 1', raw: { wait: '1' }, input: 'wait', says: /true or false/ },
  { why: 'fail-fast on', raw: { 'fail-fast': 'on' }, input: 'fail-fast', says: /true or false/ },
  {
    why: 'cancel-on-timeout y',
    raw: { 'cancel-on-timeout': 'y' },
    input: 'cancel-on-timeout',
    says: /true or false/,
  },
  {
    why: 'role-arn missing',
    raw: { 'role-arn': '' },
    input: 'role-arn',
    says: /create-job: false/,
  },
  {
    why: 'role-arn of a user',
    raw: { 'role-arn': 'arn:aws:iam::123456789012:user/me' },
    input: 'role-arn',
    says: /arn:aws:iam::ACCOUNT:role\/NAME/,
  },
  {
    why: 'role-arn with a region',
    raw: { 'role-arn': 'arn:aws:iam:us-east-1:123456789012:role/x' },
    input: 'role-arn',
    says: /arn:aws:iam::ACCOUNT:role\/NAME/,
  },
  {
    why: 'role-arn as a bare name',
    raw: { 'role-arn': 'MediaConvertRole' },
    input: 'role-arn',
    says: /arn:aws:iam::ACCOUNT:role\/NAME/,
  },
  {
    why: 'neither job-settings nor job-template',
    raw: { 'job-template': '', 'job-settings': '' },
    input: 'job-settings',
    says: /job-template/,
  },
  {
    why: 'job-layout bogus',
    raw: { 'job-layout': 'batch' },
    input: 'job-layout',
    says: /per-file or single/,
  },
  {
    why: 'user-metadata bad JSON',
    raw: { 'user-metadata': '{"a": }' },
    input: 'user-metadata',
    says: /JSON/,
  },
  {
    why: 'user-metadata with 11 entries',
    raw: {
      'user-metadata': JSON.stringify(
        Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])),
      ),
    },
    input: 'user-metadata',
    says: /more than 10/,
  },
  {
    why: 'user-metadata with a number value',
    raw: { 'user-metadata': '{"priority": 1}' },
    input: 'user-metadata',
    says: /must be a string/,
  },
  {
    why: 'user-metadata JSON with trailing text',
    raw: { 'user-metadata': '{}x' },
    input: 'user-metadata',
    says: /JSON/,
  },
  {
    why: 'user-metadata line without =',
    raw: { 'user-metadata': 'team' },
    input: 'user-metadata',
    says: /key=value/,
  },
  {
    why: 'user-metadata line with empty key',
    raw: { 'user-metadata': '=v' },
    input: 'user-metadata',
    says: /key=value/,
  },
  {
    why: 'tags with a non-string',
    raw: { tags: '{"n": true}' },
    input: 'tags',
    says: /must be a string/,
  },
  {
    why: 'wait without create-job',
    raw: { wait: 'true', 'create-job': 'false' },
    input: 'wait',
    says: /create-job: true/,
  },
  {
    why: 'wait-timeout 0',
    raw: { 'wait-timeout': '0' },
    input: 'wait-timeout',
    says: /from 1 to 604800/,
  },
  {
    why: 'wait-timeout negative',
    raw: { 'wait-timeout': '-5' },
    input: 'wait-timeout',
    says: /whole number/,
  },
  { why: 'concurrency 0', raw: { concurrency: '0' }, input: 'concurrency', says: /from 1 to 64/ },
  { why: 'concurrency 65', raw: { concurrency: '65' }, input: 'concurrency', says: /from 1 to 64/ },
  {
    why: 'concurrency fractional',
    raw: { concurrency: '2.5' },
    input: 'concurrency',
    says: /whole number/,
  },
  {
    why: 'kms-key-arn with a malformed region',
    raw: { 'kms-key-arn': 'arn:aws:kms:useast1:123456789012:key/abc' },
    input: 'kms-key-arn',
    says: /arn:aws:kms/,
  },
  {
    why: 'kms-key-arn with an empty alias',
    raw: { 'kms-key-arn': 'arn:aws:kms:us-east-1:123456789012:alias/' },
    input: 'kms-key-arn',
    says: /arn:aws:kms/,
  },
  { why: 'region in upper case', raw: { region: 'US-EAST-1' }, input: 'region', says: /region/ },
  { why: 'region without a number', raw: { region: 'us-east' }, input: 'region', says: /region/ },
  { why: 'mode none', raw: { mode: 'none' }, input: 'mode', says: /'none'/ },
  {
    why: 'key-length with a unit',
    raw: { 'key-length': '256bits' },
    input: 'key-length',
    says: /128/,
  },
  {
    why: 'part-size a fraction',
    raw: { 'part-size-mib': '1.5' },
    input: 'part-size-mib',
    says: /5/,
  },
  {
    why: 'role-arn with a short account',
    raw: { 'role-arn': 'arn:aws:iam::123:role/x' },
    input: 'role-arn',
    says: /arn:aws:iam/,
  },
  {
    why: 'destination a local path',
    raw: { destination: '/srv/media/' },
    input: 'destination',
    says: /s3:\/\//,
  },
  {
    why: 'wait-timeout a word',
    raw: { 'wait-timeout': 'ten' },
    input: 'wait-timeout',
    says: /whole number/,
  },
  { why: 'shard 0/4', raw: { shard: '0/4' }, input: 'shard', says: /1 <= i <= n/ },
  { why: 'shard 5/4', raw: { shard: '5/4' }, input: 'shard', says: /1 <= i <= n/ },
  { why: 'shard a/b', raw: { shard: 'a/b' }, input: 'shard', says: /i\/n/ },
  { why: 'shard 1/0', raw: { shard: '1/0' }, input: 'shard', says: /i\/n/ },
  { why: 'shard without count', raw: { shard: '2' }, input: 'shard', says: /e\.g\. 2\/4/ },
  {
    why: 'files with ..',
    raw: { files: 'media/../../etc/*' },
    input: 'files',
    says: /relative to it, without '\.\.'/,
  },
  {
    why: 'files starting with ..',
    raw: { files: '../outside/*.mp4' },
    input: 'files',
    says: /without '\.\.'/,
  },
  {
    why: 'negated files with ..',
    raw: { files: 'a/*\n!../b' },
    input: 'files',
    says: /without '\.\.'/,
  },
  { why: 'absolute files', raw: { files: '/etc/passwd' }, input: 'files', says: /relative/ },
  { why: 'files empty without artifact', raw: { files: '' }, input: 'files', says: /globs/ },
  { why: 'files only separators', raw: { files: ' ,\n, ' }, input: 'files', says: /globs/ },
  {
    why: 'manifest without RUNNER_TEMP',
    raw: {},
    env: { AWS_REGION: 'us-east-1' },
    input: 'manifest',
    says: /file path/,
  },
];

describe('bad inputs', () => {
  test('the table covers at least 30 cases', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(30);
  });

  test.each(BAD.map((row) => [row.why, row] as const))('%s', (_why, row) => {
    const error = inputErrorOf(() => parse(row.raw, row.env ?? ENV));
    expect(error.input).toBe(row.input);
    expect(error.message).toMatch(new RegExp(`^Input \`${row.input}\`: `));
    expect(error.message).toMatch(row.says);
  });

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
