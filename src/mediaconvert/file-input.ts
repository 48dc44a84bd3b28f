/**
 * Which encrypted files MediaConvert cannot take as a job's FileInput, by name, so that they
 * are refused before anything is encrypted or uploaded.
 *
 * The service model's FileInput rule is no help here any more: the model in Debian's awscli
 * 2.9 (settings-model.generated.ts) still lists the accepted extensions, but the newest model
 * found (botocore 1.43.11) accepts any name under `s3://bucket/` of up to 2048 characters,
 * which every object key of this action (at most 1024 bytes) fits. What remains is a fact of
 * the service: it does not decrypt HLS inputs.
 */

/**
 * Why MediaConvert cannot use the encrypted object at `key` as a job input, or undefined.
 * An HLS playlist names its segments as separate objects; MediaConvert reads HLS inputs only
 * unencrypted (its HLS input requirements: no EXT-X-KEY, "MediaConvert does not support HLS
 * encrypted inputs"), so encrypted segments would reach it as ciphertext.
 */
export function encryptedInputProblem(key: string): string | undefined {
  if (/\.m3u8$/i.test(key)) {
    return 'is an HLS playlist (.m3u8): MediaConvert does not decrypt HLS inputs, so its segments would reach the job as ciphertext; give the media files themselves, or set create-job: false to encrypt and upload only';
  }
  return undefined;
}
