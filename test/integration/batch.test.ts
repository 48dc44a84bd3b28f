/**
 * Scale: 500 small files through the packaged action with concurrency, end to end against
 * the local stack; and four shards that together cover a fifth of that set exactly once.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ctr } from '@noble/ciphers/aes.js';
import { runPackagedAction } from '../../harness/action-runner.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack } from '../support/use-stack.js';
import { getObject, unwrapKey } from '../support/stack-helpers.js';
import { stackClients } from '../support/clients.js';

const COUNT = 500;
// Nothing here waits for a job, and the inputs are random bytes that no job could
// transcode: jobs stay SUBMITTED (no tick within the test) rather than each reading,
// decrypting and probing its input only to fail.
const stack = useStack({ mediaconvert: { tickMs: 600_000 } });
let clients: ReturnType<typeof stackClients>;
let workspace: string;
const contents = new Map<string, Buffer>();

beforeAll(async () => {
  clients = stackClients(stack);
  workspace = await mkdtemp(path.join(os.tmpdir(), 'batch-'));
  for (let i = 0; i < COUNT; i++) {
    const dir = path.join(workspace, 'batch', `d${i % 10}`);
    await mkdir(dir, { recursive: true });
    const relative = `batch/d${i % 10}/f${String(i).padStart(3, '0')}.ts`;
    const body = randomBytes(1024 + (i % 97));
    contents.set(relative, body);
    await writeFile(path.join(workspace, relative), body);
  }
});

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

interface ManifestFile {
  path: string;
  s3Uri: string;
  decryption: { EncryptedDecryptionKey: string; InitializationVector: string };
}

test(`${COUNT} files with concurrency: each encrypted correctly and handed to exactly one job`, async () => {
  const jobsBefore = stack.mediaconvert.jobs().length;
  const run = await runPackagedAction({
    workspace,
    env: stack.env(),
    inputs: actionInputs(stack, 'scale', {
      files: 'batch/**/*.ts',
      concurrency: '16',
    }),
  });
  expect(run.stdout).not.toContain('::error::');
  expect(run.code).toBe(0);
  const manifest = JSON.parse(await readFile(run.outputs.manifest!, 'utf8')) as {
    files: ManifestFile[];
    jobs: { id: string; request: { Settings: { Inputs: { FileInput: string }[] } } }[];
  };
  expect(manifest.files.map((f) => f.path)).toEqual([...contents.keys()].sort());
  expect(new Set(manifest.jobs.map((j) => j.id)).size).toBe(COUNT);

  const created = stack.mediaconvert.jobs().slice(jobsBefore) as {
    settings: { inputs: { fileInput: string }[] };
  }[];
  const inputs = created.map((j) => j.settings.inputs[0]!.fileInput).sort();
  expect(inputs).toEqual(manifest.files.map((f) => f.s3Uri).sort());

  const ivs = new Set<string>();
  for (const file of manifest.files) {
    const object = await getObject(clients.s3, file.s3Uri);
    const key = await unwrapKey(clients.kms, file.decryption.EncryptedDecryptionKey);
    const iv = Buffer.from(file.decryption.InitializationVector, 'base64');
    ivs.add(file.decryption.InitializationVector);
    const plaintext = Buffer.from(ctr(key, iv).decrypt(object.body));
    expect(plaintext.equals(contents.get(file.path)!)).toBe(true);
  }
  expect(ivs.size).toBe(COUNT);
}, 300_000);

// Two of the ten folders (100 files): as many as the shards need to show an even, exact split.
const SHARDED = ['batch/d0/', 'batch/d1/'];

test('shards 1/4 to 4/4 together cover every file exactly once', async () => {
  const files = [...contents.keys()].filter((p) => SHARDED.some((dir) => p.startsWith(dir)));
  expect(files).toHaveLength(100);
  // The four runs are four processes, as four jobs of a matrix would be: they run at once.
  const runs = await Promise.all(
    [1, 2, 3, 4].map((i) =>
      runPackagedAction({
        workspace,
        env: stack.env(),
        inputs: actionInputs(stack, 'shards', {
          files: SHARDED.map((dir) => `${dir}*.ts`).join('\n'),
          'create-job': 'false',
          shard: `${i}/4`,
          concurrency: '16',
        }),
      }),
    ),
  );
  const seen: string[] = [];
  for (const run of runs) {
    expect(run.code).toBe(0);
    const uris = JSON.parse(run.outputs['s3-uris']!) as string[];
    expect(uris.length).toBeGreaterThan(files.length / 8);
    seen.push(...uris);
  }
  expect(seen.sort()).toEqual(files.sort().map((p) => `s3://${stack.info.bucket}/shards/${p}`));
}, 300_000);
