/**
 * Turns a job's output groups into work the emulator can do with ffmpeg: for each output, its
 * names (from src/output-locations.ts, the naming rules the action shares) and an encode that
 * approximates its settings (codec family, size, bitrate, frame rate, segment length).
 * Anything it cannot approximate fails the job with 1040 and says what and why.
 */
import {
  outputLocations,
  type GroupLocations,
  type OutputFiles,
} from '../../src/mediaconvert/output-locations.js';
import {
  ERROR_CODES,
  JobFailure,
  numberAt,
  objectAt,
  objectsAt,
  parseS3Url,
  stringAt,
  type JsonObject,
} from './wire.js';

export type GroupKind = 'file' | 'hls' | 'dash' | 'cmaf';

export interface VideoEncode {
  codec: 'H_264' | 'H_265' | 'MPEG2' | 'FRAME_CAPTURE';
  width?: number;
  height?: number;
  bitrate?: number;
  framerate?: string;
  /** Frame capture: at most this many images, JPEG quality 1..100. */
  maxCaptures?: number;
  quality?: number;
}

export interface AudioEncode {
  codec: 'AAC' | 'MP3' | 'AC3' | 'EAC3' | 'WAV';
  bitrate?: number;
  sampleRate?: number;
  channels?: number;
}

export interface PlannedOutput {
  groupIndex: number;
  kind: GroupKind;
  files: OutputFiles;
  nameModifier: string;
  /** ffmpeg muxer for FILE_GROUP outputs. */
  format?: 'mp4' | 'mov' | 'mpegts' | 'mp3' | 'adts' | 'ac3' | 'eac3' | 'wav' | 'image2';
  video?: VideoEncode;
  audio?: AudioEncode;
  /** Seconds per segment (streaming groups). */
  segmentSeconds?: number;
}

export interface PlannedGroup {
  index: number;
  kind: GroupKind;
  type: string;
  locations: GroupLocations;
  outputs: PlannedOutput[];
  /** HLS additional manifests: the name modifiers of the outputs each one lists. */
  additional: { selectedOutputs: string[] }[];
}

const KINDS: Record<string, GroupKind> = {
  FILE_GROUP_SETTINGS: 'file',
  HLS_GROUP_SETTINGS: 'hls',
  DASH_ISO_GROUP_SETTINGS: 'dash',
  CMAF_GROUP_SETTINGS: 'cmaf',
};

/** Default segment lengths of the model (HlsGroupSettings 10, DashIso 30, Cmaf 10 seconds). */
const SEGMENT_DEFAULTS: Record<GroupKind, number> = { file: 0, hls: 10, dash: 30, cmaf: 10 };
const GROUP_KEYS: Record<GroupKind, string> = {
  file: 'fileGroupSettings',
  hls: 'hlsGroupSettings',
  dash: 'dashIsoGroupSettings',
  cmaf: 'cmafGroupSettings',
};

const FILE_FORMATS: Record<string, PlannedOutput['format']> = {
  MP4: 'mp4',
  MOV: 'mov',
  M2TS: 'mpegts',
};

const RAW_AUDIO_FORMATS: Record<AudioEncode['codec'], PlannedOutput['format']> = {
  AAC: 'adts',
  MP3: 'mp3',
  AC3: 'ac3',
  EAC3: 'eac3',
  WAV: 'wav',
};

export function unsupported(where: string, what: string): JobFailure {
  return new JobFailure(
    ERROR_CODES.settings,
    `${where}: ${what}. The local MediaConvert approximates FILE_GROUP (MP4, MOV, M2TS, raw audio, frame capture), HLS, DASH ISO and CMAF outputs with H_264, H_265 or MPEG2 video and AAC, MP3, AC3, EAC3 or WAV audio`,
  );
}

export function planJob(settings: JsonObject, startTime: Date): PlannedGroup[] {
  const locations = outputLocations(settings, { startTime });
  const groups = objectsAt(settings, 'outputGroups').map((group, g): PlannedGroup => {
    const where = `Output group ${g}${stringAt(group, 'name') ? ` (${stringAt(group, 'name')})` : ''}`;
    const groupSettings = objectAt(group, 'outputGroupSettings');
    const type = stringAt(groupSettings, 'type') ?? '';
    const kind = KINDS[type];
    if (!kind) throw unsupported(where, `output group type ${type} is not supported`);
    const located = locations[g];
    if (!located?.base || !parseS3Url(located.base)) {
      throw new JobFailure(
        ERROR_CODES.settings,
        `${where}: the destination must be an s3://bucket/prefix URL, got ${JSON.stringify(stringAt(objectAt(groupSettings, GROUP_KEYS[kind]), 'destination'))}`,
      );
    }
    const specific = objectAt(groupSettings, GROUP_KEYS[kind]);
    const segmentSeconds = numberAt(specific, 'segmentLength') ?? SEGMENT_DEFAULTS[kind];
    const outputs = objectsAt(group, 'outputs').map((output, o) => {
      const files = located.outputs[o];
      if (!files) throw new JobFailure(ERROR_CODES.internal, `${where}: output ${o} has no names`);
      return planOutput(output, `${where}, output ${o}`, g, kind, files, segmentSeconds);
    });
    const additional = objectsAt(specific, 'additionalManifests').map((m) => ({
      selectedOutputs: (Array.isArray(m['selectedOutputs']) ? m['selectedOutputs'] : []).filter(
        (x): x is string => typeof x === 'string',
      ),
    }));
    return { index: g, kind, type, locations: located, outputs, additional };
  });
  const outputs = groups.flatMap((g) => g.outputs);
  if (outputs.length > 0 && outputs.every((o) => o.files.layout === 'frames')) {
    throw new JobFailure(
      ERROR_CODES.settings,
      'MediaConvert does not run jobs of frame capture outputs only: add an output with audio or video',
    );
  }
  return groups;
}

function planOutput(
  output: JsonObject,
  where: string,
  groupIndex: number,
  kind: GroupKind,
  files: OutputFiles,
  segmentSeconds: number,
): PlannedOutput {
  if (stringAt(output, 'preset')) {
    throw unsupported(
      where,
      'output presets are not available locally: put the settings in the output',
    );
  }
  const container = stringAt(objectAt(output, 'containerSettings'), 'container') ?? 'MP4';
  const video = planVideo(objectAt(output, 'videoDescription'), where);
  const audio = planAudio(objectsAt(output, 'audioDescriptions'), where);
  if (!video && !audio) throw unsupported(where, 'the output has neither video nor audio');
  const planned: PlannedOutput = {
    groupIndex,
    kind,
    files,
    nameModifier: stringAt(output, 'nameModifier') ?? '',
    ...(video ? { video } : {}),
    ...(audio ? { audio } : {}),
  };
  if (kind === 'file') {
    const format = fileFormat(container, video, audio, where);
    if (!format) throw unsupported(where, `container ${container} is not supported here`);
    return { ...planned, format };
  }
  if (video?.codec === 'FRAME_CAPTURE') {
    throw unsupported(where, 'frame capture in a streaming group is not supported');
  }
  if ((kind === 'dash' || kind === 'cmaf') && video && audio) {
    throw new JobFailure(
      ERROR_CODES.settings,
      `${where}: ${kind === 'dash' ? 'DASH ISO' : 'CMAF'} outputs carry one stream each: put video and audio in separate outputs`,
    );
  }
  if (
    kind !== 'hls' &&
    audio &&
    audio.codec !== 'AAC' &&
    audio.codec !== 'AC3' &&
    audio.codec !== 'EAC3'
  ) {
    throw unsupported(
      where,
      `audio codec ${audio.codec} is not supported in ${kind.toUpperCase()} outputs`,
    );
  }
  return { ...planned, segmentSeconds: Math.max(1, segmentSeconds) };
}

function fileFormat(
  container: string,
  video: VideoEncode | undefined,
  audio: AudioEncode | undefined,
  where: string,
): PlannedOutput['format'] {
  if (container === 'RAW') {
    if (video?.codec === 'FRAME_CAPTURE') return 'image2';
    if (video) throw unsupported(where, 'raw video elementary streams are not supported');
    return audio ? RAW_AUDIO_FORMATS[audio.codec] : undefined;
  }
  if (video?.codec === 'FRAME_CAPTURE') {
    throw unsupported(where, 'frame capture needs container RAW');
  }
  const format = FILE_FORMATS[container];
  if (!format) throw unsupported(where, `container ${container} is not supported`);
  if (format === 'mp4' && audio && !['AAC', 'MP3', 'AC3', 'EAC3'].includes(audio.codec)) {
    throw unsupported(where, `audio codec ${audio.codec} is not supported in MP4`);
  }
  return format;
}

const VIDEO_SETTINGS: Record<string, string> = {
  H_264: 'h264Settings',
  H_265: 'h265Settings',
  MPEG2: 'mpeg2Settings',
  FRAME_CAPTURE: 'frameCaptureSettings',
};

function planVideo(description: JsonObject | undefined, where: string): VideoEncode | undefined {
  if (!description) return undefined;
  const codecSettings = objectAt(description, 'codecSettings');
  const codec = stringAt(codecSettings, 'codec') ?? 'H_264';
  const key = VIDEO_SETTINGS[codec];
  if (!key) throw unsupported(where, `video codec ${codec} is not supported`);
  const s = objectAt(codecSettings, key);
  const numerator = numberAt(s, 'framerateNumerator');
  const denominator = numberAt(s, 'framerateDenominator');
  const specified = codec === 'FRAME_CAPTURE' || stringAt(s, 'framerateControl') === 'SPECIFIED';
  return compact<VideoEncode>({
    codec: codec as VideoEncode['codec'],
    width: even(numberAt(description, 'width')),
    height: even(numberAt(description, 'height')),
    bitrate: numberAt(s, 'bitrate') ?? numberAt(s, 'maxBitrate'),
    framerate: specified && numerator && denominator ? `${numerator}/${denominator}` : undefined,
    maxCaptures: numberAt(s, 'maxCaptures'),
    quality: numberAt(s, 'quality'),
  });
}

const AUDIO_SETTINGS: Record<string, string> = {
  AAC: 'aacSettings',
  MP3: 'mp3Settings',
  AC3: 'ac3Settings',
  EAC3: 'eac3Settings',
  WAV: 'wavSettings',
};

function planAudio(descriptions: JsonObject[], where: string): AudioEncode | undefined {
  const [first, ...more] = descriptions;
  if (!first) return undefined;
  if (more.length > 0) throw unsupported(where, 'more than one audio track is not supported');
  const codecSettings = objectAt(first, 'codecSettings');
  const codec = stringAt(codecSettings, 'codec') ?? 'AAC';
  const key = AUDIO_SETTINGS[codec];
  if (!key) throw unsupported(where, `audio codec ${codec} is not supported`);
  const s = objectAt(codecSettings, key);
  const mode = stringAt(s, 'codingMode') ?? '';
  return compact<AudioEncode>({
    codec: codec as AudioEncode['codec'],
    bitrate: numberAt(s, 'bitrate'),
    sampleRate: numberAt(s, 'sampleRate'),
    channels: numberAt(s, 'channels') ?? (/1_0|1_1/.test(mode) ? 1 : undefined),
  });
}

/** H.264 in 4:2:0 needs even dimensions. */
function even(value: number | undefined): number | undefined {
  return value === undefined || value <= 0 ? undefined : Math.max(2, Math.round(value / 2) * 2);
}

/** Drops undefined members so the plans satisfy exactOptionalPropertyTypes. */
function compact<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
