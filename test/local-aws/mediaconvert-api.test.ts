/**
 * The MediaConvert emulator's API surface through the unmodified SDK: CreateJob validation,
 * idempotency, ListJobs, CancelJob, job templates, GetQueue and the error wire format.
 * Jobs here never start (a one-minute tick keeps them SUBMITTED), so no S3 or KMS is needed.
 */
import {
  CancelJobCommand,
  CreateJobCommand,
  CreateJobTemplateCommand,
  DescribeEndpointsCommand,
  GetJobCommand,
  GetJobTemplateCommand,
  GetQueueCommand,
  ListJobsCommand,
  ListJobTemplatesCommand,
  type MediaConvertClient,
  type CreateJobCommandInput,
  type JobSettings,
} from '@aws-sdk/client-mediaconvert';
import { ACCOUNT_ID } from '../../local-aws/identity.js';
import {
  startMediaConvert,
  type MediaConvertEmulator,
} from '../../local-aws/mediaconvert/server.js';
import { mediaConvertClient } from '../support/clients.js';
import { mp4JobSettings, REGION, ROLE_ARN } from '../support/mediaconvert-fixtures.js';

const IV16 = Buffer.alloc(16, 7).toString('base64');
const IV12 = Buffer.alloc(12, 7).toString('base64');
const KEY = Buffer.alloc(184, 1).toString('base64');
const FILE = 's3://media/inputs/clip.mp4';

let emulator: MediaConvertEmulator;
let client: MediaConvertClient;

beforeAll(async () => {
  emulator = await startMediaConvert({
    region: REGION,
    port: 0,
    s3Endpoint: 'http://127.0.0.1:9',
    kmsEndpoints: {},
    tickMs: 60_000,
  });
  client = mediaConvertClient(emulator.url, { region: REGION, maxAttempts: 1 });
});

afterAll(async () => {
  client.destroy();
  await emulator.close();
});

function settings(decryption: Record<string, string> = {}): JobSettings {
  return mp4JobSettings(FILE, {
    DecryptionMode: 'AES_CTR',
    EncryptedDecryptionKey: KEY,
    InitializationVector: IV16,
    ...decryption,
  }) as JobSettings;
}

/** The SDK exception a CreateJob request ends in. */
async function createJobError(input: Partial<CreateJobCommandInput>): Promise<Error> {
  const error: unknown = await client
    .send(new CreateJobCommand(input as CreateJobCommandInput))
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  if (!(error instanceof Error)) throw new Error('CreateJob was expected to fail');
  return error;
}

async function createJob(input: Partial<CreateJobCommandInput> = {}) {
  const out = await client.send(
    new CreateJobCommand({ Role: ROLE_ARN, Settings: settings(), ...input }),
  );
  if (!out.Job?.Id) throw new Error('CreateJob returned no job');
  return out.Job;
}

describe('CreateJob validation', () => {
  it.each<[string, Partial<CreateJobCommandInput>, RegExp]>([
    ['a missing role', { Settings: settings() }, /role is a required property/],
    [
      'a role that is not a role ARN',
      { Role: 'MediaConvertRole', Settings: settings() },
      /\/role: .*IAM role ARN/,
    ],
    ['missing settings', { Role: ROLE_ARN }, /settings is a required property/],
    ['a priority above 50', { Role: ROLE_ARN, Settings: settings(), Priority: 51 }, /\/priority/],
    [
      'an IV in URL-safe base64',
      { Role: ROLE_ARN, Settings: settings({ InitializationVector: '-_-_-_-_-_-_-_-_-_-_-_==' }) },
      /\/inputs\/0\/decryptionSettings\/initializationVector: .*should match pattern/,
    ],
    [
      'a 12-byte IV with AES_CBC',
      {
        Role: ROLE_ARN,
        Settings: settings({ DecryptionMode: 'AES_CBC', InitializationVector: IV12 }),
      },
      /initializationVector: a 12-byte initialization vector is not valid with AES_CBC/,
    ],
    [
      'an unknown decryption mode',
      { Role: ROLE_ARN, Settings: settings({ DecryptionMode: 'AES_ECB' }) },
      /decryptionMode: "AES_ECB" should be one of AES_CTR, AES_CBC, AES_GCM/,
    ],
    [
      'a short encrypted key',
      { Role: ROLE_ARN, Settings: settings({ EncryptedDecryptionKey: 'c2hvcnQ=' }) },
      /encryptedDecryptionKey: length 8 is outside 24\.\.512/,
    ],
    [
      'a malformed kmsKeyRegion',
      { Role: ROLE_ARN, Settings: settings({ KmsKeyRegion: 'US_EAST_1' }) },
      /kmsKeyRegion: "US_EAST_1" should match pattern/,
    ],
    [
      'a fileInput that is not a URL',
      { Role: ROLE_ARN, Settings: mp4JobSettings('media/clip.mp4') as JobSettings },
      /\/inputs\/0\/fileInput/,
    ],
    [
      'more than 10 userMetadata entries',
      {
        Role: ROLE_ARN,
        Settings: settings(),
        UserMetadata: Object.fromEntries([...Array(11).keys()].map((i) => [`k${i}`, 'v'])),
      },
      /\/userMetadata: has 11 entries; at most 10/,
    ],
    [
      'an output group without outputs',
      {
        Role: ROLE_ARN,
        Settings: {
          ...settings(),
          OutputGroups: [{ ...settings().OutputGroups![0], Outputs: [] }],
        },
      },
      /\/outputGroups\/0\/outputs: Should have at least 1 items/,
    ],
  ])('refuses %s with BadRequestException', async (_case, input, message) => {
    const error = await createJobError(input);
    expect(error.name).toBe('BadRequestException');
    expect(error.message).toMatch(message);
    expect((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(
      400,
    );
  });

  it('accepts a kmsKeyRegion of another region', async () => {
    const job = await createJob({ Settings: settings({ KmsKeyRegion: 'eu-west-1' }) });
    expect(job.Settings?.Inputs?.[0]?.DecryptionSettings?.KmsKeyRegion).toBe('eu-west-1');
  });

  it('refuses an unknown job template with NotFoundException', async () => {
    const error = await createJobError({
      Role: ROLE_ARN,
      Settings: settings(),
      JobTemplate: 'nope',
    });
    expect(error.name).toBe('NotFoundException');
    expect(error.message).toBe(
      `The specified job template was not found: jobTemplateArn=arn:aws:mediaconvert:${REGION}:${ACCOUNT_ID}:jobTemplates/nope`,
    );
  });

  it('refuses an unknown queue with NotFoundException', async () => {
    const error = await createJobError({ Role: ROLE_ARN, Settings: settings(), Queue: 'Fast' });
    expect(error.name).toBe('NotFoundException');
    expect(error.message).toContain('Fast');
  });
});

describe('CreateJob and GetJob', () => {
  it('returns the job as submitted, with id, ARN, queue and timing', async () => {
    const job = await createJob({ UserMetadata: { file: 'clip.mp4' }, Priority: 5 });
    expect(job.Id).toMatch(/^\d{13}-[a-z0-9]{6}$/);
    expect(job.Arn).toBe(`arn:aws:mediaconvert:${REGION}:${ACCOUNT_ID}:jobs/${job.Id}`);
    expect(job.Queue).toBe(`arn:aws:mediaconvert:${REGION}:${ACCOUNT_ID}:queues/Default`);
    expect(job.Status).toBe('SUBMITTED');
    expect(job.Priority).toBe(5);
    expect(job.CreatedAt).toBeInstanceOf(Date);
    expect(job.Timing?.SubmitTime).toBeInstanceOf(Date);
    const got = await client.send(new GetJobCommand({ Id: job.Id }));
    expect(got.Job?.Settings).toEqual(settings());
    expect(got.Job?.UserMetadata).toEqual({ file: 'clip.mp4' });
    expect(got.Job?.Role).toBe(ROLE_ARN);
  });

  it('keeps the job in wire format (camelCase members)', async () => {
    const job = await createJob();
    const raw = emulator.jobs().find((j) => (j as { id: string }).id === job.Id) as Record<
      string,
      unknown
    >;
    expect(raw['settings']).toMatchObject({
      inputs: [
        {
          fileInput: FILE,
          decryptionSettings: { decryptionMode: 'AES_CTR', initializationVector: IV16 },
        },
      ],
    });
  });

  it('returns the first job again for a repeated clientRequestToken', async () => {
    const before = emulator.jobs().length;
    const first = await createJob({ ClientRequestToken: 'token-1' });
    const again = await createJob({ ClientRequestToken: 'token-1' });
    expect(again.Id).toBe(first.Id);
    expect(emulator.jobs()).toHaveLength(before + 1);
  });

  it('answers NotFoundException for an unknown job id', async () => {
    await expect(
      client.send(new GetJobCommand({ Id: '1700000000000-zzzzzz' })),
    ).rejects.toMatchObject({
      name: 'NotFoundException',
    });
  });
});

describe('ListJobs', () => {
  it('pages newest first by default and oldest first with ASCENDING', async () => {
    const ids = [(await createJob()).Id, (await createJob()).Id, (await createJob()).Id];
    const all = emulator.jobs().map((job) => (job as { id: string }).id);
    const first = await client.send(new ListJobsCommand({ MaxResults: 2 }));
    expect(first.Jobs?.map((job) => job.Id)).toEqual([ids[2], ids[1]]);
    expect(first.NextToken).toBeDefined();
    const second = await client.send(
      new ListJobsCommand({ MaxResults: 2, NextToken: first.NextToken }),
    );
    expect(second.Jobs?.[0]?.Id).toBe(ids[0]);
    const ascending = await client.send(
      new ListJobsCommand({ Order: 'ASCENDING', MaxResults: 20 }),
    );
    expect(ascending.Jobs?.map((job) => job.Id)).toEqual(all.slice(0, 20));
  });

  it('filters by status and queue', async () => {
    await createJob();
    const submitted = await client.send(new ListJobsCommand({ Status: 'SUBMITTED' }));
    expect(submitted.Jobs?.length).toBeGreaterThan(0);
    expect(submitted.Jobs?.every((job) => job.Status === 'SUBMITTED')).toBe(true);
    const complete = await client.send(new ListJobsCommand({ Status: 'COMPLETE' }));
    expect(complete.Jobs).toEqual([]);
    const byQueue = await client.send(new ListJobsCommand({ Queue: 'Default', MaxResults: 1 }));
    expect(byQueue.Jobs).toHaveLength(1);
    await expect(client.send(new ListJobsCommand({ Queue: 'Other' }))).rejects.toMatchObject({
      name: 'NotFoundException',
    });
  });
});

describe('CancelJob', () => {
  it('cancels a submitted job once, then answers ConflictException', async () => {
    const job = await createJob();
    await client.send(new CancelJobCommand({ Id: job.Id }));
    const got = await client.send(new GetJobCommand({ Id: job.Id }));
    expect(got.Job?.Status).toBe('CANCELED');
    await expect(emulator.waitForJob(job.Id ?? '')).resolves.toMatchObject({ status: 'CANCELED' });
    await expect(client.send(new CancelJobCommand({ Id: job.Id }))).rejects.toMatchObject({
      name: 'ConflictException',
    });
    await expect(client.send(new CancelJobCommand({ Id: 'missing' }))).rejects.toMatchObject({
      name: 'NotFoundException',
    });
  });
});

describe('job templates', () => {
  it('creates, gets and lists templates, refusing a duplicate name', async () => {
    const { OutputGroups } = settings();
    const created = await client.send(
      new CreateJobTemplateCommand({
        Name: 'small-mp4',
        Description: 'tiny',
        Settings: { OutputGroups },
      }),
    );
    expect(created.JobTemplate?.Arn).toBe(
      `arn:aws:mediaconvert:${REGION}:${ACCOUNT_ID}:jobTemplates/small-mp4`,
    );
    expect(created.JobTemplate?.Type).toBe('CUSTOM');
    const got = await client.send(new GetJobTemplateCommand({ Name: 'small-mp4' }));
    expect(got.JobTemplate?.Settings?.OutputGroups).toEqual(OutputGroups);
    const listed = await client.send(new ListJobTemplatesCommand({ ListBy: 'NAME' }));
    expect(listed.JobTemplates?.map((t) => t.Name)).toContain('small-mp4');
    await expect(
      client.send(new CreateJobTemplateCommand({ Name: 'small-mp4', Settings: { OutputGroups } })),
    ).rejects.toMatchObject({ name: 'ConflictException' });
    await expect(client.send(new GetJobTemplateCommand({ Name: 'absent' }))).rejects.toMatchObject({
      name: 'NotFoundException',
    });
  });

  it('merges the template: request inputs over template inputs, template output groups', async () => {
    const { OutputGroups } = settings();
    await client.send(
      new CreateJobTemplateCommand({
        Name: 'with-outputs',
        Settings: { Inputs: [{ TimecodeSource: 'ZEROBASED' }], OutputGroups },
      }),
    );
    const job = await createJob({
      JobTemplate: `arn:aws:mediaconvert:${REGION}:${ACCOUNT_ID}:jobTemplates/with-outputs`,
      Settings: { Inputs: settings().Inputs },
    });
    expect(job.Settings?.OutputGroups).toEqual(OutputGroups);
    expect(job.Settings?.Inputs?.[0]).toMatchObject({
      FileInput: FILE,
      TimecodeSource: 'ZEROBASED',
    });
    expect(job.JobTemplate).toContain('with-outputs');
  });

  it('takes templates made in-process in wire format', async () => {
    emulator.createJobTemplate({
      name: 'admin-made',
      description: 'made by the stack',
      settings: {
        outputGroups: [
          {
            name: 'File Group',
            outputGroupSettings: {
              type: 'FILE_GROUP_SETTINGS',
              fileGroupSettings: { destination: 's3://media/out/' },
            },
            outputs: [{ containerSettings: { container: 'MP4' }, nameModifier: '-a' }],
          },
        ],
      },
    });
    const { JobTemplate: template } = await client.send(
      new GetJobTemplateCommand({ Name: 'admin-made' }),
    );
    expect(template?.Description).toBe('made by the stack');
    expect(template?.Settings?.OutputGroups?.[0]?.Outputs?.[0]?.NameModifier).toBe('-a');
  });
});

describe('GetQueue', () => {
  it('always has the Default queue and nothing else', async () => {
    const { Queue: queue } = await client.send(new GetQueueCommand({ Name: 'Default' }));
    expect(queue).toMatchObject({
      Name: 'Default',
      Status: 'ACTIVE',
      Type: 'SYSTEM',
      PricingPlan: 'ON_DEMAND',
    });
    expect(queue?.SubmittedJobsCount).toBeGreaterThan(0);
    await expect(client.send(new GetQueueCommand({ Name: 'Other' }))).rejects.toMatchObject({
      name: 'NotFoundException',
    });
  });
});

describe('the wire', () => {
  it('answers the deprecated DescribeEndpoints with its own URL', async () => {
    const out = await client.send(new DescribeEndpointsCommand({}));
    expect(out.Endpoints).toEqual([{ Url: emulator.url }]);
  });

  it('answers an unsigned request with 403 ForbiddenException', async () => {
    const res = await fetch(`${emulator.url}/2017-08-29/jobs`);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('ForbiddenException');
    expect(await res.json()).toEqual({ message: 'Missing Authentication Token' });
  });

  it('can throttle the next call with TooManyRequestsException (429)', async () => {
    emulator.failNext('ListJobs', 'TooManyRequestsException', 'Too Many Requests');
    const error = await client.send(new ListJobsCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TooManyRequestsException', message: 'Too Many Requests' });
    expect(emulator.requests.at(-1)).toEqual({ operation: 'ListJobs', status: 429 });
    await expect(client.send(new ListJobsCommand({}))).resolves.toBeDefined();
  });
});
