import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { MediaConvertClient } from '@aws-sdk/client-mediaconvert';
import type { LocalStack } from '../../local-aws/stack.js';

const execFileAsync = promisify(execFile);

export const MEDIACONVERT_CONTEXT = { service: 'mediaconvert.amazonaws.com' };

/**
 * Stack options for tests whose jobs run to the end: the local MediaConvert pauses 5 ms
 * between steps instead of 250 ms, so a job is done by the action's first poll after a second
 * instead of its third or fourth.
 */
export const FAST_JOBS = { mediaconvert: { tickMs: 5 } } as const;

/** SDK clients of our own, pointed at the stack, for checking what the action did. */
export function stackClients(stack: LocalStack): {
  s3: S3Client;
  kms: KMSClient;
  mediaconvert: MediaConvertClient;
} {
  const { info } = stack;
  const common = { region: info.region, credentials: info.credentials };
  return {
    s3: new S3Client({ ...common, endpoint: info.endpoints.s3, forcePathStyle: true }),
    kms: new KMSClient({ ...common, endpoint: info.endpoints.kms }),
    mediaconvert: new MediaConvertClient({ ...common, endpoint: info.endpoints.mediaconvert }),
  };
}

export async function getObject(
  s3: S3Client,
  s3Uri: string,
): Promise<{ body: Buffer; metadata: Record<string, string>; contentType?: string }> {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(s3Uri);
  if (!match) throw new Error(`not an S3 URI: ${s3Uri}`);
  const out = await s3.send(new GetObjectCommand({ Bucket: match[1], Key: match[2] }));
  const body = Buffer.from(await out.Body!.transformToByteArray());
  return {
    body,
    metadata: out.Metadata ?? {},
    ...(out.ContentType ? { contentType: out.ContentType } : {}),
  };
}

/** The plaintext data key, asked of KMS by the stack user: independent of the action's code. */
export async function unwrapKey(kms: KMSClient, encryptedKeyBase64: string): Promise<Uint8Array> {
  const out = await kms.send(
    new DecryptCommand({
      CiphertextBlob: Buffer.from(encryptedKeyBase64, 'base64'),
      EncryptionContext: MEDIACONVERT_CONTEXT,
    }),
  );
  return out.Plaintext!;
}

const probed = new Map<string, string[]>();

/**
 * The streams ffprobe sees in a media file, e.g. ['video:h264', 'audio:aac']. ffprobe runs
 * without blocking the event loop (the stack's servers share it), once for the same bytes.
 */
export async function probeStreams(bytes: Uint8Array): Promise<string[]> {
  const digest = createHash('sha256').update(bytes).digest('hex');
  const known = probed.get(digest);
  if (known) return [...known];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'probe-'));
  const file = path.join(dir, 'media');
  await writeFile(file, bytes);
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name', '-of', 'csv=p=0', file],
      { encoding: 'utf8' },
    ));
  } catch {
    return [];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const streams = stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const [codec, type] = l.split(',');
      return `${type}:${codec}`;
    });
  probed.set(digest, streams);
  return [...streams];
}

/** A small H.264/AAC MP4 FILE_GROUP output group (CreateJob's PascalCase) writing to `destination`. */
export function smallMp4OutputGroup(destination: string): object {
  return {
    Name: 'File Group',
    OutputGroupSettings: {
      Type: 'FILE_GROUP_SETTINGS',
      FileGroupSettings: { Destination: destination },
    },
    Outputs: [
      {
        NameModifier: '-small',
        ContainerSettings: { Container: 'MP4', Mp4Settings: {} },
        VideoDescription: {
          Width: 160,
          Height: 120,
          CodecSettings: {
            Codec: 'H_264',
            H264Settings: { RateControlMode: 'CBR', Bitrate: 200000 },
          },
        },
        AudioDescriptions: [
          {
            CodecSettings: {
              Codec: 'AAC',
              AacSettings: { Bitrate: 64000, CodingMode: 'CODING_MODE_2_0', SampleRate: 48000 },
            },
          },
        ],
      },
    ],
  };
}
