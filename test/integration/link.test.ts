/**
 * The packaged action on a modelled slow link (harness/link-proxy.ts: a delay each way and a
 * bandwidth cap per connection), with the fault proxy behind it to see every S3 request: the
 * upload fills the link with more parts in flight, never holds more parts than
 * `max-memory-mib`, and a failure still aborts the multipart upload.
 */
import type { ActionRun } from '../../harness/action-runner.js';
import {
  multipartUploads,
  startFaultProxy,
  type FaultRule,
  type ProxyRecord,
} from '../support/fault-proxy.js';
import { startLinkProxy } from '../../harness/link-proxy.js';
import { useStack, FAST_JOBS } from '../support/use-stack.js';
import { createSources, s3Uris, type Sources } from '../support/sources.js';
import { MIB } from '../../src/shared/units.js';

const PART = 5 * MIB;

const stack = useStack(FAST_JOBS);
let sources: Sources;

beforeAll(async () => {
  sources = await createSources('link-ws-', stack);
});

afterAll(async () => {
  await sources?.remove();
});

/** Runs the action through link -> fault proxy -> stack; returns the run and what S3 saw. */
async function runOverLink(
  inputs: Record<string, string>,
  prefix: string,
  rules: FaultRule[] = [],
): Promise<{ run: ActionRun; records: readonly ProxyRecord[] }> {
  const faults = await startFaultProxy({ upstreams: stack.info.endpoints, rules });
  const link = await startLinkProxy({
    upstreams: faults.urls,
    link: { delayMs: 20, bytesPerSecond: 8 * MIB },
  });
  try {
    const run = await sources.upload(link.env(stack.env()), prefix, inputs);
    return { run, records: [...faults.records] };
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

async function expectDecryptsToSource(run: ActionRun, relativePaths: string[]): Promise<void> {
  expect(s3Uris(run)).toHaveLength(relativePaths.length);
  await sources.expectObjectsDecryptToSources(run, relativePaths);
}

test('one file on a slow link: more than two parts in flight, within max-memory-mib', async () => {
  await sources.write('one/big.bin', 20 * MIB + 4321);
  const { run, records } = await runOverLink({ files: 'one/*.bin', 'max-memory-mib': '40' }, 'one');
  expect(run.stdout).not.toContain('::error::');
  await expectDecryptsToSource(run, ['one/big.bin']);
  const most = maxPartsAtOnce(records);
  expect(most).toBeGreaterThan(2);
  // One part is being filled while the others are in flight.
  expect(most * PART).toBeLessThanOrEqual(40 * MIB - PART);
});

test('files sharing a small budget never have more parts out than it holds', async () => {
  for (const name of ['a', 'b', 'c', 'd']) await sources.write(`many/${name}.bin`, 6 * MIB);
  const { run, records } = await runOverLink(
    { files: 'many/*.bin', 'max-memory-mib': '20', concurrency: '4' },
    'many',
  );
  expect(run.stdout).not.toContain('::error::');
  await expectDecryptsToSource(run, ['many/a.bin', 'many/b.bin', 'many/c.bin', 'many/d.bin']);
  expect(maxPartsAtOnce(records) * PART).toBeLessThanOrEqual(20 * MIB);
  for (const upload of multipartUploads(records)) expect(upload.completes).toHaveLength(1);
});

test('a part refused on the slow link still aborts the multipart upload', async () => {
  await sources.write('refused/big.bin', 15 * MIB + 1);
  const { run, records } = await runOverLink({ files: 'refused/*.bin' }, 'refused', [
    {
      service: 's3',
      operation: 'UploadPart',
      skip: 3,
      times: 1,
      fault: { kind: 'error', status: 403, code: 'AccessDenied', message: 'Access Denied' },
    },
  ]);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('AccessDenied');
  const uploads = multipartUploads(records);
  expect(uploads).toHaveLength(1);
  expect(uploads[0]!.completes).toEqual([]);
  expect(uploads[0]!.aborts.map((a) => a.status)).toEqual([204]);
});
