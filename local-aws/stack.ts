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
import { makeCertificates, startTlsFront, type TlsFront } from './tls.js';

export { JOB_TEMPLATE } from './templates.js';

export interface Endpoints {
  s3: string;
  kms: string;
  mediaconvert: string;
}

/** What `npm run local-aws -- --info-file PATH` writes; docs/local-stack.md documents it. */
export interface StackInfo {
  region: string;
  /** http:// URLs, served with TLS or without. */
  endpoints: Endpoints;
  /** With TLS only: the same services over https://, and the CA that signed their certificate. */
  httpsEndpoints?: Endpoints;
  caBundle?: string;
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
  /**
   * Environment for an SDK client, the AWS CLI or the packaged action aimed at this stack: its
   * https endpoints and CA when it has TLS (`stackEnv`), unless `scheme` says http.
   */
  env(scheme?: Scheme): Record<string, string>;
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
  /**
   * Also serve every service over https, with a certificate for 127.0.0.1 and localhost
   * signed by a CA made at start (`info.caBundle`); MediaConvert then reads S3 and calls KMS
   * over https too.
   */
  tls?: boolean;
}

/** Starts s3rver, the KMS and MediaConvert emulators on free 127.0.0.1 ports and provisions them. */
export async function startStack(options: StackOptions = {}): Promise<LocalStack> {
  const region = options.region ?? 'us-east-1';
  // First: an openssl that fails leaves no server behind.
  const certificates = options.tls ? await makeCertificates() : undefined;
  const principals = new Principals();
  const s3 = await startS3({
    buckets: [BUCKET],
    ...(options.s3Directory ? { directory: options.s3Directory } : {}),
    ...(options.s3CopySourceLimit ? { copySourceLimit: options.s3CopySourceLimit } : {}),
    ...(certificates ? { tls: certificates } : {}),
  });
  const otherRegion = region === 'us-west-2' ? 'us-east-1' : 'us-west-2';
  const kms = await startKms({ region, port: 0, principals });
  const otherKms = await startKms({ region: otherRegion, port: 0, principals });
  // One KMS URL for both regions, as AWS_ENDPOINT_URL_KMS is one variable.
  const kmsRouter = await startKmsRouter({ [region]: kms.url, [otherRegion]: otherKms.url });
  const fronts: TlsFront[] = [];
  const front = async (upstream: string): Promise<string> => {
    if (!certificates) return upstream;
    const started = await startTlsFront(upstream, certificates);
    fronts.push(started);
    return started.url;
  };
  // MediaConvert's own S3 and KMS calls go the way its users' calls go: https when TLS is on.
  // s3rver serves https itself (the parts' bytes skip the front's relay).
  const s3Url = s3.httpsUrl ?? s3.url;
  const kmsUrl = await front(kmsRouter.url);
  const mediaconvert = await startMediaConvert({
    region,
    port: 0,
    s3Endpoint: s3Url,
    kmsEndpoints: { [region]: kmsUrl, [otherRegion]: kmsUrl },
    ...(certificates ? { ca: certificates.ca } : {}),
    ...options.mediaconvert,
  });
  const mediaconvertUrl = await front(mediaconvert.url);

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
    ...(certificates
      ? {
          httpsEndpoints: { s3: s3Url, kms: kmsUrl, mediaconvert: mediaconvertUrl },
          caBundle: certificates.caFile,
        }
      : {}),
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
    env: (scheme) => stackEnv(info, scheme),
    close: async () => {
      for (const started of fronts) await started.close();
      await certificates?.remove();
      await mediaconvert.close();
      await kmsRouter.close();
      await kms.close();
      await otherKms.close();
      await s3.close();
    },
  };
}

export type Scheme = 'http' | 'https';

/**
 * The variables the AWS SDK and CLI read: credentials, region and per-service endpoints; https
 * ones when the stack has them (unless `scheme` is 'http'), with the CA for Node
 * (NODE_EXTRA_CA_CERTS, read when a process starts: the JavaScript SDK reads no AWS_CA_BUNDLE)
 * and for the AWS CLI and other SDKs (AWS_CA_BUNDLE).
 */
export function stackEnv(
  info: Pick<StackInfo, 'region' | 'endpoints' | 'httpsEndpoints' | 'caBundle' | 'credentials'>,
  scheme: Scheme = info.httpsEndpoints ? 'https' : 'http',
): Record<string, string> {
  if (scheme === 'https' && (!info.httpsEndpoints || !info.caBundle)) {
    throw new Error('this local stack serves no https: start it with TLS (--tls, { tls: true })');
  }
  const endpoints = scheme === 'https' ? info.httpsEndpoints! : info.endpoints;
  const ca =
    scheme === 'https'
      ? { NODE_EXTRA_CA_CERTS: info.caBundle!, AWS_CA_BUNDLE: info.caBundle! }
      : {};
  return {
    AWS_ACCESS_KEY_ID: info.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: info.credentials.secretAccessKey,
    AWS_REGION: info.region,
    AWS_DEFAULT_REGION: info.region,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_KMS: endpoints.kms,
    AWS_ENDPOINT_URL_MEDIACONVERT: endpoints.mediaconvert,
    ...ca,
    // Keep a developer's own AWS profile out of the way.
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  };
}

export async function writeInfoFile(path: string, info: StackInfo): Promise<void> {
  await writeFile(path, `${JSON.stringify(info, null, 2)}\n`);
}
