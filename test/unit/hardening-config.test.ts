/**
 * Input rules added against hostile or mistaken values (docs/hardening.md): each refusal is an
 * InputError naming the input, made before anything else happens.
 */
import { describe, expect, test } from '@jest/globals';
import { parseConfig } from '../../src/inputs/config.js';
import { InputError } from '../../src/shared/errors.js';
import type { InputName } from '../../src/inputs/interface.js';

type Raw = Partial<Record<InputName, string>>;

const BASE: Raw = {
  files: 'media/*.mp4',
  'kms-key-arn': 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  destination: 's3://my-bucket/in/',
  'role-arn': 'arn:aws:iam::123456789012:role/MediaConvertRole',
  'job-template': 'System-Ott_Hls_Ts_Avc_Aac',
};
const ENV = { AWS_REGION: 'us-east-1', RUNNER_TEMP: '/tmp/runner' };

function parse(overrides: Raw): ReturnType<typeof parseConfig> {
  return parseConfig({ ...BASE, ...overrides }, ENV);
}

function refusal(overrides: Raw): InputError {
  try {
    parse(overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

describe('destination', () => {
  test.each(['s3://b-1/a/../b/', 's3://b-1/./media/', 's3://b-1/media/..', 's3://b-1/a/./'])(
    '%s: a . or .. segment is refused',
    (destination) => {
      const error = refusal({ destination });
      expect(error.input).toBe('destination');
      expect(error.message).toContain("has a '.' or '..' path segment");
    },
  );

  test.each([
    ['s3://b-1/a..b/', 'a..b/'],
    ['s3://b-1/.hidden/', '.hidden/'],
    ['s3://b-1/v1.2/', 'v1.2/'],
  ])('%s: dots inside a segment are kept', (destination, prefix) => {
    expect(parse({ destination }).destination).toEqual({ bucket: 'b-1', prefix });
  });
});

describe('user-metadata and tags', () => {
  test.each([
    ['user-metadata', '{"team": "media", "__proto__": "x"}', 'has the key "__proto__" at line 1'],
    ['tags', '{"__proto__": {"polluted": "yes"}}', 'has the key "__proto__" at line 1'],
    ['user-metadata', 'team=media\n__proto__=x', 'line 2 has the key __proto__'],
    ['tags', ' __proto__ = x', 'line 1 has the key __proto__'],
  ] as const)('%s %j: __proto__ is refused with the reason', (input, value, says) => {
    const error = refusal({ [input]: value });
    expect(error.input).toBe(input);
    expect(error.message).toContain(says);
    expect(error.message).toContain("JavaScript reads it as the object's prototype");
  });

  test('constructor and prototype are ordinary keys, kept as given', () => {
    const job = parse({
      tags: 'constructor=a\nprototype=b',
      'user-metadata': '{"constructor":"c"}',
    }).job!;
    expect(job.tags).toEqual({ constructor: 'a', prototype: 'b' });
    expect(Object.getPrototypeOf(job.tags)).toBe(Object.prototype);
    expect(job.userMetadata).toEqual({ constructor: 'c' });
  });
});

describe('tags: MediaConvert tagging restrictions', () => {
  const many = (n: number): string => Array.from({ length: n }, (_, i) => `k${i}=v`).join('\n');

  test.each([
    ['51 tags', many(51), 'has 51 tags; MediaConvert takes at most 50 per job'],
    ['a 129-character key', `${'k'.repeat(129)}=v`, 'is 129 characters; a tag key is at most 128'],
    ['a 257-character value', `team=${'s'.repeat(257)}`, "the value of 'team' is 257 characters"],
    ['an aws: key', 'aws:cloudformation:stack-name=x', "starts with 'aws:', which AWS reserves"],
    ['an AWS: key in JSON', '{"AWS:Team": "x"}', "starts with 'aws:'"],
    ['an empty JSON key', '{"": "x"}', 'has an empty key'],
  ])('%s is refused', (_why, tags, says) => {
    const error = refusal({ tags });
    expect(error.input).toBe('tags');
    expect(error.message).toContain(says);
    expect(error.message).not.toContain('s'.repeat(257));
  });

  test('the limits themselves are accepted: 50 tags, 128 and 256 characters (not bytes)', () => {
    expect(Object.keys(parse({ tags: many(50) }).job!.tags)).toHaveLength(50);
    const key = 'é'.repeat(128);
    const tags = parse({ tags: JSON.stringify({ [key]: '値'.repeat(256), 'aws-team': '' }) }).job!
      .tags;
    expect(tags[key]).toHaveLength(256);
    expect(tags['aws-team']).toBe('');
  });
});

describe('files', () => {
  test.each([
    ['!m/a.mp4', "lists only negations ('!m/a.mp4')"],
    ['!m/a.mp4, !m/b.mp4', "lists only negations ('!m/a.mp4', '!m/b.mp4')"],
  ])('%j: only negations is an error, not an empty run', (files, says) => {
    const error = refusal({ files });
    expect(error.input).toBe('files');
    expect(error.message).toContain(says);
    expect(error.message).toContain("e.g. '**' before it");
  });

  test('only negations with an artifact is refused too', () => {
    expect(refusal({ files: '!**/*.txt', artifact: 'media' }).message).toContain(
      'lists only negations',
    );
  });

  test('a 100 KB pattern is an InputError naming its length, not a TypeError', () => {
    const error = refusal({ files: `m/${'a'.repeat(100_000)}.mp4` });
    expect(error.message).toContain('pattern 1 (');
    expect(error.message).toContain('is 100006 characters, over 4096');
    expect(error.message.length).toBeLessThan(400);
  });

  test('a pattern of 4096 characters is accepted', () => {
    expect(parse({ files: `m/${'a'.repeat(4090)}.mp4` }).patterns[0]).toHaveLength(4096);
  });
});
