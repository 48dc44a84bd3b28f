import { KMSClient } from '@aws-sdk/client-kms';
import { MediaConvertClient } from '@aws-sdk/client-mediaconvert';
import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../inputs/config.js';
import { clientOptions } from './client-options.js';
import { checkProxyAuthentication } from './proxy-auth.js';
import { nameTimeouts } from './timeouts.js';
import { addConnectionWarmup } from './connection-warmup.js';
import { warmAgents } from './warm-agents.js';

/** The AWS clients the pipeline uses, made once per run. */
export interface Clients {
  kms: KMSClient;
  s3: S3Client;
  mediaconvert: MediaConvertClient;
}

/**
 * SDK clients from the default credential chain. Endpoints come from the SDK's own
 * AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> variables; a custom S3 endpoint gets
 * path-style addressing, which S3-compatible servers expect. Retries (CreateJob repeats keep
 * their request token), proxy and user agent come from config.network.
 */
export function makeClients(
  config: Pick<Config, 'region' | 'kmsKeyRegion' | 'network'>,
  env: Readonly<Record<string, string | undefined>>,
): Clients {
  return {
    s3: makeS3Client(config, env),
    // Data keys are made where the KMS key lives; MediaConvert is told that region if it differs.
    kms: makeKmsClient(config.kmsKeyRegion, config.network),
    mediaconvert: withProxyCheck(
      new MediaConvertClient({ ...clientOptions(config.network), region: config.region }),
      config.network,
    ),
  };
}

/** The S3 client: path-style for a custom endpoint, no 100-continue, checksums signed over TLS. */
export function makeS3Client(
  config: Pick<Config, 'region' | 'network'>,
  env: Readonly<Record<string, string | undefined>>,
): S3Client {
  const customS3 = Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL);
  const { proxy } = config.network;
  // Through a proxy, connections are the proxy agent's; direct ones can be opened ahead.
  const direct = proxy.http || proxy.https ? undefined : warmAgents();
  const s3 = new S3Client({
    ...clientOptions(config.network, direct),
    region: config.region,
    forcePathStyle: customS3,
    // No `Expect: 100-continue`: with it the SDK's handler sends each request on a new,
    // non-keep-alive connection (a TCP handshake, and on TLS a handshake more, per part), then
    // waits one round trip more for the 100 before the body. Over a 40 ms round trip that
    // made every part and every small file pay two or three round trips for nothing.
    expectContinueHeader: false,
  });
  s3.middlewareStack.addRelativeTo(signChecksumNotPayload, {
    relation: 'before',
    toMiddleware: 'httpSigningMiddleware',
    name: 'signChecksumNotPayload',
  });
  if (direct) addConnectionWarmup(s3, direct);
  return withProxyCheck(s3, config.network);
}

/** A KMS client of one region (KMS keys are regional). */
export function makeKmsClient(region: string, network: Config['network']): KMSClient {
  return withProxyCheck(new KMSClient({ ...clientOptions(network), region }), network);
}

/**
 * What every client gets after it is made: a proxy that refuses the credentials is named as
 * such (not parsed as the service's answer), and a request that times out names its operation
 * and the limit.
 */
function withProxyCheck<C extends object>(client: C, network: Config['network']): C {
  const { proxy } = network;
  if (proxy.http || proxy.https) checkProxyAuthentication([client], proxy);
  nameTimeouts(client as Parameters<typeof nameTimeouts>[0], network.requestTimeoutMs);
  return client;
}

/**
 * Over https, a body that carries an x-amz-checksum-* header (upload/multipart.ts puts a CRC32 on every
 * part; the SDK adds one by default elsewhere) is signed as UNSIGNED-PAYLOAD: the signature
 * covers the checksum header, TLS protects the bytes in transit and S3 checks the checksum
 * against every byte, so SigV4 need not hash the body with SHA-256 as well. That second pass
 * over each part cost about as much CPU as the encryption. Over plain http (a local or
 * S3-compatible endpoint) nothing but the payload hash binds the body to the signature, so
 * there the SDK's payload hash stays, as it does for bodies without a checksum.
 */
export function signChecksumNotPayload<I, O>(
  next: (args: { request: unknown; input: I }) => Promise<O>,
): (args: { request: unknown; input: I }) => Promise<O> {
  return (args) => {
    const { headers, protocol } = args.request as {
      headers?: Record<string, string>;
      protocol?: string;
    };
    if (
      protocol === 'https:' &&
      headers &&
      Object.keys(headers).some((name) => name.startsWith('x-amz-checksum-'))
    ) {
      headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    }
    return next(args);
  };
}
