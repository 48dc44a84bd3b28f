/**
 * The pipeline as a whole, its AWS clients mocked: a clean run, its log groups, failures, bad
 * inputs that make no request, and the plaintext key kept out of every output.
 */
import { describe, expect, test } from '@jest/globals';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import {
  CreateJobCommand,
  GetJobCommand,
  type CreateJobCommandInput,
  type Job,
} from '@aws-sdk/client-mediaconvert';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import 'aws-sdk-client-mock-jest';
import { InputError } from '../../src/shared/errors.js';
import { manifestOf } from '../../src/report/manifest.js';
import { runPipeline as run } from '../../src/pipeline/run.js';
import {
  BLOB,
  config,
  createJobInputs,
  decrypt,
  deps,
  KEY,
  kmsMock,
  mcMock,
  put,
  RUN_KEY,
  s3Denied,
  s3Mock,
  sha256,
  usePipelineHarness,
} from '../support/pipeline-harness.js';

const harness = usePipelineHarness();

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
      const plaintext = harness.plaintexts[file.relativePath] ?? Buffer.alloc(0);
      const key = `in/${file.relativePath}`;
      expect(file.s3Uri).toBe(`s3://media-bucket/${key}`);
      expect(file.bytes).toBe(plaintext.length);
      expect(file.plaintextSha256).toBe(sha256(plaintext));
      expect(file.decryption).toEqual({
        DecryptionMode: 'AES_CTR',
        EncryptedDecryptionKey: BLOB.toString('base64'),
        InitializationVector: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
      });
      const put = harness.uploaded.get(key);
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
    expect(harness.uploaded.get('in/media/a.mp4')?.ContentType).toBe('video/mp4');
    expect(harness.uploaded.get('in/media/b.mov')?.ContentType).toBe('video/quicktime');

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
    expect(harness.clientCalls).toBe(1);
  });

  test('every plaintext key handed out by KMS is zeroed once the run ends', async () => {
    await run(config(), deps());
    expect(harness.handedOut).toHaveLength(3);
    for (const key of harness.handedOut) expect(key.every((b) => b === 0)).toBe(true);
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
      const ciphertext = Buffer.from(
        harness.uploaded.get(`in/${file.relativePath}`)?.Body as Uint8Array,
      );
      expect(decrypt(mode, ciphertext, file.decryption.InitializationVector ?? '')).toEqual(
        harness.plaintexts[file.relativePath],
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
    expect(harness.clock.sleeps).toEqual([1000]);
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
    const groups = harness.log.groups();
    expect(groups.map((g) => g.name).sort()).toEqual(Object.keys(harness.plaintexts).sort());
    for (const group of groups) {
      expect(group.lines.some((l) => l.level === 'group' || l.level === 'endgroup')).toBe(false);
      expect(group.lines.length).toBeGreaterThan(0);
      const others = Object.keys(harness.plaintexts).filter((name) => name !== group.name);
      for (const line of group.lines) {
        for (const other of others) expect(line.message).not.toContain(other);
      }
      expect(group.lines[0]?.message).toMatch(
        new RegExp(`^${group.name}: .* encrypted to s3://media-bucket/in/${group.name} `),
      );
    }
  });

  test('a failed file’s warning is inside its own group', async () => {
    s3Mock.on(PutObjectCommand, { Key: 'in/media/b.mov' }).rejects(s3Denied());
    await run(config({ 'create-job': 'false' }), deps());
    const group = harness.log.groups().find((g) => g.name === 'media/b.mov');
    expect(group?.lines).toEqual([
      {
        level: 'warning',
        message: expect.stringMatching(/^media\/b\.mov: .*upload failed: .*Access Denied$/),
      },
    ]);
  });
});

describe('failures', () => {
  const denied = (): Error => s3Denied();

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
    expect(harness.log.messages('warning')).toEqual([
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
    harness.keyErrors.push(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
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
    expect(harness.clientCalls).toBe(0);
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
      run(
        config({ 'job-template': '', 'job-settings': path.join(harness.workspace, 'job.json') }),
        deps(),
      ),
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
      log: harness.log.text(),
      requests: JSON.stringify(createJobInputs()),
      metadata: JSON.stringify([...harness.uploaded.values()].map((u) => u.Metadata)),
    };
    for (const [where, text] of Object.entries(places)) {
      for (const form of forms(KEY)) {
        expect({ where, leaked: text.includes(form) }).toEqual({ where, leaked: false });
      }
    }
    expect(places.manifest).toContain(BLOB.toString('base64'));
  });
});
