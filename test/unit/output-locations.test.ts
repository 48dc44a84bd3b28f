import { describe, expect, test } from '@jest/globals';
import {
  inputBaseName,
  outputLocations,
  reportedPaths,
  segmentUri,
} from '../../src/mediaconvert/output-locations.js';

const INPUTS = [{ FileInput: 's3://in/media/My Clip.v2.mp4' }, { FileInput: 's3://in/b.mov' }];
const H264 = (width: number, height: number, bitrate: number) => ({
  Width: width,
  Height: height,
  CodecSettings: { Codec: 'H_264', H264Settings: { Bitrate: bitrate, RateControlMode: 'CBR' } },
});
const AAC = [{ CodecSettings: { Codec: 'AAC', AacSettings: { Bitrate: 96000 } } }];

function group(type: string, key: string, destination: string, outputs: unknown[], extra = {}) {
  return {
    Name: type,
    OutputGroupSettings: { Type: type, [key]: { Destination: destination, ...extra } },
    Outputs: outputs,
  };
}

describe('file group', () => {
  test('a folder destination takes the first input name; modifier and container extension follow', () => {
    const [g] = outputLocations({
      Inputs: INPUTS,
      OutputGroups: [
        group('FILE_GROUP_SETTINGS', 'FileGroupSettings', 's3://out/mp4/', [
          {
            NameModifier: '_720',
            ContainerSettings: { Container: 'MP4' },
            VideoDescription: H264(1280, 720, 5e6),
          },
          {
            NameModifier: '-ts',
            ContainerSettings: { Container: 'M2TS' },
            VideoDescription: H264(640, 360, 1e6),
          },
          {
            ContainerSettings: { Container: 'MOV' },
            VideoDescription: H264(640, 360, 1e6),
            Extension: 'qt',
          },
        ]),
      ],
    });
    expect(g?.base).toBe('s3://out/mp4/My Clip.v2');
    expect(g?.outputs.map((o) => o.file)).toEqual([
      's3://out/mp4/My Clip.v2_720.mp4',
      's3://out/mp4/My Clip.v2-ts.m2ts',
      's3://out/mp4/My Clip.v2.qt',
    ]);
    expect(g?.playlists).toEqual([]);
  });

  test('a destination without trailing slash is the file name base', () => {
    const [g] = outputLocations({
      Inputs: INPUTS,
      OutputGroups: [
        group('FILE_GROUP_SETTINGS', 'FileGroupSettings', 's3://out/final/movie', [
          { ContainerSettings: { Container: 'MP4' }, VideoDescription: H264(320, 240, 1e5) },
        ]),
      ],
    });
    expect(g?.outputs[0]?.file).toBe('s3://out/final/movie.mp4');
  });

  test('audio-only raw outputs take the codec extension; frame capture numbers 7 digits from 0', () => {
    const [g] = outputLocations({
      Inputs: INPUTS,
      OutputGroups: [
        group('FILE_GROUP_SETTINGS', 'FileGroupSettings', 's3://out/a/', [
          {
            NameModifier: '_mp3',
            ContainerSettings: { Container: 'RAW' },
            AudioDescriptions: [
              { CodecSettings: { Codec: 'MP3', Mp3Settings: { Bitrate: 128000 } } },
            ],
          },
          { NameModifier: '_aac', ContainerSettings: { Container: 'RAW' }, AudioDescriptions: AAC },
          {
            NameModifier: '_thumb',
            ContainerSettings: { Container: 'RAW' },
            VideoDescription: {
              CodecSettings: { Codec: 'FRAME_CAPTURE', FrameCaptureSettings: {} },
            },
          },
        ]),
      ],
    });
    const [mp3, aac, frames] = g?.outputs ?? [];
    expect(mp3?.file).toBe('s3://out/a/My Clip.v2_mp3.mp3');
    expect(mp3?.hasVideo).toBe(false);
    expect(aac?.file).toBe('s3://out/a/My Clip.v2_aac.aac');
    expect(frames?.layout).toBe('frames');
    expect(frames && segmentUri(frames, 0)).toBe('s3://out/a/My Clip.v2_thumb.0000000.jpg');
    // The service reports the last image written.
    expect(g && frames && reportedPaths(g, frames, 36)).toEqual([
      's3://out/a/My Clip.v2_thumb.0000035.jpg',
    ]);
  });

  test('wire-format (camelCase) settings give the same names', () => {
    const [g] = outputLocations({
      inputs: [{ fileInput: 's3://in/clip.mp4' }],
      outputGroups: [
        {
          outputGroupSettings: {
            type: 'FILE_GROUP_SETTINGS',
            fileGroupSettings: { destination: 's3://out/' },
          },
          outputs: [{ nameModifier: '_x', containerSettings: { container: 'MOV' } }],
        },
      ],
    });
    expect(g?.outputs[0]?.file).toBe('s3://out/clip_x.mov');
  });
});

describe('streaming groups', () => {
  test('HLS: main manifest, additional manifests, child playlists and 5-digit segments', () => {
    const [g] = outputLocations({
      Inputs: INPUTS,
      OutputGroups: [
        group(
          'HLS_GROUP_SETTINGS',
          'HlsGroupSettings',
          's3://out/hls/main',
          [
            {
              NameModifier: 'v1',
              ContainerSettings: { Container: 'M3U8' },
              VideoDescription: H264(1280, 720, 3e6),
              AudioDescriptions: AAC,
            },
            {
              NameModifier: '_audio',
              ContainerSettings: { Container: 'M3U8' },
              AudioDescriptions: AAC,
            },
          ],
          {
            SegmentLength: 6,
            AdditionalManifests: [{ ManifestNameModifier: '-lo', SelectedOutputs: ['v1'] }],
          },
        ),
      ],
    });
    expect(g?.playlists).toEqual(['s3://out/hls/main.m3u8', 's3://out/hls/main-lo.m3u8']);
    const [video, audio] = g?.outputs ?? [];
    expect(video?.playlist).toBe('s3://out/hls/mainv1.m3u8');
    expect(video && segmentUri(video, 1)).toBe('s3://out/hls/mainv1_00001.ts');
    expect(audio && segmentUri(audio, 12)).toBe('s3://out/hls/main_audio_00012.aac');
    expect(g && video && reportedPaths(g, video)).toEqual(['s3://out/hls/mainv1.m3u8']);
  });

  test('HLS single-file segment control writes one file per output', () => {
    const [g] = outputLocations({
      Inputs: INPUTS,
      OutputGroups: [
        group(
          'HLS_GROUP_SETTINGS',
          'HlsGroupSettings',
          's3://out/',
          [{ NameModifier: '_1', VideoDescription: H264(2, 2, 1) }],
          {
            SegmentControl: 'SINGLE_FILE',
          },
        ),
      ],
    });
    expect(g?.outputs[0]?.file).toBe('s3://out/My Clip.v2_1.ts');
  });

  test('DASH: one .mpd; init and 9-digit .mp4 segments; $Number$ replaces the counter', () => {
    const [g] = outputLocations({
      Inputs: INPUTS,
      OutputGroups: [
        group('DASH_ISO_GROUP_SETTINGS', 'DashIsoGroupSettings', 's3://out/dash/', [
          { NameModifier: '_video', VideoDescription: H264(640, 360, 1e6) },
          { NameModifier: '_audio_$Number$', AudioDescriptions: AAC },
        ]),
      ],
    });
    expect(g?.playlists).toEqual(['s3://out/dash/My Clip.v2.mpd']);
    const [video, audio] = g?.outputs ?? [];
    expect(video?.init).toBe('s3://out/dash/My Clip.v2_videoinit.mp4');
    expect(video && segmentUri(video, 1)).toBe('s3://out/dash/My Clip.v2_video_000000001.mp4');
    expect(audio && segmentUri(audio, 3)).toBe('s3://out/dash/My Clip.v2_audio_3.mp4');
    expect(g && video && reportedPaths(g, video)).toEqual([]);
  });

  test('CMAF: HLS and DASH manifests unless disabled; .cmfv and .cmfa segments', () => {
    const settings = (extra: object) => ({
      Inputs: INPUTS,
      OutputGroups: [
        group(
          'CMAF_GROUP_SETTINGS',
          'CmafGroupSettings',
          's3://out/cmaf/$fn$/index',
          [
            { NameModifier: '_$w$x$h$_$rv$k', VideoDescription: H264(640, 360, 1e6) },
            { NameModifier: '_aac_$ra$k', AudioDescriptions: AAC },
          ],
          extra,
        ),
      ],
    });
    const [g] = outputLocations(settings({}));
    expect(g?.playlists).toEqual([
      's3://out/cmaf/My Clip.v2/index.m3u8',
      's3://out/cmaf/My Clip.v2/index.mpd',
    ]);
    const [video, audio] = g?.outputs ?? [];
    expect(video?.playlist).toBe('s3://out/cmaf/My Clip.v2/index_640x360_1000k.m3u8');
    expect(video && segmentUri(video, 2)).toBe(
      's3://out/cmaf/My Clip.v2/index_640x360_1000k_000000002.cmfv',
    );
    expect(audio?.init).toBe('s3://out/cmaf/My Clip.v2/index_aac_96kinit.cmfa');
    const [dashOnly] = outputLocations(settings({ WriteHlsManifest: 'DISABLED' }));
    expect(dashOnly?.playlists).toEqual(['s3://out/cmaf/My Clip.v2/index.mpd']);
    expect(dashOnly?.outputs[0]?.playlist).toBeUndefined();
  });
});

describe('format identifiers and odd settings', () => {
  test('date and time come from the job start; $$ is a dollar sign; unknown ones stay', () => {
    const [g] = outputLocations(
      {
        Inputs: INPUTS,
        OutputGroups: [
          group('FILE_GROUP_SETTINGS', 'FileGroupSettings', 's3://out/$d$/', [
            { NameModifier: '_$t$_$$_$nope$', ContainerSettings: { Container: 'MP4' } },
          ]),
        ],
      },
      { startTime: new Date('2020-06-04T15:05:28Z') },
    );
    expect(g?.outputs[0]?.file).toBe('s3://out/20200604/My Clip.v2_150528_$_$nope$.mp4');
  });

  test('a group without destination or of an unknown type has no locations', () => {
    const groups = outputLocations({
      Inputs: INPUTS,
      OutputGroups: [
        { OutputGroupSettings: { Type: 'FILE_GROUP_SETTINGS' }, Outputs: [{}] },
        { OutputGroupSettings: { Type: 'SOMETHING_NEW' }, Outputs: [{}] },
      ],
    });
    expect(groups.map((g) => [g.type, g.base, g.outputs.length])).toEqual([
      ['FILE_GROUP_SETTINGS', undefined, 0],
      ['SOMETHING_NEW', undefined, 0],
    ]);
    expect(outputLocations(undefined)).toEqual([]);
  });

  test('input base name drops folders, query and only the last extension', () => {
    expect(inputBaseName('s3://b/a/x.tar.gz')).toBe('x.tar');
    expect(inputBaseName('https://h/p/clip.mp4?sig=1')).toBe('clip');
    expect(inputBaseName('s3://b/.hidden')).toBe('.hidden');
  });
});
