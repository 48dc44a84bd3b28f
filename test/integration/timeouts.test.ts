/**
 * request-timeout through the packaged action: a service that accepts a request and never
 * answers it, or answers a byte a second, ends the run in a timeout that names the operation,
 * after AWS_MAX_ATTEMPTS attempts of about request-timeout each, and leaves no incomplete
 * upload in S3. wait-timeout bounds a wait whose GetJob hangs.
 */
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import type { ActionRun } from '../../harness/action-runner.js';
import { startFaultProxy, type FaultRule, type ProxyRecord } from '../support/fault-proxy.js';
import { createSources, type Sources } from '../support/sources.js';
import { FAST_JOBS, useStack } from '../support/use-stack.js';
import { stackClients } from '../support/clients.js';

const MIB = 1024 * 1024;
/** The limits every case runs with: 1 s without a byte, 2 attempts. */
const TIMEOUT_S = 1;
const ATTEMPTS = 2;

const stack = useStack(FAST_JOBS);
let sources: Sources;

beforeAll(async () => {
  sources = await createSources('timeouts-ws-', stack);
});

afterAll(async () => {
  await sources?.remove();
});

/** Runs the action through a fault proxy with `rules`; returns the run and the proxy's records. */
async function runWith(
  rules: FaultRule[],
  prefix: string,
  inputs: Record<string, string>,
): Promise<{ run: ActionRun; records: ProxyRecord[] }> {
  const proxy = await startFaultProxy({ upstreams: stack.info.endpoints, rules });
  try {
    const env = { ...proxy.env(stack.env()), AWS_MAX_ATTEMPTS: String(ATTEMPTS) };
    const run = await sources.upload(env, prefix, {
      'request-timeout': String(TIMEOUT_S),
      ...inputs,
    });
    return { run, records: [...proxy.records] };
  } finally {
    await proxy.close();
  }
}

function errorLine(run: ActionRun): string {
  return run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
}

/**
 * How much later than the client the proxy may see a request begin. The client's clock starts
 * when its last byte leaves; the proxy stamps the request when its event loop, shared with the
 * stack and the other cases, reads the headers. An UploadPart's 5 MiB fit in the socket
 * buffers, so on a busy machine the stamp came 52 ms after the client's start (948 ms lasted,
 * at load average 7).
 */
const PROXY_LAG_MS = 250;

/** Each request the rule held was given up by the client after about request-timeout. */
function expectGivenUpAfterTimeout(records: readonly ProxyRecord[], operation: string): void {
  const held = records.filter((r) => r.operation === operation && r.fault !== undefined);
  expect(held).toHaveLength(ATTEMPTS);
  for (const record of held) {
    const lasted = record.endedMs! - record.startedMs;
    expect(lasted).toBeGreaterThanOrEqual(TIMEOUT_S * 1000 - PROXY_LAG_MS);
    // Given up by the client's limit, not by the end of the run (the next attempt follows).
    expect(lasted).toBeLessThan(TIMEOUT_S * 1000 * 2 + 1000);
  }
}

async function incompleteUploads(prefix: string): Promise<string[]> {
  const out = await stackClients(stack).s3.send(
    new ListMultipartUploadsCommand({ Bucket: stack.info.bucket, Prefix: `${prefix}/` }),
  );
  return (out.Uploads ?? []).map((u) => u.Key ?? '');
}

const jobInputs = (): Record<string, string> => ({
  'create-job': 'true',
  'role-arn': stack.info.roleArn,
  'job-template': stack.info.jobTemplate,
});

test.concurrent(
  'S3: an UploadPart never answered fails its file naming UploadPart and the limit; the upload is aborted',
  async () => {
    await sources.write('hang-s3/big.bin', 6 * MIB);
    await sources.write('hang-s3/small.bin', 1000);
    const { run, records } = await runWith(
      [{ service: 's3', operation: 'UploadPart', skip: 1, fault: { kind: 'hang' } }],
      'hang-s3',
      { files: 'hang-s3/*.bin' },
    );
    expect(run.code).toBe(1);
    expect(errorLine(run)).toContain(
      `hang-s3/big.bin: upload failed: TimeoutError: UploadPart timed out: the connection moved no byte for ${TIMEOUT_S} s (request-timeout ${TIMEOUT_S} s, ${ATTEMPTS} attempts)`,
    );
    expectGivenUpAfterTimeout(records, 'UploadPart');
    expect(records.filter((r) => r.operation === 'AbortMultipartUpload')).toEqual([
      expect.objectContaining({ status: 204 }),
    ]);
    expect(await incompleteUploads('hang-s3')).toEqual([]);
    expect(JSON.parse(run.outputs['s3-uris']!)).toEqual([
      `s3://${stack.info.bucket}/hang-s3/hang-s3/small.bin`,
    ]);
  },
);

test.concurrent(
  'KMS: a GenerateDataKey never answered fails the file naming GenerateDataKey; nothing is uploaded',
  async () => {
    await sources.write('kms-hang/a.bin', 1000);
    const { run, records } = await runWith(
      [{ service: 'kms', operation: 'GenerateDataKey', fault: { kind: 'hang' } }],
      'kms-hang',
      { files: 'kms-hang/a.bin' },
    );
    expect(run.code).toBe(1);
    expect(errorLine(run)).toContain(
      `kms-hang/a.bin: data key failed: TimeoutError: GenerateDataKey timed out: the connection moved no byte for ${TIMEOUT_S} s (request-timeout ${TIMEOUT_S} s, ${ATTEMPTS} attempts)`,
    );
    expectGivenUpAfterTimeout(records, 'GenerateDataKey');
    expect(records.filter((r) => r.service === 's3')).toEqual([]);
  },
);

test.concurrent(
  'KMS: an answer trickling a byte a second is never idle, and ends at the total limit of each attempt',
  async () => {
    await sources.write('kms-trickle/a.bin', 1000);
    const { run, records } = await runWith(
      [
        {
          service: 'kms',
          operation: 'GenerateDataKey',
          fault: { kind: 'trickle', bytesPerSecond: 1 },
        },
      ],
      'kms-trickle',
      // 2 s without a byte: a byte a second never trips it.
      { files: 'kms-trickle/a.bin', 'request-timeout': '2' },
    );
    expect(run.code).toBe(1);
    // Twice the limit, plus the time granted to the small request body.
    expect(errorLine(run)).toMatch(
      /kms-trickle\/a\.bin: data key failed: TimeoutError: GenerateDataKey timed out: the attempt did not end within 4\.\d+ s \(request-timeout 2 s, 2 attempts\)/,
    );
    expect(records.filter((r) => r.operation === 'GenerateDataKey')).toHaveLength(ATTEMPTS);
    expect(records.filter((r) => r.service === 's3')).toEqual([]);
  },
);

test.concurrent(
  'MediaConvert: a CreateJob never answered fails the step naming CreateJob; the object is complete, no upload is left',
  async () => {
    await sources.write('hang-mc/a.bin', 1000);
    const { run, records } = await runWith(
      [{ service: 'mediaconvert', operation: 'CreateJob', fault: { kind: 'hang' } }],
      'hang-mc',
      { files: 'hang-mc/a.bin', ...jobInputs() },
    );
    expect(run.code).toBe(1);
    expect(errorLine(run)).toContain(
      `CreateJob failed: TimeoutError: CreateJob timed out: the connection moved no byte for ${TIMEOUT_S} s (request-timeout ${TIMEOUT_S} s, ${ATTEMPTS} attempts)`,
    );
    expectGivenUpAfterTimeout(records, 'CreateJob');
    expect(JSON.parse(run.outputs['job-ids']!)).toEqual([]);
    expect(await incompleteUploads('hang-mc')).toEqual([]);
  },
);

test.concurrent(
  'MediaConvert: with wait, a GetJob that hangs ends at wait-timeout and the job is reported TIMED_OUT',
  async () => {
    await sources.write('hang-getjob/a.bin', 1000);
    const started = performance.now();
    const { run } = await runWith(
      [{ service: 'mediaconvert', operation: 'GetJob', fault: { kind: 'hang' } }],
      'hang-getjob',
      {
        files: 'hang-getjob/a.bin',
        ...jobInputs(),
        wait: 'true',
        'wait-timeout': '2',
        // Longer than wait-timeout: only the wait's own deadline can end the stuck GetJob.
        'request-timeout': '60',
      },
    );
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(run.code).toBe(1);
    const [status] = JSON.parse(run.outputs['job-status']!) as { status: string }[];
    expect(status).toMatchObject({ status: 'TIMED_OUT' });
    expect(errorLine(run)).toContain('ended TIMED_OUT');
  },
);
