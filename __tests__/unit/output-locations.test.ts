import { describe, expect, test } from '@jest/globals';
import type { JobSettings } from '@aws-sdk/client-mediaconvert';
import { inputBaseName, outputLocations } from '../../src/output-locations.js';

const INPUT = 's3://in/enc/masters/show.ep1.mov';

function settings(groups: JobSettings['OutputGroups']): JobSettings {
  return { Inputs: [{ FileInput: INPUT }], OutputGroups: groups };
}

describe('outputLocations', () => {
  test('FILE_GROUP into a folder: input base name + name modifier + container extension', () => {
    const out = outputLocations(
      settings([
        {
          Name: 'File Group',
          OutputGroupSettings: {
            Type: 'FILE_GROUP_SETTINGS',
            FileGroupSettings: { Destination: 's3://out/renditions/' },
          },
          Outputs: [
            { NameModifier: '-1080p', ContainerSettings: { Container: 'MP4' } },
            { NameModifier: '-prores', ContainerSettings: { Container: 'MOV' } },
            { NameModifier: '-x', Extension: 'm4v', ContainerSettings: { Container: 'MP4' } },
          ],
        },
      ]),
    );
    expect(out).toEqual([
      {
        group: 0,
        groupName: 'File Group',
        type: 'FILE_GROUP_SETTINGS',
        kind: 'file',
        uri: 's3://out/renditions/show.ep1-1080p.mp4',
      },
      {
        group: 0,
        groupName: 'File Group',
        type: 'FILE_GROUP_SETTINGS',
        kind: 'file',
        uri: 's3://out/renditions/show.ep1-prores.mov',
      },
      {
        group: 0,
        groupName: 'File Group',
        type: 'FILE_GROUP_SETTINGS',
        kind: 'file',
        uri: 's3://out/renditions/show.ep1-x.m4v',
      },
    ]);
  });

  test('a destination not ending in / names the files itself', () => {
    const [out] = outputLocations(
      settings([
        {
          OutputGroupSettings: {
            Type: 'FILE_GROUP_SETTINGS',
            FileGroupSettings: { Destination: 's3://out/final/feature' },
          },
          Outputs: [{ ContainerSettings: { Container: 'MP4' } }],
        },
      ]),
    );
    expect(out?.uri).toBe('s3://out/final/feature.mp4');
  });

  test('HLS: the main playlist and one variant playlist per output', () => {
    const out = outputLocations(
      settings([
        {
          OutputGroupSettings: {
            Type: 'HLS_GROUP_SETTINGS',
            HlsGroupSettings: {
              Destination: 's3://out/hls/',
              SegmentLength: 6,
              MinSegmentLength: 0,
            },
          },
          Outputs: [{ NameModifier: '_720' }, { NameModifier: '_360' }],
        },
      ]),
    );
    expect(out.map((o) => [o.kind, o.uri])).toEqual([
      ['manifest', 's3://out/hls/show.ep1.m3u8'],
      ['playlist', 's3://out/hls/show.ep1_720.m3u8'],
      ['playlist', 's3://out/hls/show.ep1_360.m3u8'],
    ]);
  });

  test('DASH_ISO: one .mpd; CMAF: .m3u8 and .mpd unless one is disabled', () => {
    const out = outputLocations(
      settings([
        {
          OutputGroupSettings: {
            Type: 'DASH_ISO_GROUP_SETTINGS',
            DashIsoGroupSettings: {
              Destination: 's3://out/dash/master',
              SegmentLength: 30,
              FragmentLength: 2,
            },
          },
          Outputs: [{ NameModifier: '_v' }],
        },
        {
          OutputGroupSettings: {
            Type: 'CMAF_GROUP_SETTINGS',
            CmafGroupSettings: {
              Destination: 's3://out/cmaf/',
              SegmentLength: 6,
              FragmentLength: 2,
            },
          },
          Outputs: [{ NameModifier: '_a' }],
        },
        {
          OutputGroupSettings: {
            Type: 'CMAF_GROUP_SETTINGS',
            CmafGroupSettings: {
              Destination: 's3://out/cmaf-dash/',
              SegmentLength: 6,
              FragmentLength: 2,
              WriteHlsManifest: 'DISABLED',
            },
          },
          Outputs: [{ NameModifier: '_a' }],
        },
      ]),
    );
    expect(out.map((o) => [o.group, o.kind, o.uri])).toEqual([
      [0, 'manifest', 's3://out/dash/master.mpd'],
      [1, 'manifest', 's3://out/cmaf/show.ep1.m3u8'],
      [1, 'playlist', 's3://out/cmaf/show.ep1_a.m3u8'],
      [1, 'manifest', 's3://out/cmaf/show.ep1.mpd'],
      [2, 'manifest', 's3://out/cmaf-dash/show.ep1.mpd'],
    ]);
  });

  test('groups without an S3 destination and no settings at all give nothing', () => {
    expect(outputLocations(undefined)).toEqual([]);
    expect(
      outputLocations(
        settings([{ OutputGroupSettings: { Type: 'FILE_GROUP_SETTINGS' }, Outputs: [{}] }]),
      ),
    ).toEqual([]);
  });

  test('inputBaseName drops folders, query and the last extension only', () => {
    expect(inputBaseName('s3://b/a/b.c.mp4')).toBe('b.c');
    expect(inputBaseName('https://h/x/clip.mov?sig=1')).toBe('clip');
    expect(inputBaseName('s3://b/noext')).toBe('noext');
  });
});
