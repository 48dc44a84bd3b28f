/**
 * The job-settings file against hostile or mistaken content (docs/hardening.md): tags merged
 * with the input's, values never quoted in errors, numbers JSON cannot carry, the size limit.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JobConfig } from '../../src/inputs/config.js';
import { InputError } from '../../src/shared/errors.js';
import { loadJobPlan, MAX_JOB_SETTINGS_BYTES } from '../../src/job/request.js';

const TEMPLATE = 'System-Ott_Hls_Ts_Avc_Aac';
let dir: string;
let count = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hardening-settings-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function settingsFile(content: unknown): Promise<string> {
  const file = path.join(dir, `settings-${count++}.json`);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function job(overrides: Partial<JobConfig>): JobConfig {
  return {
    roleArn: 'arn:aws:iam::123456789012:role/R',
    layout: 'per-file',
    userMetadata: {},
    tags: {},
    ...overrides,
  };
}

async function refusal(config: JobConfig): Promise<InputError> {
  const error: unknown = await loadJobPlan(config, 1).then(
    () => new Error('expected an InputError, the plan loaded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('Tags in the file and the tags input together', () => {
  const tags = (n: number, from = 0): Record<string, string> =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${from + i}`, 'v']));

  test('30 in the file and 30 in the input: 60, refused naming tags', async () => {
    const settingsPath = await settingsFile({ JobTemplate: TEMPLATE, Tags: tags(30) });
    const error = await refusal(job({ settingsPath, tags: tags(30, 100) }));
    expect(error.input).toBe('tags');
    expect(error.message).toContain("together with the file's `Tags` has 60 tags");
  });

  test("an aws: key in the file's Tags is refused naming job-settings", async () => {
    const settingsPath = await settingsFile({ JobTemplate: TEMPLATE, Tags: { 'aws:x': 'y' } });
    const error = await refusal(job({ settingsPath }));
    expect(error.input).toBe('job-settings');
    expect(error.message).toContain("`Tags` key 'aws:x' starts with 'aws:'");
  });

  test('50 together are accepted, the input winning on a shared key', async () => {
    const settingsPath = await settingsFile({ JobTemplate: TEMPLATE, Tags: tags(30) });
    const plan = await loadJobPlan(job({ settingsPath, tags: tags(21, 29) }), 1);
    expect(Object.keys(plan.base.Tags!)).toHaveLength(50);
  });
});

describe('errors name the member path and the rule, never the value', () => {
  const SECRET = 'SecretStaticKeyValueNotHex-0123';
  const hlsWithKey = (key: string) => ({
    Priority: 'high-priority-please',
    Settings: {
      OutputGroups: [
        {
          OutputGroupSettings: {
            Type: 'HLS_GROUP_SETTINGS',
            HlsGroupSettings: {
              Destination: 's3://out/hls/',
              SegmentLength: 10,
              MinSegmentLength: 0,
              Encryption: {
                EncryptionMethod: 'AES128',
                Type: 'STATIC_KEY',
                StaticKeyProvider: { StaticKeyValue: key, Url: 'https://keys.example/k' },
              },
            },
          },
          Outputs: [{ ContainerSettings: { Container: 'M3U8' }, NameModifier: '-a' }],
        },
      ],
    },
  });

  test('a StaticKeyValue failing its pattern and a string Priority', async () => {
    const settingsPath = await settingsFile(hlsWithKey(SECRET));
    const error = await refusal(job({ settingsPath }));
    expect(error.input).toBe('job-settings');
    expect(error.message).toContain('$.Priority: should be an integer, not a string');
    expect(error.message).toContain(
      '$.Settings.OutputGroups[0].OutputGroupSettings.HlsGroupSettings.Encryption.StaticKeyProvider.StaticKeyValue: should match the pattern "^[A-Za-z0-9]{32}$"',
    );
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain('Secret');
    expect(error.message).not.toContain('high-priority');
  });

  test.each([
    [{ Priority: 99 }, '$.Priority: should be <= 50', '99'],
    [{ Priority: 1.5 }, '$.Priority: should be an integer, not a fraction', '1.5'],
    [{ StatusUpdateInterval: 'SECONDS_7' }, '$.StatusUpdateInterval: should be equal to', '_7'],
    [{ SimulateReservedQueue: 'yes-please' }, 'should be equal to one of', 'yes-please'],
    [{ UserMetadata: 'token-abc' }, '`UserMetadata` must be a JSON object', 'token-abc'],
  ])('%j', async (members, says, value) => {
    const settingsPath = await settingsFile({ JobTemplate: TEMPLATE, ...members });
    const error = await refusal(job({ settingsPath }));
    expect(error.message).toContain(says);
    expect(error.message).not.toContain(value);
  });
});

describe('the size limit of job-settings', () => {
  test('a file over 1 MiB is refused from its size alone, before it is read', async () => {
    const settingsPath = path.join(dir, 'huge.json');
    // Sparse: 200 MB that reading would take seconds and memory to go through.
    await writeFile(settingsPath, '');
    await truncate(settingsPath, 200_000_000);
    const started = Date.now();
    const error = await refusal(job({ settingsPath }));
    expect(error.input).toBe('job-settings');
    expect(error.message).toContain(
      `'${settingsPath}' is 200000000 bytes, over the limit of ${MAX_JOB_SETTINGS_BYTES} bytes (1 MiB)`,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('a file of exactly 1 MiB is read', async () => {
    const body = JSON.stringify({ JobTemplate: TEMPLATE, UserMetadata: { pad: '' } });
    const pad = ' '.repeat(MAX_JOB_SETTINGS_BYTES - Buffer.byteLength(body));
    const settingsPath = await settingsFile(`${body}${pad}`);
    const plan = await loadJobPlan(job({ settingsPath }), 1);
    expect(plan.base.JobTemplate).toBe(TEMPLATE);
  });

  test('what is not a regular file is refused before it is opened (a FIFO would block)', async () => {
    const error = await refusal(job({ settingsPath: '/dev/zero' }));
    expect(error.message).toContain("'/dev/zero' is not a regular file; give a JSON file");
  });
});
