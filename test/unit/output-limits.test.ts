import { describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { JobConfig } from '../../src/inputs/config.js';
import type { OutputName } from '../../src/inputs/interface.js';
import { buildRequests, type JobPlan } from '../../src/job/request.js';
import type { CreatedJob, JobOutcome } from '../../src/job/create-and-wait.js';
import {
  limitOutputs,
  MAX_OUTPUT_BYTES,
  MAX_STEP_OUTPUT_BYTES,
  type ShortenedOutput,
} from '../../src/outputs/limits.js';
import type { FileResult } from '../../src/upload/encrypt-file.js';
import { manifestOf } from '../../src/report/manifest.js';
import { runOutputs } from '../../src/outputs/run-outputs.js';
import type { RunReport } from '../../src/report/run-report.js';

const MANIFEST = '/runner/temp/mediaconvert-encrypt-manifest.json';

function files(count: number): FileResult[] {
  return Array.from({ length: count }, (_, i) => ({
    relativePath: `masters/season-1/episode-${String(i).padStart(5, '0')}.mov`,
    bytes: 1e9 + i,
    plaintextSha256: randomBytes(32).toString('hex'),
    s3Uri: `s3://media-bucket/encrypted/masters/season-1/episode-${String(i).padStart(5, '0')}.mov`,
    decryption: {
      DecryptionMode: 'AES_CTR',
      EncryptedDecryptionKey: randomBytes(184).toString('base64'),
      InitializationVector: randomBytes(16).toString('base64'),
    },
  }));
}

/** A report as run() makes it: real requests from buildRequests, one job per request. */
function reportOf(results: FileResult[], layout: JobConfig['layout'], settings = {}): RunReport {
  const plan: JobPlan = {
    base: {
      Role: 'arn:aws:iam::123456789012:role/MediaConvert',
      JobTemplate: 'hls-ladder',
      Settings: settings,
    },
    inputTemplate: { TimecodeSource: 'ZEROBASED' },
    layout,
    notes: [],
  };
  const jobs: CreatedJob[] = buildRequests(plan, results, 'run/1').map((request, i) => ({
    id: `1700000000000-${String(i).padStart(6, '0')}`,
    arn: `arn:aws:mediaconvert:us-east-1:123456789012:jobs/1700000000000-${i}`,
    status: 'SUBMITTED',
    request,
  }));
  const outcomes: JobOutcome[] = jobs.map((j) => ({ id: j.id, status: 'COMPLETE' }));
  return { region: 'us-east-1', files: results, failures: [], jobs, outcomes };
}

function bytes(value: string | undefined): number {
  return Buffer.byteLength(value ?? '', 'utf8');
}

function total(values: Partial<Record<OutputName, string>>): number {
  return Object.values(values).reduce((sum, v) => sum + bytes(v), 0);
}

describe('limitOutputs', () => {
  test('a small batch keeps every output whole and warns of nothing', () => {
    const outputs = runOutputs(reportOf(files(3), 'per-file'), MANIFEST);
    const limited = limitOutputs(outputs, { manifestPath: MANIFEST });
    expect(limited.values).toEqual(outputs);
    expect(limited.warnings).toEqual([]);
  });

  test.each(['per-file', 'single'] as const)(
    '10,000 files, %s: every output at most 1 MB, all together at most 2 MB, the manifest keeps all',
    (layout) => {
      const report = reportOf(files(10_000), layout);
      const outputs = runOutputs(report, MANIFEST);
      expect(bytes(outputs['job-settings'])).toBeGreaterThan(MAX_OUTPUT_BYTES);
      const { values, warnings } = limitOutputs(outputs, { manifestPath: MANIFEST });
      for (const value of Object.values(values)) {
        expect(bytes(value)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
      }
      expect(total(values)).toBeLessThanOrEqual(MAX_STEP_OUTPUT_BYTES);
      // Shortened ones say so, point at the manifest, and each has its warning.
      const shortened = (Object.keys(values) as OutputName[]).filter(
        (n) => values[n] !== outputs[n],
      );
      expect(shortened).toContain('job-settings');
      expect(shortened).toContain('decryption-settings');
      expect(warnings).toHaveLength(shortened.length);
      for (const name of shortened) {
        const short = JSON.parse(values[name]!) as ShortenedOutput;
        expect(short).toEqual({
          shortened: true,
          bytes: bytes(outputs[name]),
          entries: (JSON.parse(outputs[name]!) as unknown[]).length,
          manifest: MANIFEST,
          'in-manifest': expect.any(String),
        });
        expect(warnings.find((w) => w.startsWith(`output \`${name}\``))).toContain(
          short['in-manifest'],
        );
      }
      // What is not shortened is whole; the manifest has every entry of what is.
      expect(values['job-id']).toBe(report.jobs[0]!.id);
      expect(values.manifest).toBe(MANIFEST);
      const manifest = manifestOf(report) as { files: unknown[]; jobs: { request: unknown }[] };
      expect(manifest.files).toHaveLength(10_000);
      expect(JSON.stringify(manifest.jobs.map((j) => j.request))).toBe(outputs['job-settings']);
    },
  );

  test('a 5 MB settings object with 2 files: job-settings is shortened, the rest kept', () => {
    const settings = { OutputGroups: [{ Name: 'x'.repeat(5_000_000) }] };
    const outputs = runOutputs(reportOf(files(2), 'per-file', settings), MANIFEST);
    expect(bytes(outputs['job-settings'])).toBeGreaterThan(10_000_000);
    const { values, warnings } = limitOutputs(outputs, { manifestPath: MANIFEST });
    expect(JSON.parse(values['job-settings']!)).toMatchObject({
      shortened: true,
      entries: 2,
      'in-manifest': 'jobs[].request',
    });
    expect(values['decryption-settings']).toBe(outputs['decryption-settings']);
    expect(values['s3-uris']).toBe(outputs['s3-uris']);
    expect(warnings).toEqual([
      expect.stringMatching(/^output `job-settings` is \d+ bytes, over GitHub's limit/),
    ]);
  });

  test('outputs each under 1 MB but together over the step budget: the largest go first', () => {
    const outputs = {
      'job-settings': JSON.stringify(['a'.repeat(900_000)]),
      'decryption-settings': JSON.stringify(['b'.repeat(800_000)]),
      's3-uris': JSON.stringify(['c'.repeat(700_000)]),
      manifest: MANIFEST,
    };
    const { values, warnings } = limitOutputs(outputs, { manifestPath: MANIFEST });
    expect(total(values)).toBeLessThanOrEqual(MAX_STEP_OUTPUT_BYTES);
    expect(JSON.parse(values['job-settings']!)).toMatchObject({ shortened: true });
    expect(values['decryption-settings']).toBe(outputs['decryption-settings']);
    expect(values['s3-uris']).toBe(outputs['s3-uris']);
    expect(warnings).toEqual([expect.stringContaining('all outputs together')]);
  });

  test('bytes are counted in UTF-8, not in characters', () => {
    const name = 'é'.repeat(300_000); // 600,000 bytes, 300,000 characters
    const outputs = { 's3-uris': JSON.stringify([name, name]), manifest: MANIFEST };
    const { values } = limitOutputs(outputs, { manifestPath: MANIFEST });
    expect(JSON.parse(values['s3-uris']!)).toMatchObject({ shortened: true, entries: 2 });
  });
});
