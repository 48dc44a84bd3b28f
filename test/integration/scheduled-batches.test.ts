/**
 * Scheduled batches and release pipelines, through the packaged action against the local
 * stack: if-exists (skip, fail), dry-run, output-uris after wait, delete-inputs and the job
 * table of the summary. A recording proxy in front of every service shows which requests
 * reached the servers.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CopyObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { runPackagedAction, type ActionRun } from '../../harness/action-runner.js';
import { startFaultProxy, type FaultProxy, type ProxyRecord } from '../support/fault-proxy.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack, FAST_JOBS } from '../support/use-stack.js';
import { opensslDecrypt } from '../support/oracle.js';
import { getObject, unwrapKey } from '../support/stack-helpers.js';
import { stackClients } from '../support/clients.js';

const SAMPLE = path.resolve('samples/clip.mp4');

const stack = useStack(FAST_JOBS);
let proxy: FaultProxy;
let clients: ReturnType<typeof stackClients>;
let workspace: string;

beforeAll(async () => {
  proxy = await startFaultProxy({ upstreams: stack.info.endpoints });
  clients = stackClients(stack);
  workspace = await mkdtemp(path.join(os.tmpdir(), 'scheduled-'));
  await mkdir(path.join(workspace, 'masters'));
  for (const name of ['a', 'b', 'c']) {
    await copyFile(SAMPLE, path.join(workspace, 'masters', `${name}.mp4`));
  }
});

afterAll(async () => {
  await proxy?.close();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

interface ManifestFile {
  path: string;
  s3Uri: string;
  plaintextSha256: string;
  skipped?: boolean;
  deleted?: boolean;
  decryption: {
    DecryptionMode: string;
    EncryptedDecryptionKey: string;
    InitializationVector: string;
  };
}

async function manifestOf(run: ActionRun): Promise<{
  files: ManifestFile[];
  jobs: { id: string; status: string; outputs?: { uri: string; kind: string }[] }[];
  dryRun?: { files: { path: string; action: string }[]; dataKeys: number; jobs: number };
}> {
  return JSON.parse(await readFile(run.outputs.manifest!, 'utf8'));
}

/** Runs the action through the recording proxy; returns the run and the requests it made. */
async function runThroughProxy(
  prefix: string,
  inputs: Record<string, string>,
): Promise<{ run: ActionRun; requests: ProxyRecord[]; all: ProxyRecord[] }> {
  proxy.reset();
  const run = await runPackagedAction({
    workspace,
    env: proxy.env(stack.env()),
    inputs: actionInputs(stack, prefix, { files: 'masters/*.mp4', ...inputs }),
  });
  // Attempts that got no answer or a 5xx were retried by the SDK: count what was answered.
  const answered = proxy.records.filter((r) => r.status !== undefined && r.status < 500);
  return { run, requests: answered, all: [...proxy.records] };
}

const ops = (records: ProxyRecord[], key?: string): string[] =>
  records.filter((r) => key === undefined || r.key === key).map((r) => r.operation);

/** Requests that change something on a server. */
const WRITES = new Set([
  'PutObject',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'AbortMultipartUpload',
  'DeleteObject',
  'DeleteObjects',
  'CopyObject',
  'GenerateDataKey',
  'Encrypt',
  'CreateJob',
  'CancelJob',
]);

describe('if-exists: skip', () => {
  const prefix = 'nightly/';

  test('a re-run uploads only the changed file; unchanged ones keep their object and still get jobs', async () => {
    const first = await runThroughProxy(prefix, {
      'if-exists': 'skip',
      'create-job': 'false',
    });
    expect(first.run.stdout).not.toContain('::error::');
    expect(JSON.parse(first.run.outputs['skipped-files']!)).toEqual([]);
    const firstManifest = await manifestOf(first.run);
    const before = await clients.s3.send(
      new HeadObjectCommand({ Bucket: stack.info.bucket, Key: `${prefix}masters/a.mp4` }),
    );
    expect(before.Metadata).toMatchObject({
      'mediaconvert-plaintext-sha256': firstManifest.files[0]!.plaintextSha256,
      'mediaconvert-plaintext-bytes': String((await readFile(SAMPLE)).length),
    });

    // c changes; a and b do not.
    const changed = Buffer.concat([await readFile(SAMPLE), Buffer.from('trailing bytes')]);
    await writeFile(path.join(workspace, 'masters', 'c.mp4'), changed);
    const second = await runThroughProxy(prefix, { 'if-exists': 'skip', wait: 'true' });
    expect(second.run.stdout).not.toContain('::error::');
    expect(second.run.code).toBe(0);
    expect(JSON.parse(second.run.outputs['skipped-files']!)).toEqual([
      'masters/a.mp4',
      'masters/b.mp4',
    ]);
    // Skipped: one HeadObject each, no data key, no write; jobs for all three.
    for (const name of ['a', 'b']) {
      expect(ops(second.requests, `${prefix}masters/${name}.mp4`)).toEqual(['HeadObject']);
    }
    expect(ops(second.requests, `${prefix}masters/c.mp4`)).toEqual(['HeadObject', 'PutObject']);
    expect(ops(second.requests).filter((o) => o === 'GenerateDataKey')).toHaveLength(1);
    expect(ops(second.requests).filter((o) => o === 'CreateJob')).toHaveLength(3);
    const after = await clients.s3.send(
      new HeadObjectCommand({ Bucket: stack.info.bucket, Key: `${prefix}masters/a.mp4` }),
    );
    expect(after.ETag).toBe(before.ETag);
    expect(after.LastModified).toEqual(before.LastModified);

    // The skipped files' settings came from the objects, and MediaConvert decrypted them.
    const manifest = await manifestOf(second.run);
    expect(manifest.files.map((f) => [f.path, f.skipped ?? false])).toEqual([
      ['masters/a.mp4', true],
      ['masters/b.mp4', true],
      ['masters/c.mp4', false],
    ]);
    expect(manifest.files[0]!.decryption).toEqual(firstManifest.files[0]!.decryption);
    expect(manifest.jobs.map((j) => j.status)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE']);
    const c = manifest.files[2]!;
    const key = await unwrapKey(clients.kms, c.decryption.EncryptedDecryptionKey);
    const object = await getObject(clients.s3, c.s3Uri);
    const plaintext = await opensslDecrypt(
      'AES_CTR',
      key,
      Buffer.from(c.decryption.InitializationVector, 'base64'),
      object.body,
    );
    expect(plaintext.equals(changed)).toBe(true);
    expect(second.run.summary).toContain('2 unchanged and skipped');
    expect(second.run.summary).toContain('(unchanged, skipped)');
    expect(second.run.stdout).toContain('unchanged, not uploaded (if-exists: skip)');
  }, 120_000);

  test('an object uploaded without the hash in its metadata is uploaded again, with it', async () => {
    const prefix = 'legacy';
    await runThroughProxy(prefix, { 'create-job': 'false', files: 'masters/a.mp4' });
    // An object of an older version: its metadata holds no plaintext SHA-256 or size.
    const legacy = { Bucket: stack.info.bucket, Key: 'legacy/masters/a.mp4' };
    const { Metadata = {} } = await clients.s3.send(new HeadObjectCommand(legacy));
    delete Metadata['mediaconvert-plaintext-sha256'];
    delete Metadata['mediaconvert-plaintext-bytes'];
    await clients.s3.send(
      new CopyObjectCommand({
        ...legacy,
        CopySource: `${legacy.Bucket}/${legacy.Key}`,
        MetadataDirective: 'REPLACE',
        Metadata,
      }),
    );
    const { run, requests } = await runThroughProxy(prefix, {
      'create-job': 'false',
      files: 'masters/a.mp4',
      'if-exists': 'skip',
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs['skipped-files']!)).toEqual([]);
    expect(ops(requests, 'legacy/masters/a.mp4')).toEqual(['HeadObject', 'PutObject']);
    const head = await clients.s3.send(
      new HeadObjectCommand({ Bucket: stack.info.bucket, Key: 'legacy/masters/a.mp4' }),
    );
    expect(head.Metadata?.['mediaconvert-plaintext-sha256']).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);
});

test('if-exists: fail fails naming the file, before its data key, and leaves the object', async () => {
  const prefix = 'guarded';
  await runThroughProxy(prefix, { 'create-job': 'false', files: 'masters/a.mp4' });
  const head = { Bucket: stack.info.bucket, Key: 'guarded/masters/a.mp4' };
  const before = await clients.s3.send(new HeadObjectCommand(head));
  const { run, requests } = await runThroughProxy(prefix, {
    'create-job': 'false',
    files: 'masters/a.mp4\nmasters/b.mp4',
    'if-exists': 'fail',
  });
  expect(run.code).toBe(1);
  const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('masters/a.mp4');
  expect(errors[0]).toContain('already exists and if-exists is fail');
  expect(ops(requests, 'guarded/masters/a.mp4')).toEqual(['HeadObject']);
  expect(ops(requests).filter((o) => o === 'GenerateDataKey')).toHaveLength(1); // b only
  expect(JSON.parse(run.outputs['s3-uris']!)).toEqual([
    `s3://${stack.info.bucket}/guarded/masters/b.mp4`,
  ]);
  expect((await clients.s3.send(new HeadObjectCommand(head))).ETag).toBe(before.ETag);
}, 60_000);

describe('dry-run: true', () => {
  test('prints the plan and sends no request that writes', async () => {
    const prefix = 'planned';
    const jobsBefore = stack.mediaconvert.jobs().length;
    const { run, all: requests } = await runThroughProxy(prefix, {
      'dry-run': 'true',
      wait: 'true',
      'delete-inputs': 'on-complete',
    });
    expect(run.stdout).not.toContain('::error::');
    expect(run.code).toBe(0);
    expect(requests.filter((r) => WRITES.has(r.operation)).map((r) => r.operation)).toEqual([]);
    expect(requests.every((r) => r.service !== 'kms')).toBe(true);
    expect(ops(requests)).toEqual(['GetJobTemplate']);
    expect(stack.mediaconvert.jobs()).toHaveLength(jobsBefore);
    const listed = await clients.s3.send(
      new ListObjectsV2Command({ Bucket: stack.info.bucket, Prefix: 'planned/' }),
    );
    expect(listed.KeyCount ?? 0).toBe(0);
    expect(run.stdout).toMatch(
      /dry run: 3 file\(s\), \d+ bytes, 3 to upload \(\d+ bytes\), 3 data key\(s\) to make, 3 job\(s\) to create; nothing was encrypted, uploaded or created/,
    );
    expect(run.summary).toContain('### MediaConvert encrypt: dry run');
    expect(run.summary).toContain('3 data key&#40;s&#41; to make');
    const manifest = await manifestOf(run);
    expect(manifest.files).toEqual([]);
    expect(manifest.dryRun?.files.map((f) => f.action)).toEqual(['upload', 'upload', 'upload']);
    expect(JSON.parse(run.outputs['job-ids']!)).toEqual([]);
  }, 60_000);

  test('with if-exists: skip it says which files would be skipped, still read-only', async () => {
    const prefix = 'planned-skip';
    const upload = await runThroughProxy(prefix, {
      'if-exists': 'skip',
      'create-job': 'false',
    });
    expect(upload.run.code).toBe(0);
    const { run, all: requests } = await runThroughProxy(prefix, {
      'dry-run': 'true',
      'if-exists': 'skip',
      'job-layout': 'single',
    });
    expect(run.code).toBe(0);
    expect(requests.filter((r) => WRITES.has(r.operation))).toEqual([]);
    expect(ops(requests).sort()).toEqual([
      'GetJobTemplate',
      'HeadObject',
      'HeadObject',
      'HeadObject',
    ]);
    const manifest = await manifestOf(run);
    expect(manifest.dryRun).toMatchObject({ dataKeys: 0, jobs: 1 });
    expect(manifest.dryRun?.files.map((f) => f.action)).toEqual(['skip', 'skip', 'skip']);
  }, 60_000);
});

describe('wait: output-uris, the job table and delete-inputs', () => {
  test('COMPLETE jobs publish their outputs, which exist, and their inputs are deleted', async () => {
    const prefix = 'release';
    const { run, requests } = await runThroughProxy(prefix, {
      files: 'masters/a.mp4\nmasters/b.mp4',
      wait: 'true',
      'delete-inputs': 'on-complete',
    });
    expect(run.stdout).not.toContain('::error::');
    expect(run.code).toBe(0);
    const uris = JSON.parse(run.outputs['output-uris']!) as {
      jobId: string;
      status: string;
      outputs: { group: number; type: string; kind: string; uri: string }[];
    }[];
    const ids = JSON.parse(run.outputs['job-ids']!) as string[];
    expect(uris.map((u) => u.jobId)).toEqual(ids);
    expect(uris.map((u) => u.outputs)).toEqual(
      ['a', 'b'].map((name) => [
        {
          group: 0,
          type: 'FILE_GROUP_SETTINGS',
          kind: 'file',
          uri: `s3://${stack.info.bucket}/outputs/${name}-240p.mp4`,
        },
      ]),
    );
    for (const u of uris) {
      const out = await getObject(clients.s3, u.outputs[0]!.uri);
      expect(out.body.subarray(4, 8).toString()).toBe('ftyp');
    }
    // The ciphertext objects are gone, after the jobs finished.
    const listed = await clients.s3.send(
      new ListObjectsV2Command({ Bucket: stack.info.bucket, Prefix: 'release/' }),
    );
    expect(listed.KeyCount ?? 0).toBe(0);
    const deletes = requests.filter((r) => r.operation === 'DeleteObject');
    expect([...new Set(deletes.map((r) => r.key))].sort()).toEqual([
      'release/masters/a.mp4',
      'release/masters/b.mp4',
    ]);
    const lastGetJob = Math.max(
      ...requests.filter((r) => r.operation === 'GetJob').map((r) => r.id),
    );
    expect(Math.min(...deletes.map((r) => r.id))).toBeGreaterThan(lastGetJob);
    const manifest = await manifestOf(run);
    expect(manifest.files.every((f) => f.deleted)).toBe(true);
    expect(manifest.jobs[0]!.outputs).toHaveLength(1);
    // The summary: one row per job with status, duration and a link to each output.
    expect(run.summary).toContain('| Job | Status | Duration | Error | Outputs |');
    for (const id of ids) {
      expect(run.summary).toMatch(
        new RegExp(
          `\\| \\[${id}\\]\\([^)]+\\) \\| COMPLETE \\| [\\d.]+ s \\|  \\| \\[[ab]-240p\\.mp4\\]`,
        ),
      );
    }
    expect(run.summary).toContain(
      `https://s3.console.aws.amazon.com/s3/object/${stack.info.bucket}?region=${stack.info.region}&prefix=outputs%2Fa-240p.mp4`,
    );
    expect(run.summary).toContain('delete-inputs: 2 ciphertext object(s) deleted');
  }, 120_000);

  test('a failed job keeps its input, and the summary shows its error code and message', async () => {
    const prefix = 'failing';
    const { run, requests } = await runThroughProxy(prefix, {
      files: 'masters/a.mp4',
      'role-arn': stack.info.roleWithoutDecryptArn,
      wait: 'true',
      'delete-inputs': 'on-complete',
    });
    expect(run.code).toBe(1);
    expect(ops(requests)).not.toContain('DeleteObject');
    await clients.s3.send(
      new HeadObjectCommand({ Bucket: stack.info.bucket, Key: 'failing/masters/a.mp4' }),
    );
    const [status] = JSON.parse(run.outputs['job-status']!) as {
      status: string;
      errorCode: number;
    }[];
    expect(status!.status).toBe('ERROR');
    const [uris] = JSON.parse(run.outputs['output-uris']!) as { outputs: unknown[] }[];
    expect(uris!.outputs).toEqual([]);
    expect(run.summary).toMatch(
      new RegExp(`\\| ERROR \\| [^|]* \\| \\*\\*${status!.errorCode}\\*\\* `),
    );
    expect(run.summary).toContain('kms&#58;Decrypt');
    expect(run.summary).toContain('1 kept (their job did not complete)');
  }, 60_000);
});
