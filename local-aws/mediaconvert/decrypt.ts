/**
 * What MediaConvert does with an input's DecryptionSettings: decrypt the data key through
 * KMS as the job's role, then decrypt the media by the project's conventions
 * (docs/design.md, "Crypto conventions"). Written independently of src/ so the emulator checks
 * the action, not itself.
 */
import {
  createDecipheriv,
  type CipherGCMTypes,
  type Decipher,
  type DecipherGCM,
} from 'node:crypto';
import { Agent } from 'node:https';
import { Transform, type TransformCallback } from 'node:stream';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { roleCredentials } from '../identity.js';
import type { DecryptionMode } from './validate.js';
import { ERROR_CODES, JobFailure } from './wire.js';

/** The context MediaConvert passes to KMS Decrypt (reference/NOTES.md). */
export const MEDIACONVERT_CONTEXT = { service: 'mediaconvert.amazonaws.com' } as const;

const GCM_TAG_BYTES = 16;

export interface DecryptionSpec {
  mode: DecryptionMode;
  encryptedDecryptionKey: string;
  initializationVector: string;
  kmsKeyRegion?: string;
}

export interface KmsAccess {
  jobRegion: string;
  kmsEndpoints: Record<string, string>;
  /** The CA (PEM) to trust for https endpoints, instead of the system's. */
  ca?: string;
  roleArn: string;
}

/** The input cannot be opened (1010), or the job's role may not decrypt its key (1432). */
export function decryptionFailure(
  fileInput: string,
  reason: string,
  code: number = ERROR_CODES.inputAccess,
): JobFailure {
  return new JobFailure(code, `Failed to decrypt input ${fileInput}: ${reason}`);
}

/** Decrypts the data key as the job's role would; the caller zeroes the key after use. */
export async function decryptDataKey(
  spec: DecryptionSpec,
  access: KmsAccess,
  fileInput: string,
): Promise<Buffer> {
  const region = spec.kmsKeyRegion ?? access.jobRegion;
  const endpoint = access.kmsEndpoints[region];
  if (endpoint === undefined) {
    throw decryptionFailure(
      fileInput,
      `no KMS endpoint is configured for region ${region} (kmsKeyRegion); the emulator knows ${Object.keys(access.kmsEndpoints).join(', ') || 'none'}`,
    );
  }
  const kms = new KMSClient({
    region,
    endpoint,
    credentials: roleCredentials(access.roleArn),
    maxAttempts: 2,
    ...(access.ca
      ? { requestHandler: { httpsAgent: new Agent({ ca: access.ca, keepAlive: true }) } }
      : {}),
  });
  try {
    const out = await kms.send(
      new DecryptCommand({
        CiphertextBlob: Buffer.from(spec.encryptedDecryptionKey, 'base64'),
        EncryptionContext: { ...MEDIACONVERT_CONTEXT },
      }),
    );
    if (!out.Plaintext) throw new Error('KMS returned no plaintext');
    return Buffer.from(out.Plaintext);
  } catch (error) {
    const denied = error instanceof Error && error.name === 'AccessDeniedException';
    throw decryptionFailure(
      fileInput,
      kmsReason(error, region, access.roleArn),
      denied ? ERROR_CODES.roleDenied : ERROR_CODES.inputAccess,
    );
  } finally {
    kms.destroy();
  }
}

function kmsReason(error: unknown, region: string, roleArn: string): string {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const base = `the data key could not be decrypted with KMS in ${region} (${name}: ${message})`;
  if (name === 'AccessDeniedException') {
    return `${base}; allow the job's role ${roleArn} kms:Decrypt on the key (key policy or grant)`;
  }
  if (name === 'InvalidCiphertextException') {
    return `${base}; the key must come from GenerateDataKey or Encrypt in ${region} with the encryption context ${JSON.stringify(MEDIACONVERT_CONTEXT)}`;
  }
  return base;
}

/** A Transform that turns the S3 object's bytes into plaintext, checking GCM's tag at the end. */
export function createMediaDecipher(
  spec: Pick<DecryptionSpec, 'mode' | 'initializationVector'>,
  key: Buffer,
  fileInput: string,
): Transform {
  const fail = (reason: string): JobFailure => decryptionFailure(fileInput, reason);
  if (![16, 24, 32].includes(key.length)) {
    throw fail(
      `the data key is ${key.length * 8} bits; MediaConvert accepts 128, 192 or 256-bit keys`,
    );
  }
  const iv = Buffer.from(spec.initializationVector, 'base64');
  const bits = key.length * 8;
  switch (spec.mode) {
    case 'AES_CTR':
      // A 12-byte IV becomes the counter block's top 96 bits, as `openssl enc` pads it.
      return new MediaDecipher(
        createDecipheriv(
          `aes-${bits}-ctr`,
          key,
          iv.length === 12 ? Buffer.concat([iv, Buffer.alloc(4)]) : iv,
        ),
        { tagBytes: 0, finalFailure: 'the CTR stream could not be finished', fail },
      );
    case 'AES_CBC':
      if (iv.length !== 16) throw fail(`AES_CBC needs a 16-byte IV, got ${iv.length} bytes`);
      return new MediaDecipher(createDecipheriv(`aes-${bits}-cbc`, key, iv), {
        tagBytes: 0,
        finalFailure:
          'PKCS#7 padding check failed (wrong key or IV, or the input is not AES_CBC ciphertext)',
        fail,
      });
    case 'AES_GCM':
      return new MediaDecipher(
        createDecipheriv(`aes-${bits}-gcm` as CipherGCMTypes, key, iv, {
          authTagLength: GCM_TAG_BYTES,
        }),
        {
          tagBytes: GCM_TAG_BYTES,
          finalFailure: 'authentication tag mismatch (wrong key, IV or tampered ciphertext)',
          fail,
        },
      );
  }
}

interface DecipherRules {
  /** Bytes at the very end of the object that are the GCM tag rather than ciphertext. */
  tagBytes: number;
  finalFailure: string;
  fail: (reason: string) => JobFailure;
}

class MediaDecipher extends Transform {
  private tail = Buffer.alloc(0);

  constructor(
    private readonly decipher: Decipher | DecipherGCM,
    private readonly rules: DecipherRules,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      done(null, this.decipher.update(this.holdBackTag(chunk)));
    } catch (error) {
      done(this.rules.fail(`decryption failed (${describe(error)})`));
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (this.rules.tagBytes > 0) this.applyTag();
      done(null, this.decipher.final());
    } catch (error) {
      done(error instanceof JobFailure ? error : this.rules.fail(this.rules.finalFailure));
    }
  }

  /** Keeps the last tagBytes seen out of the cipher until the stream ends. */
  private holdBackTag(chunk: Buffer): Buffer {
    if (this.rules.tagBytes === 0) return chunk;
    const all = this.tail.length === 0 ? chunk : Buffer.concat([this.tail, chunk]);
    const cut = Math.max(0, all.length - this.rules.tagBytes);
    this.tail = Buffer.from(all.subarray(cut));
    return all.subarray(0, cut);
  }

  private applyTag(): void {
    if (this.tail.length < this.rules.tagBytes) {
      throw this.rules.fail(
        `the object is shorter than the ${this.rules.tagBytes}-byte AES_GCM authentication tag`,
      );
    }
    (this.decipher as DecipherGCM).setAuthTag(this.tail);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
