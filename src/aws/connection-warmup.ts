/**
 * Connections for a multipart upload's first round of parts, opened while its
 * CreateMultipartUpload is on its way (aws/warm-agents.ts). The upload says how many parts
 * it will send at once; the S3 client's own request tells where they go, as the SDK resolved
 * it (path-style or virtual-hosted, FIPS, dual-stack, a custom endpoint), so no address is
 * worked out twice.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { WarmAgents } from './warm-agents.js';

interface Warmup {
  agents: WarmAgents;
  /** Connections asked for by uploads whose CreateMultipartUpload has not gone out yet. */
  wanted: number;
}

const warmups = new WeakMap<object, Warmup>();

type Next = (args: { request: unknown }) => Promise<unknown>;
interface Stack {
  add(
    middleware: (next: Next, context: { commandName?: string }) => Next,
    options: { step: 'finalizeRequest'; name: string },
  ): void;
}

/** Lets uploads through `s3` ask for connections ahead; `agents` are the client's own. */
export function addConnectionWarmup(s3: S3Client, agents: WarmAgents): void {
  const warmup: Warmup = { agents, wanted: 0 };
  warmups.set(s3, warmup);
  (s3.middlewareStack as unknown as Stack).add(
    (next, context) => (args) => {
      if (context.commandName === 'CreateMultipartUploadCommand' && warmup.wanted > 0) {
        const { protocol, hostname, port } = args.request as {
          protocol?: string;
          hostname?: string;
          port?: number;
        };
        const secure = protocol === 'https:';
        const agent = secure ? agents.httpsAgent : agents.httpAgent;
        // The Create itself takes one of them (it asks for its connection after this).
        if (hostname) agent.warm(hostname, port ?? (secure ? 443 : 80), warmup.wanted + 1);
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
