/**
 * GitHub keeps at most 1 MB per step output. A 0.95 MB job-settings file (under the action's
 * 1 MiB limit for it) with two files makes the CreateJob requests about 1.9 MB: `job-settings` then holds a short form pointing at the
 * manifest, a warning says so, and the manifest holds every request whole.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPackagedAction } from '../../harness/action-runner.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack } from '../support/use-stack.js';

const stack = useStack();
let workspace: string;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'output-limits-ws-'));
  await mkdir(path.join(workspace, 'media'));
  for (const name of ['a', 'b']) {
    await copyFile('samples/clip.mp4', path.join(workspace, 'media', `${name}.mp4`));
  }
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

test('a 0.95 MB settings file: every output under 1 MB, job-settings points at the manifest', async () => {
  // Nine metadata values (the most a user may give) of 106,000 characters: a whole CreateJob
  // request of about 0.95 MB.
  const userMetadata = Object.fromEntries(
    Array.from({ length: 9 }, (_, i) => [`note-${i}`, String(i).repeat(106_000)]),
  );
  const settingsPath = path.join(workspace, 'big-settings.json');
  await writeFile(
    settingsPath,
    JSON.stringify({
      JobTemplate: stack.info.jobTemplate,
      UserMetadata: userMetadata,
      Settings: {},
    }),
  );
  const run = await runPackagedAction({
    workspace,
    env: stack.env(),
    inputs: actionInputs(stack, 'big-settings', {
      files: 'media/*.mp4',
      'job-settings': settingsPath,
    }),
  });
  expect(run.code).toBe(0);
  for (const [name, value] of Object.entries(run.outputs)) {
    expect([name, Buffer.byteLength(value) <= 1_000_000]).toEqual([name, true]);
  }
  const short = JSON.parse(run.outputs['job-settings']!) as Record<string, unknown>;
  expect(short).toEqual({
    shortened: true,
    bytes: expect.any(Number),
    entries: 2,
    manifest: run.outputs.manifest,
    'in-manifest': 'jobs[].request',
  });
  expect(short.bytes).toBeGreaterThan(1_900_000);
  expect(run.stdout).toMatch(
    /^::warning::output `job-settings` is \d+ bytes, over GitHub's limit/m,
  );
  // What fits is whole.
  expect(JSON.parse(run.outputs['job-ids']!)).toHaveLength(2);
  expect(JSON.parse(run.outputs['decryption-settings']!)).toHaveLength(2);

  // The manifest has both requests, each with all of its metadata, as sent.
  const manifest = JSON.parse(await readFile(run.outputs.manifest!, 'utf8')) as {
    jobs: { id: string; request: { UserMetadata: Record<string, string> } }[];
  };
  expect(manifest.jobs.map((j) => j.id)).toEqual(JSON.parse(run.outputs['job-ids']!));
  for (const job of manifest.jobs) {
    expect(job.request.UserMetadata).toEqual({
      ...userMetadata,
      'mediaconvert-encrypt-run': expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  }
});
