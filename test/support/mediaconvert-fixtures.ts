/**
 * Shared set-up for the MediaConvert emulator tests: the local stack with short job ticks, SDK
 * clients that do not retry, a tiny test clip made with ffmpeg, and encryption done here with
 * @noble/ciphers (never with the emulator's or the action's code, which it would otherwise be
 * checking against itself).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { MediaConvertClient } from '@aws-sdk/client-mediaconvert';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { KmsEmulator } from '../../local-aws/kms/server.js';
import type { MediaConvertEmulator } from '../../local-aws/mediaconvert/server.js';
import {
  BUCKET,
  ROLE_WITHOUT_DECRYPT_ARN,
  startStack,
  type StackOptions,
} from '../../local-aws/stack.js';
import { stackClients } from './clients.js';
import { MEDIACONVERT_CONTEXT } from './oracle.js';

export { BUCKET, ROLE_ARN } from '../../local-aws/stack.js';
export { encrypt, type Mode } from './oracle.js';
export const REGION = 'us-east-1';
export const ROLE_WITHOUT_GRANT = ROLE_WITHOUT_DECRYPT_ARN;

export interface TestStack {
  dir: string;
  s3: S3Client;
  kmsClient: KMSClient;
  mediaconvert: MediaConvertClient;
  kms: KmsEmulator;
  emulator: MediaConvertEmulator;
  keyArn: string;
  close(): Promise<void>;
}

/** The local stack with 5 ms job ticks, a scratch directory and clients that do not retry. */
export async function startTestStack(
  mediaconvert: StackOptions['mediaconvert'] = {},
): Promise<TestStack> {
  const dir = await mkdtemp(join(tmpdir(), 'mc-emulator-test-'));
  const stack = await startStack({ region: REGION, mediaconvert: { tickMs: 5, ...mediaconvert } });
  const {
    s3,
    kms: kmsClient,
    mediaconvert: mediaconvertClient,
  } = stackClients(stack, {
    maxAttempts: 1,
    s3: {
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
  });
  return {
    dir,
    s3,
    kmsClient,
    mediaconvert: mediaconvertClient,
    kms: stack.kms,
    emulator: stack.mediaconvert,
    keyArn: stack.info.kmsKeyArn,
    async close() {
      [s3, kmsClient, mediaconvertClient].forEach((client) => client.destroy());
      await stack.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A 2 s 160x120 H.264/AAC clip (about 30 KB). */
export async function makeClip(dir: string): Promise<Buffer> {
  const file = join(dir, 'clip.mp4');
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-v', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc=duration=2:size=160x120:rate=15'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=1000:duration=2'],
    ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file],
  ]);
  return readFile(file);
}

export async function generateDataKey(
  stack: TestStack,
  context: Record<string, string> = MEDIACONVERT_CONTEXT,
): Promise<{ plaintext: Buffer; encrypted: string }> {
  const out = await stack.kmsClient.send(
    new GenerateDataKeyCommand({
      KeyId: stack.keyArn,
      KeySpec: 'AES_256',
      EncryptionContext: context,
    }),
  );
  if (!out.Plaintext || !out.CiphertextBlob) throw new Error('GenerateDataKey gave no key');
  return {
    plaintext: Buffer.from(out.Plaintext),
    encrypted: Buffer.from(out.CiphertextBlob).toString('base64'),
  };
}

export async function putObject(stack: TestStack, key: string, body: Buffer): Promise<string> {
  await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  return `s3://${BUCKET}/${key}`;
}

/** Job settings in the SDK's shape (PascalCase): one input, one small MP4 output. */
export function mp4JobSettings(fileInput: string, decryption?: Record<string, string>) {
  return {
    Inputs: [
      {
        FileInput: fileInput,
        ...(decryption ? { DecryptionSettings: decryption } : {}),
      },
    ],
    OutputGroups: [
      {
        Name: 'File Group',
        OutputGroupSettings: {
          Type: 'FILE_GROUP_SETTINGS' as const,
          FileGroupSettings: { Destination: `s3://${BUCKET}/outputs/` },
        },
        Outputs: [
          {
            NameModifier: '-small',
            ContainerSettings: { Container: 'MP4' as const },
            VideoDescription: {
              Width: 96,
              Height: 72,
              CodecSettings: { Codec: 'H_264' as const, H264Settings: { Bitrate: 200000 } },
            },
            AudioDescriptions: [
              { CodecSettings: { Codec: 'AAC' as const, AacSettings: { Bitrate: 64000 } } },
            ],
          },
        ],
      },
    ],
  };
}

/** The first stream facts ffprobe reports for a file, or throws when it is not media. */
export function ffprobe(file: string): { codecTypes: string[]; width?: number; height?: number } {
  const out = execFileSync('ffprobe', [
    ...['-v', 'error', '-show_entries', 'stream=codec_type,width,height', '-of', 'json', file],
  ]).toString('utf8');
  const streams = (
    JSON.parse(out) as { streams: { codec_type: string; width?: number; height?: number }[] }
  ).streams;
  const video = streams.find((s) => s.codec_type === 'video');
  return {
    codecTypes: streams.map((s) => s.codec_type).sort(),
    ...(video?.width !== undefined ? { width: video.width } : {}),
    ...(video?.height !== undefined ? { height: video.height } : {}),
  };
}
