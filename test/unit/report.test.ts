import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CreateJobCommandInput } from '@aws-sdk/client-mediaconvert';
import { OUTPUTS } from '../../src/inputs/interface.js';
import type { CreatedJob } from '../../src/job/create-and-wait.js';
import type { FileResult } from '../../src/upload/encrypt-file.js';
import { manifestOf } from '../../src/report/manifest.js';
import { writeManifest } from '../../src/report/manifest-text.js';
import { runOutputs } from '../../src/outputs/run-outputs.js';
import { summaryOf } from '../../src/outputs/summary.js';
import type { RunReport } from '../../src/report/run-report.js';
import { formatBytes } from '../../src/shared/units.js';

function file(name: string, bytes: number): FileResult {
  return {
    relativePath: `media/${name}`,
    bytes,
    plaintextSha256: 'ab'.repeat(32),
    s3Uri: `s3://bucket/in/media/${name}`,
    decryption: {
      DecryptionMode: 'AES_CTR',
      EncryptedDecryptionKey: 'AQIDBA==',
      InitializationVector: 'AAAAAAAAAAAAAAAAAAAAAA==',
      KmsKeyRegion: 'eu-west-1',
    },
  };
}

function job(id: string, files: FileResult[]): CreatedJob {
  const request: CreateJobCommandInput = {
    Role: 'arn:aws:iam::123456789012:role/MC',
    JobTemplate: 'tmpl',
    Settings: {
      Inputs: files.map((f) => ({ FileInput: f.s3Uri, DecryptionSettings: f.decryption })),
    },
    ClientRequestToken: `token-${id}`,
  };
  return {
    id,
    arn: `arn:aws:mediaconvert:us-east-1:123456789012:jobs/${id}`,
    status: 'SUBMITTED',
    request,
  };
}

const A = file('a.mp4', 2048);
const B = file('b|c.mov', 5 * 1024 * 1024);
const JOB_A = job('1700000000000-aaaaaa', [A]);
const JOB_B = job('1700000000000-bbbbbb', [B]);

function report(overrides: Partial<RunReport> = {}): RunReport {
  return {
    region: 'us-east-1',
    files: [A, B],
    failures: [],
    jobs: [JOB_A, JOB_B],
    ...overrides,
  };
}

describe('manifest', () => {
  test('has the documented manifest fields', () => {
    expect(manifestOf(report())).toEqual({
      version: 1,
      region: 'us-east-1',
      files: [A, B].map((f) => ({
        path: f.relativePath,
        key: f.s3Uri.replace('s3://bucket/', ''),
        bytes: f.bytes,
        plaintextSha256: f.plaintextSha256,
        s3Uri: f.s3Uri,
        decryption: f.decryption,
      })),
      jobs: [JOB_A, JOB_B].map((j) => ({
        id: j.id,
        arn: j.arn,
        status: 'SUBMITTED',
        request: j.request,
      })),
      failures: [],
    });
  });

  test('a job that was waited for carries its final status and error', () => {
    const manifest = manifestOf(
      report({
        outcomes: [
          { id: JOB_A.id, status: 'COMPLETE' },
          { id: JOB_B.id, status: 'ERROR', errorCode: 1030, errorMessage: 'bad key' },
        ],
      }),
    ) as { jobs: Record<string, unknown>[] };
    expect(manifest.jobs[0]).toMatchObject({ id: JOB_A.id, status: 'COMPLETE' });
    expect(manifest.jobs[0]).not.toHaveProperty('errorCode');
    expect(manifest.jobs[1]).toMatchObject({
      status: 'ERROR',
      errorCode: 1030,
      errorMessage: 'bad key',
    });
  });

  test('failures are listed', () => {
    const failures = [{ relativePath: 'media/x.mp4', message: 'upload failed: AccessDenied' }];
    expect(manifestOf(report({ failures }))).toMatchObject({ failures });
  });

  describe('writeManifest', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'report-test-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    test('writes the manifest as JSON, creating missing folders', async () => {
      const target = path.join(dir, 'deep/er/manifest.json');
      await writeManifest(target, report());
      const text = await readFile(target, 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(manifestOf(report()))));
    });
  });
});

describe('outputs', () => {
  test('every output is a string and JSON outputs parse to arrays in file order', () => {
    const outputs = runOutputs(report(), '/tmp/m.json');
    for (const value of Object.values(outputs)) expect(typeof value).toBe('string');
    expect(outputs['job-id']).toBe(JOB_A.id);
    expect(JSON.parse(outputs['job-ids'] ?? '')).toEqual([JOB_A.id, JOB_B.id]);
    expect(JSON.parse(outputs['job-settings'] ?? '')).toEqual([JOB_A.request, JOB_B.request]);
    expect(JSON.parse(outputs['decryption-settings'] ?? '')).toEqual([A.decryption, B.decryption]);
    expect(JSON.parse(outputs['s3-uris'] ?? '')).toEqual([A.s3Uri, B.s3Uri]);
    expect(outputs.manifest).toBe('/tmp/m.json');
  });

  test('job-status appears only after waiting', () => {
    expect(runOutputs(report(), 'm')).not.toHaveProperty('job-status');
    const outcomes = [{ id: JOB_A.id, status: 'COMPLETE' }];
    expect(JSON.parse(runOutputs(report({ outcomes }), 'm')['job-status'] ?? '')).toEqual(outcomes);
  });

  test('without jobs, job-id is empty and job-ids an empty array', () => {
    const outputs = runOutputs(report({ jobs: [] }), 'm');
    expect(outputs['job-id']).toBe('');
    expect(outputs['job-ids']).toBe('[]');
    expect(outputs['job-settings']).toBe('[]');
  });

  test('every declared output is produced after a wait', () => {
    const outcomes = [{ id: JOB_A.id, status: 'COMPLETE' }];
    const produced = Object.keys(runOutputs(report({ outcomes }), 'm')).sort();
    // object-results belongs to verify and rewrap (objects-report.test.ts).
    const encryptOutputs = OUTPUTS.map((o) => o.name).filter((n) => n !== 'object-results');
    expect(produced).toEqual(encryptOutputs.sort());
  });

  test('every output name is declared in the interface table', () => {
    const declared = new Set<string>(OUTPUTS.map((o) => o.name));
    const outcomes = [{ id: JOB_A.id, status: 'COMPLETE' }];
    for (const name of Object.keys(runOutputs(report({ outcomes }), 'm')))
      expect(declared.has(name)).toBe(true);
  });
});

/** The text a reader sees in a cell: numeric character references decoded. */
function shown(markdown: string): string {
  return markdown.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** The cells of a table row as GitHub splits them: at every unescaped pipe. */
function cells(row: string): string[] {
  return row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((c) => c.trim());
}

describe('summary', () => {
  test('one row per file, each linked to its job in the console', () => {
    const summary = summaryOf(report());
    const rows = summary.split('\n').filter((l) => l.startsWith('| media/'));
    expect(rows).toHaveLength(2);
    expect(cells(rows[0]!).slice(0, 4).map(shown)).toEqual([
      'media/a.mp4',
      '2.0 KiB',
      's3://bucket/in/media/a.mp4',
      'AES_CTR',
    ]);
    expect(rows[0]).toContain(
      `[${JOB_A.id}](https://console.aws.amazon.com/mediaconvert/home?region=us-east-1#/jobs/summary/${JOB_A.id})`,
    );
    expect(rows[1]).toContain(`#/jobs/summary/${JOB_B.id}`);
  });

  test('states the counts in its first paragraph', () => {
    const failures = [{ relativePath: 'media/x.mp4', message: 'boom' }];
    expect(summaryOf(report({ failures }))).toContain(
      '2 file(s) encrypted and uploaded, 1 failed, 2 job(s) created in us-east-1.',
    );
  });

  test('a single job links every file to the same job', () => {
    const single = job('single-1', [A, B]);
    const rows = summaryOf(report({ jobs: [single] }))
      .split('\n')
      .filter((l) => l.startsWith('| media/'));
    for (const row of rows) expect(row).toContain('[single-1](');
  });

  test('the final job status follows the link after waiting', () => {
    const summary = summaryOf(report({ outcomes: [{ id: JOB_A.id, status: 'COMPLETE' }] }));
    expect(summary).toContain(`#/jobs/summary/${JOB_A.id}) COMPLETE |`);
  });

  test('a file without a job shows a dash', () => {
    const row = summaryOf(report({ jobs: [] }))
      .split('\n')
      .find((l) => l.startsWith('| media/a.mp4'));
    expect(row?.endsWith('| — |')).toBe(true);
  });

  test('failures get a row each with their message, on one line', () => {
    const failures = [
      { relativePath: 'media/x.mp4', message: 'upload failed:\nAccessDenied | no' },
    ];
    const summary = summaryOf(report({ failures }));
    const row = summary.split('\n').find((l) => l.startsWith('| media/x.mp4'))!;
    expect(cells(row).map(shown)).toEqual([
      'media/x.mp4',
      '',
      '**failed**: upload failed:\\nAccessDenied | no',
      '',
      '',
    ]);
  });

  test('pipes in paths are escaped so the table keeps its columns', () => {
    const row = summaryOf(report())
      .split('\n')
      .find((l) => l.startsWith('| media/b'))!;
    expect(cells(row)).toHaveLength(5);
    expect(shown(cells(row)[0]!)).toBe('media/b|c.mov');
  });

  test('hostile names: no HTML tag, code span, link or row break comes from a name', () => {
    const names = [
      '<img src=x onerror=alert(1)>.mp4',
      'a`b.mp4',
      'c\rd.mp4',
      'e\n::warning::INJECTED.mp4',
      '[x](javascript:alert(1)).mp4',
    ];
    const hostile = names.map((n, i) => ({ ...file(n, i), s3Uri: `s3://bucket/in/${n}` }));
    const summary = summaryOf(report({ files: hostile, jobs: [] }));
    const rows = summary.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(2 + names.length);
    expect(summary).not.toMatch(/[<>`\r]/);
    expect(summary).not.toContain('](javascript');
    rows.slice(2).forEach((row, i) => {
      expect(cells(row)).toHaveLength(5);
      expect(shown(cells(row)[0]!)).toBe(
        `media/${names[i]!.replace('\r', '\\r').replace('\n', '\\n')}`,
      );
    });
  });
});

describe('formatBytes', () => {
  test.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [5 * 1024 * 1024, '5.0 MiB'],
    [3 * 1024 ** 3, '3.0 GiB'],
    [2 * 1024 ** 5, '2048.0 TiB'],
  ])('%i bytes is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
