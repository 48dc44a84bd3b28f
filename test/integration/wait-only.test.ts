/**
 * Waits that outlive the credentials, through the packaged action: a warning with the figures
 * before a wait that may outlast them; at ExpiredToken, a failure that names the jobs still
 * running and says how to wait for them; and `wait-only`, which waits for jobs made by an
 * earlier step (by `job-ids` or by its manifest) and reports them as `wait` does.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActionRun } from '../../harness/action-runner.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { createSources, type Sources } from '../support/sources.js';
import { FAST_JOBS, useStack } from '../support/use-stack.js';

const stack = useStack(FAST_JOBS);
let sources: Sources;

beforeAll(async () => {
  sources = await createSources('wait-only-ws-', stack);
  await sources.copy('clip.mp4', 'samples/clip.mp4');
});

afterAll(async () => {
  await sources?.remove();
});

const errorLine = (run: ActionRun): string =>
  run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';

/** The GetJob of every wait refused as by STS when the session token has run out. */
async function expiredProxy(): Promise<FaultProxy> {
  return startFaultProxy({
    upstreams: stack.info.endpoints,
    rules: [
      {
        service: 'mediaconvert',
        operation: 'GetJob',
        fault: {
          kind: 'error',
          status: 403,
          code: 'ExpiredTokenException',
          message: 'The security token included in the request is expired',
        },
      },
    ],
  });
}

function encrypt(
  prefix: string,
  env: Record<string, string>,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  return sources.run({
    env,
    inputs: {
      files: 'clip.mp4',
      'kms-key-arn': stack.info.kmsKeyArn,
      destination: `s3://${stack.info.bucket}/${prefix}/`,
      'role-arn': stack.info.roleArn,
      'job-template': stack.info.jobTemplate,
      wait: 'true',
      ...inputs,
    },
  });
}

test.concurrent(
  'credentials that expire before wait-timeout: a warning with the figures before the wait',
  async () => {
    const expiry = new Date(Date.now() + 10 * 60_000);
    const run = await encrypt('expiring', {
      ...stack.env(),
      AWS_CREDENTIAL_EXPIRATION: expiry.toISOString(),
    });
    expect(run.code).toBe(0);
    const warning = run.stdout.split('\n').find((l) => l.includes('credentials expire at'));
    expect(warning).toMatch(
      new RegExp(
        `^::warning::the AWS credentials expire at ${expiry.toISOString().replace(/\./g, '\\.')}, in (9|10) min, and wait-timeout lets this wait last 60 min`,
      ),
    );
    expect(warning).toContain('wait-only');
  },
);

test.concurrent('credentials that outlast wait-timeout: no warning', async () => {
  const run = await encrypt(
    'not-expiring',
    {
      ...stack.env(),
      AWS_CREDENTIAL_EXPIRATION: new Date(Date.now() + 3 * 3600_000).toISOString(),
    },
    { 'wait-timeout': '600' },
  );
  expect(run.code).toBe(0);
  expect(run.stdout).not.toContain('credentials expire');
});

test.concurrent(
  'ExpiredToken while waiting names the running jobs and the recipe; wait-only with job-ids finishes the wait',
  async () => {
    const proxy = await expiredProxy();
    let first: ActionRun;
    try {
      first = await encrypt('expired', proxy.env(stack.env()));
    } finally {
      await proxy.close();
    }
    expect(first.code).toBe(1);
    const [id] = JSON.parse(first.outputs['job-ids']!) as string[];
    expect(errorLine(first)).toContain(
      `the AWS credentials expired while waiting (ExpiredTokenException: The security token included in the request is expired); the 1 job(s) still running go on: ${id}. To wait for them with fresh credentials, run a later step or job with \`wait-only: true\` and \`job-ids: \${{ steps.<this step's id>.outputs.job-ids }}\``,
    );

    // The later step: fresh credentials, the job IDs, nothing else of the first step's inputs.
    const second = await sources.run({
      env: stack.env(),
      inputs: { 'wait-only': 'true', 'job-ids': first.outputs['job-ids']! },
    });
    expect(second.stdout).not.toContain('::error::');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.outputs['job-status']!)).toEqual([{ id, status: 'COMPLETE' }]);
    const [uris] = JSON.parse(second.outputs['output-uris']!) as {
      jobId: string;
      outputs: unknown[];
    }[];
    expect(uris).toMatchObject({ jobId: id, status: 'COMPLETE' });
    expect(uris!.outputs.length).toBeGreaterThan(0);
    expect(second.outputs['job-id']).toBe(id);
    expect(second.summary).toContain(id);
    expect(second.summary).toContain('COMPLETE');
  },
);

test.concurrent(
  'wait-only with the manifest of the run waits for its jobs and writes their outcomes into it',
  async () => {
    const manifest = path.join(sources.workspace, 'expired-manifest.json');
    const proxy = await expiredProxy();
    try {
      const first = await encrypt('expired-manifest', proxy.env(stack.env()), { manifest });
      expect(first.code).toBe(1);
    } finally {
      await proxy.close();
    }
    const before = JSON.parse(await readFile(manifest, 'utf8')) as { jobs: { id: string }[] };
    expect(before.jobs).toHaveLength(1);
    const second = await sources.run({
      env: stack.env(),
      inputs: { 'wait-only': 'true', manifest, 'delete-inputs': 'on-complete' },
    });
    expect(second.code).toBe(0);
    const after = JSON.parse(await readFile(manifest, 'utf8')) as {
      files: { path: string; deleted?: boolean }[];
      jobs: { id: string; status: string }[];
    };
    expect(after.jobs).toEqual([
      expect.objectContaining({ id: before.jobs[0]!.id, status: 'COMPLETE' }),
    ]);
    // The run's files are kept, and delete-inputs applies as after a wait.
    expect(after.files).toEqual([expect.objectContaining({ path: 'clip.mp4', deleted: true })]);
  },
);

test.concurrent('wait-only without job-ids or a manifest is refused, naming job-ids', async () => {
  const run = await sources.run({ env: stack.env(), inputs: { 'wait-only': 'true' } });
  expect(run.code).toBe(1);
  expect(errorLine(run)).toContain(
    'Input `job-ids`: is required with `wait-only: true` unless `manifest` names the manifest of the run whose jobs to wait for',
  );
});
