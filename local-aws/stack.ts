import { writeFile } from 'node:fs/promises';
import { Principals, STACK_CREDENTIALS, ACCOUNT_ID } from './identity.js';
import { startKms, type KmsEmulator } from './kms/server.js';
import { startKmsRouter } from './kms/router.js';
import {
  startMediaConvert,
  type MediaConvertEmulator,
  type MediaConvertEmulatorOptions,
} from './mediaconvert/server.js';
import { startS3, type S3Server } from './s3.js';
import { JOB_TEMPLATE, mp4Template } from './templates.js';

export { JOB_TEMPLATE } from './templates.js';

/** What `npm run local-aws -- --info-file PATH` writes ; the README documents it. */
export interface StackInfo {
  region: string;
  endpoints: { s3: string; kms: string; mediaconvert: string };
  credentials: { accessKeyId: string; secretAccessKey: string };
  kmsKeyArn: string;
  kmsAliasArn: string;
  /** A second key in the stack's region, also granted to `roleArn`: a target for re-wrapping. */
  secondKmsKeyArn: string;
  /** A key in another region (`otherRegion`), also granted to `roleArn`: for KmsKeyRegion. */
  otherRegion: string;
  otherRegionKmsKeyArn: string;
  roleArn: string;
  /** A role MediaConvert can assume but that has no kms:Decrypt grant: for negative tests. */
  roleWithoutDecryptArn: string;
  bucket: string;
  jobTemplate: string;
  outputPrefix: string;
}

export interface LocalStack {
  info: StackInfo;
  s3: S3Server;
  kms: KmsEmulator;
  /** The KMS of `info.otherRegion`. */
  otherKms: KmsEmulator;
  mediaconvert: MediaConvertEmulator;
  /** Environment for an SDK client, the AWS CLI or the packaged action aimed at this stack. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

export const BUCKET = 'media';
/** The role jobs run as: MediaConvert may assume it and it may decrypt with both keys. */
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/MediaConvertLocalRole`;
/** A role MediaConvert can assume that has no kms:Decrypt grant. */
export const ROLE_WITHOUT_DECRYPT_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/MediaConvertNoDecrypt`;

export interface StackOptions {
  region?: string;
  /** Where s3rver keeps the objects; a temporary directory (removed on close) by default. */
  s3Directory?: string;
  /** The largest CopyObject source (S3's 5 GiB by default): lower it to reach multipart copy. */
  s3CopySourceLimit?: number;
  /** How the MediaConvert emulator runs jobs (tests use short ticks; the benchmark none). */
  mediaconvert?: Pick<MediaConvertEmulatorOptions, 'tickMs' | 'mediaTools'>;
}

/** Starts s3rver, the KMS and MediaConvert emulators on free 127.0.0.1 ports and provisions them. */
export async function startStack(options: StackOptions = {}): Promise<LocalStack> {
  const region = options.region ?? 'us-east-1';
  const principals = new Principals();
  const s3 = await startS3({
    buckets: [BUCKET],
    ...(options.s3Directory ? { directory: options.s3Directory } : {}),
    ...(options.s3CopySourceLimit ? { copySourceLimit: options.s3CopySourceLimit } : {}),
  });
  const otherRegion = region === 'us-west-2' ? 'us-east-1' : 'us-west-2';
  const kms = await startKms({ region, port: 0, principals });
  const otherKms = await startKms({ region: otherRegion, port: 0, principals });
  // One KMS URL for both regions, as AWS_ENDPOINT_URL_KMS is one variable.
  const kmsRouter = await startKmsRouter({ [region]: kms.url, [otherRegion]: otherKms.url });
  const mediaconvert = await startMediaConvert({
    region,
    port: 0,
    s3Endpoint: s3.url,
    kmsEndpoints: { [region]: kmsRouter.url, [otherRegion]: kmsRouter.url },
    ...options.mediaconvert,
  });

  const key = kms.createKey({ description: 'mediaconvert-encrypt local data-key wrapping key' });
  const kmsAliasArn = kms.createAlias('alias/mediaconvert-local', key.keyId);
  principals.registerRole(ROLE_ARN);
  principals.registerRole(ROLE_WITHOUT_DECRYPT_ARN);
  kms.grant(key.arn, ROLE_ARN, ['Decrypt']);
  const secondKey = kms.createKey({ description: 'mediaconvert-encrypt second local key' });
  kms.grant(secondKey.arn, ROLE_ARN, ['Decrypt']);
  const otherKey = otherKms.createKey({
    description: 'mediaconvert-encrypt key in another region',
  });
  otherKms.grant(otherKey.arn, ROLE_ARN, ['Decrypt']);
  const outputPrefix = `s3://${BUCKET}/outputs/`;
  mediaconvert.createJobTemplate(mp4Template(outputPrefix));

  const info: StackInfo = {
    region,
    endpoints: { s3: s3.url, kms: kmsRouter.url, mediaconvert: mediaconvert.url },
    credentials: { ...STACK_CREDENTIALS },
    kmsKeyArn: key.arn,
    kmsAliasArn,
    secondKmsKeyArn: secondKey.arn,
    otherRegion,
    otherRegionKmsKeyArn: otherKey.arn,
    roleArn: ROLE_ARN,
    roleWithoutDecryptArn: ROLE_WITHOUT_DECRYPT_ARN,
    bucket: BUCKET,
    jobTemplate: JOB_TEMPLATE,
    outputPrefix,
  };
  return {
    info,
    s3,
    kms,
    otherKms,
    mediaconvert,
    env: () => stackEnv(info),
    close: async () => {
      await mediaconvert.close();
      await kmsRouter.close();
      await kms.close();
      await otherKms.close();
      await s3.close();
    },
  };
}

/** The variables the AWS SDK and CLI read: credentials, region and per-service endpoints. */
export function stackEnv(
  info: Pick<StackInfo, 'region' | 'endpoints' | 'credentials'>,
): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: info.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: info.credentials.secretAccessKey,
    AWS_REGION: info.region,
    AWS_DEFAULT_REGION: info.region,
    AWS_ENDPOINT_URL_S3: info.endpoints.s3,
    AWS_ENDPOINT_URL_KMS: info.endpoints.kms,
    AWS_ENDPOINT_URL_MEDIACONVERT: info.endpoints.mediaconvert,
    // Keep a developer's own AWS profile out of the way.
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  };
}

export async function writeInfoFile(path: string, info: StackInfo): Promise<void> {
  await writeFile(path, `${JSON.stringify(info, null, 2)}\n`);
}
