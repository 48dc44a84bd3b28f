import { KMSClient } from '@aws-sdk/client-kms';
import { MediaConvertClient } from '@aws-sdk/client-mediaconvert';
import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from './config.js';
import type { Clients } from './run.js';

/** Retries for throttling and dropped connections; CreateJob repeats keep their request token. */
const MAX_ATTEMPTS = 6;

/**
 * SDK clients from the default credential chain. Endpoints come from the SDK's own
 * AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> variables; a custom S3 endpoint gets
 * path-style addressing, which S3-compatible servers expect.
 */
export function makeClients(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
): Clients {
  const customS3 = Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL);
  return {
    s3: new S3Client({
      region: config.region,
      forcePathStyle: customS3,
      maxAttempts: MAX_ATTEMPTS,
    }),
    // Data keys are made where the KMS key lives; MediaConvert is told that region if it differs.
    kms: new KMSClient({ region: config.kmsKeyRegion, maxAttempts: MAX_ATTEMPTS }),
    mediaconvert: new MediaConvertClient({ region: config.region, maxAttempts: MAX_ATTEMPTS }),
  };
}
