/**
 * Inputs the rules refuse, naming the input and saying what is accepted: sizes and
 * concurrency, jobs and waiting, metadata and tags, shards, file patterns and the manifest.
 */
import { describe, expect, test } from '@jest/globals';
import { expectRefused, type BadRow } from '../support/config-inputs.js';

const BAD: BadRow[] = [
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
    why: 'parts-in-flight over 50',
    raw: { 'parts-in-flight': '51' },
    input: 'parts-in-flight',
    says: /from 1 to 50/,
  },
  {
    why: 'parts-in-flight zero',
    raw: { 'parts-in-flight': '0' },
    input: 'parts-in-flight',
    says: /from 1 to 50/,
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
    why: 'user-metadata with 10 entries',
    raw: {
      'user-metadata': JSON.stringify(
        Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'v'])),
      ),
    },
    input: 'user-metadata',
    says: /more than 9 entries \(MediaConvert allows 10 and every job carries one more, mediaconvert-encrypt-run\)/,
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

  test.each(BAD.map((row) => [row.why, row] as const))('%s', (_why, row) => expectRefused(row));
});
