/**
 * CreateJob requests from the inputs and the job-settings file: what the file may hold, the
 * job layouts and the request token that makes a repeated CreateJob harmless.
 */
import { describe, expect, test } from '@jest/globals';
import type { CreateJobCommandInput } from '@aws-sdk/client-mediaconvert';
import type { JobConfig } from '../../src/inputs/config.js';
import {
  buildRequests,
  loadJobPlan,
  requestToken,
  type JobInputFile,
} from '../../src/job/request.js';
import { MAX_INPUTS_PER_JOB } from '../../src/mediaconvert/limits.js';
import {
  inputError,
  inputFile,
  INPUT_TEMPLATE,
  job,
  OUTPUT_GROUPS,
  ROLE,
  useSettingsFiles,
} from '../support/job-fixtures.js';

const settingsFile = useSettingsFiles();

describe('the settings file', () => {
  test('a Settings object becomes the request Settings, with the input role', async () => {
    const settingsPath = await settingsFile({
      OutputGroups: OUTPUT_GROUPS,
      TimecodeConfig: { Source: 'ZEROBASED' },
    });
    const plan = await loadJobPlan(job({ settingsPath }), 1);
    expect(plan.base.Role).toBe(ROLE);
    expect(plan.base.Settings?.OutputGroups).toEqual(OUTPUT_GROUPS);
    expect(plan.base.Settings?.TimecodeConfig).toEqual({ Source: 'ZEROBASED' });
    expect(plan.base).not.toHaveProperty('JobTemplate');
    expect(plan.inputTemplate).toEqual({});
  });

  test('a whole request keeps its members; role-arn replaces its Role; its token is dropped', async () => {
    const settingsPath = await settingsFile({
      Role: 'arn:aws:iam::123456789012:role/FromFile',
      Priority: 10,
      StatusUpdateInterval: 'SECONDS_10',
      AccelerationSettings: { Mode: 'PREFERRED' },
      ClientRequestToken: 'fixed-token',
      Settings: { OutputGroups: OUTPUT_GROUPS },
    });
    const plan = await loadJobPlan(job({ settingsPath }), 1);
    expect(plan.base).toEqual({
      Role: ROLE,
      Priority: 10,
      StatusUpdateInterval: 'SECONDS_10',
      AccelerationSettings: { Mode: 'PREFERRED' },
      Settings: { OutputGroups: OUTPUT_GROUPS },
    });
    const [request] = buildRequests(plan, [inputFile('a.mp4')], 'seed');
    expect(request?.ClientRequestToken).not.toBe('fixed-token');
  });

  test('the first Inputs entry, without FileInput and DecryptionSettings, is the input template', async () => {
    const settingsPath = await settingsFile({
      OutputGroups: OUTPUT_GROUPS,
      Inputs: [
        {
          ...INPUT_TEMPLATE,
          FileInput: 's3://somewhere/else.mp4',
          DecryptionSettings: { DecryptionMode: 'AES_GCM', InitializationVector: 'AAAA' },
        },
        { FileInput: 's3://ignored/second.mp4' },
      ],
    });
    const plan = await loadJobPlan(job({ settingsPath }), 2);
    expect(plan.inputTemplate).toEqual(INPUT_TEMPLATE);
  });

  test('a whole request with only JobTemplate needs no OutputGroups', async () => {
    const settingsPath = await settingsFile({ JobTemplate: 'FromFile', Queue: 'FileQueue' });
    const plan = await loadJobPlan(job({ settingsPath }), 1);
    expect(plan.base.JobTemplate).toBe('FromFile');
    expect(plan.base.Queue).toBe('FileQueue');
  });

  test('job-template and queue inputs replace the file’s', async () => {
    const settingsPath = await settingsFile({ JobTemplate: 'FromFile', Queue: 'FileQueue' });
    const plan = await loadJobPlan(
      job({ settingsPath, template: 'FromInput', queue: 'InputQueue' }),
      1,
    );
    expect(plan.base.JobTemplate).toBe('FromInput');
    expect(plan.base.Queue).toBe('InputQueue');
  });

  test('with only job-template, the request is JobTemplate plus the inputs built here', async () => {
    const plan = await loadJobPlan(job({ template: 'System-Ott_Hls_Ts_Avc_Aac' }), 1);
    const [request] = buildRequests(plan, [inputFile('a.mp4')], 'seed');
    expect(request).toEqual({
      Role: ROLE,
      JobTemplate: 'System-Ott_Hls_Ts_Avc_Aac',
      Settings: {
        Inputs: [
          {
            FileInput: 's3://bucket/in/media/a.mp4',
            DecryptionSettings: inputFile('a.mp4').decryption,
          },
        ],
      },
      // The run's key, by which a later attempt of the run finds the job.
      UserMetadata: { 'mediaconvert-encrypt-run': 'seed' },
      ClientRequestToken: expect.any(String),
    });
  });

  test('user metadata and tags from the file are merged with the inputs, inputs winning', async () => {
    const settingsPath = await settingsFile({
      Settings: { OutputGroups: OUTPUT_GROUPS },
      UserMetadata: { team: 'file', project: 'p1' },
      Tags: { env: 'file', owner: 'o' },
    });
    const plan = await loadJobPlan(
      job({ settingsPath, userMetadata: { team: 'input', run: '7' }, tags: { env: 'prod' } }),
      1,
    );
    expect(plan.base.UserMetadata).toEqual({ team: 'input', project: 'p1', run: '7' });
    expect(plan.base.Tags).toEqual({ env: 'prod', owner: 'o' });
  });

  test('no UserMetadata or Tags member is sent when both are empty', async () => {
    const plan = await loadJobPlan(job({ template: 't' }), 1);
    expect(plan.base).not.toHaveProperty('UserMetadata');
    expect(plan.base).not.toHaveProperty('Tags');
  });

  test('more than 9 user metadata entries once merged is refused as user-metadata', async () => {
    const settingsPath = await settingsFile({
      Settings: { OutputGroups: OUTPUT_GROUPS },
      UserMetadata: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}`, 'v'])),
    });
    const userMetadata = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`i${i}`, 'v']));
    const error = await inputError(loadJobPlan(job({ settingsPath, userMetadata }), 1));
    expect(error.input).toBe('user-metadata');
  });
});

describe('layouts', () => {
  const files = ['a.mp4', 'b.mov', 'c.mxf'].map((n) => inputFile(n));

  async function planWithTemplate(
    layout: JobConfig['layout'],
  ): Promise<Awaited<ReturnType<typeof loadJobPlan>>> {
    const settingsPath = await settingsFile({
      OutputGroups: OUTPUT_GROUPS,
      Inputs: [INPUT_TEMPLATE],
    });
    return loadJobPlan(job({ settingsPath, layout }), files.length);
  }

  test('per-file makes one request per file, each input a copy of the template', async () => {
    const requests = buildRequests(await planWithTemplate('per-file'), files, 'seed');
    expect(requests).toHaveLength(3);
    requests.forEach((request, i) => {
      expect(request.Role).toBe(ROLE);
      expect(request.Settings?.OutputGroups).toEqual(OUTPUT_GROUPS);
      expect(request.Settings?.Inputs).toEqual([
        { ...INPUT_TEMPLATE, FileInput: files[i]?.s3Uri, DecryptionSettings: files[i]?.decryption },
      ]);
    });
  });

  test('single makes one request whose inputs follow file order', async () => {
    const requests = buildRequests(await planWithTemplate('single'), files, 'seed');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.Settings?.Inputs?.map((i) => i.FileInput)).toEqual(
      files.map((f) => f.s3Uri),
    );
    expect(requests[0]?.Settings?.Inputs?.map((i) => i.DecryptionSettings)).toEqual(
      files.map((f) => f.decryption),
    );
  });

  test('inputs do not share objects: changing one leaves the others and the template alone', async () => {
    const plan = await planWithTemplate('single');
    const [request] = buildRequests(plan, files, 'seed');
    const inputs = request?.Settings?.Inputs ?? [];
    const selector = inputs[0]?.AudioSelectors?.['Audio Selector 1'];
    if (selector) selector.DefaultSelection = 'NOT_DEFAULT';
    expect(inputs[1]?.AudioSelectors?.['Audio Selector 1']?.DefaultSelection).toBe('DEFAULT');
    expect(plan.inputTemplate.AudioSelectors?.['Audio Selector 1']?.DefaultSelection).toBe(
      'DEFAULT',
    );
    const decryption = inputs[0]?.DecryptionSettings;
    if (decryption) decryption.InitializationVector = 'changed';
    expect(files[0]?.decryption.InitializationVector).not.toBe('changed');
  });

  test(`single refuses more than ${MAX_INPUTS_PER_JOB} files, naming job-layout`, async () => {
    const error = await inputError(
      loadJobPlan(job({ template: 't', layout: 'single' }), MAX_INPUTS_PER_JOB + 1),
    );
    expect(error.input).toBe('job-layout');
    expect(error.message).toContain(`${MAX_INPUTS_PER_JOB} inputs per job`);
    expect(error.message).toContain('use per-file or a shard');
  });

  test(`single takes exactly ${MAX_INPUTS_PER_JOB} files; per-file takes any number`, async () => {
    await expect(
      loadJobPlan(job({ template: 't', layout: 'single' }), MAX_INPUTS_PER_JOB),
    ).resolves.toBeDefined();
    await expect(loadJobPlan(job({ template: 't' }), 1000)).resolves.toBeDefined();
  });
});

describe('ClientRequestToken', () => {
  const a = inputFile('a.mp4', '1'.repeat(64));
  const b = inputFile('b.mp4', '2'.repeat(64));
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  async function tokensOf(
    files: JobInputFile[],
    seed = 'run/1',
    layout: JobConfig['layout'] = 'per-file',
  ): Promise<string[]> {
    const plan = await loadJobPlan(job({ template: 't', layout }), files.length);
    return buildRequests(plan, files, seed).map((r) => r.ClientRequestToken!);
  }

  test('is shaped like a UUID', async () => {
    expect(await tokensOf([a])).toEqual([expect.stringMatching(UUID)]);
  });

  test('is the same for the same seed and request (a retried request makes one job)', async () => {
    expect(await tokensOf([a, b], 'run/1', 'single')).toEqual(
      await tokensOf([a, b], 'run/1', 'single'),
    );
  });

  test('differs for another seed (a re-run of the workflow)', async () => {
    expect(await tokensOf([a], 'run/1')).not.toEqual(await tokensOf([a], 'run/2'));
  });

  test('differs when the file content hash differs', async () => {
    expect(await tokensOf([a])).not.toEqual(
      await tokensOf([{ ...a, plaintextSha256: '3'.repeat(64) }]),
    );
  });

  test('differs between the files of one run (per-file jobs are distinct)', async () => {
    expect(new Set(await tokensOf([a, b])).size).toBe(2);
  });

  test('differs when only the encrypted data key differs (the same step run again)', async () => {
    const rekeyed: JobInputFile = {
      ...a,
      decryption: { ...a.decryption, EncryptedDecryptionKey: 'b3RoZXIga2V5' },
    };
    expect(await tokensOf([a])).not.toEqual(await tokensOf([rekeyed]));
  });

  test('differs when only the IV differs', async () => {
    const other: JobInputFile = {
      ...a,
      decryption: { ...a.decryption, InitializationVector: 'AAAAAAAAAAAAAAAAAAAAAA==' },
    };
    expect(await tokensOf([a])).not.toEqual(await tokensOf([other]));
  });

  test('differs when a shared setting differs', async () => {
    const plan = await loadJobPlan(job({ template: 't' }), 1);
    const [first] = buildRequests(plan, [a], 'run/1');
    const [other] = buildRequests({ ...plan, base: { ...plan.base, Priority: 5 } }, [a], 'run/1');
    expect(first!.ClientRequestToken).not.toBe(other!.ClientRequestToken);
  });

  test('does not depend on member order or on a token already present', async () => {
    const plan = await loadJobPlan(job({ template: 't' }), 1);
    const [request] = buildRequests(plan, [a], 'run/1');
    const reordered = Object.fromEntries(
      Object.entries(request!).reverse(),
    ) as unknown as CreateJobCommandInput;
    expect(requestToken('run/1', reordered, [a])).toBe(request!.ClientRequestToken);
  });
});
