/**
 * Answers lost after S3 did the work, through the packaged action: a connection cut after S3
 * assembled a multipart object (or stored a PutObject) leaves the file done, not failed, and
 * nothing of its upload behind; when the object at the key is not the upload's, the failure
 * says what the key holds and what became of the upload.
 */
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import type { ActionRun } from '../../harness/action-runner.js';
import {
  multipartUploads,
  startFaultProxy,
  type FaultRule,
  type ProxyRecord,
} from '../support/fault-proxy.js';
import { createSources, s3Uris, type Sources } from '../support/sources.js';
import { FAST_JOBS, useStack } from '../support/use-stack.js';
import { stackClients } from '../support/clients.js';

const MIB = 1024 * 1024;

const stack = useStack(FAST_JOBS);
let sources: Sources;

beforeAll(async () => {
  sources = await createSources('lost-answers-ws-', stack);
});

afterAll(async () => {
  await sources?.remove();
});

async function runWith(
  rules: FaultRule[],
  prefix: string,
  files: string,
): Promise<{ run: ActionRun; records: ProxyRecord[] }> {
  const proxy = await startFaultProxy({ upstreams: stack.info.endpoints, rules });
  try {
    // Two attempts, both answers lost: only the check of the object can save the file.
    const env = { ...proxy.env(stack.env()), AWS_MAX_ATTEMPTS: '2' };
    const run = await sources.upload(env, prefix, { files });
    return { run, records: [...proxy.records] };
  } finally {
    await proxy.close();
  }
}

async function incompleteUploads(prefix: string): Promise<string[]> {
  const out = await stackClients(stack).s3.send(
    new ListMultipartUploadsCommand({ Bucket: stack.info.bucket, Prefix: `${prefix}/` }),
  );
  return (out.Uploads ?? []).map((u) => u.Key ?? '');
}

test.concurrent(
  'every CompleteMultipartUpload answer lost after S3 assembled the object: the file is done',
  async () => {
    await sources.write('lost-complete/a.bin', 6 * MIB);
    const { run, records } = await runWith(
      [
        {
          service: 's3',
          operation: 'CompleteMultipartUpload',
          fault: { kind: 'drop-after-upstream' },
        },
      ],
      'lost-complete',
      'lost-complete/a.bin',
    );
    expect(run.stdout).not.toContain('::error::');
    expect(run.code).toBe(0);
    const [upload] = multipartUploads(records);
    expect(upload!.completes[0]).toMatchObject({
      fault: 'drop-after-upstream',
      upstreamStatus: 200,
    });
    expect(upload!.aborts).toEqual([]);
    await sources.expectObjectsDecryptToSources(run, ['lost-complete/a.bin']);
    expect(s3Uris(run)).toHaveLength(1);
    expect(await incompleteUploads('lost-complete')).toEqual([]);
  },
);

test.concurrent('every PutObject answer lost after S3 stored it: the file is done', async () => {
  await sources.write('lost-put/a.bin', 3000);
  const { run } = await runWith(
    [{ service: 's3', operation: 'PutObject', fault: { kind: 'drop-after-upstream' } }],
    'lost-put',
    'lost-put/a.bin',
  );
  expect(run.code).toBe(0);
  await sources.expectObjectsDecryptToSources(run, ['lost-put/a.bin']);
});

test.concurrent(
  'a Complete that S3 refuses for good: the failure says the parts were aborted and what the key holds',
  async () => {
    await sources.write('refused-complete/a.bin', 6 * MIB);
    const { run } = await runWith(
      [
        {
          service: 's3',
          operation: 'CompleteMultipartUpload',
          fault: { kind: 'error', error: 'server' },
        },
      ],
      'refused-complete',
      'refused-complete/a.bin',
    );
    expect(run.code).toBe(1);
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error).toContain(
      `refused-complete/a.bin: upload failed: InternalError: We encountered an internal error. Please try again.; the upload's parts were aborted, and s3://${stack.info.bucket}/refused-complete/refused-complete/a.bin holds no object`,
    );
    expect(await incompleteUploads('refused-complete')).toEqual([]);
  },
);
