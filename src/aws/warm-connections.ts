/**
 * Opening an upload's S3 connections ahead of its first requests (warm-agent.ts), so that
 * their handshakes overlap KMS making the data key instead of delaying the first parts.
 */
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { BoundedHandler } from './timeouts.js';
import type { WarmTarget } from './warm-agent.js';

/** Thrown by the middleware below to end a request once its address is known. */
const ADDRESSED = Symbol('addressed');

/**
 * Where the S3 client sends requests for `bucket`/`key`: the SDK's own endpoint resolution
 * (virtual-hosted or path-style, FIPS, dual-stack, a custom endpoint) run up to the built
 * request, which then goes nowhere. Nothing is signed or sent; the client's send() is not
 * called, so neither its retries nor its request log see it.
 */
export async function requestTarget(
  s3: S3Client,
  bucket: string,
  key: string,
): Promise<WarmTarget | undefined> {
  const command = new HeadObjectCommand({ Bucket: bucket, Key: key });
  let target: WarmTarget | undefined;
  command.middlewareStack.add(
    () => (args) => {
      const { protocol, hostname, port } = args.request as WarmTarget;
      target = { protocol, hostname, port };
      throw ADDRESSED;
    },
    { step: 'build', priority: 'low', name: 'mediaconvertEncryptAddressOnly' },
  );
  const handler = command.resolveMiddleware(s3.middlewareStack, s3.config, undefined);
  try {
    await handler(command);
  } catch (stop) {
    if (stop !== ADDRESSED) throw stop;
  }
  return target;
}

/**
 * Opens up to `count` connections to where `bucket`/`key` is uploaded to, not waiting for
 * them. Best effort: a client without warming agents (through a proxy, a test's client) or
 * any failure here changes nothing, and the requests open their own connections.
 */
export function warmConnections(s3: S3Client, bucket: string, key: string, count: number): void {
  const handler = s3.config.requestHandler;
  if (!(handler instanceof BoundedHandler)) return;
  targetOf(s3, bucket, key)
    .then((target) => target && handler.warm(target, count))
    .catch(() => undefined);
}

/**
 * Targets by client and bucket, resolved once: a batch of a thousand files to one bucket
 * resolves its endpoint once, not per file (the object key does not change the host).
 */
const targets = new WeakMap<S3Client, Map<string, Promise<WarmTarget | undefined>>>();

function targetOf(s3: S3Client, bucket: string, key: string): Promise<WarmTarget | undefined> {
  let byBucket = targets.get(s3);
  if (!byBucket) targets.set(s3, (byBucket = new Map()));
  let target = byBucket.get(bucket);
  if (!target) byBucket.set(bucket, (target = requestTarget(s3, bucket, key)));
  return target;
}
