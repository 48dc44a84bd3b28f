/**
 * The six public job settings in samples/jobs run to COMPLETE on the local MediaConvert and
 * write the files the naming rules predict (top-level manifests, child playlists, files).
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateJobCommand, type CreateJobCommandInput } from '@aws-sdk/client-mediaconvert';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { outputLocations, segmentUri } from '../../src/mediaconvert/output-locations.js';
import {
  BUCKET,
  putObject,
  ROLE_ARN,
  startTestStack,
  type TestStack,
} from '../support/mediaconvert-fixtures.js';

let stack: TestStack;
let fileInput: string;

beforeAll(async () => {
  stack = await startTestStack();
  const clip = join(stack.dir, 'sample.mp4');
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-v', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc=duration=1:size=128x72:rate=10'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=800:duration=1'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'],
    ...['-shortest', clip],
  ]);
  fileInput = await putObject(stack, 'inputs/sample.mp4', await readFile(clip));
}, 30_000);

afterAll(async () => {
  await stack.close();
});

async function keys(): Promise<Set<string>> {
  const found = new Set<string>();
  let token: string | undefined;
  do {
    const page = await stack.s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'outputs/', ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) found.add(`s3://${BUCKET}/${o.Key}`);
    token = page.NextContinuationToken;
  } while (token);
  return found;
}

test.each(['mp4', 'hls', 'vod', 'thumbnails', 'cmaf', 'mp3'])(
  'samples/jobs/%s.json completes with the expected files',
  async (name) => {
    const request = JSON.parse(
      await readFile(join('samples', 'jobs', `${name}.json`), 'utf8'),
    ) as CreateJobCommandInput;
    const settings = request.Settings!;
    const inputs = settings.Inputs ?? [{}];
    settings.Inputs = [{ ...inputs[0], FileInput: fileInput }];
    const created = await stack.mediaconvert.send(
      new CreateJobCommand({ ...request, Role: ROLE_ARN }),
    );
    const job = (await stack.emulator.waitForJob(created.Job!.Id!, 90_000)) as {
      status: string;
      errorMessage?: string;
      settings: unknown;
    };
    expect(job.errorMessage).toBeUndefined();
    expect(job.status).toBe('COMPLETE');
    const written = await keys();
    const expected = outputLocations(job.settings).flatMap((g) => [
      ...g.playlists,
      ...g.outputs.flatMap((o) => [
        ...(o.file ? [o.file] : []),
        ...(o.playlist ? [o.playlist] : []),
        ...(o.init ? [o.init] : []),
        ...(o.layout === 'segments' || o.layout === 'frames'
          ? [segmentUri(o, o.counter?.first ?? 1)]
          : []),
      ]),
    ]);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.filter((uri) => !written.has(uri))).toEqual([]);
  },
  120_000,
);
