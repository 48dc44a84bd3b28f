/**
 * What `verify`, `rewrap` and `decrypt` need on this machine: an S3 client of the run's
 * region, a KMS client per region asked for (each data key is decrypted where its KMS key
 * lives), every request carrying the step's cancel, and the real clock.
 */
import type { KMSClient } from '@aws-sdk/client-kms';
import { abortWith } from '../aws/abort.js';
import { makeKmsClient, makeS3Client } from '../aws/clients.js';
import { logRequests } from '../aws/request-log.js';
import type { ReadConfig } from '../inputs/objects-config.js';
import type { ObjectsDeps } from '../objects/run.js';
import { systemClock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';

export interface ObjectsHostOptions {
  log: Logger;
  signal: AbortSignal;
  /** One debug line per AWS request (the action's step debug logging). */
  logRequests?: boolean;
}

export function objectsDeps(
  config: Pick<ReadConfig, 'region' | 'network'>,
  env: Readonly<Record<string, string | undefined>>,
  options: ObjectsHostOptions,
): ObjectsDeps {
  const debug = (line: string): void => options.log.debug(line);
  const s3 = abortWith({ s3: makeS3Client(config, env) }, options.signal).s3;
  if (options.logRequests) logRequests({ s3 }, debug);
  const kmsByRegion = new Map<string, KMSClient>();
  const kms = (region: string): KMSClient => {
    let client = kmsByRegion.get(region);
    if (!client) {
      client = abortWith({ kms: makeKmsClient(region, config.network) }, options.signal).kms;
      if (options.logRequests) logRequests({ kms: client }, debug);
      kmsByRegion.set(region, client);
    }
    return client;
  };
  return { s3, kms, log: options.log, clock: systemClock, signal: options.signal };
}
