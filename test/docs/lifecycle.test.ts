/**
 * examples/lifecycle-rule.json against the S3 API model as the AWS CLI knows it: the CLI
 * validates a request's parameters before it connects, so aimed at a closed local port it
 * fails on the connection only when the rule is well-formed.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAwsCli, type AwsCli } from '../support/aws-cli.js';

let cli: AwsCli;
beforeAll(() => {
  cli = startAwsCli();
});
afterAll(async () => {
  await cli?.close();
});

/** The CLI's stderr for put-bucket-lifecycle-configuration with `file`, aimed at a closed port. */
async function putRule(file: string): Promise<string> {
  const result = await cli.run(
    [
      's3api',
      'put-bucket-lifecycle-configuration',
      '--region',
      'us-east-1',
      '--endpoint-url',
      'http://127.0.0.1:9',
      '--cli-connect-timeout',
      '2',
      '--bucket',
      'media-in',
      '--lifecycle-configuration',
      `file://${file}`,
    ],
    { AWS_MAX_ATTEMPTS: '1', HOME: tmpdir() },
  );
  return result.code === 0 ? '' : result.stderr;
}

test('the lifecycle rule passes the AWS CLI parameter validation', async () => {
  const rule = JSON.parse(readFileSync('examples/lifecycle-rule.json', 'utf8')) as {
    Rules: { Expiration: { Days: number }; AbortIncompleteMultipartUpload: object }[];
  };
  expect(rule.Rules[0]!.Expiration.Days).toBeGreaterThan(0);
  const stderr = await putRule('examples/lifecycle-rule.json');
  expect(stderr).toContain('Could not connect to the endpoint URL');
  expect(stderr).not.toMatch(/parameter/i);
}, 60_000);

test('a malformed rule is refused by the same check, before any connection', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'lifecycle-'));
  try {
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify({ Rules: [{ Days: 7 }] }));
    const stderr = await putRule(path.join(dir, 'bad.json'));
    expect(stderr).toMatch(/Missing required parameter|Unknown parameter/);
    expect(stderr).not.toContain('Could not connect');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
