/**
 * Encrypted objects made without the action's code, for the commands that read objects back:
 * the data key from KMS GenerateDataKey (under any context), AES by @noble/ciphers, the
 * object metadata written by its documented names, a manifest in its documented shape. What
 * `verify` and `decrypt` accept from these, they accept from an independent encryptor.
 */
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { encrypt, type Mode } from './oracle.js';
import { stackClients } from './clients.js';
import { MEDIACONVERT_CONTEXT } from './oracle.js';
import type { StackHandle } from './use-stack.js';

export interface EncryptedObject {
  s3Uri: string;
  bucket: string;
  key: string;
  plaintext: Buffer;
  ciphertext: Buffer;
  sha256: string;
  dataKey: Buffer;
  iv: Buffer;
  decryption: {
    DecryptionMode: Mode;
    EncryptedDecryptionKey: string;
    InitializationVector: string;
  };
  metadata: Record<string, string>;
}

export interface ObjectSpec {
  key: string;
  mode: Mode;
  keyBytes?: 16 | 24 | 32;
  ivBytes?: 12 | 16;
  plaintext?: Buffer;
  /** Default: the MediaConvert context. */
  context?: Record<string, string>;
  kmsKeyArn?: string;
  /** Put the plaintext's SHA-256 and size in the metadata (as if-exists: skip does). */
  recordSha?: boolean;
}

export async function putEncrypted(
  stack: Pick<StackHandle, 'info'>,
  spec: ObjectSpec,
): Promise<EncryptedObject> {
  const { kms, s3 } = stackClients(stack);
  const keyBytes = spec.keyBytes ?? 32;
  const made = await kms.send(
    new GenerateDataKeyCommand({
      KeyId: spec.kmsKeyArn ?? stack.info.kmsKeyArn,
      NumberOfBytes: keyBytes,
      EncryptionContext: spec.context ?? MEDIACONVERT_CONTEXT,
    }),
  );
  const dataKey = Buffer.from(made.Plaintext!);
  const iv = randomBytes(spec.ivBytes ?? (spec.mode === 'AES_GCM' ? 12 : 16));
  const plaintext = spec.plaintext ?? randomBytes(50_000 + Math.floor(Math.random() * 1000));
  const ciphertext = encrypt(spec.mode, dataKey, iv, plaintext);
  const sha256 = createHash('sha256').update(plaintext).digest('hex');
  const decryption = {
    DecryptionMode: spec.mode,
    EncryptedDecryptionKey: Buffer.from(made.CiphertextBlob!).toString('base64'),
    InitializationVector: iv.toString('base64'),
  };
  const metadata: Record<string, string> = {
    'mediaconvert-decryption-mode': spec.mode,
    'mediaconvert-initialization-vector': decryption.InitializationVector,
    'mediaconvert-encrypted-decryption-key': decryption.EncryptedDecryptionKey,
    'mediaconvert-kms-key-region': stack.info.region,
    ...(spec.recordSha
      ? {
          'mediaconvert-plaintext-sha256': sha256,
          'mediaconvert-plaintext-bytes': String(plaintext.length),
        }
      : {}),
  };
  const { bucket } = stack.info;
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: spec.key,
      Body: ciphertext,
      Metadata: metadata,
      ContentType: 'video/mp4',
    }),
  );
  s3.destroy();
  kms.destroy();
  return {
    s3Uri: `s3://${bucket}/${spec.key}`,
    bucket,
    key: spec.key,
    plaintext,
    ciphertext,
    sha256,
    dataKey,
    iv,
    decryption,
    metadata,
  };
}

/** Replaces an object's bytes and/or metadata with a plain PutObject (tampering). */
export async function putRaw(
  stack: Pick<StackHandle, 'info'>,
  key: string,
  body: Buffer,
  metadata: Record<string, string>,
): Promise<void> {
  const { s3 } = stackClients(stack);
  await s3.send(
    new PutObjectCommand({ Bucket: stack.info.bucket, Key: key, Body: body, Metadata: metadata }),
  );
  s3.destroy();
}

/** A manifest in the shape an encrypt run writes (docs/design.md, "The manifest"). */
export async function writeManifest(
  file: string,
  region: string,
  objects: readonly EncryptedObject[],
): Promise<void> {
  const manifest = {
    version: 1,
    region,
    files: objects.map((o) => ({
      path: o.key,
      key: o.key,
      bytes: o.plaintext.length,
      plaintextSha256: o.sha256,
      s3Uri: o.s3Uri,
      decryption: o.decryption,
    })),
    jobs: [],
    failures: [],
  };
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
