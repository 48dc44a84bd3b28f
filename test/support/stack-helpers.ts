/** What a run left in the stack, read back: objects, data keys, media streams; a small output group. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DecryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { MEDIACONVERT_CONTEXT } from './oracle.js';
import type { StackHandle } from './use-stack.js';

const execFileAsync = promisify(execFile);

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

/**
 * Object keys of the multipart uploads the stack's S3 still holds (parts on disk). Cases that
 * run at the same time may have an upload between its folder and its `key` file, or being
 * removed: that one is passed over. The caller's own runs have ended, so theirs are settled.
 */
export async function uploadsLeft(stack: Pick<StackHandle, 's3' | 'info'>): Promise<string[]> {
  const dir = path.join(stack.s3.directory, stack.info.bucket, '._S3rver_uploads');
  const ids = await readdir(dir).catch(() => []);
  const keys = await Promise.all(
    ids.map((id) =>
      readFile(path.join(dir, id, 'key'), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      }),
    ),
  );
  return keys.filter((key): key is string => key !== undefined);
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
