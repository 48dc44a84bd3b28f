/**
 * Produces one planned output from the job's decrypted inputs. Like MediaConvert, every
 * input of a job is stitched, in order, into each output. With ffmpeg that is a real
 * H.264/AAC encode; without it the first decrypted input is copied as it is.
 */
import { copyFile } from 'node:fs/promises';
import { runTool, type MediaInfo, type MediaTools } from './media.js';
import type { PlannedOutput } from './outputs.js';
import { ERROR_CODES, JobFailure } from './wire.js';

export interface DecryptedInput {
  fileInput: string;
  file: string;
  info: MediaInfo;
}

export interface TranscodeRequest {
  inputs: DecryptedInput[];
  output: PlannedOutput;
  target: string;
  tools: MediaTools;
  signal: AbortSignal;
  /** Fraction (0..1) of this output done, as ffmpeg reports it. */
  onProgress: (fraction: number) => void;
}

export async function produceOutput(request: TranscodeRequest): Promise<void> {
  const first = request.inputs[0];
  if (!first) throw new JobFailure(ERROR_CODES.internal, 'The job has no inputs');
  if (!request.tools.ffmpeg) {
    await copyFile(first.file, request.target);
    request.onProgress(1);
    return;
  }
  const args = ffmpegArgs(request.inputs, request.output, request.target);
  const totalMs = request.inputs.reduce((sum, input) => sum + (input.info.durationMs ?? 0), 0);
  const result = await runTool(request.tools.ffmpeg, args, request.signal, (line) => {
    // -progress prints out_time_us (microseconds) as encoding advances.
    const match = /^out_time_us=(\d+)/.exec(line);
    if (match?.[1] && totalMs > 0) {
      request.onProgress(Math.min(1, Number(match[1]) / 1000 / totalMs));
    }
  });
  if (result.code !== 0) {
    throw new JobFailure(
      ERROR_CODES.transcodeFailed,
      `Transcoding to ${request.output.s3Uri} failed (ffmpeg exit ${result.code}): ${lastLines(result.stderr)}`,
    );
  }
}

/** ffmpeg arguments: scale and normalise each input, concatenate, encode H.264/AAC. */
export function ffmpegArgs(
  inputs: DecryptedInput[],
  output: PlannedOutput,
  target: string,
): string[] {
  const withVideo = output.video !== undefined && inputs.every((input) => input.info.hasVideo);
  const withAudio = output.audio !== undefined && inputs.every((input) => input.info.hasAudio);
  if (!withVideo && !withAudio) {
    throw new JobFailure(
      ERROR_CODES.unsupportedSetting,
      `Output ${output.s3Uri} asks for ${output.video ? 'video' : 'audio'} but not every input has such a stream`,
    );
  }
  const filters: string[] = [];
  const joined: string[] = [];
  for (const i of inputs.keys()) {
    if (withVideo) {
      filters.push(`[${i}:v:0]${videoFilter(output, inputs)}[v${i}]`);
      joined.push(`[v${i}]`);
    }
    if (withAudio) {
      const rate = output.audio?.sampleRate ?? 48000;
      filters.push(
        `[${i}:a:0]aresample=${rate},aformat=sample_fmts=fltp:channel_layouts=stereo[a${i}]`,
      );
      joined.push(`[a${i}]`);
    }
  }
  const outs = `${withVideo ? '[v]' : ''}${withAudio ? '[a]' : ''}`;
  filters.push(
    `${joined.join('')}concat=n=${inputs.length}:v=${withVideo ? 1 : 0}:a=${withAudio ? 1 : 0}${outs}`,
  );
  return [
    ...['-hide_banner', '-nostdin', '-nostats', '-v', 'error', '-y', '-progress', 'pipe:1'],
    ...inputs.flatMap((input) => ['-i', input.file]),
    ...['-filter_complex', filters.join(';')],
    ...(withVideo ? ['-map', '[v]', ...videoCodecArgs(output)] : []),
    ...(withAudio ? ['-map', '[a]', ...audioCodecArgs(output)] : []),
    ...(output.format === 'mp4' ? ['-movflags', '+faststart'] : []),
    ...['-f', output.format, target],
  ];
}

/** Every input is scaled to the output size (the first input's size when none is set). */
function videoFilter(output: PlannedOutput, inputs: DecryptedInput[]): string {
  const { width, height } = outputSize(output, inputs[0]?.info);
  const fps = output.video?.framerate ? `,fps=${output.video.framerate}` : '';
  return `scale=${width}:${height},setsar=1${fps}`;
}

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

function videoCodecArgs(output: PlannedOutput): string[] {
  const bitrate = output.video?.bitrate;
  return [
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p'],
    ...(bitrate ? ['-b:v', String(bitrate)] : []),
  ];
}

function audioCodecArgs(output: PlannedOutput): string[] {
  const bitrate = output.audio?.bitrate;
  return ['-c:a', 'aac', ...(bitrate ? ['-b:a', String(bitrate)] : [])];
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ') || 'no error output';
}
