/**
 * A 160 MiB file at a large in-flight window, through the CLI and the packaged action: more
 * than 10 parts in flight at once (over a modelled slow link, so the window grows), and no
 * warning printed. Node warns (MaxListenersExceededWarning) when more than 10 listeners wait on
 * one AbortSignal; the SDK adds one per request, so a signal shared by every request printed it.
 */
import { truncate } from 'node:fs/promises';
import path from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { startFaultProxy, type ProxyRecord } from '../support/fault-proxy.js';
import { startLinkProxy } from '../../harness/link-proxy.js';
import { runCli } from '../support/cli-runner.js';
import { createSources, type Sources } from '../support/sources.js';
import { stackClients } from '../support/clients.js';
import { useStack } from '../support/use-stack.js';

const MIB = 1024 * 1024;
/**
 * 32 parts of 5 MiB. The window starts at 4 parts and doubles after each epoch (as many parts
 * as it holds) that was faster than the one before: 16 parts may be in flight once 12 are done,
 * and the 20 left fill them. More bytes would only repeat the last epoch.
 */
const BYTES = 160 * MIB;
/** Room for 50 parts of 5 MiB: the window, not the budget, decides how many are in flight. */
const MEMORY_MIB = '256';

const stack = useStack();
let sources: Sources;

beforeAll(async () => {
  sources = await createSources('in-flight-ws-', stack);
  // Zeros, written sparse: the ciphertext is what travels, and it looks random anyway.
  await sources.write('big/big.bin', 0);
  await truncate(path.join(sources.workspace, 'big/big.bin'), BYTES);
});

afterAll(async () => {
  await sources?.remove();
});

/** Runs `upload` with the S3 endpoint behind a slow link and the fault proxy that records requests. */
async function overLink<T>(
  upload: (env: Record<string, string>) => Promise<T>,
): Promise<{ result: T; records: readonly ProxyRecord[] }> {
  const faults = await startFaultProxy({ upstreams: stack.info.endpoints, rules: [] });
  // 2 MiB/s a connection: throughput keeps rising as the window doubles past 10 parts, even
  // on a busy machine (at 16 parts the link carries 32 MiB/s).
  const link = await startLinkProxy({
    upstreams: faults.urls,
    link: { delayMs: 10, bytesPerSecond: 2 * MIB },
  });
  try {
    const result = await upload(link.env(stack.env()));
    return { result, records: [...faults.records] };
  } finally {
    await link.close();
    await faults.close();
  }
}

/** The most UploadPart requests the server had open at once (from the proxy's event order). */
function maxPartsAtOnce(records: readonly ProxyRecord[]): number {
  const events = records
    .filter((r) => r.operation === 'UploadPart' && r.endTick !== undefined)
    .flatMap((r) => [
      { tick: r.startTick, delta: 1 },
      { tick: r.endTick!, delta: -1 },
    ])
    .sort((a, b) => a.tick - b.tick);
  let open = 0;
  let max = 0;
  for (const e of events) {
    open += e.delta;
    max = Math.max(max, open);
  }
  return max;
}

async function objectBytes(key: string): Promise<number | undefined> {
  const head = await stackClients(stack).s3.send(
    new HeadObjectCommand({ Bucket: stack.info.bucket, Key: key }),
  );
  return head.ContentLength;
}

// The two uploads run at once, each through its own proxies (the proxy counts its own parts):
// each spends most of its time waiting on the link, not on a core.
test.concurrent(
  'the CLI uploads 160 MiB with more than 10 parts in flight and prints no warning',
  async () => {
    const { result, records } = await overLink((env) =>
      runCli(
        [
          '--files',
          'big/big.bin',
          '--kms-key-arn',
          stack.info.kmsKeyArn,
          '--destination',
          `s3://${stack.info.bucket}/cli-window/`,
          '--create-job',
          'false',
          '--max-memory-mib',
          MEMORY_MIB,
          '--manifest',
          path.join(sources.workspace, 'cli-manifest.json'),
        ],
        { env, cwd: sources.workspace },
      ),
    );
    expect(result.stderr).not.toContain('error:');
    expect(result.code).toBe(0);
    expect(maxPartsAtOnce(records)).toBeGreaterThan(10);
    // No warning at all: neither Node's nor the AWS SDK's Node.js version notice.
    expect(result.stderr).not.toMatch(/warning/i);
    expect(await objectBytes('cli-window/big/big.bin')).toBe(BYTES);
  },
);

test.concurrent(
  'the packaged action uploads 160 MiB with more than 10 parts in flight and prints no warning',
  async () => {
    const { result: run, records } = await overLink((env) =>
      sources.upload(env, 'action-window', {
        files: 'big/big.bin',
        'max-memory-mib': MEMORY_MIB,
      }),
    );
    expect(run.stdout).not.toContain('::error::');
    expect(run.code).toBe(0);
    expect(maxPartsAtOnce(records)).toBeGreaterThan(10);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/warning/i);
    expect(await objectBytes('action-window/big/big.bin')).toBe(BYTES);
  },
);
