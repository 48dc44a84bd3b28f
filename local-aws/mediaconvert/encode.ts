/**
 * Encodes one planned output with ffmpeg into a staging folder, under the file names
 * MediaConvert gives it. Like the service, every input of a job is joined, in order, into each
 * output. Streaming outputs are segmented by ffmpeg's HLS and DASH muxers; the group's
 * top-level manifests are written afterwards (manifests.ts).
 */
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileSha256, runKey } from './media-cache.js';
import { runTool, type MediaInfo, type MediaTools } from './media.js';
import { unsupported, type PlannedOutput } from './plan.js';
import { ERROR_CODES, JobFailure } from './wire.js';

/** ffmpeg's per-output MPD (DASH, CMAF), merged later into the group's manifest. */
const MPD = 'output.mpd';

export interface DecryptedInput {
  fileInput: string;
  file: string;
  info: MediaInfo;
  /** SHA-256 of the decrypted bytes, when the tools keep a cache. */
  sha256?: string;
}

export interface EncodeRequest {
  inputs: DecryptedInput[];
  output: PlannedOutput;
  /** Folder that receives this output's files, named as in S3 (relative to the base's folder). */
  dir: string;
  tools: MediaTools;
  signal: AbortSignal;
  /** Fraction (0..1) of this output done, as ffmpeg reports it. */
  onProgress: (fraction: number) => void;
}

export interface EncodedOutput {
  /** File names written in `dir` (media, child playlists; not the per-output MPD). */
  files: string[];
  /** The per-output MPD ffmpeg wrote (DASH, CMAF), to merge into the group's manifest. */
  mpd?: string;
  width?: number;
  height?: number;
  durationMs: number;
}

export async function encodeOutput(request: EncodeRequest): Promise<EncodedOutput> {
  const { inputs, output, dir } = request;
  const first = inputs[0];
  if (!first) throw new JobFailure(ERROR_CODES.internal, 'The job has no inputs');
  const durationMs = inputs.reduce((sum, input) => sum + (input.info.durationMs ?? 0), 0);
  await mkdir(dir, { recursive: true });
  if (!request.tools.ffmpeg) {
    // Without ffmpeg only single files can be made: the first input, copied as it is.
    if (output.kind !== 'file' || output.files.layout !== 'file' || !output.files.file) {
      throw unsupported(
        `Output ${output.files.stem}`,
        'streaming and frame capture outputs need ffmpeg on PATH',
      );
    }
    const name = basename(output.files.file);
    await copyFile(first.file, join(dir, name));
    request.onProgress(1);
    return { files: [name], durationMs };
  }
  const streams = selectStreams(inputs, output);
  const size = streams.video ? outputSize(output, first.info) : undefined;
  const args = [
    ...['-hide_banner', '-nostdin', '-nostats', '-v', 'error', '-y', '-progress', 'pipe:1'],
    ...inputs.flatMap((input) => ['-i', input.file]),
    ...filterArgs(inputs, output, streams, size),
    ...(streams.video ? videoArgs(output) : []),
    ...(streams.audio ? audioArgs(output) : []),
    ...muxerArgs(output, dir),
  ];
  const ffmpeg = request.tools.ffmpeg;
  const transcode = async (): Promise<string[]> => {
    const result = await runTool(ffmpeg, args, request.signal, (line) => {
      const match = /^out_time_us=(\d+)/.exec(line);
      if (match?.[1] && durationMs > 0) {
        request.onProgress(Math.min(1, Number(match[1]) / 1000 / durationMs));
      }
    });
    if (result.code !== 0) {
      throw new JobFailure(
        ERROR_CODES.internal,
        `Transcoding ${output.files.stem} failed (ffmpeg exit ${result.code}): ${lastLines(result.stderr)}`,
      );
    }
    return collect(output, dir);
  };
  // A single file's name is not in its bytes: runs that differ only in it share a cache entry.
  const single =
    output.kind === 'file' && output.format !== 'image2' ? singleFile(output) : undefined;
  const cache = request.tools.cache;
  const written = cache
    ? await cache.files(await transcodeKey(inputs, args, dir, single), dir, transcode, single)
    : await transcode();
  request.onProgress(1);
  return { ...filesOf(output, dir, written), ...(size ?? {}), durationMs };
}

/** The name of a FILE_GROUP output's one file. */
function singleFile(output: PlannedOutput): string {
  return basename(output.files.file ?? `${basename(output.files.stem)}.mp4`);
}

/**
 * The run's arguments with each input named by its bytes, the output folder by a mark, and a
 * single output file (when given) by another.
 */
async function transcodeKey(
  inputs: DecryptedInput[],
  args: string[],
  dir: string,
  single: string | undefined,
): Promise<string> {
  const marks = new Map<string, string>();
  for (const input of inputs) {
    marks.set(input.file, `sha256:${input.sha256 ?? (await fileSha256(input.file))}`);
  }
  if (single !== undefined) marks.set(join(dir, single), '<file>');
  return runKey([
    'ffmpeg',
    ...args.map((arg) => marks.get(arg) ?? arg.split(dir).join('<output folder>')),
  ]);
}

interface Streams {
  video: boolean;
  audio: boolean;
}

/** Audio missing from an input is error 1021, video 1020, as the service reports them. */
function selectStreams(inputs: DecryptedInput[], output: PlannedOutput): Streams {
  for (const input of inputs) {
    if (output.video && input.info.hasVideo === false) {
      throw new JobFailure(
        ERROR_CODES.noVideo,
        `Input ${input.fileInput} has no video stream, but output ${output.files.stem} needs video`,
      );
    }
    if (output.audio && input.info.hasAudio === false) {
      throw new JobFailure(
        ERROR_CODES.noAudio,
        `Input ${input.fileInput} has no audio stream, but output ${output.files.stem} needs audio`,
      );
    }
  }
  return { video: output.video !== undefined, audio: output.audio !== undefined };
}

function filterArgs(
  inputs: DecryptedInput[],
  output: PlannedOutput,
  streams: Streams,
  size: { width: number; height: number } | undefined,
): string[] {
  const filters: string[] = [];
  const joined: string[] = [];
  const fps = output.video?.framerate ? frameRateFilter(output.video) : '';
  const rate = output.audio?.sampleRate ?? 48000;
  const layout = output.audio?.channels === 1 ? 'mono' : 'stereo';
  for (const i of inputs.keys()) {
    if (streams.video && size) {
      filters.push(`[${i}:v:0]scale=${size.width}:${size.height},setsar=1${fps}[v${i}]`);
      joined.push(`[v${i}]`);
    }
    if (streams.audio) {
      filters.push(
        `[${i}:a:0]aresample=${rate},aformat=sample_fmts=fltp:channel_layouts=${layout}[a${i}]`,
      );
      joined.push(`[a${i}]`);
    }
  }
  const outs = `${streams.video ? '[v]' : ''}${streams.audio ? '[a]' : ''}`;
  filters.push(
    `${joined.join('')}concat=n=${inputs.length}:v=${streams.video ? 1 : 0}:a=${streams.audio ? 1 : 0}${outs}`,
  );
  return [
    '-filter_complex',
    filters.join(';'),
    ...(streams.video ? ['-map', '[v]'] : []),
    ...(streams.audio ? ['-map', '[a]'] : []),
  ];
}

/**
 * Frame capture takes "the first frame of the output stream, then one frame every
 * framerateDenominator/framerateNumerator seconds" (the model's words); other video resamples.
 */
function frameRateFilter(video: NonNullable<PlannedOutput['video']>): string {
  if (video.codec !== 'FRAME_CAPTURE') return `,fps=${video.framerate ?? ''}`;
  const [n, d] = (video.framerate ?? '1/1').split('/').map(Number);
  const every = n && d ? d / n : 1;
  return `,select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,${every})'`;
}

/** The output size; a missing side keeps the first input's aspect ratio. */
function outputSize(
  output: PlannedOutput,
  first: MediaInfo | undefined,
): { width: number; height: number } {
  const even = (n: number): number => Math.max(2, Math.round(n / 2) * 2);
  const sourceW = first?.width ?? 640;
  const sourceH = first?.height ?? 360;
  const width = output.video?.width;
  const height = output.video?.height;
  if (width !== undefined && height !== undefined) return { width, height };
  if (width !== undefined) return { width, height: even((width * sourceH) / sourceW) };
  if (height !== undefined) return { width: even((height * sourceW) / sourceH), height };
  return { width: even(sourceW), height: even(sourceH) };
}

function videoArgs(output: PlannedOutput): string[] {
  const video = output.video;
  if (!video) return [];
  if (video.codec === 'FRAME_CAPTURE') {
    // MediaConvert's quality is 1..100 (best); ffmpeg's mjpeg q:v is 2 (best)..31.
    const q = Math.round(31 - ((video.quality ?? 80) / 100) * 29);
    return [
      ...['-fps_mode', 'vfr'],
      '-c:v',
      'mjpeg',
      '-q:v',
      String(q),
      ...(video.maxCaptures ? ['-frames:v', String(video.maxCaptures)] : []),
    ];
  }
  const bitrate = video.bitrate ? ['-b:v', String(video.bitrate)] : [];
  // Segment boundaries need key frames, as MediaConvert's GOPs line up with its segments.
  const keys = output.segmentSeconds
    ? ['-force_key_frames', `expr:gte(t,n_forced*${output.segmentSeconds})`]
    : [];
  switch (video.codec) {
    case 'H_265':
      return [
        ...['-c:v', 'libx265', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
        ...['-x265-params', 'log-level=error', '-tag:v', 'hvc1'],
        ...bitrate,
        ...keys,
      ];
    case 'MPEG2':
      return ['-c:v', 'mpeg2video', ...bitrate, ...keys];
    default:
      return [
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
        ...bitrate,
        ...keys,
      ];
  }
}

const AUDIO_ENCODERS: Record<string, string> = {
  AAC: 'aac',
  MP3: 'libmp3lame',
  AC3: 'ac3',
  EAC3: 'eac3',
  WAV: 'pcm_s16le',
};

function audioArgs(output: PlannedOutput): string[] {
  const audio = output.audio;
  if (!audio) return [];
  return [
    '-c:a',
    AUDIO_ENCODERS[audio.codec] ?? 'aac',
    ...(audio.bitrate && audio.codec !== 'WAV' ? ['-b:a', String(audio.bitrate)] : []),
  ];
}

function muxerArgs(output: PlannedOutput, dir: string): string[] {
  const files = output.files;
  const stem = basename(files.stem);
  const seconds = String(output.segmentSeconds ?? 10);
  switch (output.kind) {
    case 'file':
      if (output.format === 'image2') {
        return ['-start_number', '0', '-f', 'image2', join(dir, `${stem}.%07d.jpg`)];
      }
      return [
        ...(output.format === 'mp4' || output.format === 'mov' ? ['-movflags', '+faststart'] : []),
        ...['-f', output.format ?? 'mp4', join(dir, singleFile(output))],
      ];
    case 'hls':
      return [
        ...['-f', 'hls', '-hls_time', seconds, '-hls_playlist_type', 'vod'],
        ...(files.layout === 'single-file'
          ? [
              '-hls_flags',
              'single_file',
              '-hls_segment_filename',
              join(dir, `${stem}.${files.extension}`),
            ]
          : [
              ...['-start_number', '1'],
              ...['-hls_segment_filename', join(dir, `${stem}_%05d.${files.extension}`)],
            ]),
        join(dir, `${stem}.m3u8`),
      ];
    default: {
      const numbered = stem.includes('$Number$');
      const media = numbered
        ? `${stem}.${files.extension}`
        : `${stem}_$Number%09d$.${files.extension}`;
      return [
        ...['-f', 'dash', '-seg_duration', seconds, '-use_template', '1', '-use_timeline', '0'],
        ...(files.layout === 'single-file'
          ? ['-single_file', '1', '-single_file_name', `${stem}.${files.extension}`]
          : []),
        ...['-init_seg_name', basename(files.init ?? `${stem}init.${files.extension}`)],
        ...['-media_seg_name', media],
        ...(output.kind === 'cmaf' ? ['-hls_playlist', '1'] : []),
        join(dir, MPD),
      ];
    }
  }
}

/** The files ffmpeg wrote (with its MPD), renamed where its names differ from MediaConvert's. */
async function collect(output: PlannedOutput, dir: string): Promise<string[]> {
  if (output.kind === 'cmaf') {
    // ffmpeg names the child playlist media_0.m3u8 and adds a master we write ourselves.
    await rename(join(dir, 'media_0.m3u8'), join(dir, `${basename(output.files.stem)}.m3u8`));
    await rm(join(dir, 'master.m3u8'), { force: true });
  }
  const names = (await readdir(dir)).sort();
  if (names.filter((n) => n !== MPD).length === 0) {
    throw new JobFailure(ERROR_CODES.internal, `ffmpeg wrote nothing for ${output.files.stem}`);
  }
  return names;
}

/** The output's media files and, for DASH and CMAF, the per-output MPD to merge. */
function filesOf(
  output: PlannedOutput,
  dir: string,
  written: string[],
): { files: string[]; mpd?: string } {
  return {
    files: written.filter((n) => n !== MPD),
    ...(output.kind === 'dash' || output.kind === 'cmaf' ? { mpd: join(dir, MPD) } : {}),
  };
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ') || 'no error output';
}
