/**
 * Fixtures of the CreateJob request tests: a job config, encrypted input files as the
 * pipeline hands them over, job-settings files written to a folder of the test file's own.
 */
import { afterAll, beforeAll, expect } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JobConfig } from '../../src/inputs/config.js';
import type { JobInputFile } from '../../src/job/request.js';
import { InputError } from '../../src/shared/errors.js';

export const ROLE = 'arn:aws:iam::123456789012:role/FromInput';
export const OUTPUT_GROUPS = [
  {
    Name: 'File Group',
    OutputGroupSettings: {
      Type: 'FILE_GROUP_SETTINGS',
      FileGroupSettings: { Destination: 's3://out/' },
    },
    Outputs: [{ ContainerSettings: { Container: 'MP4' } }],
  },
];
export const INPUT_TEMPLATE = {
  TimecodeSource: 'ZEROBASED',
  AudioSelectors: { 'Audio Selector 1': { DefaultSelection: 'DEFAULT' } },
  VideoSelector: { Rotate: 'AUTO' },
};

/**
 * Registers the hooks of a folder for the file's job-settings files; the function it returns
 * writes `content` (JSON unless a string) to a fresh file there and returns its path.
 */
export function useSettingsFiles(): (content: unknown) => Promise<string> {
  let dir: string | undefined;
  let fileCount = 0;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'job-request-test-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return async (content) => {
    if (!dir) throw new Error('settings files are written in tests, after useSettingsFiles()');
    const file = path.join(dir, `settings-${fileCount++}.json`);
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
}

export function job(overrides: Partial<JobConfig> = {}): JobConfig {
  return { roleArn: ROLE, layout: 'per-file', userMetadata: {}, tags: {}, ...overrides };
}

export function inputFile(name: string, sha = 'a'.repeat(64)): JobInputFile {
  return {
    relativePath: `media/${name}`,
    s3Uri: `s3://bucket/in/media/${name}`,
    plaintextSha256: sha,
    decryption: {
      DecryptionMode: 'AES_CTR',
      EncryptedDecryptionKey: Buffer.from(`blob-${name}`).toString('base64'),
      InitializationVector: Buffer.alloc(16, name.length).toString('base64'),
    },
  };
}

export async function inputError(promise: Promise<unknown>): Promise<InputError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}
