import { describe, expect, test } from '@jest/globals';
import {
  checkAgainstModel,
  checkServiceRules,
  sdkPath,
  wirePath,
} from '../../src/mediaconvert/settings-model.js';
import { SETTINGS_MODEL } from '../../src/mediaconvert/settings-model.generated.js';

const OUTPUT = {
  NameModifier: '_1',
  ContainerSettings: { Container: 'MP4' },
  VideoDescription: {
    CodecSettings: {
      Codec: 'H_264',
      H264Settings: { RateControlMode: 'QVBR', MaxBitrate: 1_000_000 },
    },
  },
};

function settings(output: object = OUTPUT, extra: object = {}) {
  return {
    Inputs: [{ FileInput: 's3://in/clip.mp4' }],
    OutputGroups: [
      {
        OutputGroupSettings: {
          Type: 'FILE_GROUP_SETTINGS',
          FileGroupSettings: { Destination: 's3://out/' },
        },
        Outputs: [output],
      },
    ],
    ...extra,
  };
}

function check(value: unknown, shape = 'JobSettings') {
  return checkAgainstModel(SETTINGS_MODEL, shape, value, { casing: 'sdk' }).map(
    (v) => `${sdkPath('Settings', v.path)}: ${v.message}`,
  );
}

describe('the generated table', () => {
  test('names its source and the model version', () => {
    expect(SETTINGS_MODEL.modelVersion).toBe('mediaconvert-2017-08-29');
    expect(SETTINGS_MODEL.source).toMatch(/awscli.*service-2\.json/);
    expect(Object.keys(SETTINGS_MODEL.shapes).length).toBeGreaterThan(500);
  });

  test('a valid job passes', () => {
    expect(check(settings())).toEqual([]);
  });
});

describe('what the service refuses', () => {
  test('Container MP5', () => {
    const out = check(settings({ ...OUTPUT, ContainerSettings: { Container: 'MP5' } }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      /^Settings\.OutputGroups\[0\]\.Outputs\[0\]\.ContainerSettings\.Container: "MP5" should be equal to one of the allowed values: .*\bMP4\b/,
    );
  });

  test('RateControlMode FAST', () => {
    const output = structuredClone(OUTPUT);
    output.VideoDescription.CodecSettings.H264Settings.RateControlMode = 'FAST';
    expect(check(settings(output))).toEqual([
      expect.stringMatching(
        /VideoDescription\.CodecSettings\.H264Settings\.RateControlMode: "FAST" should be equal to one of the allowed values: VBR, CBR, QVBR$/,
      ),
    ]);
  });

  test('StatusUpdateInterval SECONDS_5 on the request', () => {
    const out = checkAgainstModel(
      SETTINGS_MODEL,
      'CreateJobRequest',
      {
        Role: 'arn:aws:iam::111122223333:role/R',
        Settings: settings(),
        StatusUpdateInterval: 'SECONDS_5',
      },
      { casing: 'sdk' },
    );
    expect(out.map((v) => sdkPath('', v.path))).toEqual(['.StatusUpdateInterval']);
    expect(out[0]?.message).toMatch(/SECONDS_10/);
  });

  test('AdAvailOffset 5000', () => {
    expect(check(settings(OUTPUT, { AdAvailOffset: 5000 }))).toEqual([
      'Settings.AdAvailOffset: 5000 should be <= 1000',
    ]);
  });

  test('unknown and misspelt members, missing required ones, wrong types', () => {
    const out = check({
      ...settings({ ...OUTPUT, Namemodifier: 'x' }),
      Inputs: [{ FileInput: 's3://in/clip.mp4', Foo: 1, TimecodeStart: 7 }],
      OutputGroups: [
        { OutputGroupSettings: { FileGroupSettings: {} }, Outputs: [{ Namemodifier: 'x' }] },
      ],
    });
    expect(out).toEqual([
      'Settings.Inputs[0]: should NOT have additional properties: "Foo" is not a member',
      'Settings.Inputs[0].TimecodeStart: should be a string, got 7',
      'Settings.OutputGroups[0].Outputs[0]: should NOT have additional properties: "Namemodifier" is not a member (did you mean NameModifier?)',
    ]);
  });

  test('patterns and lengths', () => {
    const out = check({ ...settings(), Inputs: [{ FileInput: 'ftp://in/clip.mp4' }] });
    expect(out).toEqual([
      expect.stringMatching(
        /^Settings\.Inputs\[0\]\.FileInput: "ftp:\/\/in\/clip\.mp4" should match the pattern of this member in the API model$/,
      ),
    ]);
  });

  test('wire casing and paths as the service writes them', () => {
    const out = checkAgainstModel(
      SETTINGS_MODEL,
      'JobSettings',
      { outputGroups: [{ outputGroupSettings: { type: 'FILE_GROUP' }, outputs: [] }] },
      { casing: 'wire' },
    );
    expect(out.map((v) => `${wirePath(v.path)}: ${v.message}`)).toEqual([
      expect.stringMatching(
        /^\/outputGroups\/0\/outputGroupSettings\/type: "FILE_GROUP" should be equal to one of the allowed values: .*FILE_GROUP_SETTINGS/,
      ),
    ]);
  });

  test('what the service requires beyond the model', () => {
    const out = checkServiceRules(
      {
        OutputGroups: [
          { OutputGroupSettings: {}, Outputs: [{ NameModifier: 'x' }, { Preset: 'p' }] },
          { OutputGroupSettings: { Type: 'FILE_GROUP_SETTINGS' }, Outputs: [] },
        ],
      },
      'sdk',
    );
    expect(out.map((v) => `${sdkPath('Settings', v.path)}: ${v.message}`)).toEqual([
      'Settings.OutputGroups[0].OutputGroupSettings: Type is a required property',
      'Settings.OutputGroups[0].Outputs[0]: ContainerSettings is a required property',
      'Settings.OutputGroups[1].Outputs: Should have at least 1 items',
    ]);
  });

  test('containers must fit their output group type', () => {
    const hls = {
      OutputGroups: [
        {
          OutputGroupSettings: { Type: 'HLS_GROUP_SETTINGS' },
          Outputs: [
            { ContainerSettings: { Container: 'M3U8' } },
            { ContainerSettings: { Container: 'MP4' } },
          ],
        },
      ],
    };
    expect(
      checkServiceRules(hls, 'sdk').map((v) => `${sdkPath('Settings', v.path)}: ${v.message}`),
    ).toEqual([
      'Settings.OutputGroups[0].Outputs[1].ContainerSettings.Container: MP4 is not valid in a HLS_GROUP_SETTINGS output group: use M3U8 or RAW',
    ]);
  });
});
