/**
 * Shared set-up for the MediaConvert emulator tests: a real s3rver and KMS emulator on
 * loopback, a tiny test clip made with ffmpeg, and encryption done here with node:crypto
 * (never with the emulator's own code, which it would otherwise be checking against itself).
 */
import { execFileSync } from 'node:child_process';
import { createCipheriv, type CipherGCMTypes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { MediaConvertClient } from '@aws-sdk/client-mediaconvert';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { ACCOUNT_ID, STACK_CREDENTIALS } from '../../local-aws/identity.js';
import { startKms, type KmsEmulator } from '../../local-aws/kms/server.js';
import {
  startMediaConvert,
  type MediaConvertEmulator,
  type MediaConvertEmulatorOptions,
} from '../../local-aws/mediaconvert/server.js';

export const REGION = 'us-east-1';
export const BUCKET = 'media';
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/MediaConvertRole`;
export const ROLE_WITHOUT_GRANT = `arn:aws:iam::${ACCOUNT_ID}:role/MediaConvertNoDecrypt`;
export const CONTEXT = { service: 'mediaconvert.amazonaws.com' };

export type Mode = 'AES_CTR' | 'AES_CBC' | 'AES_GCM';

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

/** s3rver + KMS emulator + MediaConvert emulator, with a key the role may decrypt with. */
export async function startTestStack(
  extra: Partial<MediaConvertEmulatorOptions> = {},
): Promise<TestStack> {
  const dir = await mkdtemp(join(tmpdir(), 'mc-emulator-test-'));
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: join(dir, 's3'),
    silent: true,
    configureBuckets: [{ name: BUCKET }],
  });
  const s3Url = `http://127.0.0.1:${(await s3rver.run()).port}`;
  const kms = await startKms({ region: REGION, port: 0 });
  kms.principals.registerRole(ROLE_ARN);
  kms.principals.registerRole(ROLE_WITHOUT_GRANT);
  const key = kms.createKey({ description: 'mediaconvert emulator tests' });
  kms.grant(key.arn, ROLE_ARN, ['Decrypt']);
  const emulator = await startMediaConvert({
    region: REGION,
    port: 0,
    s3Endpoint: s3Url,
    kmsEndpoints: { [REGION]: kms.url },
    tickMs: 5,
    ...extra,
  });
  const common = { region: REGION, credentials: STACK_CREDENTIALS, maxAttempts: 1 };
  const s3 = new S3Client({
    ...common,
    endpoint: s3Url,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const kmsClient = new KMSClient({ ...common, endpoint: kms.url });
  const mediaconvert = new MediaConvertClient({ ...common, endpoint: emulator.url });
  return {
    dir,
    s3,
    kmsClient,
    mediaconvert,
    kms,
    emulator,
    keyArn: key.arn,
    async close() {
      [s3, kmsClient, mediaconvert].forEach((client) => client.destroy());
      await emulator.close();
      await kms.close();
      await s3rver.close();
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
  context: Record<string, string> = CONTEXT,
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

/** The crypto conventions (docs/design.md), done independently here: CTR pads a 12-byte IV, GCM appends its tag. */
export function encrypt(mode: Mode, key: Buffer, iv: Buffer, plaintext: Buffer): Buffer {
  const bits = key.length * 8;
  if (mode === 'AES_GCM') {
    const cipher = createCipheriv(`aes-${bits}-gcm` as CipherGCMTypes, key, iv);
    return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  }
  const counter = iv.length === 12 ? Buffer.concat([iv, Buffer.alloc(4)]) : iv;
  const cipher = createCipheriv(
    `aes-${bits}-${mode === 'AES_CTR' ? 'ctr' : 'cbc'}`,
    key,
    mode === 'AES_CTR' ? counter : iv,
  );
  return Buffer.concat([cipher.update(plaintext), cipher.final()]);
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
