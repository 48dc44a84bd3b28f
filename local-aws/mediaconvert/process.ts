/**
 * One job's work, as the service does it: fetch each input from S3, decrypt it (data key
 * through KMS as the job's role), prove it is media, encode every output, upload them.
 * Works in a temporary folder that is always removed afterwards.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  createMediaDecipher,
  decryptDataKey,
  type DecryptionSpec,
  type KmsAccess,
} from './decrypt.js';
import { probeMedia, type MediaTools } from './media.js';
import { planOutputs, type PlannedOutput } from './outputs.js';
import { produceOutput, type DecryptedInput } from './transcode.js';
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
  const plans = planOutputs(job.settings, stringAt(inputs[0], 'fileInput') ?? '');
  const workDir = await mkdtemp(join(tmpdir(), 'mediaconvert-emulator-'));
  try {
    const decrypted: DecryptedInput[] = [];
    for (const [i, input] of inputs.entries()) {
      report(ctx, 'PROBING', i / inputs.length);
      await ctx.tick();
      decrypted.push(await fetchInput(input, join(workDir, `input-${i}`), job.role, ctx));
    }
    const outputs = plans.flat();
    const files = await transcodeAll(decrypted, outputs, workDir, ctx);
    const details = await outputGroupDetails(plans, outputs, files, ctx);
    report(ctx, 'UPLOADING', 0);
    for (const [i, output] of outputs.entries()) {
      await ctx.tick();
      await upload(ctx.s3, output, files[i] ?? '', ctx.signal);
      report(ctx, 'UPLOADING', (i + 1) / outputs.length);
    }
    return details;
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
  const info = await probeMedia(file, ctx.tools, ctx.signal);
  if (!info) {
    const message = spec
      ? `Failed to decrypt input ${fileInput}: the decrypted input is not a media file: wrong key or IV, or not ${spec.mode} ciphertext?`
      : `Input ${fileInput} is not a media file the service can read`;
    throw new JobFailure(ERROR_CODES.notMedia, message);
  }
  return { fileInput, file, info };
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
      ERROR_CODES.inputUnreadable,
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
    ERROR_CODES.inputUnreadable,
    `Failed to read input ${fileInput}: ${describe(error)}; check that the object exists and the job's role can read it`,
  );
}

async function transcodeAll(
  inputs: DecryptedInput[],
  outputs: PlannedOutput[],
  workDir: string,
  ctx: ProcessContext,
): Promise<string[]> {
  const files: string[] = [];
  for (const [i, output] of outputs.entries()) {
    report(ctx, 'TRANSCODING', i / outputs.length);
    await ctx.tick();
    const target = join(workDir, `output-${i}.${output.format}`);
    await produceOutput({
      inputs,
      output,
      target,
      tools: ctx.tools,
      signal: ctx.signal,
      onProgress: (fraction) => report(ctx, 'TRANSCODING', (i + fraction) / outputs.length),
    });
    files.push(target);
  }
  return files;
}

async function upload(
  s3: S3Client,
  output: PlannedOutput,
  file: string,
  signal: AbortSignal,
): Promise<void> {
  try {
    const { size } = await stat(file);
    await s3.send(
      new PutObjectCommand({
        Bucket: output.bucket,
        Key: output.key,
        Body: createReadStream(file),
        ContentLength: size,
        ContentType: output.contentType,
      }),
      { abortSignal: signal },
    );
  } catch (error) {
    if (signal.aborted) throw error;
    throw new JobFailure(
      ERROR_CODES.outputUnwritable,
      `Unable to write output ${output.s3Uri}: ${describe(error)}; check the destination bucket and the role's s3:PutObject permission`,
    );
  }
}

/**
 * The model's OutputDetail has durationInMs and videoDetails. `outputFilePaths` is not in the
 * API model but is what the service's COMPLETE event carries; SDKs ignore it, tests read it.
 */
async function outputGroupDetails(
  plans: PlannedOutput[][],
  outputs: PlannedOutput[],
  files: string[],
  ctx: ProcessContext,
): Promise<JsonObject[]> {
  const details: JsonObject[] = plans.map(() => ({ outputDetails: [] as JsonObject[] }));
  for (const [i, output] of outputs.entries()) {
    const info = ctx.tools.ffprobe
      ? await probeMedia(files[i] ?? '', ctx.tools, ctx.signal)
      : undefined;
    const detail: JsonObject = { outputFilePaths: [output.s3Uri] };
    if (info?.durationMs !== undefined) detail['durationInMs'] = info.durationMs;
    if (info?.width !== undefined && info.height !== undefined) {
      detail['videoDetails'] = { widthInPx: info.width, heightInPx: info.height };
    }
    const group = details[output.groupIndex];
    if (group && Array.isArray(group['outputDetails'])) group['outputDetails'].push(detail);
  }
  return details;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = error.message.replace(/\.$/, '');
  return error.name && error.name !== 'Error' ? `${error.name}: ${message}` : message;
}
