/**
 * A run killed with SIGKILL at any moment, then re-run as GitHub's "Re-run" does it (same
 * GITHUB_RUN_ID, next GITHUB_RUN_ATTEMPT, a fresh RUNNER_TEMP as on a hosted runner), ends as
 * one uninterrupted run would: every file has exactly one job, no incomplete upload is left,
 * and no file whose object was complete is uploaded again. The packaged action runs over a
 * slow link; the kills are timed on what the server side sees, through a fault proxy that
 * counts every request:
 *
 *   action -> link proxy (delay, bandwidth) -> fault proxy (records, kill points) -> stack
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ListJobsCommand, type Job } from '@aws-sdk/client-mediaconvert';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import type { ActionRun } from '../../harness/action-runner.js';
import { startFaultProxy, type ProxyRecord } from '../support/fault-proxy.js';
import { foldLog, readLogText } from '../../src/report/manifest-log.js';
import { startLinkProxy } from '../../harness/link-proxy.js';
import { useStack } from '../support/use-stack.js';
import { createSources, s3Uris, type Sources } from '../support/sources.js';
import { stackClients } from '../support/clients.js';
import { CLI_ENTRY } from '../../harness/runner.js';

const MIB = 1024 * 1024;
/** 3 files in two parts (5 MiB + 128 KiB) and 9 in one PutObject. */
const PARTED = 5 * MIB + 128 * 1024;
const SIZES = [PARTED, PARTED, PARTED, ...Array.from({ length: 9 }, (_, i) => 90_000 + i)];
const LINK = { delayMs: 10, bytesPerSecond: 12 * MIB };

// No ffmpeg: a job checks that its input decrypts to media (the clip's header) and copies it.
const stack = useStack({ mediaconvert: { tickMs: 5, mediaTools: 'none' } });
let sources: Sources;
let clip: Buffer;

beforeAll(async () => {
  sources = await createSources('kill-resume-ws-', stack);
  clip = await readFile('samples/clip.mp4');
});

afterAll(async () => {
  await sources?.remove();
});

/** When to kill attempt 1: at the first event of a request (its start or its end) this is true for. */
type KillPoint = (record: ProxyRecord, all: readonly ProxyRecord[]) => boolean;

const isObjectDone = (r: ProxyRecord): boolean =>
  (r.operation === 'CompleteMultipartUpload' || r.operation === 'PutObject') &&
  r.upstreamStatus === 200;

/** Each kill point, and how many objects S3 has complete by then at least. */
const KILL_POINTS: [string, KillPoint, number][] = [
  ['at its first request, before any side effect', () => true, 0],
  ['in the middle of a part', (r) => r.operation === 'UploadPart' && r.partNumber === 1, 0],
  ['right after the first object was complete', (r) => isObjectDone(r), 1],
  [
    'right after the last object was complete (jobs go out as objects complete)',
    (r, all) => isObjectDone(r) && all.filter(isObjectDone).length === SIZES.length,
    SIZES.length,
  ],
  [
    'right after the first CreateJob was sent',
    (r) => r.operation === 'CreateJob' && r.requestBody !== undefined,
    1,
  ],
  ...randomRequests(2).map((n): [string, KillPoint, number] => [
    `at a random moment: request number ${n} at the server`,
    (_r, all) => all.length >= n,
    0,
  ]),
];

/**
 * Distinct request numbers at random among the run's first 40 (it sends about 46: 12 data
 * keys, 3 multipart uploads of 4 requests, 9 PutObjects, the template check and 12
 * CreateJobs). The numbers are in the tests' names, so a failure can be replayed.
 */
function randomRequests(count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(1 + Math.floor(Math.random() * 40));
  return [...chosen];
}

async function writeFiles(prefix: string): Promise<string[]> {
  const paths = SIZES.map((_, i) => `${prefix}/f${String(i).padStart(2, '0')}.mp4`);
  for (const [i, file] of paths.entries()) {
    // The clip's bytes first (what the job checks), then noise up to the size.
    await sources.write(file, SIZES[i]!);
    const data = await readFile(path.join(sources.workspace, file));
    clip.copy(data, 0, 0, Math.min(clip.length, data.length));
    await writeFile(path.join(sources.workspace, file), data);
    await sources.record(file);
  }
  return paths;
}

function attempt(
  prefix: string,
  env: Record<string, string>,
  runAttempt: number,
  onSpawn?: (child: ChildProcess) => void,
): Promise<ActionRun> {
  return sources.run({
    env: { ...env, GITHUB_RUN_ID: `kill-${prefix}`, GITHUB_RUN_ATTEMPT: String(runAttempt) },
    inputs: {
      files: `${prefix}/*.mp4`,
      'kms-key-arn': stack.info.kmsKeyArn,
      destination: `s3://${stack.info.bucket}/${prefix}/`,
      'role-arn': stack.info.roleArn,
      'job-template': stack.info.jobTemplate,
      'max-memory-mib': '32',
    },
    ...(onSpawn ? { onSpawn } : {}),
  });
}

async function jobsUnder(prefix: string): Promise<Job[]> {
  const jobs: Job[] = [];
  let NextToken: string | undefined;
  do {
    const page = await stackClients(stack).mediaconvert.send(
      new ListJobsCommand({ MaxResults: 20, ...(NextToken ? { NextToken } : {}) }),
    );
    jobs.push(...(page.Jobs ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  const under = `s3://${stack.info.bucket}/${prefix}/`;
  return jobs.filter((j) => j.Settings?.Inputs?.some((i) => i.FileInput?.startsWith(under)));
}

const uploadsOf = (records: readonly ProxyRecord[], key: string): ProxyRecord[] =>
  records.filter(
    (r) =>
      r.key === key && ['PutObject', 'UploadPart', 'CreateMultipartUpload'].includes(r.operation),
  );

/** Keys of `uris` complete in S3 by the end of attempt 1 (its first `split` records) and sent again after. */
function resentAfterComplete(
  records: readonly ProxyRecord[],
  split: number,
  uris: readonly string[],
): string[] {
  const keys = uris.map((uri) => uri.replace(/^s3:\/\/[^/]+\//, ''));
  const complete = keys.filter((key) =>
    records.slice(0, split).some((r) => r.key === key && isObjectDone(r)),
  );
  return complete.filter((key) => uploadsOf(records.slice(split), key).length > 0);
}

// Each case has its own prefix and so its own run ID: a case never meets another's objects.
const CASES = KILL_POINTS.map(([name, killAt, complete], i) => ({
  name,
  killAt,
  complete,
  // The CreateJob case has asked for a job by the kill; others may have or not.
  jobsAsked: name.includes('CreateJob') ? 1 : 0,
  i,
}));

/** The inputs of every CreateJob the server received whole (MediaConvert's JSON is camelCase). */
function jobInputs(records: readonly ProxyRecord[]): string[] {
  return records
    .filter((r) => r.operation === 'CreateJob' && r.requestBody !== undefined)
    .flatMap((r) => {
      const body = JSON.parse(r.requestBody!) as {
        settings?: { inputs?: { fileInput?: string }[] };
      };
      return (body.settings?.inputs ?? []).map((input) => input.fileInput ?? '');
    });
}

// The cases run at once (jest's maxConcurrency at a time): each waits mostly on its link.
test.concurrent.each(CASES)(
  'killed $name, then re-run as attempt 2: one job a file, no incomplete upload, nothing complete uploaded again',
  async ({ killAt, complete, jobsAsked, i }) => {
    const prefix = `kill-${i}`;
    const paths = await writeFiles(prefix);
    const fault = await startFaultProxy({ upstreams: stack.info.endpoints });
    const link = await startLinkProxy({ upstreams: fault.urls, link: LINK });
    try {
      const env = link.env(stack.env());
      const first = await attempt(prefix, env, 1, (child) => {
        void fault
          .waitFor((r) => killAt(r, fault.records), 120_000)
          .then(
            () => child.kill('SIGKILL'),
            () => undefined,
          );
      });
      expect(first.signal).toBe('SIGKILL');
      // The journal is whole whenever the kill came: old or new, never torn.
      const journal = await readFile(
        path.join(first.runnerTemp, 'mediaconvert-encrypt-manifest.json'),
        'utf8',
      ).catch(() => undefined);
      const parsed =
        journal === undefined ? undefined : (JSON.parse(journal) as { version: number });
      expect([undefined, 1]).toContain(parsed?.version);
      // Every file a job was asked for was on record before: in the manifest or in its log.
      const manifestFile = path.join(first.runnerTemp, 'mediaconvert-encrypt-manifest.json');
      const folded = parsed
        ? foldLog(parsed as unknown as Record<string, unknown>, await readLogText(manifestFile))
        : { files: [] };
      const recorded = (folded.files as { s3Uri: string }[]).map((f) => f.s3Uri);
      const asked = jobInputs(fault.records);
      expect(recorded).toEqual(expect.arrayContaining(asked));
      expect(asked.length).toBeGreaterThanOrEqual(jobsAsked);

      const firstRecords = fault.records.length;
      expect(fault.records.filter(isObjectDone).length).toBeGreaterThanOrEqual(complete);
      const second = await attempt(prefix, env, 2);
      expect(second.stdout).not.toContain('::error::');
      expect(second.code).toBe(0);

      // Every object is the source's ciphertext, with the decryption settings reported.
      expect(s3Uris(second)).toHaveLength(paths.length);
      await sources.expectObjectsDecryptToSources(second, paths);
      // Exactly one job a file, and it is the one the outputs name.
      const jobs = await jobsUnder(prefix);
      const inputs = jobs.map((j) => j.Settings?.Inputs?.[0]?.FileInput).sort();
      expect(inputs).toEqual(s3Uris(second).sort());
      expect(JSON.parse(second.outputs['job-ids']!).sort()).toEqual(jobs.map((j) => j.Id).sort());
      // No incomplete upload left under the prefix.
      const left = await stackClients(stack).s3.send(
        new ListMultipartUploadsCommand({ Bucket: stack.info.bucket, Prefix: `${prefix}/` }),
      );
      expect(left.Uploads ?? []).toEqual([]);
      // A file whose object S3 had complete in attempt 1 is not sent again in attempt 2.
      expect(resentAfterComplete(fault.records, firstRecords, s3Uris(second))).toEqual([]);
    } finally {
      await link.close();
      await fault.close();
    }
  },
);

/** dist/cli.js in the workspace, with `env`; resolves with its exit and its stdout. */
function cli(
  args: string[],
  env: Record<string, string>,
  onSpawn?: (child: ChildProcess) => void,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
      cwd: sources.workspace,
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
    });
    onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

test('the CLI killed after its first object, then run with --resume MANIFEST, ends the same way', async () => {
  const prefix = 'kill-cli';
  const paths = await writeFiles(prefix);
  const manifest = path.join(sources.workspace, `${prefix}.manifest.json`);
  const fault = await startFaultProxy({ upstreams: stack.info.endpoints });
  const link = await startLinkProxy({ upstreams: fault.urls, link: LINK });
  try {
    const env = link.env(stack.env());
    const args = [
      ...['--files', `${prefix}/*.mp4`, '--kms-key-arn', stack.info.kmsKeyArn],
      ...['--destination', `s3://${stack.info.bucket}/${prefix}/`],
      ...['--role-arn', stack.info.roleArn, '--job-template', stack.info.jobTemplate],
    ];
    const first = await cli([...args, '--manifest', manifest], env, (child) => {
      void fault
        .waitFor((r) => isObjectDone(r), 120_000)
        .then(
          () => child.kill('SIGKILL'),
          () => undefined,
        );
    });
    expect(first.signal).toBe('SIGKILL');
    const firstRecords = fault.records.length;
    const second = await cli([...args, '--resume', manifest], env);
    expect(second.stderr).toContain('resuming attempt 2 of this run');
    expect(second.code).toBe(0);
    const outputs = JSON.parse(second.stdout) as { 'job-ids': string[]; 's3-uris': string[] };
    const jobs = await jobsUnder(prefix);
    expect(jobs).toHaveLength(paths.length);
    expect([...outputs['job-ids']].sort()).toEqual(jobs.map((j) => j.Id).sort());
    const written = JSON.parse(await readFile(manifest, 'utf8')) as {
      run: { attempt: number; state: string };
      files: { resumed?: boolean }[];
    };
    expect(written.run).toMatchObject({ attempt: 2, state: 'finished' });
    expect(written.files.filter((f) => f.resumed).length).toBeGreaterThan(0);
    expect(resentAfterComplete(fault.records, firstRecords, outputs['s3-uris'])).toEqual([]);
  } finally {
    await link.close();
    await fault.close();
  }
});
