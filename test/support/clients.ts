/**
 * The tests' own AWS SDK clients, pointed at the local stack or at a proxy in front of it. A
 * test checks what the action did with these, never with the action's clients.
 */
import { KMSClient } from '@aws-sdk/client-kms';
import { MediaConvertClient } from '@aws-sdk/client-mediaconvert';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { STACK_CREDENTIALS } from '../../local-aws/identity.js';
import type { StackInfo } from '../../local-aws/stack.js';

export interface ClientOptions {
  /** The stack's region unless given. */
  region?: string;
  /** The stack's credentials unless given. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Attempts per request; the SDK's default (3) unless given. 1 shows each fault as it is. */
  maxAttempts?: number;
  /** More S3 settings, e.g. checksums only when an operation requires them. */
  s3?: Partial<S3ClientConfig>;
}

export interface AwsClients {
  s3: S3Client;
  kms: KMSClient;
  mediaconvert: MediaConvertClient;
}

export type AwsEndpoints = Record<'s3' | 'kms' | 'mediaconvert', string>;

const DEFAULT_REGION = 'us-east-1';

function common(endpoint: string, options: ClientOptions) {
  return {
    region: options.region ?? DEFAULT_REGION,
    credentials: options.credentials ?? STACK_CREDENTIALS,
    endpoint,
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
  };
}

/** An S3 client for `endpoint`, path-style as s3rver (and the stack's bucket names) need. */
export function s3Client(endpoint: string, options: ClientOptions = {}): S3Client {
  return new S3Client({ ...common(endpoint, options), forcePathStyle: true, ...options.s3 });
}

export function kmsClient(endpoint: string, options: ClientOptions = {}): KMSClient {
  return new KMSClient(common(endpoint, options));
}

export function mediaConvertClient(
  endpoint: string,
  options: ClientOptions = {},
): MediaConvertClient {
  return new MediaConvertClient(common(endpoint, options));
}

/** One client a service, for the endpoints given (the stack's, or a proxy's `urls`). */
export function awsClients(endpoints: AwsEndpoints, options: ClientOptions = {}): AwsClients {
  return {
    s3: s3Client(endpoints.s3, options),
    kms: kmsClient(endpoints.kms, options),
    mediaconvert: mediaConvertClient(endpoints.mediaconvert, options),
  };
}

/**
 * Clients with the stack's region and credentials: at the stack itself, or at `endpoints`
 * (a proxy in front of it).
 */
export function stackClients(
  stack: { info: Pick<StackInfo, 'region' | 'credentials' | 'endpoints'> },
  options: ClientOptions & { endpoints?: AwsEndpoints } = {},
): AwsClients {
  const { endpoints = stack.info.endpoints, ...rest } = options;
  return awsClients(endpoints, {
    region: stack.info.region,
    credentials: stack.info.credentials,
    ...rest,
  });
}
