/**
 * The packaged action behind a real forward proxy (tinyproxy): every AWS request goes through
 * it when HTTP_PROXY or the `http-proxy` input says so, none when NO_PROXY names the host.
 * A recording proxy in front of the stack sees each request as it arrives, with the Via header
 * tinyproxy adds and the User-Agent the action sent. Retries follow AWS_MAX_ATTEMPTS.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPackagedAction, type ActionRun } from '../../harness/action-runner.js';
import { withFaultProxy, type FaultProxy, type FaultRule } from '../support/fault-proxy.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack, FAST_JOBS } from '../support/use-stack.js';
import { VERSION } from '../../src/shared/version.js';
import { startTinyProxy, type TinyProxy } from '../support/tinyproxy.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const stack = useStack(FAST_JOBS);
let tinyproxy: TinyProxy;
let workspace: string;

beforeAll(async () => {
  tinyproxy = await startTinyProxy();
  workspace = await mkdtemp(path.join(os.tmpdir(), 'proxy-ws-'));
  await copyFile(path.join(repoRoot, 'samples', 'clip.mp4'), path.join(workspace, 'clip.mp4'));
});

afterAll(async () => {
  await tinyproxy?.close();
  await rm(workspace, { recursive: true, force: true });
});

function withRecorder<T>(rules: FaultRule[], fn: (recorder: FaultProxy) => Promise<T>): Promise<T> {
  return withFaultProxy({ upstreams: stack.info.endpoints, rules }, fn);
}

function run(
  recorder: FaultProxy,
  env: Record<string, string>,
  inputs: Record<string, string>,
): Promise<ActionRun> {
  return runPackagedAction({
    workspace,
    env: { ...recorder.env(stack.env()), ...env },
    inputs: actionInputs(stack, 'proxy', {
      files: 'clip.mp4',
      ...inputs,
    }),
  });
}

/** What tinyproxy logged since `before` requests, as `METHOD URL` lines. */
async function proxiedSince(before: number): Promise<string[]> {
  return (await tinyproxy.requests()).slice(before).map((r) => `${r.method} ${r.target}`);
}

/** Every request the stack received, as `METHOD URL` with the recorder's absolute URL. */
function received(recorder: FaultProxy): string[] {
  return recorder.records.map((r) => `${r.method} ${recorder.urls[r.service]}${r.url}`);
}

describe('a forward proxy', () => {
  test('HTTP_PROXY carries every request of a run, each naming this tool in its User-Agent', async () => {
    await withRecorder([], async (recorder) => {
      const before = (await tinyproxy.requests()).length;
      const result = await run(
        recorder,
        { HTTP_PROXY: tinyproxy.url, NO_PROXY: '' },
        { wait: 'true' },
      );
      expect(result.code).toBe(0);
      const operations = new Set(recorder.records.map((r) => `${r.service}:${r.operation}`));
      for (const op of ['kms:GenerateDataKey', 's3:PutObject', 'mediaconvert:CreateJob'])
        expect(operations).toContain(op);
      expect(operations).toContain('mediaconvert:GetJob');
      // Same requests, same order: nothing reached the stack except through tinyproxy.
      expect(await proxiedSince(before)).toEqual(received(recorder));
      for (const record of recorder.records) {
        expect([record.operation, record.via]).toEqual([
          record.operation,
          expect.stringMatching(/tinyproxy/),
        ]);
        expect([record.operation, record.userAgent]).toEqual([
          record.operation,
          expect.stringContaining(`mediaconvert-encrypt/${VERSION}`),
        ]);
      }
    });
  });

  test('the http-proxy input does the same without any proxy variable', async () => {
    await withRecorder([], async (recorder) => {
      const before = (await tinyproxy.requests()).length;
      const result = await run(
        recorder,
        {},
        { 'http-proxy': tinyproxy.url, 'create-job': 'false' },
      );
      expect(result.code).toBe(0);
      expect(recorder.records.length).toBeGreaterThanOrEqual(2);
      expect(await proxiedSince(before)).toEqual(received(recorder));
      expect(recorder.records.every((r) => /tinyproxy/.test(r.via ?? ''))).toBe(true);
    });
  });

  test('NO_PROXY naming the host sends the requests directly', async () => {
    await withRecorder([], async (recorder) => {
      const before = (await tinyproxy.requests()).length;
      const result = await run(
        recorder,
        { HTTP_PROXY: tinyproxy.url, NO_PROXY: 'example.com,127.0.0.1' },
        { 'create-job': 'false' },
      );
      expect(result.code).toBe(0);
      expect(recorder.records.length).toBeGreaterThanOrEqual(2);
      expect(await proxiedSince(before)).toEqual([]);
      expect(recorder.records.map((r) => r.via)).toEqual(recorder.records.map(() => undefined));
    });
  });
});

describe('AWS_MAX_ATTEMPTS', () => {
  const throttleOnce: FaultRule = {
    service: 'kms',
    operation: 'GenerateDataKey',
    fault: { kind: 'error', error: 'throttling' },
    times: 1,
  };
  const dataKeyCalls = (recorder: FaultProxy): number =>
    recorder.records.filter((r) => r.operation === 'GenerateDataKey').length;

  test('1: one throttled request fails the file, with no second attempt', async () => {
    await withRecorder([throttleOnce], async (recorder) => {
      const result = await run(recorder, { AWS_MAX_ATTEMPTS: '1' }, { 'create-job': 'false' });
      expect(result.code).toBe(1);
      expect(dataKeyCalls(recorder)).toBe(1);
    });
  });

  test('unset: the default retries get past the same throttling', async () => {
    await withRecorder([throttleOnce], async (recorder) => {
      const result = await run(recorder, {}, { 'create-job': 'false' });
      expect(result.code).toBe(0);
      expect(dataKeyCalls(recorder)).toBe(2);
    });
  });

  test('a value that is not a number fails the step naming the variable', async () => {
    await withRecorder([], async (recorder) => {
      const result = await run(recorder, { AWS_MAX_ATTEMPTS: 'many' }, {});
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("environment variable AWS_MAX_ATTEMPTS: 'many'");
      expect(recorder.records).toEqual([]);
    });
  });
});
