/**
 * End-to-end job processing through the unmodified SDK: encrypted input in s3rver, data key
 * from the KMS emulator, MediaConvert emulator decrypting, probing and transcoding with ffmpeg.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CancelJobCommand,
  CreateJobCommand,
  GetJobCommand,
  type Job,
} from '@aws-sdk/client-mediaconvert';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import {
  ffprobe,
  encrypt,
  generateDataKey,
  makeClip,
  mp4JobSettings,
  putObject,
  ROLE_ARN,
  ROLE_WITHOUT_GRANT,
  startTestStack,
  type Mode,
  type TestStack,
} from '../support/mediaconvert-fixtures.js';

let stack: TestStack;
let clip: Buffer;

beforeAll(async () => {
  stack = await startTestStack();
  clip = await makeClip(stack.dir);
}, 30_000);

afterAll(async () => {
  await stack.close();
});

interface EncryptedInput {
  fileInput: string;
  decryption: Record<string, string>;
}

async function encryptedInput(
  name: string,
  mode: Mode,
  ivBytes: number,
  tweak: { context?: Record<string, string>; ciphertext?: (c: Buffer) => Buffer } = {},
): Promise<EncryptedInput> {
  const key = await generateDataKey(stack, tweak.context);
  const iv = randomBytes(ivBytes);
  const ciphertext = encrypt(mode, key.plaintext, iv, clip);
  const fileInput = await putObject(
    stack,
    `inputs/${name}`,
    tweak.ciphertext?.(ciphertext) ?? ciphertext,
  );
  return {
    fileInput,
    decryption: {
      DecryptionMode: mode,
      EncryptedDecryptionKey: key.encrypted,
      InitializationVector: iv.toString('base64'),
    },
  };
}

async function runJob(input: EncryptedInput, role = ROLE_ARN): Promise<Job> {
  const created = await stack.mediaconvert.send(
    new CreateJobCommand({
      Role: role,
      Settings: mp4JobSettings(input.fileInput, input.decryption),
    }),
  );
  const id = created.Job?.Id ?? '';
  expect(created.Job?.Status).toBe('SUBMITTED');
  await stack.emulator.waitForJob(id, 30_000);
  const got = await stack.mediaconvert.send(new GetJobCommand({ Id: id }));
  if (!got.Job) throw new Error('GetJob returned no job');
  return got.Job;
}

async function downloadOutput(key: string): Promise<string> {
  const out = await stack.s3.send(new GetObjectCommand({ Bucket: 'media', Key: key }));
  const file = join(stack.dir, key.replaceAll('/', '_'));
  await writeFile(file, await out.Body!.transformToByteArray());
  return file;
}

describe('jobs with encrypted inputs complete', () => {
  it.each([
    ['AES_CTR', 16],
    ['AES_CTR', 12],
    ['AES_CBC', 16],
    ['AES_GCM', 12],
    ['AES_GCM', 16],
  ] as const)(
    '%s with a %i-byte IV yields an MP4 that ffprobe accepts',
    async (mode, ivBytes) => {
      const name = `${mode.toLowerCase()}-${ivBytes}.mp4`;
      const job = await runJob(await encryptedInput(name, mode, ivBytes));

      expect(job.ErrorMessage).toBeUndefined();
      expect(job.Status).toBe('COMPLETE');
      expect(job.JobPercentComplete).toBe(100);
      expect(job.Timing?.FinishTime).toBeInstanceOf(Date);
      expect(job.OutputGroupDetails?.[0]?.OutputDetails?.[0]?.VideoDetails).toEqual({
        WidthInPx: 96,
        HeightInPx: 72,
      });
      const probed = ffprobe(await downloadOutput(`outputs/${name.replace('.mp4', '')}-small.mp4`));
      expect(probed).toEqual({ codecTypes: ['audio', 'video'], width: 96, height: 72 });
    },
    30_000,
  );

  it('lists the output file paths in the raw job, as the COMPLETE event does', async () => {
    const input = await encryptedInput('paths.mp4', 'AES_CTR', 16);
    const job = await runJob(input);
    const raw = (await stack.emulator.waitForJob(job.Id ?? '')) as {
      outputGroupDetails: { outputDetails: { outputFilePaths: string[] }[] }[];
    };
    expect(raw.outputGroupDetails[0]?.outputDetails[0]?.outputFilePaths).toEqual([
      's3://media/outputs/paths-small.mp4',
    ]);
  }, 30_000);

  it('a job whose media and settings match an earlier job gets the same output under its own name', async () => {
    const first = await runJob(await encryptedInput('again-1.mp4', 'AES_CBC', 16));
    const second = await runJob(await encryptedInput('again-2.mp4', 'AES_CTR', 12));
    expect([first.Status, second.Status]).toEqual(['COMPLETE', 'COMPLETE']);
    const files = await Promise.all(
      ['again-1', 'again-2'].map((stem) => downloadOutput(`outputs/${stem}-small.mp4`)),
    );
    const [a, b] = await Promise.all(files.map((file) => readFile(file)));
    expect(a!.equals(b!)).toBe(true);
    expect(ffprobe(files[1]!)).toEqual({ codecTypes: ['audio', 'video'], width: 96, height: 72 });
  }, 30_000);

  it('moves through SUBMITTED and PROGRESSING with a rising percentage', async () => {
    const slow = await startTestStack({ tickMs: 60 });
    try {
      const key = await generateDataKey(slow);
      const iv = randomBytes(16);
      const fileInput = await putObject(
        slow,
        'inputs/slow.mp4',
        encrypt('AES_CTR', key.plaintext, iv, clip),
      );
      const decryption = {
        DecryptionMode: 'AES_CTR',
        EncryptedDecryptionKey: key.encrypted,
        InitializationVector: iv.toString('base64'),
      };
      const created = await slow.mediaconvert.send(
        new CreateJobCommand({ Role: ROLE_ARN, Settings: mp4JobSettings(fileInput, decryption) }),
      );
      const seen: string[] = [];
      const percents: number[] = [];
      for (let status = ''; status !== 'COMPLETE' && status !== 'ERROR';) {
        const { Job: job } = await slow.mediaconvert.send(
          new GetJobCommand({ Id: created.Job?.Id }),
        );
        status = job?.Status ?? '';
        seen.push(`${status}${job?.CurrentPhase ? `/${job.CurrentPhase}` : ''}`);
        if (status === 'PROGRESSING') percents.push(job?.JobPercentComplete ?? -1);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const phases = [...new Set(seen)];
      expect(phases[0]).toBe('SUBMITTED');
      expect(phases).toEqual(
        expect.arrayContaining([
          'PROGRESSING/PROBING',
          'PROGRESSING/TRANSCODING',
          'PROGRESSING/UPLOADING',
        ]),
      );
      expect(phases[phases.length - 1]).toBe('COMPLETE');
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      expect(percents[percents.length - 1]).toBeGreaterThan(percents[0] ?? 0);
    } finally {
      await slow.close();
    }
  }, 30_000);
});

describe('job shapes', () => {
  it('stitches every input, in order, into each output named after the first input', async () => {
    const a = await encryptedInput('first.mp4', 'AES_CTR', 16);
    const b = await encryptedInput('second.mp4', 'AES_GCM', 12);
    const settings = mp4JobSettings(a.fileInput, a.decryption);
    const inputs = [
      ...settings.Inputs,
      { FileInput: b.fileInput, DecryptionSettings: b.decryption },
    ];
    const created = await stack.mediaconvert.send(
      new CreateJobCommand({ Role: ROLE_ARN, Settings: { ...settings, Inputs: inputs } }),
    );
    await stack.emulator.waitForJob(created.Job?.Id ?? '', 30_000);
    const { Job: job } = await stack.mediaconvert.send(new GetJobCommand({ Id: created.Job?.Id }));
    expect(job?.Status).toBe('COMPLETE');
    // Two 2 s clips make one output of about 4 s.
    expect(job?.OutputGroupDetails?.[0]?.OutputDetails?.[0]?.DurationInMs).toBeGreaterThan(3500);
    expect(ffprobe(await downloadOutput('outputs/first-small.mp4')).codecTypes).toEqual([
      'audio',
      'video',
    ]);
  }, 30_000);

  it('cancels a job while it is PROGRESSING', async () => {
    const slow = await startTestStack({ tickMs: 200 });
    try {
      const fileInput = await putObject(slow, 'inputs/cancel.mp4', clip);
      const created = await slow.mediaconvert.send(
        new CreateJobCommand({ Role: ROLE_ARN, Settings: mp4JobSettings(fileInput) }),
      );
      const id = created.Job?.Id ?? '';
      for (let status = 'SUBMITTED'; status === 'SUBMITTED';) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = (await slow.mediaconvert.send(new GetJobCommand({ Id: id }))).Job?.Status ?? '';
      }
      await slow.mediaconvert.send(new CancelJobCommand({ Id: id }));
      await expect(slow.emulator.waitForJob(id, 10_000)).resolves.toMatchObject({
        status: 'CANCELED',
      });
    } finally {
      await slow.close();
    }
  }, 30_000);

  it('decrypts the data key in kmsKeyRegion, failing clearly when that region has no KMS', async () => {
    const input = await encryptedInput('region.mp4', 'AES_CTR', 16);
    input.decryption['KmsKeyRegion'] = 'eu-west-1';
    const job = await runJob(input);
    expect(job.Status).toBe('ERROR');
    expect(job.ErrorMessage).toContain('no KMS endpoint is configured for region eu-west-1');
  }, 30_000);
});

describe('jobs that cannot decrypt their input end in ERROR', () => {
  it('reports a data key made with another encryption context', async () => {
    const input = await encryptedInput('context.mp4', 'AES_CTR', 16, {
      context: { service: 'mediaconvert' },
    });
    const job = await runJob(input);
    expect(job.Status).toBe('ERROR');
    expect(job.ErrorCode).toBe(1010);
    expect(job.ErrorMessage).toContain(`Failed to decrypt input ${input.fileInput}`);
    expect(job.ErrorMessage).toContain('InvalidCiphertextException');
    expect(job.ErrorMessage).toContain('"service":"mediaconvert.amazonaws.com"');
  }, 30_000);

  it('reports a role without a kms:Decrypt grant', async () => {
    const job = await runJob(
      await encryptedInput('nogrant.mp4', 'AES_GCM', 12),
      ROLE_WITHOUT_GRANT,
    );
    expect(job.Status).toBe('ERROR');
    expect(job.ErrorCode).toBe(1432);
    expect(job.ErrorMessage).toContain('AccessDeniedException');
    expect(job.ErrorMessage).toContain(ROLE_WITHOUT_GRANT);
  }, 30_000);

  it('reports tampered GCM ciphertext as an authentication tag mismatch', async () => {
    const flipByte = (c: Buffer): Buffer => {
      const copy = Buffer.from(c);
      copy[100] = (copy[100] ?? 0) ^ 0x01;
      return copy;
    };
    const job = await runJob(
      await encryptedInput('tampered.mp4', 'AES_GCM', 12, { ciphertext: flipByte }),
    );
    expect(job.Status).toBe('ERROR');
    expect(job.ErrorCode).toBe(1010);
    expect(job.ErrorMessage).toContain('authentication tag mismatch');
  }, 30_000);

  it('reports a wrong IV as input that is not media', async () => {
    const input = await encryptedInput('wrongiv.mp4', 'AES_CTR', 16);
    input.decryption['InitializationVector'] = randomBytes(16).toString('base64');
    const job = await runJob(input);
    expect(job.Status).toBe('ERROR');
    expect(job.ErrorCode).toBe(1010);
    expect(job.ErrorMessage).toMatch(/decrypted input is not a media file: wrong key or IV/);
  }, 30_000);

  it('reports a missing input object', async () => {
    const input = await encryptedInput('present.mp4', 'AES_CTR', 16);
    input.fileInput = 's3://media/inputs/absent.mp4';
    const job = await runJob(input);
    expect(job.Status).toBe('ERROR');
    expect(job.ErrorCode).toBe(1010);
    expect(job.ErrorMessage).toContain('Failed to read input s3://media/inputs/absent.mp4');
  }, 30_000);

  it('reports an output group type the emulator cannot produce', async () => {
    const input = await encryptedInput('hls.mp4', 'AES_CTR', 16);
    const settings = mp4JobSettings(input.fileInput, input.decryption);
    const group = settings.OutputGroups[0]!;
    const smooth = {
      ...group,
      OutputGroupSettings: {
        Type: 'MS_SMOOTH_GROUP_SETTINGS' as const,
        MsSmoothGroupSettings: { Destination: 's3://media/outputs/mss/' },
      },
      Outputs: group.Outputs?.map((o) => ({
        ...o,
        ContainerSettings: { Container: 'ISMV' as const },
      })),
    };
    const created = await stack.mediaconvert.send(
      new CreateJobCommand({ Role: ROLE_ARN, Settings: { ...settings, OutputGroups: [smooth] } }),
    );
    const job = (await stack.emulator.waitForJob(created.Job?.Id ?? '')) as Record<string, unknown>;
    expect(job['status']).toBe('ERROR');
    expect(job['errorCode']).toBe(1040);
    expect(job['errorMessage']).toContain(
      'output group type MS_SMOOTH_GROUP_SETTINGS is not supported',
    );
  }, 30_000);
});

describe('without ffmpeg and ffprobe', () => {
  it('checks container magic and copies the decrypted input as the output', async () => {
    const bare = await startTestStack({ mediaTools: 'none' });
    try {
      const key = await generateDataKey(bare);
      const iv = randomBytes(16);
      const fileInput = await putObject(
        bare,
        'inputs/bare.mp4',
        encrypt('AES_CBC', key.plaintext, iv, clip),
      );
      const decryption = {
        DecryptionMode: 'AES_CBC',
        EncryptedDecryptionKey: key.encrypted,
        InitializationVector: iv.toString('base64'),
      };
      const created = await bare.mediaconvert.send(
        new CreateJobCommand({ Role: ROLE_ARN, Settings: mp4JobSettings(fileInput, decryption) }),
      );
      const job = (await bare.emulator.waitForJob(created.Job?.Id ?? '')) as Record<
        string,
        unknown
      >;
      expect(job['status']).toBe('COMPLETE');
      const out = await bare.s3.send(
        new GetObjectCommand({ Bucket: 'media', Key: 'outputs/bare-small.mp4' }),
      );
      expect(Buffer.from(await out.Body!.transformToByteArray()).equals(clip)).toBe(true);
    } finally {
      await bare.close();
    }
  }, 30_000);
});
