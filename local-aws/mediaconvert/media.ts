/**
 * "Is this decrypted input really media?": ffprobe when it is installed, container magic
 * bytes otherwise. A wrong key or IV yields noise, which both checks refuse.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { MediaCache, runKey } from './media-cache.js';
import { isObject, numberAt, stringAt } from './wire.js';

export interface MediaTools {
  ffmpeg?: string;
  ffprobe?: string;
  /** What the tools made of given bytes (media-cache.ts). */
  cache?: MediaCache;
}

export interface MediaInfo {
  container: string;
  /** Unknown (undefined) when only the magic bytes were checked. */
  hasVideo?: boolean;
  hasAudio?: boolean;
  width?: number;
  height?: number;
  durationMs?: number;
}

/**
 * ffmpeg and ffprobe from PATH; both or neither, since transcoding needs the probe's facts.
 * Their results are kept in `cacheDir` when given (shared), else in a folder of their own.
 */
export function findMediaTools(use: 'auto' | 'none', cacheDir?: string): MediaTools {
  if (use === 'none') return {};
  const ffmpeg = onPath('ffmpeg');
  const ffprobe = onPath('ffprobe');
  return ffmpeg && ffprobe ? { ffmpeg, ffprobe, cache: new MediaCache(cacheDir) } : {};
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a tool to completion; `onLine` sees stdout as it comes (ffmpeg's -progress). */
export function runTool(
  command: string,
  args: string[],
  signal: AbortSignal,
  onLine?: (line: string) => void,
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], signal });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      if (!onLine) return;
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr = (stderr + text).slice(-8192);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * What the file holds, or undefined when it is not recognisable media. `sha256` (of the file's
 * bytes) finds an earlier probe of the same bytes in the tools' cache.
 */
export async function probeMedia(
  file: string,
  tools: MediaTools,
  signal: AbortSignal,
  sha256?: string,
): Promise<MediaInfo | undefined> {
  const command = tools.ffprobe;
  if (command) {
    if (!tools.cache || sha256 === undefined) return ffprobe(command, file, signal);
    return tools.cache.probe(runKey(['ffprobe', sha256]), () => ffprobe(command, file, signal));
  }
  const container = sniffContainer(await readHead(file, 4096));
  return container === undefined ? undefined : { container };
}

async function ffprobe(
  command: string,
  file: string,
  signal: AbortSignal,
): Promise<MediaInfo | undefined> {
  const args = [
    '-v',
    'error',
    '-show_entries',
    'stream=codec_type,width,height:format=format_name,duration',
  ];
  const result = await runTool(command, [...args, '-of', 'json', file], signal);
  if (result.code !== 0) return undefined;
  const parsed: unknown = JSON.parse(result.stdout || '{}');
  if (!isObject(parsed)) return undefined;
  const streams = (Array.isArray(parsed['streams']) ? parsed['streams'] : []).filter(isObject);
  const video = streams.find((s) => s['codec_type'] === 'video');
  const hasAudio = streams.some((s) => s['codec_type'] === 'audio');
  if (!video && !hasAudio) return undefined;
  const format = isObject(parsed['format']) ? parsed['format'] : undefined;
  const seconds = Number(stringAt(format, 'duration'));
  const width = numberAt(video, 'width');
  const height = numberAt(video, 'height');
  return {
    container: stringAt(format, 'format_name') ?? 'unknown',
    hasVideo: video !== undefined,
    hasAudio,
    ...(width !== undefined && height !== undefined ? { width, height } : {}),
    ...(Number.isFinite(seconds) ? { durationMs: Math.round(seconds * 1000) } : {}),
  };
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const TS_PACKET = 188;
const MXF_KEY = Buffer.from('060e2b34020501010d010201', 'hex');

/** Container magic bytes of the formats MediaConvert reads most often. */
export function sniffContainer(head: Buffer): string | undefined {
  const ascii = (from: number, to: number): string => head.subarray(from, to).toString('latin1');
  if (['ftyp', 'moov', 'mdat', 'free', 'wide'].includes(ascii(4, 8))) {
    return ascii(8, 10) === 'qt' ? 'mov' : 'mp4';
  }
  if (head.subarray(0, 4).equals(Buffer.from('1a45dfa3', 'hex'))) return 'matroska';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'AVI ') return 'avi';
  if (head.subarray(0, MXF_KEY.length).equals(MXF_KEY)) return 'mxf';
  if (isTransportStream(head)) return 'mpegts';
  if (ascii(0, 3) === 'ID3') return 'mp3';
  if (head.length >= 2 && head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0) return 'mp3';
  return undefined;
}

/** MPEG-TS: a 0x47 sync byte every 188 bytes (three packets, or as many as the file has). */
function isTransportStream(head: Buffer): boolean {
  const packets = Math.min(3, Math.floor(head.length / TS_PACKET));
  if (packets === 0) return false;
  for (let i = 0; i < packets; i++) if (head[i * TS_PACKET] !== 0x47) return false;
  return true;
}
