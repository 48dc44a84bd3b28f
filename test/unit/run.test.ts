import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateJobCommand,
  GetJobCommand,
  MediaConvertClient,
  type CreateJobCommandInput,
  type Job,
} from '@aws-sdk/client-mediaconvert';
import { PutObjectCommand, S3Client, type PutObjectCommandInput } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import type { ArtifactDownloader } from '../../src/files/artifact.js';
import type { Clients } from '../../src/aws/clients.js';
import { parseConfig, type Config } from '../../src/inputs/config.js';
import { InputError } from '../../src/shared/errors.js';
import type { InputName } from '../../src/inputs/interface.js';
import { manifestOf } from '../../src/report/report.js';
import { runPipeline as run, type RunDeps } from '../../src/pipeline/run.js';
import { FakeClock } from '../support/clock.js';
import { FakeLogger } from '../support/logger.js';
import { decrypt as oracleDecrypt, type Mode } from '../support/oracle.js';

const KMS_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
/** The plaintext data key the KMS mock hands out (a fresh copy each time). */
const KEY = randomBytes(32);
const BLOB = Buffer.from('kms-ciphertext-blob-of-the-data-key');
const RUN_KEY = '0123456789abcdef0123456789abcdef';

const kms = new KMSClient({ region: 'us-east-1' });
const s3 = new S3Client({ region: 'us-east-1' });
const mediaconvert = new MediaConvertClient({ region: 'us-east-1' });
const kmsMock = mockClient(kms);
const s3Mock = mockClient(s3);
const mcMock = mockClient(mediaconvert);

let workspace: string;
let log: FakeLogger;
let clock: FakeClock;
/** Every Plaintext buffer the KMS mock returned. */
let handedOut: Buffer[];
/** Ciphertext by object key, as PutObject received it. */
let uploaded: Map<string, PutObjectCommandInput>;
let clientCalls: number;
let plaintexts: Record<string, Buffer>;
/** Errors the KMS mock throws, one per GenerateDataKey call, before it hands out keys again. */
let keyErrors: Error[];

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

async function put(name: string, data: Uint8Array | string, root = workspace): Promise<void> {
  await mkdir(path.dirname(path.join(root, name)), { recursive: true });
  await writeFile(path.join(root, name), data);
}

function config(raw: Partial<Record<InputName, string>> = {}): Config {
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

function deps(extra: Partial<RunDeps> = {}): RunDeps {
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

function decrypt(mode: Mode, ciphertext: Buffer, ivBase64: string): Buffer {
  return oracleDecrypt(mode, KEY, Buffer.from(ivBase64, 'base64'), ciphertext);
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
const createJobInputs = (): CreateJobCommandInput[] =>
  mcMock.commandCalls(CreateJobCommand).map((c) => c.args[0].input);

describe('a clean run', () => {
  test('encrypts and uploads every file, creates a job per file and writes the manifest', async () => {
    const cfg = config();
    const outcome = await run(cfg, deps());
    expect(outcome.failure).toBeUndefined();

    const { report } = outcome;
    expect(report.files.map((f) => f.relativePath)).toEqual([
      'media/a.mp4',
      'media/b.mov',
      'media/c.mxf',
    ]);
    for (const file of report.files) {
      const plaintext = plaintexts[file.relativePath] ?? Buffer.alloc(0);
      const key = `in/${file.relativePath}`;
      expect(file.s3Uri).toBe(`s3://media-bucket/${key}`);
      expect(file.bytes).toBe(plaintext.length);
      expect(file.plaintextSha256).toBe(sha256(plaintext));
      expect(file.decryption).toEqual({
        DecryptionMode: 'AES_CTR',
        EncryptedDecryptionKey: BLOB.toString('base64'),
        InitializationVector: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
      });
      const put = uploaded.get(key);
      expect(put?.Bucket).toBe('media-bucket');
      const ciphertext = Buffer.from(put?.Body as Uint8Array);
      expect(ciphertext.equals(plaintext)).toBe(false);
      expect(decrypt('AES_CTR', ciphertext, file.decryption.InitializationVector ?? '')).toEqual(
        plaintext,
      );
      expect(put?.Metadata).toEqual({
        'mediaconvert-decryption-mode': 'AES_CTR',
        'mediaconvert-initialization-vector': file.decryption.InitializationVector,
        'mediaconvert-encrypted-decryption-key': BLOB.toString('base64'),
        'mediaconvert-kms-key-region': 'us-east-1',
        'mediaconvert-plaintext-bytes': String(plaintext.length),
        'mediaconvert-plaintext-sha256': sha256(plaintext),
        'mediaconvert-encrypt-run': RUN_KEY,
      });
    }
    expect(uploaded.get('in/media/a.mp4')?.ContentType).toBe('video/mp4');
    expect(uploaded.get('in/media/b.mov')?.ContentType).toBe('video/quicktime');

    const ivs = new Set(report.files.map((f) => f.decryption.InitializationVector));
    expect(ivs.size).toBe(3);
    expect(kmsMock).toHaveReceivedCommandTimes(GenerateDataKeyCommand, 3);

    const requests = createJobInputs();
    expect(requests.map((r) => r.Settings?.Inputs?.[0]?.FileInput).sort()).toEqual(
      report.files.map((f) => f.s3Uri),
    );
    for (const request of requests) {
      const file = report.files.find((f) => f.s3Uri === request.Settings?.Inputs?.[0]?.FileInput);
      expect(request.Settings?.Inputs?.[0]?.DecryptionSettings).toEqual(file?.decryption);
      expect(request.Role).toBe('arn:aws:iam::123456789012:role/MediaConvertRole');
      expect(request.JobTemplate).toBe('System-Ott_Hls_Ts_Avc_Aac');
      expect(request.ClientRequestToken).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(report.jobs).toHaveLength(3);

    const manifest: unknown = JSON.parse(await readFile(cfg.manifestPath, 'utf8'));
    expect(manifest).toEqual(JSON.parse(JSON.stringify(manifestOf(report))));
    expect(clientCalls).toBe(1);
  });

  test('every plaintext key handed out by KMS is zeroed once the run ends', async () => {
    await run(config(), deps());
    expect(handedOut).toHaveLength(3);
    for (const key of handedOut) expect(key.every((b) => b === 0)).toBe(true);
  });

  test.each([
    ['AES_GCM', 12],
    ['AES_CBC', 16],
  ] as const)('%s ciphertext decrypts with @noble/ciphers', async (mode, ivBytes) => {
    const { report, failure } = await run(config({ mode, 'create-job': 'false' }), deps());
    expect(failure).toBeUndefined();
    for (const file of report.files) {
      const iv = Buffer.from(file.decryption.InitializationVector ?? '', 'base64');
      expect(iv).toHaveLength(ivBytes);
      const ciphertext = Buffer.from(uploaded.get(`in/${file.relativePath}`)?.Body as Uint8Array);
      expect(decrypt(mode, ciphertext, file.decryption.InitializationVector ?? '')).toEqual(
        plaintexts[file.relativePath],
      );
    }
  });

  test('KmsKeyRegion is sent when the KMS key lives in another region', async () => {
    const { report } = await run(
      config({
        'kms-key-arn': 'arn:aws:kms:eu-west-1:123456789012:alias/media',
        'create-job': 'false',
      }),
      deps(),
    );
    for (const file of report.files) expect(file.decryption.KmsKeyRegion).toBe('eu-west-1');
  });

  test('create-job false makes no MediaConvert call', async () => {
    const { report, failure } = await run(config({ 'create-job': 'false' }), deps());
    expect(failure).toBeUndefined();
    expect(report.files).toHaveLength(3);
    expect(report.jobs).toEqual([]);
    expect(mcMock.calls()).toHaveLength(0);
  });

  test('job-layout single makes one job with every file as an input, in order', async () => {
    const { report } = await run(config({ 'job-layout': 'single' }), deps());
    const requests = createJobInputs();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.Settings?.Inputs?.map((i) => i.FileInput)).toEqual(
      report.files.map((f) => f.s3Uri),
    );
  });

  test('wait polls with the injected clock and reports the outcomes', async () => {
    mcMock
      .on(GetJobCommand)
      .resolvesOnce({ Job: { Status: 'PROGRESSING', JobPercentComplete: 50 } as Job })
      .resolves({ Job: { Status: 'COMPLETE' } as Job });
    const { report, failure } = await run(config({ wait: 'true', files: 'media/a.mp4' }), deps());
    expect(failure).toBeUndefined();
    expect(report.outcomes).toEqual([{ id: '1700000000000-job1', status: 'COMPLETE' }]);
    expect(clock.sleeps).toEqual([1000]);
  });

  test('a job that ends in ERROR fails the run with its message', async () => {
    mcMock.on(GetJobCommand).resolves({
      Job: { Status: 'ERROR', ErrorCode: 1010, ErrorMessage: 'cannot decrypt input' } as Job,
    });
    const { failure } = await run(config({ wait: 'true', files: 'media/a.mp4' }), deps());
    expect(failure).toContain('the run did not complete');
    expect(failure).toContain(
      'job 1700000000000-job1 ended ERROR (error 1010): cannot decrypt input',
    );
  });
});

describe('log groups', () => {
  test('each file gets one group of its own, with no other group inside it', async () => {
    await run(config({ concurrency: '3', 'create-job': 'false' }), deps());
    const groups = log.groups();
    expect(groups.map((g) => g.name).sort()).toEqual(Object.keys(plaintexts).sort());
    for (const group of groups) {
      expect(group.lines.some((l) => l.level === 'group' || l.level === 'endgroup')).toBe(false);
      expect(group.lines.length).toBeGreaterThan(0);
      const others = Object.keys(plaintexts).filter((name) => name !== group.name);
      for (const line of group.lines) {
        for (const other of others) expect(line.message).not.toContain(other);
      }
      expect(group.lines[0]?.message).toMatch(
        new RegExp(`^${group.name}: .* encrypted to s3://media-bucket/in/${group.name} `),
      );
    }
  });

  test('a failed file’s warning is inside its own group', async () => {
    s3Mock
      .on(PutObjectCommand, { Key: 'in/media/b.mov' })
      .rejects(Object.assign(new Error('Access Denied'), { $metadata: { httpStatusCode: 403 } }));
    await run(config({ 'create-job': 'false' }), deps());
    const group = log.groups().find((g) => g.name === 'media/b.mov');
    expect(group?.lines).toEqual([
      {
        level: 'warning',
        message: expect.stringMatching(/^media\/b\.mov: .*upload failed: .*Access Denied$/),
      },
    ]);
  });
});

describe('failures', () => {
  // As the SDK throws it: S3 answered 403, so it stored nothing.
  const denied = (): Error =>
    Object.assign(new Error('Access Denied'), {
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });

  test('one file failing to upload does not stop the others, and failure names it', async () => {
    s3Mock.on(PutObjectCommand, { Key: 'in/media/b.mov' }).rejects(denied());
    const cfg = config();
    const { report, failure } = await run(cfg, deps());
    expect(report.files.map((f) => f.relativePath)).toEqual(['media/a.mp4', 'media/c.mxf']);
    expect(report.failures).toEqual([
      {
        relativePath: 'media/b.mov',
        message: expect.stringContaining('upload failed: AccessDenied: Access Denied'),
      },
    ]);
    expect(failure).toMatch(
      /^1 file\(s\) failed:\n- media\/b\.mov: .*upload failed: AccessDenied: Access Denied$/,
    );
    expect(report.jobs).toHaveLength(2);
    expect(log.messages('warning')).toEqual([
      expect.stringMatching(/^media\/b\.mov: .*upload failed: AccessDenied: Access Denied$/),
    ]);
    const manifest = JSON.parse(await readFile(cfg.manifestPath, 'utf8')) as {
      failures: unknown[];
    };
    expect(manifest.failures).toEqual(report.failures);
  });

  test('failure messages carry no internal error class names', async () => {
    s3Mock.on(PutObjectCommand, { Key: 'in/media/b.mov' }).rejects(denied());
    const { report, failure } = await run(config(), deps());
    expect(report.failures[0]?.message).toBe('upload failed: AccessDenied: Access Denied');
    expect(failure).not.toMatch(/FileError|JobError/);
  });

  test('a data key failure is reported for that file', async () => {
    keyErrors.push(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
    const { report, failure } = await run(
      config({ concurrency: '1', 'create-job': 'false' }),
      deps(),
    );
    expect(report.failures).toEqual([
      {
        relativePath: 'media/a.mp4',
        message: expect.stringContaining('data key failed: ThrottlingException: throttled'),
      },
    ]);
    expect(report.files).toHaveLength(2);
    expect(failure).toContain('media/a.mp4');
  });

  test('fail-fast starts no new file after the first failure', async () => {
    s3Mock.on(PutObjectCommand, { Key: 'in/media/a.mp4' }).rejects(denied());
    const { report, failure } = await run(
      config({ 'fail-fast': 'true', concurrency: '1' }),
      deps(),
    );
    expect(report.files).toEqual([]);
    expect(report.failures).toEqual([
      {
        relativePath: 'media/a.mp4',
        message: expect.stringContaining('upload failed: AccessDenied: Access Denied'),
      },
      { relativePath: 'media/b.mov', message: 'not started: fail-fast stopped the batch' },
      { relativePath: 'media/c.mxf', message: 'not started: fail-fast stopped the batch' },
    ]);
    expect(failure).toContain('3 file(s) failed');
    expect(kmsMock).toHaveReceivedCommandTimes(GenerateDataKeyCommand, 1);
    expect(mcMock).not.toHaveReceivedCommand(CreateJobCommand);
  });

  test('job-layout single creates no job when a file failed', async () => {
    s3Mock.on(PutObjectCommand, { Key: 'in/media/c.mxf' }).rejects(denied());
    const { report, failure } = await run(config({ 'job-layout': 'single' }), deps());
    expect(report.jobs).toEqual([]);
    expect(mcMock).not.toHaveReceivedCommand(CreateJobCommand);
    expect(failure).toContain('no job was created: job-layout single needs every file');
  });

  test('a CreateJob failure for one file leaves the other jobs and names the input', async () => {
    mcMock.on(CreateJobCommand).callsFake(async (input: CreateJobCommandInput) => {
      const uri = input.Settings?.Inputs?.[0]?.FileInput ?? '';
      if (uri.endsWith('b.mov'))
        throw Object.assign(new Error('Role is not valid'), { name: 'BadRequestException' });
      return { Job: { Id: `job-${path.basename(uri)}`, Status: 'SUBMITTED' } };
    });
    const { report, failure } = await run(config(), deps());
    expect(report.jobs.map((j) => j.id).sort()).toEqual(['job-a.mp4', 'job-c.mxf']);
    expect(failure).toMatch(
      /\n- s3:\/\/media-bucket\/in\/media\/b\.mov: .*CreateJob failed: BadRequestException: Role is not valid$/,
    );
  });

  test('an aborted signal before the start fails every file without uploading', async () => {
    const controller = new AbortController();
    controller.abort(new Error('SIGTERM'));
    const { report } = await run(config(), deps({ signal: controller.signal }));
    expect(report.failures.map((f) => f.message)).toEqual(
      Array(3).fill('canceled before it started'),
    );
    expect(s3Mock.calls()).toHaveLength(0);
  });

  test('a GetJob error while waiting still returns the report and writes the manifest', async () => {
    mcMock
      .on(GetJobCommand)
      .rejects(Object.assign(new Error('Too Many Requests'), { name: 'TooManyRequestsException' }));
    const cfg = config({ wait: 'true', files: 'media/a.mp4' });
    const outcome = await run(cfg, deps());
    expect(outcome.report.jobs).toHaveLength(1);
    expect(outcome.failure).toContain('Too Many Requests');
    await expect(access(cfg.manifestPath)).resolves.toBeUndefined();
  });
});

describe('bad input makes no AWS request', () => {
  async function expectInputError(promise: Promise<unknown>, input: string): Promise<void> {
    const error: unknown = await promise.then(
      () => new Error('expected a rejection'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
    expect(clientCalls).toBe(0);
    expect(kmsMock.calls()).toHaveLength(0);
    expect(s3Mock.calls()).toHaveLength(0);
    expect(mcMock.calls()).toHaveLength(0);
  }

  test('a pattern matching nothing', async () => {
    await expectInputError(run(config({ files: 'media/*.mkv' }), deps()), 'files');
  });

  test('an empty file among good ones', async () => {
    await put('media/empty.mp4', '');
    await expectInputError(run(config(), deps()), 'files');
  });

  test('a job-settings file that is not JSON', async () => {
    await put('job.json', '{ nope');
    await expectInputError(
      run(config({ 'job-template': '', 'job-settings': path.join(workspace, 'job.json') }), deps()),
      'job-settings',
    );
  });

  test('job-layout single over the inputs-per-job quota', async () => {
    for (let i = 0; i < 148; i++) await put(`media/many/${String(i).padStart(3, '0')}.mp4`, 'x');
    await expectInputError(run(config({ 'job-layout': 'single' }), deps()), 'job-layout');
  });
});

describe('the plaintext key is never written or logged', () => {
  const forms = (key: Buffer): string[] => [
    key.toString('hex'),
    key.toString('hex').toUpperCase(),
    key.toString('base64'),
    key.toString('base64url'),
  ];

  test.each([
    ['a clean run', false],
    ['a run with a failed upload', true],
  ])('%s', async (_name, failOne) => {
    if (failOne)
      s3Mock.on(PutObjectCommand, { Key: 'in/media/b.mov' }).rejects(new Error('Access Denied'));
    const cfg = config({ wait: 'true' });
    mcMock.on(GetJobCommand).resolves({ Job: { Status: 'COMPLETE' } as Job });
    const outcome = await run(cfg, deps());
    const places = {
      manifest: await readFile(cfg.manifestPath, 'utf8'),
      report: JSON.stringify(outcome),
      log: log.text(),
      requests: JSON.stringify(createJobInputs()),
      metadata: JSON.stringify([...uploaded.values()].map((u) => u.Metadata)),
    };
    for (const [where, text] of Object.entries(places)) {
      for (const form of forms(KEY)) {
        expect({ where, leaked: text.includes(form) }).toEqual({ where, leaked: false });
      }
    }
    expect(places.manifest).toContain(BLOB.toString('base64'));
  });
});

describe('artifact', () => {
  function downloader(
    files: Record<string, string>,
    result: { digestMismatch?: boolean } = {},
  ): ArtifactDownloader {
    return {
      getArtifact: async (name) => ({ artifact: { id: 7, name } }),
      downloadArtifact: async (_id, options) => {
        for (const [name, data] of Object.entries(files)) await put(name, data, options.path);
        return { downloadPath: options.path, ...result };
      },
    };
  }

  test('files are taken from the downloaded artifact, keyed relative to its root', async () => {
    const { report } = await run(
      config({ files: '', artifact: 'encoded', 'create-job': 'false' }),
      deps({ artifacts: () => downloader({ 'x/one.mp4': 'one', 'two.mov': 'two' }) }),
    );
    expect(report.files.map((f) => f.s3Uri)).toEqual([
      's3://media-bucket/in/two.mov',
      's3://media-bucket/in/x/one.mp4',
    ]);
    expect(log.messages('info')[0]).toMatch(/^artifact 'encoded' downloaded to /);
  });

  test('a digest mismatch stops the run before any AWS request', async () => {
    await expect(
      run(
        config({ files: '', artifact: 'encoded' }),
        deps({ artifacts: () => downloader({ 'a.mp4': 'a' }, { digestMismatch: true }) }),
      ),
    ).rejects.toThrow("artifact 'encoded' failed its digest check");
    expect(clientCalls).toBe(0);
  });

  test('an unknown artifact names it', async () => {
    const missing: ArtifactDownloader = {
      getArtifact: async () => {
        throw new Error('Artifact not found');
      },
      downloadArtifact: async () => ({}),
    };
    await expect(
      run(config({ files: '', artifact: 'nope' }), deps({ artifacts: () => missing })),
    ).rejects.toThrow("artifact 'nope' was not found in this workflow run");
  });

  /** A downloader that remembers the folders it was given. */
  function recording(
    files: Record<string, string>,
    result: { digestMismatch?: boolean } = {},
  ): ArtifactDownloader & { folders: string[]; finds: unknown[] } {
    const folders: string[] = [];
    const finds: unknown[] = [];
    return {
      folders,
      finds,
      getArtifact: async (name, options) => {
        finds.push(options?.findBy);
        return { artifact: { id: 7, name } };
      },
      downloadArtifact: async (_id, options) => {
        folders.push(options.path);
        finds.push(options.findBy);
        for (const [name, data] of Object.entries(files)) await put(name, data, options.path);
        return { downloadPath: options.path, ...result };
      },
    };
  }
  const gone = (folder: string): Promise<boolean> =>
    access(folder).then(
      () => false,
      () => true,
    );

  test('the downloaded artifact is removed after a successful run', async () => {
    const client = recording({ 'a.mp4': 'a' });
    await run(
      config({ files: '', artifact: 'encoded', 'create-job': 'false' }),
      deps({ artifacts: () => client }),
    );
    expect(client.folders).toHaveLength(1);
    expect(await gone(client.folders[0]!)).toBe(true);
    expect(log.messages('info')).toContain(
      `removed the downloaded artifact from ${client.folders[0]}`,
    );
  });

  test('the downloaded artifact is removed when an upload fails', async () => {
    s3Mock.on(PutObjectCommand).rejects(new Error('AccessDenied'));
    const client = recording({ 'a.mp4': 'a' });
    const outcome = await run(
      config({ files: '', artifact: 'encoded', 'create-job': 'false' }),
      deps({ artifacts: () => client }),
    );
    expect(outcome.failure).toMatch(/AccessDenied/);
    expect(await gone(client.folders[0]!)).toBe(true);
  });

  test('the downloaded artifact is removed when the run throws (digest mismatch)', async () => {
    const client = recording({ 'a.mp4': 'a' }, { digestMismatch: true });
    await expect(
      run(config({ files: '', artifact: 'encoded' }), deps({ artifacts: () => client })),
    ).rejects.toThrow('digest check');
    expect(await gone(client.folders[0]!)).toBe(true);
  });

  test('artifact-run-id and github-token look in that run of this repository', async () => {
    const client = recording({ 'a.mp4': 'a' });
    const other = parseConfig(
      {
        artifact: 'encoded',
        'artifact-run-id': '123456',
        'github-token': 'ghs_token',
        'kms-key-arn': KMS_ARN,
        destination: 's3://media-bucket/in/',
        'create-job': 'false',
        manifest: path.join(workspace, 'out/manifest.json'),
      },
      { AWS_REGION: 'us-east-1', GITHUB_REPOSITORY: 'octo/media' },
    );
    const { report } = await run(other, deps({ artifacts: () => client }));
    const findBy = {
      token: 'ghs_token',
      workflowRunId: 123456,
      repositoryOwner: 'octo',
      repositoryName: 'media',
    };
    expect(client.finds).toEqual([findBy, findBy]);
    expect(report.files.map((f) => f.s3Uri)).toEqual(['s3://media-bucket/in/a.mp4']);
  });

  test('an artifact missing from another run names that run, not the token', async () => {
    const missing: ArtifactDownloader = {
      getArtifact: async () => {
        throw new Error('Artifact not found');
      },
      downloadArtifact: async () => ({}),
    };
    const other = parseConfig(
      {
        artifact: 'nope',
        'artifact-run-id': '99',
        'github-token': 'ghs_secret',
        'kms-key-arn': KMS_ARN,
        destination: 's3://media-bucket/in/',
        'create-job': 'false',
        manifest: path.join(workspace, 'out/manifest.json'),
      },
      { AWS_REGION: 'us-east-1', GITHUB_REPOSITORY: 'octo/media' },
    );
    const error = (await run(other, deps({ artifacts: () => missing })).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toBe(
      "artifact 'nope' was not found in workflow run 99 of octo/media: Artifact not found",
    );
    expect(error.message).not.toContain('ghs_secret');
  });
});

describe('memory budget', () => {
  test('a part size that does not fit twice in max-memory-mib is reduced, with a warning that says so', async () => {
    await run(
      config({ 'create-job': 'false', 'part-size-mib': '64', 'max-memory-mib': '32' }),
      deps(),
    );
    expect(log.messages('warning')).toContain(
      'part-size-mib 64 does not fit twice in max-memory-mib 32: parts of 15 MiB are used instead (raise max-memory-mib to 129 to keep the part size)',
    );
  });

  test('concurrency auto runs small files many at once, inside the budget', async () => {
    await run(config({ 'create-job': 'false' }), deps());
    expect(log.messages('info')).toContain(
      '64 file(s) at once (auto), buffers within 64 MiB (max-memory-mib), 5 MiB parts',
    );
    expect(log.messages('warning')).toEqual([]);
  });

  test('a set concurrency is used as given', async () => {
    await run(config({ 'create-job': 'false', concurrency: '3' }), deps());
    expect(log.messages('info')).toContain(
      '3 file(s) at once, buffers within 64 MiB (max-memory-mib), 5 MiB parts',
    );
  });
});
