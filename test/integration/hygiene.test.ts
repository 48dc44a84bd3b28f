/**
 * Key hygiene of the packaged action, with step debug logging and the action's AWS request
 * log on, on success and on failures after keys were made. Everything the run leaves behind
 * (stdout, stderr, GITHUB_OUTPUT, the step summary, the manifest, every file under
 * RUNNER_TEMP and the workspace, the objects' metadata) is searched for every file's
 * plaintext data key in every encoding a careless line of code would produce.
 *
 * The keys come from the wire, through the fault proxy's record: KMS GenerateDataKey answers
 * and, for local keys, KMS Encrypt requests. On success they are checked against what KMS
 * Decrypt gives the stack user for each EncryptedDecryptionKey, so the capture is complete.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { inspect } from 'node:util';
import path from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import type { ActionRun } from '../../harness/action-runner.js';
import { startFaultProxy, type FaultRule, type ProxyRecord } from '../support/fault-proxy.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack } from '../support/use-stack.js';
import { createSources, type Sources } from '../support/sources.js';
import { unwrapKey } from '../support/stack-helpers.js';
import { stackClients } from '../support/clients.js';
import { MIB } from '../../src/shared/units.js';

const stack = useStack();
let clients: ReturnType<typeof stackClients>;
let sources: Sources;

beforeAll(async () => {
  clients = stackClients(stack);
  sources = await createSources('hygiene-ws-', stack);
  for (const name of ['a', 'b', 'c']) await sources.copy(`media/${name}.mp4`, 'samples/clip.mp4');
  // Multipart (part size 5 MiB): the key passes through many part uploads.
  await sources.write('media/d-big.mov', 12 * MIB);
});

afterAll(async () => {
  await sources?.remove();
});

/** Every way a key could be written out: hex, base64 (any alignment), base64url, raw, JSON. */
function encodingsOf(key: Uint8Array): { name: string; bytes: Buffer }[] {
  const raw = Buffer.from(key);
  const out = [
    { name: 'raw bytes', text: raw },
    { name: 'hex', text: raw.toString('hex') },
    { name: 'HEX', text: raw.toString('hex').toUpperCase() },
    { name: 'base64url', text: raw.toString('base64url') },
    // JSON of a Buffer ({"data":[...]}) and, whitespace removed, util.inspect of a Uint8Array.
    { name: 'decimal list', text: Array.from(raw).join(',') },
    { name: 'JSON of a Uint8Array', text: JSON.stringify(new Uint8Array(raw)).slice(1, -1) },
  ];
  // Inside a longer base64 string the key starts at any byte offset mod 3; keep only the
  // characters that depend on key bytes alone.
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), raw]).toString('base64');
    const start = offset === 0 ? 0 : 4;
    const end = 4 * Math.floor((offset + raw.length) / 3);
    const core = encoded.slice(start, end);
    out.push({ name: `base64 at offset ${offset}`, text: core });
    out.push({
      name: `base64url at offset ${offset}`,
      text: core.replace(/\+/g, '-').replace(/\//g, '_'),
    });
  }
  out.push({ name: 'base64 padded', text: raw.toString('base64') });
  return out.map(({ name, text }) => ({
    name,
    bytes: typeof text === 'string' ? Buffer.from(text, 'latin1') : text,
  }));
}

/** Plaintext data keys seen on the wire: GenerateDataKey answers and Encrypt requests. */
function keysOnTheWire(records: readonly ProxyRecord[]): Buffer[] {
  const keys: Buffer[] = [];
  for (const r of records) {
    if (r.service !== 'kms') continue;
    const body =
      r.operation === 'GenerateDataKey' && r.status === 200
        ? r.responseBody
        : r.operation === 'Encrypt'
          ? r.requestBody
          : undefined;
    const plaintext = body ? (JSON.parse(body) as { Plaintext?: string }).Plaintext : undefined;
    if (plaintext) keys.push(Buffer.from(plaintext, 'base64'));
  }
  return keys;
}

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}

/** Everything the run left where a person, a log or a later step could read it. */
async function leftBehind(run: ActionRun): Promise<{ where: string; bytes: Buffer }[]> {
  const out = [
    { where: 'stdout', bytes: Buffer.from(run.stdout) },
    { where: 'stderr', bytes: Buffer.from(run.stderr) },
  ];
  for (const file of [
    ...(await filesUnder(run.runnerTemp)),
    ...(await filesUnder(sources.workspace)),
  ]) {
    out.push({ where: file, bytes: await readFile(file) });
  }
  for (const uri of run.outputs['s3-uris']
    ? (JSON.parse(run.outputs['s3-uris']) as string[])
    : []) {
    const [, Bucket, Key] = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri)!;
    const head = await clients.s3.send(new HeadObjectCommand({ Bucket, Key }));
    out.push({ where: `metadata of ${uri}`, bytes: Buffer.from(JSON.stringify(head.Metadata)) });
  }
  return out;
}

/**
 * ASCII whitespace removed: `<Buffer 0a 1b ...>` becomes hex, an inspected array a list.
 * Latin-1 maps each byte to one character and back, so only those four bytes go.
 */
function squeezed(bytes: Buffer): Buffer {
  return Buffer.from(bytes.toString('latin1').replace(/[ \n\r\t]+/g, ''), 'latin1');
}

/** Where and how any of the keys appears in any of the places. */
function leaks(keys: Buffer[], places: { where: string; bytes: Buffer }[]): string[] {
  const views = places.flatMap((p) => [
    p,
    { where: `${p.where} (whitespace removed)`, bytes: squeezed(p.bytes) },
  ]);
  const found: string[] = [];
  for (const [k, key] of keys.entries()) {
    for (const encoding of encodingsOf(key)) {
      for (const view of views) {
        if (view.bytes.includes(encoding.bytes)) {
          found.push(`key ${k} as ${encoding.name} in ${view.where}`);
        }
      }
    }
  }
  return found;
}

function expectNoKeyMasked(keys: Buffer[], stdout: string): void {
  const masks = stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
  for (const key of keys) {
    for (const encoding of encodingsOf(key)) {
      for (const line of masks) expect(Buffer.from(line).includes(encoding.bytes)).toBe(false);
    }
  }
}

const distinct = (values: string[]): number => new Set(values).size;

interface Scenario {
  name: string;
  inputs: Record<string, string>;
  rules: FaultRule[];
  /** Files that must fail (the rest succeed). */
  failing: string[];
}

const scenarios: Scenario[] = [
  {
    name: 'success, KMS data keys, AES_CTR',
    inputs: { 'key-source': 'kms', mode: 'AES_CTR' },
    rules: [],
    failing: [],
  },
  {
    name: 'success, local keys, AES_GCM',
    inputs: { 'key-source': 'local', mode: 'AES_GCM', 'key-length': '128' },
    rules: [],
    failing: [],
  },
  {
    name: 'S3 down for one file after its key was made',
    inputs: { 'key-source': 'kms', mode: 'AES_CBC' },
    rules: [
      {
        service: 's3',
        operation: 'UploadPart',
        pathIncludes: 'd-big.mov',
        fault: { kind: 'error', error: 'server' },
      },
    ],
    failing: ['media/d-big.mov'],
  },
  {
    name: 'KMS Encrypt refusing every local key',
    inputs: { 'key-source': 'local', mode: 'AES_CTR' },
    rules: [
      {
        service: 'kms',
        operation: 'Encrypt',
        fault: {
          kind: 'error',
          status: 400,
          code: 'DisabledException',
          message: 'key is disabled',
        },
      },
    ],
    failing: ['media/a.mp4', 'media/b.mp4', 'media/c.mp4', 'media/d-big.mov'],
  },
];

describe.each(scenarios)('$name', (scenario) => {
  let run: ActionRun;
  let keys: Buffer[];
  let records: readonly ProxyRecord[];

  beforeAll(async () => {
    const proxy = await startFaultProxy({ upstreams: stack.info.endpoints, rules: scenario.rules });
    try {
      run = await sources.run({
        env: { ...proxy.env(stack.env()), ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' },
        inputs: actionInputs(stack, `hygiene/${scenario.name.replace(/\W+/g, '-')}`, {
          files: 'media/*',
          'part-size-mib': '5',
          ...scenario.inputs,
        }),
      });
      records = [...proxy.records];
      keys = keysOnTheWire(records);
    } finally {
      await proxy.close();
    }
  });

  test('the step ends as expected, with the AWS request log on', async () => {
    expect(run.code).toBe(scenario.failing.length > 0 ? 1 : 0);
    const operation = scenario.inputs['key-source'] === 'local' ? 'Encrypt' : 'GenerateDataKey';
    expect(run.stdout).toMatch(
      new RegExp(`^::debug::aws kms ${operation} KeyId=arn:aws:kms:`, 'm'),
    );
    // Unless every file fails, some upload was logged.
    const uploads = /^::debug::aws s3 (UploadPart|PutObject) Bucket=media Key=/m;
    expect(scenario.failing.length === 4 || uploads.test(run.stdout)).toBe(true);
    for (const file of scenario.failing) expect(run.stdout).toContain(`- ${file}: `);
    // A key for each of the 4 files was made: the failures happen after that.
    expect(keys).toHaveLength(4);
    expect((await stat(run.outputs.manifest!)).isFile()).toBe(true);
  });

  test('no plaintext key anywhere the run wrote, in any encoding', async () => {
    expect(leaks(keys, await leftBehind(run))).toEqual([]);
  });

  test('no plaintext key in an ::add-mask:: line', () => {
    expectNoKeyMasked(keys, run.stdout);
  });

  test('every file has its own key and IV', async () => {
    expect(distinct(keys.map((k) => k.toString('hex')))).toBe(4);
    const settings = JSON.parse(run.outputs['decryption-settings'] ?? '[]') as {
      EncryptedDecryptionKey: string;
      InitializationVector: string;
    }[];
    expect(settings).toHaveLength(4 - scenario.failing.length);
    expect(distinct(settings.map((s) => s.InitializationVector))).toBe(settings.length);
    expect(distinct(settings.map((s) => s.EncryptedDecryptionKey))).toBe(settings.length);
    // The wire capture is complete: each file's key, as KMS gives it back, is one of them.
    const wire = new Set(keys.map((k) => k.toString('hex')));
    for (const s of settings) {
      const key = await unwrapKey(clients.kms, s.EncryptedDecryptionKey);
      expect(wire.has(Buffer.from(key).toString('hex'))).toBe(true);
    }
  });
});

test('the search finds a key however a careless line would print it', () => {
  const key = randomBytes(32);
  const inside = (offset: number): string =>
    `"blob":"${Buffer.concat([randomBytes(offset), key, randomBytes(4)]).toString('base64')}"`;
  const careless: (string | Buffer)[] = [
    key,
    key.toString('hex'),
    key.toString('hex').toUpperCase(),
    key.toString('base64'),
    key.toString('base64url'),
    inspect(key),
    inspect(new Uint8Array(key)),
    JSON.stringify(key),
    JSON.stringify(new Uint8Array(key)),
    inside(1),
    inside(2),
    inside(3),
  ];
  for (const text of careless) {
    const place = { where: 'log', bytes: Buffer.isBuffer(text) ? text : Buffer.from(text) };
    expect([String(text), leaks([key], [place]).length > 0]).toEqual([String(text), true]);
  }
  expect(leaks([key], [{ where: 'log', bytes: randomBytes(1 << 20) }])).toEqual([]);
});
