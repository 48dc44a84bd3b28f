/**
 * Reading job settings in either shape (the SDK's `Destination` or the wire's `destination`),
 * and the file extensions MediaConvert gives each container and raw codec.
 */

type Json = Record<string, unknown>;

/** File-group extensions by container (the model's Output.Extension documentation). */
export const CONTAINER_EXTENSIONS: Record<string, string> = {
  M2TS: 'm2ts',
  MOV: 'mov',
  MXF: 'mxf',
  MP4: 'mp4',
  WEBM: 'webm',
  F4V: 'f4v',
  ISMV: 'ismv',
  OGG: 'ogg',
  GIF: 'gif',
  Y4M: 'y4m',
};

/** Raw (no container) outputs take their codec's extension. */
export const CODEC_EXTENSIONS: Record<string, string> = {
  AAC: 'aac',
  MP3: 'mp3',
  MP2: 'mp2',
  AC3: 'ac3',
  EAC3: 'eac3',
  EAC3_ATMOS: 'eac3',
  WAV: 'wav',
  AIFF: 'aiff',
  FLAC: 'flac',
  OPUS: 'opus',
  VORBIS: 'ogg',
  H_264: 'h264',
  H_265: 'h265',
  MPEG2: 'm2v',
  AV1: 'av1',
  VP8: 'vp8',
  VP9: 'vp9',
  PRORES: 'mov',
  FRAME_CAPTURE: 'jpg',
};

/** Reads `Name` or its wire form `name`. */
export function get(obj: unknown, name: string): unknown {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return undefined;
  const record = obj as Json;
  if (name in record) return record[name];
  return record[name.charAt(0).toLowerCase() + name.slice(1)];
}

export function str(obj: unknown, name: string): string | undefined {
  const value = get(obj, name);
  return typeof value === 'string' ? value : undefined;
}

export function num(obj: unknown, name: string): number | undefined {
  const value = get(obj, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function list(obj: unknown, name: string): unknown[] {
  const value = get(obj, name);
  return Array.isArray(value) ? value : [];
}
