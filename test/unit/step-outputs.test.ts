/** The one entry for a run's outputs (src/outputs/step-outputs.ts): the action's, capped, and the CLI's JSON. */
import { describe, expect, test } from '@jest/globals';
import { OUTPUTS } from '../../src/inputs/interface.js';
import { MAX_OUTPUT_BYTES, type ShortenedOutput } from '../../src/outputs/limits.js';
import { runOutputs } from '../../src/outputs/run-outputs.js';
import {
  actionOutputs,
  cliOutputs,
  jobOutputs,
  jsonValues,
} from '../../src/outputs/step-outputs.js';
import { summaryOf } from '../../src/outputs/summary.js';
import type { RunReport } from '../../src/report/run-report.js';
import type { FileResult } from '../../src/upload/encrypt-file.js';

const MANIFEST = '/runner/temp/m.json';

function files(count: number): FileResult[] {
  return Array.from({ length: count }, (_, i) => ({
    relativePath: `media/clip-${i}.mov`,
    bytes: 1000 + i,
    plaintextSha256: 'ab'.repeat(32),
    s3Uri: `s3://bucket/in/media/clip-${i}.mov`,
    decryption: {
      DecryptionMode: 'AES_CTR',
      EncryptedDecryptionKey: 'A'.repeat(248),
      InitializationVector: 'AAAAAAAAAAAAAAAAAAAAAA==',
    },
  }));
}

function report(count: number): RunReport {
  const results = files(count);
  const jobs = results.map((f, i) => ({
    id: `1700000000000-${String(i).padStart(6, '0')}`,
    arn: `arn:aws:mediaconvert:us-east-1:123456789012:jobs/1700000000000-${i}`,
    status: 'SUBMITTED',
    request: {
      Role: 'arn:aws:iam::123456789012:role/MC',
      Settings: { Inputs: [{ FileInput: f.s3Uri }] },
    },
  }));
  return { region: 'us-east-1', files: results, failures: [], jobs };
}

describe('actionOutputs', () => {
  test('a small run: the outputs and the summary whole, no warning', () => {
    const run = report(2);
    const { outputs, summary } = actionOutputs(run, MANIFEST);
    expect(outputs).toEqual({ values: runOutputs(run, MANIFEST), warnings: [] });
    expect(summary).toEqual({ text: summaryOf(run) });
  });

  test('a run too big for GitHub: shortened outputs point at the manifest, each with a warning', () => {
    const run = report(5000);
    expect(Buffer.byteLength(runOutputs(run, MANIFEST)['decryption-settings']!)).toBeGreaterThan(
      MAX_OUTPUT_BYTES,
    );
    const { outputs } = actionOutputs(run, MANIFEST);
    const short = JSON.parse(outputs.values['decryption-settings']!) as ShortenedOutput;
    expect(short).toMatchObject({ shortened: true, entries: 5000, manifest: MANIFEST });
    expect(outputs.warnings.some((w) => w.startsWith('output `decryption-settings`'))).toBe(true);
  });
});

describe('jobOutputs', () => {
  test('job-id is the first job, job-ids all of them', () => {
    expect(jobOutputs(['1-a', '2-b'], MANIFEST)).toEqual({
      values: { 'job-id': '1-a', 'job-ids': '["1-a","2-b"]' },
      warnings: [],
    });
  });
});

describe('cliOutputs', () => {
  test('the same outputs as the action, in full, JSON ones as values', () => {
    const run = report(5000);
    const printed = cliOutputs(run, MANIFEST);
    const full = runOutputs(run, MANIFEST);
    expect(Object.keys(printed).sort()).toEqual(Object.keys(full).sort());
    expect(printed['decryption-settings']).toHaveLength(5000);
    expect(printed['job-id']).toBe(run.jobs[0]!.id);
    expect(printed.manifest).toBe(MANIFEST);
  });

  test('JSON outputs are printed as values, the others as strings', () => {
    const printed = jsonValues({
      'job-id': '123',
      'job-ids': '["123","456"]',
      's3-uris': '["s3://b/k"]',
      'decryption-settings': '[{"DecryptionMode":"AES_CTR"}]',
      manifest: '/tmp/m.json',
    });
    expect(printed).toEqual({
      'job-id': '123',
      'job-ids': ['123', '456'],
      's3-uris': ['s3://b/k'],
      'decryption-settings': [{ DecryptionMode: 'AES_CTR' }],
      manifest: '/tmp/m.json',
    });
    // Every output described as a JSON array is marked so.
    for (const output of OUTPUTS) {
      const json = 'json' in output && output.json === true;
      expect([output.name, json]).toEqual([output.name, output.description.includes('JSON array')]);
    }
  });
});
