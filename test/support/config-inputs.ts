/**
 * What the input rules' tests share (test/unit/config*.test.ts): the smallest inputs that
 * parse, parsing them with overrides, and a table of inputs that must be refused.
 */
import { expect } from '@jest/globals';
import { parseConfig } from '../../src/inputs/config.js';
import type { InputName } from '../../src/inputs/interface.js';
import { InputError } from '../../src/shared/errors.js';

export type Raw = Partial<Record<InputName, string>>;
export type Env = Record<string, string | undefined>;

export const KMS_ARN =
  'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
export const ROLE_ARN = 'arn:aws:iam::123456789012:role/MediaConvertRole';

/** The smallest set of inputs that parses, jobs included. */
export const BASE: Raw = {
  files: 'media/*.mp4',
  'kms-key-arn': KMS_ARN,
  destination: 's3://my-bucket/in/',
  'role-arn': ROLE_ARN,
  'job-template': 'System-Ott_Hls_Ts_Avc_Aac',
};
export const ENV: Env = { AWS_REGION: 'us-east-1', RUNNER_TEMP: '/tmp/runner' };

export function parse(overrides: Raw = {}, env: Env = ENV): ReturnType<typeof parseConfig> {
  return parseConfig({ ...BASE, ...overrides }, env);
}

export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

export interface BadRow {
  why: string;
  raw: Raw;
  env?: Env;
  input: InputName;
  /** What the message must say about accepted values. */
  says: RegExp;
}

/** The row's input is refused, the message naming it and saying what it accepts. */
export function expectRefused(row: BadRow): void {
  const error = inputErrorOf(() => parse(row.raw, row.env ?? ENV));
  expect(error.input).toBe(row.input);
  expect(error.message).toMatch(new RegExp(`^Input \`${row.input}\`: `));
  expect(error.message).toMatch(row.says);
}
