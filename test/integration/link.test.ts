/**
 * The packaged action on a modelled slow link (test/support/link-proxy.ts: a delay each way and a
 * bandwidth cap per connection), with the fault proxy behind it to see every S3 request: the
 * upload fills the link with more parts in flight, never holds more parts than
 * `max-memory-mib`, and a failure still aborts the multipart upload.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPackagedAction, type ActionRun } from '../support/action-runner.js';
import {
  multipartUploads,
  startFaultProxy,
  type FaultProxy,
  type FaultRule,
  type ProxyRecord,
} from '../support/fault-proxy.js';
import { startLinkProxy } from '../support/link-proxy.js';
import { startStack, type LocalStack } from '../../local-aws/stack.js';
import { opensslDecrypt } from '../support/oracle.js';
import { FAST_JOBS, getObject, stackClients, unwrapKey } from '../support/stack-helpers.js';

const MIB = 1024 * 1024;
const PART = 5 * MIB;

let stack: LocalStack;
let clients: ReturnType<typeof stackClients>;
let workspace: string;
const sources = new Map<string, string>();
const runnerTemps: string[] = [];

beforeAll(async () => {
  stack = await startStack(FAST_JOBS);
  clients = stackClients(stack);
  workspace = await mkdtemp(path.join(os.tmpdir(), 'link-ws-'));
});

afterAll(async () => {
  await Promise.all(runnerTemps.map((dir) => rm(dir, { recursive: true, force: true })));
  await rm(workspace, { recursive: true, force: true });
  await stack?.close();
});

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

async function writeSource(relativePath: string, bytes: number): Promise<void> {
  const file = path.join(workspace, relativePath);
  await mkdir(path.dirname(file), { recursive: true });
  const data = randomBytes(bytes);
  await writeFile(file, data);
  sources.set(relativePath, sha256(data));
}

/** Runs the action through link -> fault proxy -> stack; returns the run and what S3 saw. */
async function runOverLink(
  inputs: Record<string, string>,
  prefix: string,
  rules: FaultRule[] = [],
): Promise<{ run: ActionRun; records: readonly ProxyRecord[] }> {
  const faults: FaultProxy = await startFaultProxy({ upstreams: stack.info.endpoints, rules });
  const link = await startLinkProxy({
    upstreams: faults.urls,
    link: { delayMs: 20, bytesPerSecond: 8 * MIB },
  });
  try {
    const run = await runPackagedAction({
      workspace,
      env: link.env(stack.env()),
      inputs: {
        'kms-key-arn': stack.info.kmsKeyArn,
        destination: `s3://${stack.info.bucket}/${prefix}/`,
        'part-size-mib': '5',
        'create-job': 'false',
        ...inputs,
      },
    });
    runnerTemps.push(run.runnerTemp);
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
  const uris = JSON.parse(run.outputs['s3-uris']!) as string[];
  const settings = JSON.parse(run.outputs['decryption-settings']!) as {
    DecryptionMode: 'AES_CTR';
    EncryptedDecryptionKey: string;
    InitializationVector: string;
  }[];
  expect(uris).toHaveLength(relativePaths.length);
  for (const [i, uri] of uris.entries()) {
    const s = settings[i]!;
    const plaintext = await opensslDecrypt(
      s.DecryptionMode,
      await unwrapKey(clients.kms, s.EncryptedDecryptionKey),
      Buffer.from(s.InitializationVector, 'base64'),
      (await getObject(clients.s3, uri)).body,
    );
    expect([relativePaths[i], sha256(plaintext)]).toEqual([
      relativePaths[i],
      sources.get(relativePaths[i]!),
    ]);
  }
}

test('one file on a slow link: more than two parts in flight, within max-memory-mib', async () => {
  await writeSource('one/big.bin', 20 * MIB + 4321);
  const { run, records } = await runOverLink({ files: 'one/*.bin', 'max-memory-mib': '40' }, 'one');
  expect(run.stdout).not.toContain('::error::');
  await expectDecryptsToSource(run, ['one/big.bin']);
  const most = maxPartsAtOnce(records);
  expect(most).toBeGreaterThan(2);
  // One part is being filled while the others are in flight.
  expect(most * PART).toBeLessThanOrEqual(40 * MIB - PART);
});

test('files sharing a small budget never have more parts out than it holds', async () => {
  for (const name of ['a', 'b', 'c', 'd']) await writeSource(`many/${name}.bin`, 6 * MIB);
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
  await writeSource('refused/big.bin', 15 * MIB + 1);
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
