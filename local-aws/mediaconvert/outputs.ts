/**
 * Turns a job's output groups into concrete files to produce: where each goes in S3 and
 * what to encode. Anything the emulator cannot produce fails the job with a clear message.
 */
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

export interface VideoPlan {
  width?: number;
  height?: number;
  bitrate?: number;
  framerate?: string;
}

export interface AudioPlan {
  bitrate?: number;
  sampleRate?: number;
}

export interface PlannedOutput {
  groupIndex: number;
  s3Uri: string;
  bucket: string;
  key: string;
  format: 'mp4' | 'mov';
  contentType: string;
  video?: VideoPlan;
  audio?: AudioPlan;
}

/** Containers the emulator writes, with the extension and MIME type MediaConvert gives them. */
const CONTAINERS: Record<string, { format: 'mp4' | 'mov'; extension: string; type: string }> = {
  MP4: { format: 'mp4', extension: 'mp4', type: 'video/mp4' },
  MOV: { format: 'mov', extension: 'mov', type: 'video/quicktime' },
};

function unsupported(message: string): JobFailure {
  return new JobFailure(
    ERROR_CODES.unsupportedSetting,
    `${message}. The MediaConvert emulator writes FILE_GROUP_SETTINGS outputs in ${Object.keys(CONTAINERS).join(' or ')} with H_264 video and AAC audio`,
  );
}

/** One list of outputs per output group, in the job's order. */
export function planOutputs(settings: JsonObject, firstFileInput: string): PlannedOutput[][] {
  return objectsAt(settings, 'outputGroups').map((group, g) => planGroup(group, g, firstFileInput));
}

function planGroup(group: JsonObject, g: number, firstFileInput: string): PlannedOutput[] {
  const where = `Output group ${g}${stringAt(group, 'name') ? ` (${stringAt(group, 'name')})` : ''}`;
  const groupSettings = objectAt(group, 'outputGroupSettings');
  const type = stringAt(groupSettings, 'type');
  if (type !== 'FILE_GROUP_SETTINGS') throw unsupported(`${where}: type ${type} is not supported`);
  const destination = stringAt(objectAt(groupSettings, 'fileGroupSettings'), 'destination');
  if (!destination || !parseS3Url(destination)) {
    throw new JobFailure(
      ERROR_CODES.unsupportedSetting,
      `${where}: fileGroupSettings.destination must be an s3://bucket/prefix URL, got ${JSON.stringify(destination)}`,
    );
  }
  // A destination ending in "/" is a folder: files are named after the first input.
  const base = destination.endsWith('/') ? destination + baseName(firstFileInput) : destination;
  return objectsAt(group, 'outputs').map((output, o) =>
    planOutput(output, `${where}, output ${o}`, g, base),
  );
}

function planOutput(output: JsonObject, where: string, g: number, base: string): PlannedOutput {
  if (stringAt(output, 'preset')) throw unsupported(`${where}: output presets are not supported`);
  const container = stringAt(objectAt(output, 'containerSettings'), 'container');
  const spec = container === undefined ? undefined : CONTAINERS[container];
  if (!spec) throw unsupported(`${where}: container ${container} is not supported`);
  const video = planVideo(objectAt(output, 'videoDescription'), where);
  const audio = planAudio(objectsAt(output, 'audioDescriptions')[0], where);
  if (!video && !audio) {
    throw unsupported(`${where}: the output has neither videoDescription nor audioDescriptions`);
  }
  const extension = stringAt(output, 'extension') ?? spec.extension;
  const s3Uri = `${base}${stringAt(output, 'nameModifier') ?? ''}.${extension}`;
  const location = parseS3Url(s3Uri) ?? { bucket: '', key: '' };
  return {
    groupIndex: g,
    s3Uri,
    ...location,
    format: spec.format,
    contentType: spec.type,
    ...(video ? { video } : {}),
    ...(audio ? { audio } : {}),
  };
}

function planVideo(description: JsonObject | undefined, where: string): VideoPlan | undefined {
  if (!description) return undefined;
  const codecSettings = objectAt(description, 'codecSettings');
  const codec = stringAt(codecSettings, 'codec') ?? 'H_264';
  if (codec !== 'H_264') throw unsupported(`${where}: video codec ${codec} is not supported`);
  const h264 = objectAt(codecSettings, 'h264Settings');
  const numerator = numberAt(h264, 'framerateNumerator');
  const denominator = numberAt(h264, 'framerateDenominator');
  const bitrate = numberAt(h264, 'bitrate') ?? numberAt(h264, 'maxBitrate');
  return compact({
    width: evenOrUndefined(numberAt(description, 'width')),
    height: evenOrUndefined(numberAt(description, 'height')),
    bitrate,
    framerate:
      stringAt(h264, 'framerateControl') === 'SPECIFIED' && numerator && denominator
        ? `${numerator}/${denominator}`
        : undefined,
  });
}

function planAudio(description: JsonObject | undefined, where: string): AudioPlan | undefined {
  if (!description) return undefined;
  const codecSettings = objectAt(description, 'codecSettings');
  const codec = stringAt(codecSettings, 'codec') ?? 'AAC';
  if (codec !== 'AAC') throw unsupported(`${where}: audio codec ${codec} is not supported`);
  const aac = objectAt(codecSettings, 'aacSettings');
  return compact({ bitrate: numberAt(aac, 'bitrate'), sampleRate: numberAt(aac, 'sampleRate') });
}

/** The input's file name without folder and extension, as MediaConvert names outputs. */
export function baseName(fileInput: string): string {
  const name = fileInput.split('?')[0]?.split('/').pop() ?? 'output';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** H.264 in 4:2:0 needs even dimensions. */
function evenOrUndefined(value: number | undefined): number | undefined {
  return value === undefined || value <= 0 ? undefined : Math.max(2, Math.round(value / 2) * 2);
}

/** Drops undefined members so the plans satisfy exactOptionalPropertyTypes. */
function compact<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
