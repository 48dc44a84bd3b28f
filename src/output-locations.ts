/**
 * Where a MediaConvert job writes, computed from its settings (as GetJob returns them, job
 * template already merged) by MediaConvert's naming rules:
 *
 * - The destination of an output group is a folder when it ends with `/`: the base name is
 *   then the first input's file name without its extension. Otherwise its last segment is
 *   the base name.
 * - FILE_GROUP: one file per output, base + NameModifier + `.` + extension (the output's
 *   `Extension`, else the container's).
 * - HLS: the main playlist base + `.m3u8`, and one variant playlist per output,
 *   base + NameModifier + `.m3u8`. DASH_ISO: the manifest base + `.mpd`. CMAF: base + `.m3u8`
 *   and base + `.mpd` (unless WriteHlsManifest / WriteDashManifest is DISABLED), variant
 *   playlists as HLS. MS_SMOOTH: base + `.ism`. Segments are not listed: their count depends
 *   on the media.
 */
import type { JobSettings, Output, OutputGroup } from '@aws-sdk/client-mediaconvert';

export type OutputKind = 'file' | 'manifest' | 'playlist';

export interface OutputLocation {
  /** Index of the output group in the job's settings, and its name when it has one. */
  group: number;
  groupName?: string;
  /** FILE_GROUP_SETTINGS, HLS_GROUP_SETTINGS, DASH_ISO_GROUP_SETTINGS, CMAF_GROUP_SETTINGS... */
  type: string;
  /** `file`: a whole rendition. `manifest`: what a player opens. `playlist`: an HLS variant. */
  kind: OutputKind;
  uri: string;
}

/** Extensions MediaConvert gives each container when the output sets none. */
const CONTAINER_EXTENSIONS: Record<string, string> = {
  MP4: 'mp4',
  MOV: 'mov',
  M2TS: 'm2ts',
  MXF: 'mxf',
  WEBM: 'webm',
  F4V: 'f4v',
  MPD: 'mp4',
  CMFC: 'mp4',
  M3U8: 'ts',
  OGG: 'ogg',
};

/** Every file and manifest a job with these settings writes, in group and output order. */
export function outputLocations(settings: JobSettings | undefined): OutputLocation[] {
  const firstInput = settings?.Inputs?.[0]?.FileInput ?? '';
  return (settings?.OutputGroups ?? []).flatMap((group, index) =>
    groupLocations(group, index, firstInput),
  );
}

function groupLocations(group: OutputGroup, index: number, firstInput: string): OutputLocation[] {
  const s = group.OutputGroupSettings;
  const type = s?.Type ?? '';
  const at = (kind: OutputKind, uri: string): OutputLocation => ({
    group: index,
    ...(group.Name ? { groupName: group.Name } : {}),
    type,
    kind,
    uri,
  });
  const outputs = group.Outputs ?? [];
  switch (type) {
    case 'FILE_GROUP_SETTINGS': {
      const base = baseOf(s?.FileGroupSettings?.Destination, firstInput);
      if (base === undefined) return [];
      return outputs.map((o) => at('file', `${base}${o.NameModifier ?? ''}.${extensionOf(o)}`));
    }
    case 'HLS_GROUP_SETTINGS': {
      const base = baseOf(s?.HlsGroupSettings?.Destination, firstInput);
      if (base === undefined) return [];
      return [at('manifest', `${base}.m3u8`), ...variants(outputs, base, at)];
    }
    case 'DASH_ISO_GROUP_SETTINGS': {
      const base = baseOf(s?.DashIsoGroupSettings?.Destination, firstInput);
      return base === undefined ? [] : [at('manifest', `${base}.mpd`)];
    }
    case 'CMAF_GROUP_SETTINGS': {
      const cmaf = s?.CmafGroupSettings;
      const base = baseOf(cmaf?.Destination, firstInput);
      if (base === undefined) return [];
      const hls = cmaf?.WriteHlsManifest !== 'DISABLED';
      const dash = cmaf?.WriteDashManifest !== 'DISABLED';
      return [
        ...(hls ? [at('manifest', `${base}.m3u8`), ...variants(outputs, base, at)] : []),
        ...(dash ? [at('manifest', `${base}.mpd`)] : []),
      ];
    }
    case 'MS_SMOOTH_GROUP_SETTINGS': {
      const base = baseOf(s?.MsSmoothGroupSettings?.Destination, firstInput);
      return base === undefined ? [] : [at('manifest', `${base}.ism`)];
    }
    default:
      return [];
  }
}

function variants(
  outputs: readonly Output[],
  base: string,
  at: (kind: OutputKind, uri: string) => OutputLocation,
): OutputLocation[] {
  return outputs.map((o) => at('playlist', `${base}${o.NameModifier ?? ''}.m3u8`));
}

/** The destination plus base name, or undefined when the group has no S3 destination. */
function baseOf(destination: string | undefined, firstInput: string): string | undefined {
  if (!destination?.startsWith('s3://')) return undefined;
  return destination.endsWith('/') ? destination + inputBaseName(firstInput) : destination;
}

/** The input's file name without folder, query and extension. */
export function inputBaseName(fileInput: string): string {
  const name = fileInput.split('?')[0]?.split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function extensionOf(output: Output): string {
  if (output.Extension) return output.Extension;
  const container = output.ContainerSettings?.Container ?? 'MP4';
  return CONTAINER_EXTENSIONS[container] ?? container.toLowerCase();
}
