/**
 * The `job-settings` check through the packaged action: a file MediaConvert would refuse fails
 * the step naming the JSON path, before any data key, upload or MediaConvert request (a fault
 * proxy in front of the stack records every request) and with no file touched; the shapes
 * users bring from the console and the CLI (`"JobTemplate": ""`, a UTF-8 BOM, what `get-job`
 * prints) are accepted.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GetJobCommand } from '@aws-sdk/client-mediaconvert';
import { runPackagedAction } from '../../harness/action-runner.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { smallMp4OutputGroup } from '../support/stack-helpers.js';
import { stackClients } from '../support/clients.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack } from '../support/use-stack.js';

const stack = useStack();
let workspace: string;

const OUTPUT_GROUP = smallMp4OutputGroup('s3://out/settings-check/');

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'settings-check-'));
  await mkdir(path.join(workspace, 'masters'));
  await copyFile('samples/clip.mp4', path.join(workspace, 'masters', 'a.mp4'));
  await mkdir(path.join(workspace, 'settings'));
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

async function contents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[full] = createHash('sha256')
      .update(await readFile(full))
      .digest('hex');
  }
  return out;
}

async function runWith(name: string, text: string, destination: string) {
  const file = path.join(workspace, 'settings', name);
  await writeFile(file, text);
  const proxy = await startFaultProxy({ upstreams: stack.info.endpoints });
  try {
    const run = await runPackagedAction({
      workspace,
      env: proxy.env(stack.env()),
      inputs: actionInputs(stack, destination, {
        files: 'masters/a.mp4',
        'job-settings': `settings/${name}`,
      }),
    });
    const requests = proxy.records.map((r) => `${r.service} ${r.operation}`);
    return { run, requests };
  } finally {
    await proxy.close();
  }
}

const request = (extra: object, settings: object = {}) =>
  JSON.stringify({ ...extra, Settings: { OutputGroups: [OUTPUT_GROUP], ...settings } });

describe('refused before any request, naming the JSON path', () => {
  test.each([
    [
      'a misspelt top-level member',
      request({ Priorty: 5 }),
      ['$.Priorty is not a member', 'did you mean Priority?'],
    ],
    [
      'a misspelt member of the Inputs entry',
      request({}, { Inputs: [{ TimecodeSorce: 'ZEROBASED' }] }),
      ['$.Settings.Inputs[0].TimecodeSorce is not a member', 'did you mean TimecodeSource?'],
    ],
    [
      'the same typo in a Settings-only file, its path as written there',
      JSON.stringify({ Inputs: [{ TimecodeSorce: 'ZEROBASED' }], OutputGroups: [OUTPUT_GROUP] }),
      ['$.Inputs[0].TimecodeSorce is not a member', 'did you mean TimecodeSource?'],
    ],
    ['Priority out of range', request({ Priority: 99 }), ['$.Priority: should be <= 50']],
    [
      'a bad enum value',
      request({}, { Inputs: [{ TimecodeSource: 'ZERO' }] }),
      [
        '$.Settings.Inputs[0].TimecodeSource: should be equal to one of the allowed values: EMBEDDED, ZEROBASED, SPECIFIEDSTART',
      ],
    ],
    [
      'required members missing',
      JSON.stringify({
        AccelerationSettings: {},
        Settings: { OutputGroups: [{ ...OUTPUT_GROUP, OutputGroupSettings: {} }] },
      }),
      [
        '$.AccelerationSettings.Mode is required and missing',
        '$.Settings.OutputGroups[0].OutputGroupSettings.Type is required and missing',
      ],
    ],
    [
      'a typo in a get-job answer',
      JSON.stringify({
        Job: {
          Id: '1',
          Settings: { Inputs: [{ TimecodeSorce: 'ZEROBASED' }], OutputGroups: [OUTPUT_GROUP] },
        },
      }),
      ['$.Job.Settings.Inputs[0].TimecodeSorce is not a member', 'did you mean TimecodeSource?'],
    ],
  ])('%s', async (_why, text, expected) => {
    const file = `refused-${expected[0]!.replace(/\W+/g, '-')}.json`;
    const before = await contents(workspace);
    const { run, requests } = await runWith(file, text, 'refused');
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::Input `job-settings`: MediaConvert would refuse/);
    for (const part of expected) expect(errors[0]).toContain(part);
    expect(requests).toEqual([]);
    expect(run.outputs).toEqual({});
    const after = await contents(workspace);
    delete after[path.join(workspace, 'settings', file)];
    expect(after).toEqual(before);
  });
});

describe('accepted as users export them', () => {
  test('a console export: a UTF-8 BOM and "JobTemplate": "" (no template)', async () => {
    const text = `\ufeff${JSON.stringify(
      { JobTemplate: '', Role: '', ...(JSON.parse(request({})) as object) },
      null,
      2,
    )}`;
    const { run, requests } = await runWith('console-export.json', text, 'console');
    expect(run.stdout).not.toContain('::error::');
    expect(run.code).toBe(0);
    const sent = JSON.parse(run.outputs['job-settings']!) as Record<string, unknown>[];
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toHaveProperty('JobTemplate');
    expect(requests.filter((r) => r.includes('GetJobTemplate'))).toEqual([]);
    expect(requests.filter((r) => r.startsWith('mediaconvert CreateJob'))).toHaveLength(1);
  });

  test('a get-job answer: its request members are used, job state ignored, extra Inputs warned about', async () => {
    const { mediaconvert } = stackClients(stack);
    const text = JSON.stringify({
      Job: {
        Id: '1700000000000-abcdef',
        Arn: 'arn:aws:mediaconvert:us-east-1:111122223333:jobs/1700000000000-abcdef',
        Status: 'COMPLETE',
        CreatedAt: '2026-11-30T10:00:00Z',
        Timing: { StartTime: '2026-11-30T10:00:01Z', FinishTime: '2026-11-30T10:01:00Z' },
        Messages: { Info: [], Warning: [] },
        Role: 'arn:aws:iam::111122223333:role/FromTheOldJob',
        Priority: 7,
        UserMetadata: { origin: 'get-job' },
        Settings: {
          Inputs: [
            { FileInput: 's3://old/first.mp4', TimecodeSource: 'ZEROBASED' },
            { FileInput: 's3://old/second.mp4', TimecodeSource: 'EMBEDDED' },
          ],
          OutputGroups: [OUTPUT_GROUP],
        },
      },
    });
    const { run } = await runWith('get-job.json', text, 'get-job');
    expect(run.stdout).not.toContain('::error::');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^::warning::job-settings: Settings\.Inputs has 2 entries; only the first is used.*entries 2 to 2 are ignored$/m,
    );
    expect(run.stdout).toMatch(
      /^job-settings: a get-job answer; taken from its Job: Role, Priority, UserMetadata, Settings; ignored: Id, Arn, Status, CreatedAt, Timing, Messages$/m,
    );
    const job = (await mediaconvert.send(new GetJobCommand({ Id: run.outputs['job-id']! }))).Job!;
    expect(job.Priority).toBe(7);
    expect(job.Role).toBe(stack.info.roleArn);
    expect(job.UserMetadata).toEqual({
      origin: 'get-job',
      'mediaconvert-encrypt-run': expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(job.Settings!.Inputs).toHaveLength(1);
    expect(job.Settings!.Inputs![0]!.TimecodeSource).toBe('ZEROBASED');
    expect(job.Settings!.Inputs![0]!.FileInput).toBe(
      `s3://${stack.info.bucket}/get-job/masters/a.mp4`,
    );
  });
});
