/**
 * Where MediaConvert writes a job's outputs, computed from the job's settings alone (no I/O).
 * The action reports these after waiting; the local MediaConvert names its files with them.
 * Settings may be in the SDK's shape (`Destination`) or the wire shape (`destination`).
 *
 * The rules, from the MediaConvert API model and user guide:
 * - Base: the group's `Destination`; when it ends in `/`, the first input's file name without
 *   its extension is appended ("If you do not specify the base filename in the URI, the
 *   service will use the filename of the input file").
 * - Every file of an output starts with base + `NameModifier`.
 * - FILE_GROUP: base + modifier + `.` + (`Extension` or the container's default: m2ts, mov,
 *   mxf, mp4, webm; no container: the codec's extension). Frame capture (no container,
 *   FRAME_CAPTURE codec): base + modifier + `.NNNNNNN.jpg`, a 7-digit 0-based counter.
 * - HLS_GROUP: main manifest base + `.m3u8` (plus base + `ManifestNameModifier` + `.m3u8` per
 *   additional manifest), child playlist base + modifier + `.m3u8`, segments base + modifier +
 *   `_NNNNN.ts` (5 digits from 00001); audio-only outputs with AUTOMATIC container write raw
 *   audio (`.aac`, ...). SINGLE_FILE segment control: one base + modifier + `.ts`.
 * - DASH_ISO_GROUP: manifest base + `.mpd`, init base + modifier + `init.mp4`, segments
 *   base + modifier + `_NNNNNNNNN.mp4` (9 digits from 000000001; `$Number$` in the modifier
 *   numbers without padding instead).
 * - CMAF_GROUP: manifests base + `.m3u8` and base + `.mpd` (each unless disabled), child HLS
 *   playlists base + modifier + `.m3u8`, segments as DASH with `.cmfv` (video) or `.cmfa`.
 * - MS_SMOOTH_GROUP: manifest base + `.ism`, one base + modifier + `.ismv` per output.
 * - Format identifiers: `$fn$` (first input's name), `$dt$`, `$d$`, `$t$` (job start, UTC, when
 *   known), `$w$`, `$h$`, `$f$`, `$rv$`, `$ra$`, `$rc$`, `$ex$`, `$$`.
 */

import { CODEC_EXTENSIONS, CONTAINER_EXTENSIONS, get, list, num, str } from './settings-read.js';

export type OutputGroupType =
  | 'FILE_GROUP_SETTINGS'
  | 'HLS_GROUP_SETTINGS'
  | 'DASH_ISO_GROUP_SETTINGS'
  | 'CMAF_GROUP_SETTINGS'
  | 'MS_SMOOTH_GROUP_SETTINGS';

/** How an output's files are laid out. */
export type OutputLayout = 'file' | 'frames' | 'segments' | 'single-file';

export interface OutputFiles {
  outputIndex: number;
  layout: OutputLayout;
  /** base + NameModifier, format identifiers resolved: every file of the output starts so. */
  stem: string;
  /** Media file extension, without the dot (mp4, ts, aac, cmfv, jpg...). */
  extension: string;
  /** The output's own playlist (HLS child manifest, CMAF HLS child), if any. */
  playlist?: string;
  /** The one media file (FILE_GROUP, SINGLE_FILE segment control); undefined for segments. */
  file?: string;
  /** Initialization segment (DASH, CMAF). */
  init?: string;
  /** Digits of the segment / frame counter, and the first number. */
  counter?: { digits: number; first: number };
  /** A video output (width/height) or audio only; frame capture counts as video. */
  hasVideo: boolean;
  hasAudio: boolean;
}

export interface GroupLocations {
  groupIndex: number;
  type: string;
  name?: string;
  /** The resolved base (destination + file name base), or undefined without a destination. */
  base?: string;
  /** Top-level manifests, as the COMPLETE event's `playlistFilePaths` lists them. */
  playlists: string[];
  outputs: OutputFiles[];
}

export interface LocationOptions {
  /** Job start time, to resolve `$dt$`, `$d$` and `$t$` (left as they are otherwise). */
  startTime?: Date;
}

type Json = Record<string, unknown>;

const GROUP_SETTINGS: Record<string, string> = {
  FILE_GROUP_SETTINGS: 'FileGroupSettings',
  HLS_GROUP_SETTINGS: 'HlsGroupSettings',
  DASH_ISO_GROUP_SETTINGS: 'DashIsoGroupSettings',
  CMAF_GROUP_SETTINGS: 'CmafGroupSettings',
  MS_SMOOTH_GROUP_SETTINGS: 'MsSmoothGroupSettings',
};

/** The input's file name without folders, query and extension (`$fn$`). */
export function inputBaseName(fileInput: string): string {
  const name = fileInput.split('?')[0]?.split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Every output group's locations, in the job's order. */
export function outputLocations(
  settings: unknown,
  options: LocationOptions = {},
): GroupLocations[] {
  const firstInput = str(list(settings, 'Inputs')[0], 'FileInput') ?? '';
  return list(settings, 'OutputGroups').map((group, g) =>
    groupLocations(group, g, inputBaseName(firstInput), options),
  );
}

function groupLocations(
  group: unknown,
  groupIndex: number,
  inputName: string,
  options: LocationOptions,
): GroupLocations {
  const groupSettings = get(group, 'OutputGroupSettings');
  const type = str(groupSettings, 'Type') ?? '';
  const name = str(group, 'Name');
  const specific = GROUP_SETTINGS[type] ? get(groupSettings, GROUP_SETTINGS[type]) : undefined;
  const destination = str(specific, 'Destination');
  const result: GroupLocations = {
    groupIndex,
    type,
    ...(name !== undefined ? { name } : {}),
    playlists: [],
    outputs: [],
  };
  if (destination === undefined) return result;
  const vars = { fn: inputName, ...timeVariables(options.startTime) };
  const resolvedDestination = substitute(destination, vars);
  const base = resolvedDestination.endsWith('/')
    ? resolvedDestination + inputName
    : resolvedDestination;
  result.base = base;
  const outputs = list(group, 'Outputs');
  switch (type) {
    case 'FILE_GROUP_SETTINGS':
      result.outputs = outputs.map((o, i) => fileOutput(o, i, base, vars));
      break;
    case 'HLS_GROUP_SETTINGS':
      result.playlists = [
        `${base}.m3u8`,
        ...list(specific, 'AdditionalManifests').map(
          (m) => `${base}${substitute(str(m, 'ManifestNameModifier') ?? '', vars)}.m3u8`,
        ),
      ];
      result.outputs = outputs.map((o, i) => hlsOutput(o, i, base, specific, vars));
      break;
    case 'DASH_ISO_GROUP_SETTINGS':
      result.playlists = [`${base}.mpd`];
      result.outputs = outputs.map((o, i) => fragmentedOutput(o, i, base, specific, vars, 'dash'));
      break;
    case 'CMAF_GROUP_SETTINGS': {
      const hls = str(specific, 'WriteHlsManifest') !== 'DISABLED';
      const dash = str(specific, 'WriteDashManifest') !== 'DISABLED';
      result.playlists = [...(hls ? [`${base}.m3u8`] : []), ...(dash ? [`${base}.mpd`] : [])];
      result.outputs = outputs.map((o, i) => {
        const files = fragmentedOutput(o, i, base, specific, vars, 'cmaf');
        return hls ? { ...files, playlist: `${files.stem}.m3u8` } : files;
      });
      break;
    }
    case 'MS_SMOOTH_GROUP_SETTINGS':
      result.playlists = [`${base}.ism`];
      result.outputs = outputs.map((o, i) => {
        const stem = outputStem(o, base, vars, 'ismv');
        return {
          ...streams(o),
          outputIndex: i,
          layout: 'file',
          stem,
          extension: 'ismv',
          file: `${stem}.ismv`,
        };
      });
      break;
    default:
      break;
  }
  return result;
}

interface Streams {
  hasVideo: boolean;
  hasAudio: boolean;
}

function streams(output: unknown): Streams {
  return {
    hasVideo: get(output, 'VideoDescription') !== undefined,
    hasAudio: list(output, 'AudioDescriptions').length > 0,
  };
}

function videoCodec(output: unknown): string | undefined {
  return str(get(get(output, 'VideoDescription'), 'CodecSettings'), 'Codec');
}

function audioCodec(output: unknown): string | undefined {
  return str(get(list(output, 'AudioDescriptions')[0], 'CodecSettings'), 'Codec');
}

function fileOutput(output: unknown, outputIndex: number, base: string, vars: Vars): OutputFiles {
  const container = str(get(output, 'ContainerSettings'), 'Container') ?? 'MP4';
  const s = streams(output);
  if (container === 'RAW' && videoCodec(output) === 'FRAME_CAPTURE') {
    const stem = outputStem(output, base, vars, 'jpg');
    return {
      ...s,
      outputIndex,
      layout: 'frames',
      stem,
      extension: 'jpg',
      counter: { digits: 7, first: 0 },
    };
  }
  const codec = s.hasVideo ? videoCodec(output) : audioCodec(output);
  const extension =
    str(output, 'Extension') ??
    CONTAINER_EXTENSIONS[container] ??
    CODEC_EXTENSIONS[codec ?? ''] ??
    (codec ?? 'raw').toLowerCase();
  const stem = outputStem(output, base, vars, extension);
  return { ...s, outputIndex, layout: 'file', stem, extension, file: `${stem}.${extension}` };
}

function hlsOutput(
  output: unknown,
  outputIndex: number,
  base: string,
  groupSettings: unknown,
  vars: Vars,
): OutputFiles {
  const s = streams(output);
  const hlsSettings = get(get(output, 'OutputSettings'), 'HlsSettings');
  const rawAudio = !s.hasVideo && str(hlsSettings, 'AudioOnlyContainer') !== 'M2TS' && s.hasAudio;
  const extension = rawAudio ? (CODEC_EXTENSIONS[audioCodec(output) ?? 'AAC'] ?? 'aac') : 'ts';
  const stem = outputStem(output, base, vars, 'm3u8');
  const playlist = `${stem}.m3u8`;
  if (str(groupSettings, 'SegmentControl') === 'SINGLE_FILE') {
    return {
      ...s,
      outputIndex,
      layout: 'single-file',
      stem,
      extension,
      playlist,
      file: `${stem}.${extension}`,
    };
  }
  return {
    ...s,
    outputIndex,
    layout: 'segments',
    stem,
    extension,
    playlist,
    counter: { digits: 5, first: 1 },
  };
}

function fragmentedOutput(
  output: unknown,
  outputIndex: number,
  base: string,
  groupSettings: unknown,
  vars: Vars,
  kind: 'dash' | 'cmaf',
): OutputFiles {
  const s = streams(output);
  const extension = kind === 'dash' ? 'mp4' : s.hasVideo ? 'cmfv' : 'cmfa';
  const stem = outputStem(output, base, vars, kind === 'dash' ? 'mpd' : 'm3u8');
  if (str(groupSettings, 'SegmentControl') === 'SINGLE_FILE') {
    return {
      ...s,
      outputIndex,
      layout: 'single-file',
      stem,
      extension,
      file: `${stem}.${extension}`,
    };
  }
  const numbered = stem.includes('$Number$');
  return {
    ...s,
    outputIndex,
    layout: 'segments',
    stem,
    extension,
    init: `${stem.replace('$Number$', '')}init.${extension}`,
    counter: numbered ? { digits: 0, first: 1 } : { digits: 9, first: 1 },
  };
}

/** The n-th segment (or frame) of an output, as MediaConvert names it. */
export function segmentUri(output: OutputFiles, n: number): string {
  const digits = output.counter?.digits ?? 0;
  const counter = String(n).padStart(digits, '0');
  if (output.layout === 'frames') return `${output.stem}.${counter}.${output.extension}`;
  if (output.stem.includes('$Number$')) {
    return `${output.stem.replace('$Number$', counter)}.${output.extension}`;
  }
  return `${output.stem}_${counter}.${output.extension}`;
}

/**
 * What the COMPLETE event lists for an output in `outputFilePaths`: the file (FILE_GROUP and
 * MS Smooth), the last image (frame capture, given how many were written), the child playlist
 * (HLS); DASH and CMAF outputs list none.
 */
export function reportedPaths(group: GroupLocations, output: OutputFiles, frames = 1): string[] {
  if (output.layout === 'frames') {
    const first = output.counter?.first ?? 0;
    return [segmentUri(output, first + Math.max(1, frames) - 1)];
  }
  if (group.type === 'HLS_GROUP_SETTINGS') return output.playlist ? [output.playlist] : [];
  if (group.type === 'DASH_ISO_GROUP_SETTINGS' || group.type === 'CMAF_GROUP_SETTINGS') return [];
  return output.file ? [output.file] : [];
}

type Vars = Record<string, string>;

function timeVariables(start: Date | undefined): Vars {
  if (!start) return {};
  const iso = start.toISOString().replace(/[-:]/g, '');
  const d = iso.slice(0, 8);
  const t = iso.slice(9, 15);
  return { dt: `${d}T${t}`, d, t };
}

function outputStem(output: unknown, base: string, vars: Vars, extension: string): string {
  const video = get(output, 'VideoDescription');
  const codecSettings = get(video, 'CodecSettings');
  const codec = str(codecSettings, 'Codec') ?? '';
  const codecKey = `${codec
    .toLowerCase()
    .replace(/_(\w)/g, (_m: string, c: string) => c.toUpperCase())
    .replace(/^(\w)/, (c) => c.toUpperCase())}Settings`;
  const videoSettings = get(codecSettings, codecKey);
  const videoBitrate = num(videoSettings, 'Bitrate') ?? num(videoSettings, 'MaxBitrate');
  const audioBitrate = list(output, 'AudioDescriptions')
    .map((a) => {
      const cs = get(a, 'CodecSettings');
      const key = Object.keys((cs ?? {}) as Json).find((k) => /settings$/i.test(k));
      return key ? (num(get(cs, key), 'Bitrate') ?? 0) : 0;
    })
    .reduce((sum, b) => sum + b, 0);
  const numerator = num(videoSettings, 'FramerateNumerator');
  const denominator = num(videoSettings, 'FramerateDenominator');
  const width = num(video, 'Width');
  const height = num(video, 'Height');
  const outputVars: Vars = {
    ...vars,
    ex: extension,
    ...(width !== undefined ? { w: String(width) } : {}),
    ...(height !== undefined ? { h: String(height) } : {}),
    ...(numerator && denominator ? { f: String(Math.floor(numerator / denominator)) } : {}),
    ...(videoBitrate !== undefined ? { rv: String(Math.round(videoBitrate / 1000)) } : {}),
    ...(audioBitrate > 0 ? { ra: String(Math.round(audioBitrate / 1000)) } : {}),
    ...(videoBitrate !== undefined || audioBitrate > 0
      ? { rc: String(Math.round(((videoBitrate ?? 0) + audioBitrate) / 1000)) }
      : {}),
  };
  if (videoBitrate !== undefined || audioBitrate > 0) {
    outputVars['Bandwidth'] = String((videoBitrate ?? 0) + audioBitrate);
  }
  return base + substitute(str(output, 'NameModifier') ?? '', outputVars);
}

/** Replaces known `$name$` identifiers; `$$` is a literal `$`; unknown ones stay as they are. */
function substitute(text: string, vars: Vars): string {
  return text.replace(/\$(\w*)\$/g, (whole, name: string) => {
    if (name === '') return '$';
    return vars[name] ?? whole;
  });
}
