/**
 * Every output group type end to end through the packaged action: one job with FILE_GROUP
 * (MP4, MOV, MPEG-2 TS, raw MP3 and AAC, frame capture), HLS, DASH ISO and CMAF outputs from
 * a 1 s clip, named as src/output-locations.ts says and proven media by ffprobe.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { runPackagedAction } from '../../harness/action-runner.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack, FAST_JOBS } from '../support/use-stack.js';
import { outputLocations, segmentUri } from '../../src/mediaconvert/output-locations.js';
import { getObject, probeStreams } from '../support/stack-helpers.js';
import { stackClients } from '../support/clients.js';

const stack = useStack(FAST_JOBS);
let clients: ReturnType<typeof stackClients>;
let workspace: string;

beforeAll(async () => {
  clients = stackClients(stack);
  workspace = await mkdtemp(path.join(os.tmpdir(), 'output-groups-'));
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-v', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc=duration=1:size=128x72:rate=10'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=800:duration=1'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'],
    ...['-shortest', path.join(workspace, 'tiny.mp4')],
  ]);
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

const H264 = (width: number, height: number, bitrate: number) => ({
  Width: width,
  Height: height,
  CodecSettings: { Codec: 'H_264', H264Settings: { RateControlMode: 'CBR', Bitrate: bitrate } },
});
const AAC = [
  { CodecSettings: { Codec: 'AAC', AacSettings: { Bitrate: 64000, SampleRate: 48000 } } },
];

function group(type: string, key: string, destination: string, outputs: object[], extra = {}) {
  return {
    Name: type,
    OutputGroupSettings: { Type: type, [key]: { Destination: destination, ...extra } },
    Outputs: outputs,
  };
}

/** One output; an audio-only or video-only output leaves the other description out. */
function output(nameModifier: string, container: string, video?: object, audio?: object[]) {
  return {
    NameModifier: nameModifier,
    ContainerSettings: { Container: container },
    ...(video ? { VideoDescription: video } : {}),
    ...(audio ? { AudioDescriptions: audio } : {}),
  };
}

/** DASH ISO or CMAF: video and audio in separate outputs, 2 s segments of 1 s fragments. */
function fragmentedGroup(type: string, key: string, destination: string, container: string) {
  return group(
    type,
    key,
    destination,
    [
      output('_video', container, H264(96, 54, 150000)),
      output('_audio', container, undefined, AAC),
    ],
    { SegmentLength: 2, FragmentLength: 1 },
  );
}

function settings(bucket: string) {
  const out = `s3://${bucket}/groups`;
  const mp3 = {
    CodecSettings: {
      Codec: 'MP3',
      Mp3Settings: { Bitrate: 96000, RateControlMode: 'CBR', SampleRate: 44100 },
    },
  };
  const frameCapture = {
    Width: 64,
    Height: 36,
    CodecSettings: {
      Codec: 'FRAME_CAPTURE',
      FrameCaptureSettings: {
        FramerateNumerator: 2,
        FramerateDenominator: 1,
        MaxCaptures: 3,
        Quality: 80,
      },
    },
  };
  return {
    OutputGroups: [
      group('FILE_GROUP_SETTINGS', 'FileGroupSettings', `${out}/file/`, [
        output('_mp4', 'MP4', H264(96, 54, 150000), AAC),
        output('_mov', 'MOV', H264(64, 36, 100000), AAC),
        output('_ts', 'M2TS', H264(64, 36, 100000), AAC),
        output('_mp3', 'RAW', undefined, [mp3]),
        output('_aac', 'RAW', undefined, AAC),
        output('_thumb', 'RAW', frameCapture),
      ]),
      group(
        'HLS_GROUP_SETTINGS',
        'HlsGroupSettings',
        `${out}/hls/index`,
        [
          output('_360', 'M3U8', H264(64, 36, 100000), AAC),
          output('_540', 'M3U8', H264(96, 54, 150000), AAC),
        ],
        { SegmentLength: 1, MinSegmentLength: 0 },
      ),
      fragmentedGroup('DASH_ISO_GROUP_SETTINGS', 'DashIsoGroupSettings', `${out}/dash/`, 'MPD'),
      fragmentedGroup('CMAF_GROUP_SETTINGS', 'CmafGroupSettings', `${out}/cmaf/`, 'CMFC'),
    ],
  };
}

/** Runs the action on tiny.mp4 with `jobSettings` written to the workspace as `name`. */
async function runWithJobSettings(
  name: string,
  jobSettings: object,
  prefix: string,
  inputs: Record<string, string> = {},
) {
  const file = path.join(workspace, name);
  await writeFile(file, JSON.stringify(jobSettings));
  return runPackagedAction({
    workspace,
    env: stack.env(),
    inputs: actionInputs(stack, prefix, {
      files: 'tiny.mp4',
      'job-settings': file,
      ...inputs,
    }),
  });
}

async function text(uri: string): Promise<string> {
  return (await getObject(clients.s3, uri)).body.toString('utf8');
}

async function probe(...uris: string[]): Promise<string[]> {
  const parts = await Promise.all(uris.map(async (u) => (await getObject(clients.s3, u)).body));
  // MPEG-TS lists its streams once per program too.
  return [...new Set(await probeStreams(Buffer.concat(parts)))];
}

test('one job makes every output group type, named as MediaConvert names them', async () => {
  const jobSettings = settings(stack.info.bucket);
  const run = await runWithJobSettings('all-groups.json', { Settings: jobSettings }, 'in', {
    wait: 'true',
    'wait-timeout': '120',
  });
  expect(run.stdout).not.toContain('::error::');
  expect(run.code).toBe(0);
  const id = run.outputs['job-id']!;
  const job = (await stack.mediaconvert.waitForJob(id)) as {
    status: string;
    settings: unknown;
    outputGroupDetails: {
      type: string;
      playlistFilePaths?: string[];
      outputDetails: { outputFilePaths?: string[]; videoDetails?: { widthInPx: number } }[];
    }[];
  };
  expect(job.status).toBe('COMPLETE');

  // The shared naming module predicts every reported path from the job's final settings.
  const [file0, hls, dash, cmaf] = outputLocations(job.settings);
  const details = job.outputGroupDetails;
  expect(details.map((d) => d.type)).toEqual([
    'FILE_GROUP',
    'HLS_GROUP',
    'DASH_ISO_GROUP',
    'CMAF_GROUP',
  ]);
  const base = `s3://${stack.info.bucket}/groups`;
  expect(details[0]!.outputDetails.map((o) => o.outputFilePaths)).toEqual([
    [`${base}/file/tiny_mp4.mp4`],
    [`${base}/file/tiny_mov.mov`],
    [`${base}/file/tiny_ts.m2ts`],
    [`${base}/file/tiny_mp3.mp3`],
    [`${base}/file/tiny_aac.aac`],
    [`${base}/file/tiny_thumb.0000001.jpg`],
  ]);
  expect(details[0]!.outputDetails[0]!.videoDetails?.widthInPx).toBe(96);
  expect(details[1]!.playlistFilePaths).toEqual(hls!.playlists);
  expect(details[2]!.playlistFilePaths).toEqual([`${base}/dash/tiny.mpd`]);
  expect(details[3]!.playlistFilePaths).toEqual([
    `${base}/cmaf/tiny.m3u8`,
    `${base}/cmaf/tiny.mpd`,
  ]);

  // File group: real media of the asked codec family and size.
  expect(await probe(file0!.outputs[0]!.file!)).toEqual(['video:h264', 'audio:aac']);
  expect(await probe(file0!.outputs[1]!.file!)).toEqual(['video:h264', 'audio:aac']);
  expect(await probe(file0!.outputs[2]!.file!)).toEqual(['video:h264', 'audio:aac']);
  expect(await probe(file0!.outputs[3]!.file!)).toEqual(['audio:mp3']);
  expect(await probe(file0!.outputs[4]!.file!)).toEqual(['audio:aac']);
  const frames = file0!.outputs[5]!;
  expect(await probe(segmentUri(frames, 0))).toEqual(['video:mjpeg']);

  // HLS: the multivariant playlist lists both children; their first segment is TS media.
  const master = await text(hls!.playlists[0]!);
  expect(master).toContain('RESOLUTION=64x36');
  expect(master).toContain('index_540.m3u8');
  const child = await text(hls!.outputs[1]!.playlist!);
  expect(child).toContain('#EXT-X-TARGETDURATION:1');
  expect(child).toContain(path.basename(segmentUri(hls!.outputs[1]!, 1)));
  expect(await probe(segmentUri(hls!.outputs[1]!, 1))).toEqual(['video:h264', 'audio:aac']);

  // DASH: one MPD with both adaptation sets; init + first segment is playable media.
  const mpd = await text(dash!.playlists[0]!);
  expect(mpd.match(/<AdaptationSet/g)).toHaveLength(2);
  expect(mpd).toContain('tiny_video_$Number%09d$.mp4');
  const video = dash!.outputs[0]!;
  expect(await probe(video.init!, segmentUri(video, 1))).toEqual(['video:h264']);

  // CMAF: HLS and DASH manifests over .cmfv / .cmfa segments.
  const cmafMaster = await text(cmaf!.playlists[0]!);
  expect(cmafMaster).toContain('TYPE=AUDIO');
  expect(await text(cmaf!.outputs[0]!.playlist!)).toContain('tiny_video_000000001.cmfv');
  const audio = cmaf!.outputs[1]!;
  expect(await probe(audio.init!, segmentUri(audio, 1))).toEqual(['audio:aac']);

  const listed = await clients.s3.send(
    new ListObjectsV2Command({ Bucket: stack.info.bucket, Prefix: 'groups/file/' }),
  );
  expect((listed.Contents ?? []).filter((o) => o.Key!.endsWith('.jpg')).map((o) => o.Key)).toEqual([
    'groups/file/tiny_thumb.0000000.jpg',
    'groups/file/tiny_thumb.0000001.jpg',
  ]);
}, 120_000);

test('a group the local MediaConvert cannot approximate fails the job with 1040 and says why', async () => {
  const smooth = group(
    'MS_SMOOTH_GROUP_SETTINGS',
    'MsSmoothGroupSettings',
    `s3://${stack.info.bucket}/mss/`,
    [
      {
        ContainerSettings: { Container: 'ISMV' },
        VideoDescription: H264(64, 36, 100000),
        AudioDescriptions: AAC,
      },
    ],
  );
  const run = await runWithJobSettings('smooth.json', { OutputGroups: [smooth] }, 'in-mss', {
    wait: 'true',
  });
  expect(run.code).not.toBe(0);
  expect(run.stdout).toMatch(
    /ended ERROR \(error 1040\): Output group 0 \(MS_SMOOTH_GROUP_SETTINGS\): output group type MS_SMOOTH_GROUP_SETTINGS is not supported/,
  );
}, 60_000);

test('settings the service would refuse fail the step before any AWS request', async () => {
  const bad = settings(stack.info.bucket).OutputGroups[0]!;
  (bad.Outputs[0] as { ContainerSettings: { Container: string } }).ContainerSettings.Container =
    'MP5';
  const before = stack.kms.requests.length;
  const run = await runWithJobSettings('mp5.json', { OutputGroups: [bad] }, 'in-mp5');
  expect(run.code).not.toBe(0);
  expect(run.stdout).toContain(
    '::error::Input `job-settings`: MediaConvert would refuse these settings: $.OutputGroups[0].Outputs[0].ContainerSettings.Container: should be equal to one of the allowed values',
  );
  expect(stack.kms.requests.length).toBe(before);
}, 60_000);
