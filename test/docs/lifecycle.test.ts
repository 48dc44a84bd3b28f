/**
 * examples/lifecycle-rule.json against the S3 API model as the AWS CLI knows it: the CLI
 * validates a request's parameters before it connects, so aimed at a closed local port it
 * fails on the connection only when the rule is well-formed.
 */
import { expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function putRule(file: string): Promise<string> {
  return run(
    '/usr/bin/aws',
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
    {
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: 'x',
        AWS_SECRET_ACCESS_KEY: 'y',
        AWS_MAX_ATTEMPTS: '1',
      },
    },
  ).then(
    () => '',
    (error: { stderr?: string }) => error.stderr ?? '',
  );
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
