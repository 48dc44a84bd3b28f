import { beforeEach, describe, expect, test } from '@jest/globals';
import {
  CancelJobCommand,
  CreateJobCommand,
  GetJobCommand,
  MediaConvertClient,
  type CreateJobCommandInput,
  type Job,
} from '@aws-sdk/client-mediaconvert';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { JobError } from '../../src/shared/errors.js';
import {
  createJob,
  failedJobsMessage,
  waitForJobs,
  type JobOutcome,
  type WaitOptions,
} from '../../src/job/create-and-wait.js';
import { FakeClock } from '../support/clock.js';
import { FakeLogger } from '../support/logger.js';

const mc = new MediaConvertClient({ region: 'us-east-1' });
const mcMock = mockClient(mc);

const REQUEST: CreateJobCommandInput = {
  Role: 'arn:aws:iam::123456789012:role/MC',
  JobTemplate: 't',
  Settings: { Inputs: [{ FileInput: 's3://b/a.mp4' }] },
  ClientRequestToken: '00000000-0000-0000-0000-000000000000',
};

let clock: FakeClock;
let log: FakeLogger;

beforeEach(() => {
  mcMock.reset();
  clock = new FakeClock();
  log = new FakeLogger();
});

function options(overrides: Partial<WaitOptions> = {}): WaitOptions {
  return { timeoutMs: 3600_000, cancelOnTimeout: false, clock, log, ...overrides };
}

/** GetJob for `id` answers these jobs in turn, repeating the last one. */
function jobSequence(id: string, jobs: Partial<Job>[]): void {
  let stub = mcMock.on(GetJobCommand, { Id: id });
  for (const job of jobs.slice(0, -1)) stub = stub.resolvesOnce({ Job: { Id: id, ...job } as Job });
  stub.resolves({ Job: { Id: id, ...jobs[jobs.length - 1] } as Job });
}

const getJobIds = (): (string | undefined)[] =>
  mcMock.commandCalls(GetJobCommand).map((c) => c.args[0].input.Id);

describe('createJob', () => {
  test('sends the request as given and returns id, arn and status', async () => {
    mcMock
      .on(CreateJobCommand)
      .resolves({ Job: { Id: 'j1', Arn: 'arn:job/j1', Status: 'SUBMITTED' } as Job });
    const created = await createJob(mc, REQUEST);
    expect(created).toEqual({ id: 'j1', arn: 'arn:job/j1', status: 'SUBMITTED', request: REQUEST });
    expect(mcMock).toHaveReceivedCommandWith(CreateJobCommand, REQUEST);
  });

  test('a reply without status or arn defaults to SUBMITTED and an empty arn', async () => {
    mcMock.on(CreateJobCommand).resolves({ Job: { Id: 'j1' } as Job });
    expect(await createJob(mc, REQUEST)).toMatchObject({ id: 'j1', arn: '', status: 'SUBMITTED' });
  });

  test('a service error becomes a JobError that keeps the cause', async () => {
    const cause = Object.assign(new Error('Role is not valid'), { name: 'BadRequestException' });
    mcMock.on(CreateJobCommand).rejects(cause);
    const error: unknown = await createJob(mc, REQUEST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobError);
    expect((error as JobError).message).toBe(
      'CreateJob failed: BadRequestException: Role is not valid',
    );
    expect((error as JobError).cause).toBe(cause);
  });

  test('a reply without a job id is a JobError', async () => {
    mcMock.on(CreateJobCommand).resolves({});
    await expect(createJob(mc, REQUEST)).rejects.toThrow(new JobError('CreateJob returned no job'));
  });
});

describe('waitForJobs', () => {
  test('polls with growing sleeps until the job completes, without real sleeping', async () => {
    jobSequence('j1', [
      { Status: 'SUBMITTED' },
      { Status: 'SUBMITTED' },
      { Status: 'PROGRESSING' },
      { Status: 'PROGRESSING' },
      { Status: 'PROGRESSING' },
      { Status: 'COMPLETE' },
    ]);
    const outcomes = await waitForJobs(mc, ['j1'], options());
    expect(outcomes).toEqual([{ id: 'j1', status: 'COMPLETE' }]);
    expect(clock.sleeps).toEqual([1000, 1500, 2250, 3375, 5063]);
    expect(getJobIds()).toHaveLength(6);
  });

  test('the sleep stops growing at 30 s', async () => {
    jobSequence('j1', [
      ...Array.from({ length: 14 }, () => ({ Status: 'PROGRESSING' }) as const),
      { Status: 'COMPLETE' },
    ]);
    await waitForJobs(mc, ['j1'], options());
    for (let i = 1; i < clock.sleeps.length; i++) {
      expect(clock.sleeps[i]).toBeGreaterThanOrEqual(clock.sleeps[i - 1] ?? 0);
    }
    expect(Math.max(...clock.sleeps)).toBe(30_000);
    expect(clock.sleeps.slice(-3)).toEqual([30_000, 30_000, 30_000]);
  });

  test('a job that is already finished needs no sleep', async () => {
    jobSequence('j1', [{ Status: 'COMPLETE' }]);
    await waitForJobs(mc, ['j1'], options());
    expect(clock.sleeps).toEqual([]);
  });

  test('logs a line when status, phase or percent change, and only then', async () => {
    jobSequence('j1', [
      { Status: 'SUBMITTED' },
      { Status: 'SUBMITTED' },
      { Status: 'PROGRESSING', CurrentPhase: 'PROBING' },
      { Status: 'PROGRESSING', CurrentPhase: 'TRANSCODING', JobPercentComplete: 10 },
      { Status: 'PROGRESSING', CurrentPhase: 'TRANSCODING', JobPercentComplete: 10 },
      { Status: 'PROGRESSING', CurrentPhase: 'TRANSCODING', JobPercentComplete: 55 },
      { Status: 'PROGRESSING', CurrentPhase: 'UPLOADING', JobPercentComplete: 100 },
      { Status: 'COMPLETE' },
    ]);
    await waitForJobs(mc, ['j1'], options());
    expect(log.messages('info')).toEqual([
      'job j1: SUBMITTED',
      'job j1: PROGRESSING PROBING',
      'job j1: PROGRESSING TRANSCODING 10%',
      'job j1: PROGRESSING TRANSCODING 55%',
      'job j1: PROGRESSING UPLOADING 100%',
      'job j1: COMPLETE',
    ]);
  });

  test('finished jobs are not polled again; outcomes follow the order of ids', async () => {
    jobSequence('j1', [
      { Status: 'PROGRESSING' },
      { Status: 'PROGRESSING' },
      { Status: 'COMPLETE' },
    ]);
    jobSequence('j2', [{ Status: 'ERROR', ErrorCode: 1010, ErrorMessage: 'bad input' }]);
    jobSequence('j3', [{ Status: 'PROGRESSING' }, { Status: 'CANCELED' }]);
    const outcomes = await waitForJobs(mc, ['j1', 'j2', 'j3'], options());
    expect(outcomes).toEqual([
      { id: 'j1', status: 'COMPLETE' },
      { id: 'j2', status: 'ERROR', errorCode: 1010, errorMessage: 'bad input' },
      { id: 'j3', status: 'CANCELED' },
    ]);
    expect(getJobIds()).toEqual(['j1', 'j2', 'j3', 'j1', 'j3', 'j1']);
  });

  test('a job still running at the timeout is TIMED_OUT and is not canceled', async () => {
    jobSequence('j1', [{ Status: 'PROGRESSING' }]);
    const outcomes = await waitForJobs(mc, ['j1'], options({ timeoutMs: 5000 }));
    expect(outcomes).toEqual([
      { id: 'j1', status: 'TIMED_OUT', errorMessage: 'still running after wait-timeout (5 s)' },
    ]);
    // The last sleep is cut to what is left of the timeout.
    expect(clock.sleeps).toEqual([1000, 1500, 2250, 250]);
    expect(mcMock).not.toHaveReceivedCommand(CancelJobCommand);
  });

  test('cancel-on-timeout sends CancelJob for jobs still running, and only for them', async () => {
    jobSequence('done', [{ Status: 'COMPLETE' }]);
    jobSequence('slow', [{ Status: 'PROGRESSING' }]);
    mcMock.on(CancelJobCommand).resolves({});
    const outcomes = await waitForJobs(
      mc,
      ['done', 'slow'],
      options({ timeoutMs: 2000, cancelOnTimeout: true }),
    );
    expect(mcMock).toHaveReceivedCommandTimes(CancelJobCommand, 1);
    expect(mcMock).toHaveReceivedCommandWith(CancelJobCommand, { Id: 'slow' });
    expect(outcomes).toEqual([
      { id: 'done', status: 'COMPLETE' },
      { id: 'slow', status: 'CANCELED', errorMessage: 'still running after wait-timeout (2 s)' },
    ]);
    expect(log.messages('warning')).toEqual(['job slow: canceled after wait-timeout']);
  });

  test('a GetJob that is never answered is cut at wait-timeout: TIMED_OUT, not a hang', async () => {
    // A client whose GetJob settles only when its abort signal fires, as a stuck request does.
    const stuck = {
      send: (_command: unknown, sendOptions?: { abortSignal?: AbortSignal }) =>
        new Promise((_resolve, reject) => {
          sendOptions?.abortSignal?.addEventListener('abort', () =>
            reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' })),
          );
        }),
    } as unknown as MediaConvertClient;
    const started = performance.now();
    const outcomes = await waitForJobs(stuck, ['j1'], options({ timeoutMs: 200 }));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(outcomes).toEqual([
      { id: 'j1', status: 'TIMED_OUT', errorMessage: 'still running after wait-timeout (0 s)' },
    ]);
  });

  test('a CancelJob failure keeps the outcomes of the other jobs', async () => {
    jobSequence('a', [{ Status: 'PROGRESSING' }]);
    jobSequence('b', [{ Status: 'PROGRESSING' }]);
    mcMock
      .on(CancelJobCommand, { Id: 'a' })
      .rejects(Object.assign(new Error('job already complete'), { name: 'ConflictException' }));
    mcMock.on(CancelJobCommand, { Id: 'b' }).resolves({});
    const outcomes = await waitForJobs(
      mc,
      ['a', 'b'],
      options({ timeoutMs: 1000, cancelOnTimeout: true }),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['TIMED_OUT', 'CANCELED']);
  });
});

describe('failedJobsMessage', () => {
  test('is undefined when every job completed', () => {
    expect(failedJobsMessage([{ id: 'a', status: 'COMPLETE' }])).toBeUndefined();
    expect(failedJobsMessage([])).toBeUndefined();
  });

  test('names every job that did not complete, with code and message', () => {
    const outcomes: JobOutcome[] = [
      { id: 'a', status: 'COMPLETE' },
      { id: 'b', status: 'ERROR', errorCode: 1010, errorMessage: 'decryption failed' },
      { id: 'c', status: 'CANCELED' },
      { id: 'd', status: 'TIMED_OUT', errorMessage: 'still running after wait-timeout (60 s)' },
    ];
    expect(failedJobsMessage(outcomes)).toBe(
      [
        'job b ended ERROR (error 1010): decryption failed',
        'job c ended CANCELED',
        'job d ended TIMED_OUT: still running after wait-timeout (60 s)',
      ].join('\n'),
    );
  });
});
