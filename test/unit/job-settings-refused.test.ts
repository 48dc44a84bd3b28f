/**
 * A job-settings file the action refuses, before any AWS request: one it cannot read or use,
 * and settings MediaConvert itself would refuse.
 */
import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { loadJobPlan } from '../../src/job/request.js';
import { inputError, job, OUTPUT_GROUPS, useSettingsFiles } from '../support/job-fixtures.js';

const settingsFile = useSettingsFiles();

describe('settings file errors', () => {
  test('invalid JSON names job-settings and the file', async () => {
    const settingsPath = await settingsFile('{"OutputGroups": [');
    const error = await inputError(loadJobPlan(job({ settingsPath }), 1));
    expect(error.input).toBe('job-settings');
    expect(error.message).toContain(settingsPath);
    expect(error.message).toContain('not valid JSON');
  });

  test('a missing file names job-settings and the error code', async () => {
    // Beside a file that exists: only its name is wrong.
    const settingsPath = path.join(path.dirname(await settingsFile('{}')), 'nope.json');
    const error = await inputError(loadJobPlan(job({ settingsPath }), 1));
    expect(error.input).toBe('job-settings');
    expect(error.message).toContain('ENOENT');
  });

  test.each([
    ['a JSON array', [OUTPUT_GROUPS]],
    ['a JSON string', 'just text'],
  ])('%s at the top is refused', async (_what, content) => {
    const settingsPath = await settingsFile(JSON.stringify(content));
    expect((await inputError(loadJobPlan(job({ settingsPath }), 1))).input).toBe('job-settings');
  });

  test('Settings.Inputs that is not an array is refused', async () => {
    const settingsPath = await settingsFile({
      OutputGroups: OUTPUT_GROUPS,
      Inputs: { FileInput: 'x' },
    });
    const error = await inputError(loadJobPlan(job({ settingsPath }), 1));
    expect(error.input).toBe('job-settings');
    expect(error.message).toContain('`Settings.Inputs` must be an array');
  });

  test.each([
    ['no OutputGroups', {}],
    ['empty OutputGroups', { OutputGroups: [] }],
  ])('%s and no template is refused', async (_what, content) => {
    const settingsPath = await settingsFile(content);
    const error = await inputError(loadJobPlan(job({ settingsPath }), 1));
    expect(error.input).toBe('job-settings');
    expect(error.message).toContain('set `job-template` or add output groups');
  });

  test('a non-string JobTemplate in the file is refused', async () => {
    const settingsPath = await settingsFile({ JobTemplate: 42 });
    const error = await inputError(loadJobPlan(job({ settingsPath }), 1));
    expect(error.message).toContain('`JobTemplate` must be a string');
  });

  test('a non-string Tags value in the file is refused', async () => {
    const settingsPath = await settingsFile({ JobTemplate: 't', Tags: { n: 1 } });
    const error = await inputError(loadJobPlan(job({ settingsPath }), 1));
    expect(error.input).toBe('job-settings');
    expect(error.message).toContain('`Tags.n` must be a string');
  });
});

describe('settings the service would refuse fail before any AWS call', () => {
  const output = {
    ContainerSettings: { Container: 'MP4' },
    VideoDescription: {
      CodecSettings: { Codec: 'H_264', H264Settings: { RateControlMode: 'CBR', Bitrate: 1e6 } },
    },
  };
  const groups = (o: unknown) => [{ ...OUTPUT_GROUPS[0], Outputs: [o] }];

  test.each([
    [
      'Container MP5',
      {
        Settings: { OutputGroups: groups({ ...output, ContainerSettings: { Container: 'MP5' } }) },
      },
      /Settings\.OutputGroups\[0\]\.Outputs\[0\]\.ContainerSettings\.Container: should be equal to one of the allowed values: .*MP4/,
    ],
    [
      'RateControlMode FAST',
      {
        Settings: {
          OutputGroups: groups({
            ...output,
            VideoDescription: {
              CodecSettings: { Codec: 'H_264', H264Settings: { RateControlMode: 'FAST' } },
            },
          }),
        },
      },
      /Settings\.OutputGroups\[0\]\.Outputs\[0\]\.VideoDescription\.CodecSettings\.H264Settings\.RateControlMode: should be equal to one of the allowed values: VBR, CBR, QVBR/,
    ],
    [
      'StatusUpdateInterval SECONDS_5',
      { Settings: { OutputGroups: groups(output) }, StatusUpdateInterval: 'SECONDS_5' },
      /StatusUpdateInterval: should be equal to one of the allowed values: SECONDS_10,/,
    ],
    [
      'AdAvailOffset 5000',
      { Settings: { OutputGroups: groups(output), AdAvailOffset: 5000 } },
      /Settings\.AdAvailOffset: should be <= 1000/,
    ],
    [
      'a misspelt member',
      { Settings: { OutputGroups: groups({ ...output, Namemodifier: '_x' }) } },
      /\$\.Settings\.OutputGroups\[0\]\.Outputs\[0\]\.Namemodifier is not a member MediaConvert knows here \(did you mean NameModifier\?\)/,
    ],
  ])('%s', async (_name, content, message) => {
    const error = await inputError(
      loadJobPlan(job({ settingsPath: await settingsFile(content) }), 1),
    );
    expect(error.input).toBe('job-settings');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/API model \(mediaconvert-2017-08-29\)/);
  });

  test('a whole request the model accepts passes, input FileInput and decryption aside', async () => {
    const plan = await loadJobPlan(
      job({
        settingsPath: await settingsFile({
          Settings: {
            Inputs: [{ FileInput: 'not a url', TimecodeSource: 'ZEROBASED' }],
            OutputGroups: groups(output),
          },
          StatusUpdateInterval: 'SECONDS_10',
          Priority: 5,
        }),
      }),
      1,
    );
    expect(plan.base.StatusUpdateInterval).toBe('SECONDS_10');
  });
});
