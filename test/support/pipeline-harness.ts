/**
 * The unit tests of the whole pipeline (test/unit/run*.test.ts): mocked KMS, S3 and
 * MediaConvert clients, a workspace of three media files, a fake clock and logger, and what
 * the mocks saw: the data keys handed out, the objects uploaded, the jobs created.
 */
import { afterEach, beforeEach } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateJobCommand,
  MediaConvertClient,
  type CreateJobCommandInput,
} from '@aws-sdk/client-mediaconvert';
import { PutObjectCommand, S3Client, type PutObjectCommandInput } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import type { Clients } from '../../src/aws/clients.js';
import { parseConfig, type Config } from '../../src/inputs/config.js';
import type { InputName } from '../../src/inputs/interface.js';
import type { RunDeps } from '../../src/pipeline/run.js';
import { FakeClock } from './clock.js';
import { FakeLogger } from './logger.js';
import { decrypt as oracleDecrypt, type Mode } from './oracle.js';

export const KMS_ARN =
  'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
/** The plaintext data key the KMS mock hands out (a fresh copy each time). */
export const KEY = randomBytes(32);
export const BLOB = Buffer.from('kms-ciphertext-blob-of-the-data-key');
/** S3's answer to a request it refused, as the SDK throws it: a 403, so nothing was stored. */
export function s3Denied(): Error {
  return Object.assign(new Error('Access Denied'), {
    name: 'AccessDenied',
    $metadata: { httpStatusCode: 403 },
  });
}

/** The run's key every object and job of these runs carries. */
export const RUN_KEY = '0123456789abcdef0123456789abcdef';

const kms = new KMSClient({ region: 'us-east-1' });
const s3 = new S3Client({ region: 'us-east-1' });
const mediaconvert = new MediaConvertClient({ region: 'us-east-1' });
export const kmsMock = mockClient(kms);
export const s3Mock = mockClient(s3);
export const mcMock = mockClient(mediaconvert);

let workspace: string;
let log: FakeLogger;
let clock: FakeClock;
let handedOut: Buffer[];
let uploaded: Map<string, PutObjectCommandInput>;
let clientCalls: number;
let plaintexts: Record<string, Buffer>;
let keyErrors: Error[];

/** What each test starts from and what the mocks saw, fresh for every test. */
export interface PipelineHarness {
  readonly workspace: string;
  readonly log: FakeLogger;
  readonly clock: FakeClock;
  /** Every Plaintext buffer the KMS mock returned. */
  readonly handedOut: Buffer[];
  /** Ciphertext by object key, as PutObject received it. */
  readonly uploaded: Map<string, PutObjectCommandInput>;
  /** How often the pipeline asked for its clients. */
  readonly clientCalls: number;
  /** The workspace's files by path: media/a.mp4, media/b.mov, media/c.mxf. */
  readonly plaintexts: Record<string, Buffer>;
  /** Errors the KMS mock throws, one per GenerateDataKey call, before it hands out keys again. */
  readonly keyErrors: Error[];
}

/** Registers the hooks that set the harness up before each test and remove its workspace after. */
export function usePipelineHarness(): PipelineHarness {
  beforeEach(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), 'run-test-'));
    log = new FakeLogger();
    clock = new FakeClock();
    handedOut = [];
    keyErrors = [];
    uploaded = new Map();
    clientCalls = 0;
    kmsMock.reset();
    s3Mock.reset();
    mcMock.reset();

    kmsMock.on(GenerateDataKeyCommand).callsFake(async () => {
      const error = keyErrors.shift();
      if (error) throw error;
      const plaintext = Buffer.from(KEY);
      handedOut.push(plaintext);
      return { Plaintext: plaintext, CiphertextBlob: BLOB, KeyId: KMS_ARN };
    });
    s3Mock.on(PutObjectCommand).callsFake(async (input: PutObjectCommandInput) => {
      // Copied when sent, as the bytes of a real request are gone by the time it resolves.
      uploaded.set(input.Key ?? '', { ...input, Body: Buffer.from(input.Body as Uint8Array) });
      return { ETag: '"etag"' };
    });
    let jobs = 0;
    mcMock.on(CreateJobCommand).callsFake(async () => {
      jobs += 1;
      const id = `1700000000000-job${jobs}`;
      return {
        Job: {
          Id: id,
          Arn: `arn:aws:mediaconvert:us-east-1:123456789012:jobs/${id}`,
          Status: 'SUBMITTED',
        },
      };
    });

    plaintexts = {
      'media/a.mp4': randomBytes(3000),
      'media/b.mov': randomBytes(70_001),
      'media/c.mxf': randomBytes(16),
    };
    for (const [name, data] of Object.entries(plaintexts)) await put(name, data);
  });
  afterEach(async () => {
    await rm(workspace, { recursive: true, force: true });
  });
  return {
    get workspace() {
      return workspace;
    },
    get log() {
      return log;
    },
    get clock() {
      return clock;
    },
    get handedOut() {
      return handedOut;
    },
    get uploaded() {
      return uploaded;
    },
    get clientCalls() {
      return clientCalls;
    },
    get plaintexts() {
      return plaintexts;
    },
    get keyErrors() {
      return keyErrors;
    },
  };
}

export async function put(
  name: string,
  data: Uint8Array | string,
  root = workspace,
): Promise<void> {
  await mkdir(path.dirname(path.join(root, name)), { recursive: true });
  await writeFile(path.join(root, name), data);
}

export function config(raw: Partial<Record<InputName, string>> = {}): Config {
  return parseConfig(
    {
      files: 'media/**',
      'kms-key-arn': KMS_ARN,
      destination: 's3://media-bucket/in/',
      'role-arn': 'arn:aws:iam::123456789012:role/MediaConvertRole',
      'job-template': 'System-Ott_Hls_Ts_Avc_Aac',
      manifest: path.join(workspace, 'out/manifest.json'),
      ...raw,
    },
    { AWS_REGION: 'us-east-1' },
  );
}

export function deps(extra: Partial<RunDeps> = {}): RunDeps {
  return {
    clients: (): Clients => {
      clientCalls += 1;
      return { kms, s3, mediaconvert };
    },
    log,
    clock,
    workspace,
    tempDir: workspace,
    run: { key: RUN_KEY, attempt: 1, startedAt: 1_700_000_000_000, resuming: false },
    ...extra,
  };
}

export function decrypt(mode: Mode, ciphertext: Buffer, ivBase64: string): Buffer {
  return oracleDecrypt(mode, KEY, Buffer.from(ivBase64, 'base64'), ciphertext);
}

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
export const createJobInputs = (): CreateJobCommandInput[] =>
  mcMock.commandCalls(CreateJobCommand).map((c) => c.args[0].input);
