/**
 * The top-level manifests of a streaming group, written once its outputs are encoded: the HLS
 * multivariant playlist (HLS and CMAF groups, plus HLS additional manifests) and the DASH MPD
 * (DASH ISO and CMAF groups), made by joining the adaptation sets of each output's MPD.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { EncodedOutput } from './encode.js';
import type { PlannedOutput } from './plan.js';
import { ERROR_CODES, JobFailure } from './wire.js';

export interface EncodedPlan {
  output: PlannedOutput;
  encoded: EncodedOutput;
  /** Bytes written for this output, for the BANDWIDTH attribute. */
  bytes: number;
}

/** An HLS multivariant playlist over the outputs' child playlists (relative URIs). */
export function hlsMaster(outputs: readonly EncodedPlan[]): string {
  const withPlaylist = outputs.filter((o) => o.output.files.playlist);
  const videos = withPlaylist.filter((o) => o.output.video);
  const audioOnly = withPlaylist.filter((o) => !o.output.video);
  const lines = ['#EXTM3U', '#EXT-X-VERSION:4', '#EXT-X-INDEPENDENT-SEGMENTS'];
  const audioGroup = videos.length > 0 && audioOnly.length > 0 ? 'program_audio' : undefined;
  audioOnly.forEach((o, i) => {
    if (!audioGroup) return;
    lines.push(
      `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="${audioGroup}",NAME="audio_${i + 1}",DEFAULT=${i === 0 ? 'YES' : 'NO'},AUTOSELECT=YES,URI="${childUri(o)}"`,
    );
  });
  const variants = audioGroup ? videos : withPlaylist;
  const audioBandwidth = audioGroup ? Math.max(...audioOnly.map(bandwidth)) : 0;
  for (const o of variants) {
    const attributes = [
      `BANDWIDTH=${bandwidth(o) + audioBandwidth}`,
      ...(o.encoded.width && o.encoded.height
        ? [`RESOLUTION=${o.encoded.width}x${o.encoded.height}`]
        : []),
      ...(o.output.video?.framerate ? [`FRAME-RATE=${frameRate(o.output.video.framerate)}`] : []),
      ...(audioGroup ? [`AUDIO="${audioGroup}"`] : []),
    ];
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(',')}`, childUri(o));
  }
  return `${lines.join('\n')}\n`;
}

/** One MPD with every output's adaptation set, ids renumbered, from ffmpeg's per-output MPDs. */
export async function dashManifest(outputs: readonly EncodedPlan[]): Promise<string> {
  const documents = await Promise.all(
    outputs.map(async (o) => {
      if (!o.encoded.mpd) throw new JobFailure(ERROR_CODES.internal, 'An output has no MPD');
      return readFile(o.encoded.mpd, 'utf8');
    }),
  );
  const [first] = documents;
  const open = first ? /^[\s\S]*?<Period[^>]*>/.exec(first)?.[0] : undefined;
  if (!first || !open) throw new JobFailure(ERROR_CODES.internal, 'ffmpeg wrote no MPD period');
  const sets = documents.flatMap((doc, i) =>
    (doc.match(/<AdaptationSet[\s\S]*?<\/AdaptationSet>/g) ?? []).map((set) =>
      set
        .replace(/(<AdaptationSet id=")\d+"/, `$1${i}"`)
        .replace(/(<Representation id=")\d+"/, `$1${i}"`),
    ),
  );
  const longest = documents
    .map((doc) => /mediaPresentationDuration="([^"]+)"/.exec(doc)?.[1])
    .filter((d): d is string => d !== undefined)
    .sort((a, b) => seconds(b) - seconds(a))[0];
  const head = longest
    ? open.replace(/mediaPresentationDuration="[^"]+"/, `mediaPresentationDuration="${longest}"`)
    : open;
  return `${head}\n\t\t${sets.join('\n\t\t')}\n\t</Period>\n</MPD>\n`;
}

function childUri(o: EncodedPlan): string {
  return basename(o.output.files.playlist ?? '');
}

/** Bits per second actually written (the measured peak is unknown; the average stands in). */
function bandwidth(o: EncodedPlan): number {
  const configured = (o.output.video?.bitrate ?? 0) + (o.output.audio?.bitrate ?? 0);
  const measured =
    o.encoded.durationMs > 0 ? Math.round((o.bytes * 8 * 1000) / o.encoded.durationMs) : 0;
  return Math.max(configured, measured, 1);
}

function frameRate(rational: string): string {
  const [n, d] = rational.split('/').map(Number);
  return n && d ? (n / d).toFixed(3) : rational;
}

/** PT1.5S, PT1M2.0S, PT1H0M0S -> seconds. */
function seconds(duration: string): number {
  const m = /PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?/.exec(duration);
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : 0;
}
