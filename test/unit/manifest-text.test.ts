/**
 * The journal's manifest text, made from kept entry texts, is the same byte for byte as the
 * whole report turned into JSON, as the run grows and as entries change after they are made.
 */
import { manifestSource, type ManifestSource } from '../../src/report/manifest-text.js';
import { manifestOf } from '../../src/report/manifest.js';
import type { RunReport } from '../../src/report/run-report.js';
import type { FileResult } from '../../src/upload/encrypt-file.js';
import type { CreatedJob } from '../../src/job/create-and-wait.js';

const whole = (report: RunReport): string => `${JSON.stringify(manifestOf(report), null, 2)}\n`;

/** The pieces of a checkpoint as the file will hold them (one source per report, kept). */
function writerText(): (report: RunReport) => string {
  const sources = new WeakMap<RunReport, ManifestSource>();
  return (report) => {
    let source = sources.get(report);
    if (!source) sources.set(report, (source = manifestSource(report)));
    return Buffer.concat(source.whole()).toString('utf8');
  };
}

function file(i: number, extra: Partial<FileResult> = {}): FileResult {
  return {
    relativePath: `masters/caf\u00e9 "${i}"\n.mov`,
    bytes: 1000 + i,
    plaintextSha256: String(i).padStart(64, '0'),
    s3Uri: `s3://media/in/masters/${i}.mov`,
    decryption: {
      DecryptionMode: 'AES_CTR',
      EncryptedDecryptionKey: `key${i}==`,
      InitializationVector: `iv${i}==`,
    },
    ...extra,
  };
}

function job(i: number): CreatedJob {
  return {
    id: `job-${i}`,
    arn: `arn:aws:mediaconvert:us-east-1:111122223333:jobs/job-${i}`,
    status: 'SUBMITTED',
    request: {
      Role: 'arn:aws:iam::111122223333:role/R',
      Settings: { Inputs: [{ FileInput: `s3://media/in/masters/${i}.mov` }] },
      UserMetadata: { note: 'line\nbreak \u0000 and "quotes"' },
    },
  };
}

test('empty, growing, and changed after the fact: the same text as the whole report', () => {
  const text = writerText();
  const report: RunReport = {
    region: 'us-east-1',
    run: {
      key: 'a'.repeat(32),
      attempt: 1,
      startedAt: '2026-12-04T00:00:00.000Z',
      state: 'running',
    },
    files: [],
    failures: [],
    jobs: [],
  };
  expect(text(report)).toBe(whole(report));
  for (let i = 0; i < 5; i++) {
    report.files = [...report.files, file(i, i === 3 ? { skipped: true } : {})];
    expect(text(report)).toBe(whole(report));
    report.jobs = [...report.jobs, job(i)];
    expect(text(report)).toBe(whole(report));
  }
  report.failures = [{ relativePath: 'masters/bad.mov', message: 'upload failed' }];
  expect(text(report)).toBe(whole(report));
  // The wait and delete-inputs change entries already written.
  report.outcomes = [
    { id: 'job-0', status: 'COMPLETE' },
    { id: 'job-1', status: 'ERROR', errorCode: 1010, errorMessage: 'bad input' },
  ];
  expect(text(report)).toBe(whole(report));
  report.finished = [{ id: 'job-0', status: 'COMPLETE', durationSeconds: 4.5, outputs: [] }];
  expect(text(report)).toBe(whole(report));
  report.deletion = { deleted: ['s3://media/in/masters/0.mov'], kept: [], problems: [] };
  report.run!.state = 'finished';
  expect(text(report)).toBe(whole(report));
});

test('a text that looks like the array markers stays as it is', () => {
  const text = writerText();
  const report: RunReport = {
    region: 'us-east-1',
    files: [file(1, { relativePath: '\u0000manifest-files\u0000' })],
    failures: [
      { relativePath: '\u0000manifest-jobs\u0000', message: '"\u0000manifest-files\u0000"' },
    ],
    jobs: [],
  };
  expect(text(report)).toBe(whole(report));
});
