/**
 * Connections opened before the requests that will use them (aws/warm-agents.ts), so that
 * those requests do not pay a TCP and a TLS handshake (two round trips) first:
 * - a multipart upload's first round of parts gets its connections while its
 *   CreateMultipartUpload is on its way. The upload says how many parts it will send at once;
 *   the Create's own request tells where they go, as the SDK resolved it (path-style or
 *   virtual-hosted, FIPS, dual-stack, a custom endpoint).
 * - a bucket the S3 client has no connection to yet gets one while KMS makes a file's data
 *   key, for the file's first request (its Create or PutObject). Where requests for the
 *   bucket go is found the same way: a request is built by the SDK and stopped before it is
 *   signed or sent.
 *
 * MediaConvert gets none: the run looks its job resources up at the start (GetJobTemplate,
 * GetQueue), and CreateJob finds that connection kept alive unless the upload outlasted the
 * service's idle timeout, where two round trips at the end are small beside the upload.
 */
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { WarmAgents } from './warm-agents.js';

interface Warmup {
  agents: WarmAgents;
  /** Connections asked for by uploads whose CreateMultipartUpload has not gone out yet. */
  wanted: number;
}

const warmups = new WeakMap<object, Warmup>();

/** Where each client's requests for each bucket go: found once, by a request never sent. */
const destinations = new WeakMap<object, Map<string, Promise<Destination | undefined>>>();

function destinationFor(s3: S3Client, bucket: string): Promise<Destination | undefined> {
  let byBucket = destinations.get(s3);
  if (!byBucket) destinations.set(s3, (byBucket = new Map()));
  let destination = byBucket.get(bucket);
  if (!destination) byBucket.set(bucket, (destination = whereRequestsGo(s3, bucket)));
  return destination;
}

/** Where a client's requests go, as its request handler will dial it. */
interface Destination {
  secure: boolean;
  hostname: string;
  port: number;
}

type Next = (args: { request: unknown }) => Promise<unknown>;
interface Stack {
  add(
    middleware: (next: Next, context: { commandName?: string }) => Next,
    options: { step: 'finalizeRequest' | 'build'; priority?: 'low'; name: string },
  ): void;
}

function destinationOf(request: unknown): Destination | undefined {
  const { protocol, hostname, port } = request as {
    protocol?: string;
    hostname?: string;
    port?: number;
  };
  if (!hostname) return undefined;
  const secure = protocol === 'https:';
  return { secure, hostname, port: port ?? (secure ? 443 : 80) };
}

function warm(agents: WarmAgents, to: Destination, count: number, busy?: 'count busy'): void {
  const agent = to.secure ? agents.httpsAgent : agents.httpAgent;
  agent.warm(to.hostname, to.port, count, busy);
}

/**
 * Lets uploads through `s3` have connections opened ahead on `agents`, the client's own (a
 * client through a proxy has none); its CreateMultipartUpload opens what uploads asked for.
 */
export function addConnectionWarmup(s3: S3Client, agents: WarmAgents): void {
  const warmup: Warmup = { agents, wanted: 0 };
  warmups.set(s3, warmup);
  (s3.middlewareStack as unknown as Stack).add(
    (next, context) => (args) => {
      if (context.commandName === 'CreateMultipartUploadCommand' && warmup.wanted > 0) {
        const to = destinationOf(args.request);
        // The Create itself takes one of them (it asks for its connection after this).
        if (to) warm(agents, to, warmup.wanted + 1);
        warmup.wanted = 0;
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'warmPartConnections' },
  );
}

/**
 * Asks for `count` connections besides the one CreateMultipartUpload uses (its first part
 * takes that one when it is answered), opened when the Create goes out. A client this tool
 * did not make (a test's mock) has none to open.
 */
export function warmForParts(s3: S3Client, count: number): void {
  const warmup = warmups.get(s3);
  if (warmup && count > 0) warmup.wanted += count;
}

/**
 * Opens one connection to where `bucket`'s requests go, unless the client has one there
 * already (idle, busy or opened ahead): called as a file's data key is asked for. Never fails:
 * where requests cannot be worked out, the request itself dials and reports why.
 */
export async function warmForBucket(s3: S3Client, bucket: string): Promise<void> {
  const warmup = warmups.get(s3);
  if (!warmup) return;
  try {
    const to = await destinationFor(s3, bucket);
    if (to) warm(warmup.agents, to, 1, 'count busy');
  } catch {
    // Left to the request itself.
  }
}

/**
 * Whether requests for `bucket` go over https, as the client's own endpoint rules say (found
 * once per client and bucket by a request never sent). False where that cannot be found: a
 * client this tool did not make (a test's mock) answers no request that way.
 */
export async function sendsOverTls(s3: S3Client, bucket: string): Promise<boolean> {
  try {
    return (await destinationFor(s3, bucket))?.secure === true;
  } catch {
    return false;
  }
}

/** Thrown by the request that is only built: it carries where the request would go. */
class Built extends Error {
  constructor(readonly destination: Destination | undefined) {
    super('built, not sent');
  }
}

/**
 * Sends a HeadObject for `bucket` through the client's own middleware (endpoint rules,
 * path-style, a custom endpoint) and stops it in the build step: before credentials are asked
 * for, before it is signed, before anything is sent. A HeadObject only reads, so even one
 * that got past the stop would change nothing.
 */
async function whereRequestsGo(s3: S3Client, bucket: string): Promise<Destination | undefined> {
  const command = new HeadObjectCommand({ Bucket: bucket, Key: 'x' });
  (command.middlewareStack as unknown as Stack).add(
    () => (args) => Promise.reject(new Built(destinationOf(args.request))),
    { step: 'build', priority: 'low', name: 'stopAfterBuild' },
  );
  try {
    await s3.send(command);
    return undefined;
  } catch (error) {
    return error instanceof Built ? error.destination : undefined;
  }
}
