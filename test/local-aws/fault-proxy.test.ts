/**
 * The fault proxy between unmodified SDK clients and the local stack: it routes by operation,
 * its errors are parsed and classified by the SDK as the real services' are, and its record
 * tells what reached the server.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { ListJobTemplatesCommand } from '@aws-sdk/client-mediaconvert';
import {
  AbortMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import {
  mediaConvertOperation,
  multipartUploads,
  s3Operation,
  startFaultProxy,
  type FaultProxy,
  type FaultProxyOptions,
} from '../support/fault-proxy.js';
import { stackClients } from '../support/clients.js';
import { useStack } from '../support/use-stack.js';

const stack = useStack();
const proxies: FaultProxy[] = [];

afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

async function proxy(extra: Partial<FaultProxyOptions> = {}): Promise<FaultProxy> {
  const p = await startFaultProxy({ upstreams: stack.info.endpoints, ...extra });
  proxies.push(p);
  return p;
}

/** Clients through the proxy; maxAttempts 1 unless asked, so each fault is seen as it is. */
function clients(p: FaultProxy, maxAttempts = 1) {
  return stackClients(stack, { endpoints: p.urls, maxAttempts });
}

const put = (key: string, body: Buffer | string = 'x') =>
  new PutObjectCommand({ Bucket: stack.info.bucket, Key: key, Body: body });

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as Error & Record<string, unknown>,
  );
}

describe('operations are told apart as the services route them', () => {
  const s3 = (method: string, url: string, headers = {}) =>
    s3Operation(method, new URL(url, 'http://h'), headers).operation;

  test.each([
    ['PUT', '/b/k?partNumber=3&uploadId=u', 'UploadPart'],
    ['PUT', '/b/dir/k.mp4', 'PutObject'],
    ['POST', '/b/k?uploads', 'CreateMultipartUpload'],
    ['POST', '/b/k?uploadId=u', 'CompleteMultipartUpload'],
    ['DELETE', '/b/k?uploadId=u', 'AbortMultipartUpload'],
    ['DELETE', '/b/k', 'DeleteObject'],
    ['GET', '/b/k', 'GetObject'],
    ['GET', '/b/k?uploadId=u', 'ListParts'],
    ['GET', '/b?uploads', 'ListMultipartUploads'],
    ['GET', '/b?list-type=2&prefix=x', 'ListObjectsV2'],
    ['HEAD', '/b/k', 'HeadObject'],
    ['PUT', '/b', 'CreateBucket'],
  ])('S3 %s %s is %s', (method, url, operation) => {
    expect(s3(method, url)).toBe(operation);
  });

  test('an S3 record carries bucket, decoded key, upload ID and part number', () => {
    expect(
      s3Operation('PUT', new URL('http://h/media/a%20b/c.mp4?partNumber=2&uploadId=abc')),
    ).toEqual({
      operation: 'UploadPart',
      bucket: 'media',
      key: 'a b/c.mp4',
      uploadId: 'abc',
      partNumber: 2,
    });
  });

  test.each([
    ['POST', '/2017-08-29/jobs', 'CreateJob'],
    ['GET', '/2017-08-29/jobs', 'ListJobs'],
    ['GET', '/2017-08-29/jobs/123-abc', 'GetJob'],
    ['DELETE', '/2017-08-29/jobs/123-abc', 'CancelJob'],
    ['GET', '/2017-08-29/jobTemplates/local-mp4', 'GetJobTemplate'],
    ['GET', '/2017-08-29/queues/Default', 'GetQueue'],
    ['PUT', '/2017-08-29/jobs', 'Unknown'],
  ])('MediaConvert %s %s is %s', (method, pathname, operation) => {
    expect(mediaConvertOperation(method, pathname)).toBe(operation);
  });

  test('KMS operations come from X-Amz-Target, through the proxy', async () => {
    const p = await proxy();
    await clients(p).kms.send(
      new GenerateDataKeyCommand({ KeyId: stack.info.kmsKeyArn, KeySpec: 'AES_256' }),
    );
    expect(p.records.map((r) => [r.service, r.operation, r.status])).toEqual([
      ['kms', 'GenerateDataKey', 200],
    ]);
  });
});

describe('injected errors look like the services own to the SDK', () => {
  test('S3 SlowDown: a 503 with the S3 XML error body, retried by the SDK', async () => {
    const p = await proxy({
      rules: [{ service: 's3', operation: 'PutObject', fault: { kind: 'error' }, times: 2 }],
    });
    const error = await rejection(clients(p).s3.send(put('slow/one')));
    expect(error.name).toBe('SlowDown');
    expect(error.message).toBe('Please reduce your request rate.');
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(503);

    await clients(p, 3).s3.send(put('slow/two'));
    expect(p.records.map((r) => [r.key, r.status, r.upstreamStatus])).toEqual([
      ['slow/one', 503, undefined],
      ['slow/two', 503, undefined],
      ['slow/two', 200, 200],
    ]);
  });

  test('KMS ThrottlingException and MediaConvert TooManyRequestsException', async () => {
    const p = await proxy({
      rules: [
        { service: 'kms', fault: { kind: 'error' }, times: 1 },
        { service: 'mediaconvert', fault: { kind: 'error' }, times: 1 },
      ],
    });
    const c = clients(p);
    const kmsError = await rejection(
      c.kms.send(new GenerateDataKeyCommand({ KeyId: stack.info.kmsKeyArn, KeySpec: 'AES_256' })),
    );
    expect(kmsError.name).toBe('ThrottlingException');
    const mcError = await rejection(c.mediaconvert.send(new ListJobTemplatesCommand({})));
    expect(mcError.name).toBe('TooManyRequestsException');
    expect((mcError.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(429);
  });

  test('server errors: S3 InternalError 500', async () => {
    const p = await proxy({
      rules: [{ service: 's3', fault: { kind: 'error', error: 'server' } }],
    });
    const error = await rejection(clients(p).s3.send(put('server/one')));
    expect(error.name).toBe('InternalError');
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(500);
  });
});

describe('connection faults', () => {
  test('reset mid-body: the client sees a network error and nothing reaches S3', async () => {
    const p = await proxy({
      rules: [{ service: 's3', operation: 'PutObject', fault: { kind: 'reset' } }],
    });
    const error = await rejection(clients(p).s3.send(put('reset/one', Buffer.alloc(1 << 20))));
    expect(error.message).toMatch(/ECONNRESET|EPIPE/);
    expect(p.records[0]).toMatchObject({ fault: 'reset', operation: 'PutObject' });
    expect(p.records[0]!.status).toBeUndefined();
    expect(p.records[0]!.upstreamStatus).toBeUndefined();
    const get = await rejection(
      clients(p).s3.send(new GetObjectCommand({ Bucket: stack.info.bucket, Key: 'reset/one' })),
    );
    expect(get.name).toBe('NoSuchKey');
  });

  test('drop after upstream: the server did the work, the client got no answer', async () => {
    const p = await proxy({
      rules: [{ service: 's3', operation: 'PutObject', fault: { kind: 'drop-after-upstream' } }],
    });
    const error = await rejection(clients(p).s3.send(put('dropped/one', 'stored anyway')));
    expect(error.message).toMatch(/ECONNRESET|socket hang up/);
    expect(p.records[0]).toMatchObject({ fault: 'drop-after-upstream', upstreamStatus: 200 });
    expect(p.records[0]!.status).toBeUndefined();
    const object = await clients(p).s3.send(
      new GetObjectCommand({ Bucket: stack.info.bucket, Key: 'dropped/one' }),
    );
    expect(await object.Body!.transformToString()).toBe('stored anyway');
  });

  test('latency holds the request until the injected sleep ends', async () => {
    let release!: () => void;
    const slept: number[] = [];
    const p = await proxy({
      sleep: (ms) => {
        slept.push(ms);
        return new Promise((resolve) => (release = resolve));
      },
      rules: [{ service: 's3', fault: { kind: 'latency', ms: 1500 } }],
    });
    const sending = clients(p).s3.send(put('late/one'));
    const record = await p.waitFor((r) => r.operation === 'PutObject');
    expect(slept).toEqual([1500]);
    expect(record.upstreamStatus).toBeUndefined();
    release();
    await sending;
    expect(record).toMatchObject({ fault: 'latency', status: 200, upstreamStatus: 200 });
  });
});

describe('rule selection', () => {
  test('skip and times pick exactly which matching requests fail', async () => {
    const p = await proxy({
      rules: [
        { service: 's3', operation: 'PutObject', fault: { kind: 'error' }, skip: 2, times: 2 },
      ],
    });
    const s3 = clients(p).s3;
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      outcomes.push(
        await s3.send(put(`counted/${i}`)).then(
          () => 'ok',
          (e: Error) => e.name,
        ),
      );
    }
    expect(outcomes).toEqual(['ok', 'ok', 'SlowDown', 'SlowDown', 'ok', 'ok']);
  });

  test('pathIncludes limits a rule to one object key', async () => {
    const p = await proxy({
      rules: [{ service: 's3', pathIncludes: 'bad/', fault: { kind: 'error' } }],
    });
    const s3 = clients(p).s3;
    await expect(s3.send(put('bad/x'))).rejects.toThrow('reduce your request rate');
    await expect(s3.send(put('good/x'))).resolves.toBeDefined();
  });

  test('probability is seeded: the same seed fails the same requests', async () => {
    const run = async (seed: number): Promise<boolean[]> => {
      const p = await proxy({
        seed,
        rules: [{ service: 's3', fault: { kind: 'error' }, probability: 0.3 }],
      });
      const s3 = clients(p).s3;
      const failed: boolean[] = [];
      for (let i = 0; i < 20; i++) {
        failed.push(
          await s3.send(put(`p/${i}`)).then(
            () => false,
            () => true,
          ),
        );
      }
      return failed;
    };
    const first = await run(7);
    expect(await run(7)).toEqual(first);
    expect(first.filter(Boolean).length).toBeGreaterThan(0);
    expect(first.filter(Boolean).length).toBeLessThan(20);
  });
});

describe('the record', () => {
  test('traces a multipart upload by upload ID; an abort removes its parts from s3rver', async () => {
    const p = await proxy();
    const s3 = clients(p).s3;
    const Bucket = stack.info.bucket;
    const Key = 'traced/big.bin';
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    await s3.send(
      new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: Buffer.alloc(5 << 20) }),
    );
    const uploads = path.join(stack.s3.directory, Bucket, '._S3rver_uploads');
    expect(await readdir(uploads)).toEqual([UploadId]);
    await s3.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }));
    expect(await readdir(uploads)).toEqual([]);

    const [trace] = multipartUploads(p.records);
    expect(trace).toMatchObject({ uploadId: UploadId, key: Key });
    expect(trace!.parts.map((r) => [r.partNumber, r.status])).toEqual([[1, 200]]);
    expect(trace!.aborts.map((r) => r.status)).toEqual([204]);
    expect(trace!.completes).toEqual([]);
    expect(trace!.parts[0]!.endTick!).toBeLessThan(trace!.aborts[0]!.startTick);
  });

  test('keeps KMS bodies (for key-leak checks) and not S3 bodies', async () => {
    const p = await proxy();
    const c = clients(p);
    await c.kms.send(
      new GenerateDataKeyCommand({ KeyId: stack.info.kmsKeyArn, KeySpec: 'AES_128' }),
    );
    await c.s3.send(put('bodies/x', 'ciphertext'));
    const [kms, s3] = p.records;
    expect(JSON.parse(kms!.requestBody!)).toMatchObject({ KeySpec: 'AES_128' });
    expect(Buffer.from(JSON.parse(kms!.responseBody!).Plaintext, 'base64')).toHaveLength(16);
    expect(s3!.requestBody).toBeUndefined();
  });

  test('env() points the SDK variables at the proxy and keeps the rest', async () => {
    const p = await proxy();
    const env = p.env(stack.env());
    expect(env.AWS_ENDPOINT_URL_S3).toBe(p.urls.s3);
    expect(env.AWS_ENDPOINT_URL_KMS).toBe(p.urls.kms);
    expect(env.AWS_ENDPOINT_URL_MEDIACONVERT).toBe(p.urls.mediaconvert);
    expect(env.AWS_ACCESS_KEY_ID).toBe(stack.info.credentials.accessKeyId);
    for (const url of Object.values(p.urls)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('waitFor gives up after its timeout', async () => {
    const p = await proxy();
    await expect(p.waitFor(() => true, 20)).rejects.toThrow('no matching proxy record');
  });
});
