/**
 * One job's work, as the service does it: fetch each input from S3, decrypt it (data key
 * through KMS as the job's role), prove it is media, encode every output, upload them.
 * Works in a temporary folder that is always removed afterwards.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  createMediaDecipher,
  decryptDataKey,
  type DecryptionSpec,
  type KmsAccess,
} from './decrypt.js';
import { fileSha256 } from './media-cache.js';
import { probeMedia, type MediaTools } from './media.js';
import { encodeOutput, type DecryptedInput } from './encode.js';
import { dashManifest, hlsMaster, type EncodedPlan } from './manifests.js';
import { planJob, type PlannedGroup } from './plan.js';
import { reportedPaths } from '../../src/mediaconvert/output-locations.js';
import type { DecryptionMode } from './validate.js';
import {
  ERROR_CODES,
  JobFailure,
  objectAt,
  objectsAt,
  parseS3Url,
  stringAt,
  type JobPhase,
  type JsonObject,
  type WireJob,
} from './wire.js';

export interface ProcessContext {
  s3: S3Client;
  kms: Omit<KmsAccess, 'roleArn'>;
  tools: MediaTools;
  signal: AbortSignal;
  /** Pauses between steps so that status and percentage changes can be observed. */
  tick: () => Promise<void>;
  report: (phase: JobPhase, percent: number) => void;
}

/** Percentage bands of the three phases. */
const BANDS: Record<JobPhase, [number, number]> = {
  PROBING: [0, 10],
  TRANSCODING: [10, 90],
  UPLOADING: [90, 99],
};

/** Runs the job and returns its `outputGroupDetails`. */
export async function processJob(job: WireJob, ctx: ProcessContext): Promise<JsonObject[]> {
  const inputs = objectsAt(job.settings, 'inputs');
  const groups = planJob(job.settings, new Date((job.timing.startTime ?? job.createdAt) * 1000));
  const workDir = await mkdtemp(join(tmpdir(), 'mediaconvert-emulator-'));
  try {
    const decrypted: DecryptedInput[] = [];
    for (const [i, input] of inputs.entries()) {
      report(ctx, 'PROBING', i / inputs.length);
      await ctx.tick();
      decrypted.push(await fetchInput(input, join(workDir, `input-${i}`), job.role, ctx));
    }
    const encoded = await encodeAll(decrypted, groups, workDir, ctx);
    const files = await writeManifests(groups, encoded, workDir);
    report(ctx, 'UPLOADING', 0);
    for (const [i, file] of files.entries()) {
      if (i % 8 === 0) await ctx.tick();
      await upload(ctx.s3, file, ctx.signal);
      report(ctx, 'UPLOADING', (i + 1) / files.length);
    }
    return groupDetails(groups, encoded);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function report(ctx: ProcessContext, phase: JobPhase, fraction: number): void {
  const [from, to] = BANDS[phase];
  ctx.report(phase, Math.floor(from + (to - from) * Math.min(1, Math.max(0, fraction))));
}

async function fetchInput(
  input: JsonObject,
  file: string,
  roleArn: string,
  ctx: ProcessContext,
): Promise<DecryptedInput> {
  const fileInput = stringAt(input, 'fileInput') ?? '';
  const spec = decryptionSpec(objectAt(input, 'decryptionSettings'));
  let decipher: Transform | undefined;
  if (spec) {
    const key = await decryptDataKey(spec, { ...ctx.kms, roleArn }, fileInput);
    try {
      decipher = createMediaDecipher(spec, key, fileInput);
    } finally {
      key.fill(0);
    }
  }
  const body = await openInput(ctx.s3, fileInput, ctx.signal);
  try {
    await pipeline([body, ...(decipher ? [decipher] : []), createWriteStream(file)], {
      signal: ctx.signal,
    });
  } catch (error) {
    if (error instanceof JobFailure || ctx.signal.aborted) throw error;
    throw inputFailure(fileInput, error);
  }
  // Hashed once, for both the probe's and the transcode's cache entries.
  const sha256 = ctx.tools.cache ? await fileSha256(file) : undefined;
  const info = await probeMedia(file, ctx.tools, ctx.signal, sha256);
  if (!info) {
    const message = spec
      ? `Failed to decrypt input ${fileInput}: the decrypted input is not a media file: wrong key or IV, or not ${spec.mode} ciphertext?`
      : `Input ${fileInput} is not a media file the service can read`;
    throw new JobFailure(ERROR_CODES.inputAccess, message);
  }
  return { fileInput, file, info, ...(sha256 ? { sha256 } : {}) };
}

function decryptionSpec(settings: JsonObject | undefined): DecryptionSpec | undefined {
  if (!settings) return undefined;
  const region = stringAt(settings, 'kmsKeyRegion');
  return {
    // Validated at CreateJob, so the members are present and well-formed here.
    mode: (stringAt(settings, 'decryptionMode') ?? 'AES_CTR') as DecryptionMode,
    encryptedDecryptionKey: stringAt(settings, 'encryptedDecryptionKey') ?? '',
    initializationVector: stringAt(settings, 'initializationVector') ?? '',
    ...(region ? { kmsKeyRegion: region } : {}),
  };
}

async function openInput(s3: S3Client, fileInput: string, signal: AbortSignal): Promise<Readable> {
  const location = parseS3Url(fileInput);
  if (!location) {
    throw new JobFailure(
      ERROR_CODES.inputAccess,
      `Failed to read input ${fileInput}: the emulator reads s3:// inputs only`,
    );
  }
  try {
    const out = await s3.send(
      new GetObjectCommand({ Bucket: location.bucket, Key: location.key }),
      {
        abortSignal: signal,
      },
    );
    if (!(out.Body instanceof Readable)) throw new Error('S3 returned no body');
    return out.Body;
  } catch (error) {
    throw inputFailure(fileInput, error);
  }
}

function inputFailure(fileInput: string, error: unknown): JobFailure {
  return new JobFailure(
    ERROR_CODES.inputAccess,
    `Failed to read input ${fileInput}: ${describe(error)}; check that the object exists and the job's role can read it`,
  );
}

/** One staging folder per output; all outputs of a group share the S3 folder of its base. */
async function encodeAll(
  inputs: DecryptedInput[],
  groups: PlannedGroup[],
  workDir: string,
  ctx: ProcessContext,
): Promise<EncodedPlan[][]> {
  const total = groups.reduce((n, g) => n + g.outputs.length, 0);
  let done = 0;
  const result: EncodedPlan[][] = [];
  for (const group of groups) {
    const encodedGroup: EncodedPlan[] = [];
    for (const [o, output] of group.outputs.entries()) {
      report(ctx, 'TRANSCODING', done / total);
      await ctx.tick();
      const dir = join(workDir, `group-${group.index}`, `output-${o}`);
      const encoded = await encodeOutput({
        inputs,
        output,
        dir,
        tools: ctx.tools,
        signal: ctx.signal,
        onProgress: (fraction) => report(ctx, 'TRANSCODING', (done + fraction) / total),
      });
      let bytes = 0;
      for (const name of encoded.files) bytes += (await stat(join(dir, name))).size;
      encodedGroup.push({ output, encoded, bytes });
      done += 1;
    }
    result.push(encodedGroup);
  }
  return result;
}

interface StagedFile {
  file: string;
  s3Uri: string;
  bucket: string;
  key: string;
}

/** The group's top-level manifests, then every file of every output, with its S3 location. */
async function writeManifests(
  groups: PlannedGroup[],
  encoded: EncodedPlan[][],
  workDir: string,
): Promise<StagedFile[]> {
  const staged: StagedFile[] = [];
  for (const group of groups) {
    const outputs = encoded[group.index] ?? [];
    const folder = folderOf(group.locations.base ?? '');
    for (const [o, plan] of outputs.entries()) {
      const dir = join(workDir, `group-${group.index}`, `output-${o}`);
      for (const name of plan.encoded.files) staged.push(locate(join(dir, name), folder + name));
    }
    const manifests = new Map<string, string>();
    if (group.kind === 'hls' || group.kind === 'cmaf') {
      const [main, ...additional] = group.locations.playlists.filter((p) => p.endsWith('.m3u8'));
      if (main) manifests.set(main, hlsMaster(outputs));
      const extras = additionalManifests(group);
      additional.forEach((uri, i) => {
        const selected = extras[i] ?? [];
        manifests.set(
          uri,
          hlsMaster(outputs.filter((p) => selected.includes(p.output.nameModifier))),
        );
      });
    }
    if (group.kind === 'dash' || group.kind === 'cmaf') {
      const mpd = group.locations.playlists.find((p) => p.endsWith('.mpd'));
      if (mpd) manifests.set(mpd, await dashManifest(outputs));
    }
    for (const [uri, text] of manifests) {
      const file = join(
        workDir,
        `group-${group.index}`,
        `manifest-${manifests.size}-${uri.split('/').pop() ?? ''}`,
      );
      await writeFile(file, text);
      staged.push(locate(file, uri));
    }
  }
  return staged;
}

function additionalManifests(group: PlannedGroup): string[][] {
  return group.additional.map((m) => m.selectedOutputs);
}

function folderOf(base: string): string {
  return base.slice(0, base.lastIndexOf('/') + 1);
}

function locate(file: string, s3Uri: string): StagedFile {
  const location = parseS3Url(s3Uri) ?? { bucket: '', key: '' };
  return { file, s3Uri, ...location };
}

const CONTENT_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.m2ts': 'video/MP2T',
  '.ts': 'video/MP2T',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.mpd': 'application/dash+xml',
  '.cmfv': 'video/mp4',
  '.cmfa': 'audio/mp4',
  '.aac': 'audio/aac',
  '.mp3': 'audio/mpeg',
  '.ac3': 'audio/ac3',
  '.eac3': 'audio/eac3',
  '.wav': 'audio/wav',
  '.jpg': 'image/jpeg',
};

async function upload(s3: S3Client, staged: StagedFile, signal: AbortSignal): Promise<void> {
  try {
    const { size } = await stat(staged.file);
    await s3.send(
      new PutObjectCommand({
        Bucket: staged.bucket,
        Key: staged.key,
        Body: createReadStream(staged.file),
        ContentLength: size,
        ContentType: CONTENT_TYPES[extname(staged.key).toLowerCase()] ?? 'application/octet-stream',
      }),
      { abortSignal: signal },
    );
  } catch (error) {
    if (signal.aborted) throw error;
    const name = error instanceof Error ? error.name : '';
    throw new JobFailure(
      name === 'NoSuchBucket' ? ERROR_CODES.notFound : ERROR_CODES.s3Denied,
      `Unable to write output ${staged.s3Uri}: ${describe(error)}; check the destination bucket and the role's s3:PutObject permission`,
    );
  }
}

const DETAIL_TYPES: Record<string, string> = {
  file: 'FILE_GROUP',
  hls: 'HLS_GROUP',
  dash: 'DASH_ISO_GROUP',
  cmaf: 'CMAF_GROUP',
};

/**
 * The model's OutputGroupDetail has outputDetails (durationInMs, videoDetails). `type`,
 * `playlistFilePaths` and `outputFilePaths` are not in the API model but are what the
 * service's COMPLETE event carries; SDKs ignore them, the raw job and tests read them.
 */
function groupDetails(groups: PlannedGroup[], encoded: EncodedPlan[][]): JsonObject[] {
  return groups.map((group) => {
    const outputDetails = (encoded[group.index] ?? []).map(({ output, encoded: e }) => {
      const frames = e.files.filter((n) => n.endsWith('.jpg')).length;
      const paths = reportedPaths(group.locations, output.files, frames);
      const detail: JsonObject = { durationInMs: e.durationMs };
      if (paths.length > 0) detail['outputFilePaths'] = paths;
      if (e.width !== undefined && e.height !== undefined) {
        detail['videoDetails'] = { widthInPx: e.width, heightInPx: e.height };
      }
      return detail;
    });
    return {
      outputDetails,
      type: DETAIL_TYPES[group.kind] ?? group.type,
      ...(group.locations.playlists.length > 0
        ? { playlistFilePaths: group.locations.playlists }
        : {}),
    };
  });
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = error.message.replace(/\.$/, '');
  return error.name && error.name !== 'Error' ? `${error.name}: ${message}` : message;
}
