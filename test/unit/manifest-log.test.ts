/**
 * The manifest's log: a checkpoint with the records appended after it reads back as the whole
 * report, at every step of a run; what a killed run may leave (a torn last line, records the
 * checkpoint already holds, another run's log) is left out.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { foldLog, logPathOf } from '../../src/report/manifest-log.js';
import { checkManifestTarget } from '../../src/report/manifest-target.js';
import { readResumeManifest } from '../../src/host/resume-manifest.js';
import { readManifest } from '../../src/objects/object-source.js';
import { updateManifest } from '../../src/objects/manifest-update.js';
import { manifestSource } from '../../src/report/manifest-text.js';
import { manifestOf } from '../../src/report/manifest.js';
import type { RunReport } from '../../src/report/run-report.js';
import type { FileResult } from '../../src/upload/encrypt-file.js';
import type { CreatedJob } from '../../src/job/create-and-wait.js';

function file(i: number): FileResult {
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
  };
}

function job(i: number): CreatedJob {
  return {
    id: `job-${i}`,
    arn: `arn:aws:mediaconvert:us-east-1:111122223333:jobs/job-${i}`,
    status: 'SUBMITTED',
    request: { Role: 'arn:aws:iam::111122223333:role/R', Settings: { Inputs: [] } },
  };
}

function newReport(): RunReport {
  return {
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
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const withoutMark = ({ journal: _mark, ...rest }: Record<string, unknown>) => rest;

/** Entries by key: a record appends what is new, so a job made late for an early file comes last. */
function byKey(manifest: Record<string, unknown>): Record<string, unknown> {
  const sorted = (list: unknown, key: string) =>
    [...(list as Record<string, string>[])].sort((a, b) => (a[key]! < b[key]! ? -1 : 1));
  return {
    ...manifest,
    files: sorted(manifest.files, 'path'),
    jobs: sorted(manifest.jobs, 'id'),
  };
}

/** A checkpoint of `report` now, and a function that appends a record of what changed. */
function journalOf(report: RunReport, id = 'run1') {
  const source = manifestSource(report);
  source.changes();
  let seq = 1;
  const checkpoint = JSON.parse(
    Buffer.concat(source.whole({ id, seq })).toString('utf8'),
  ) as Record<string, unknown>;
  let log = '';
  return {
    checkpoint,
    record(): void {
      seq += 1;
      log += `${JSON.stringify({ id, seq, ...source.changes() })}\n`;
    },
    log: () => log,
    seq: () => seq,
  };
}

describe('foldLog', () => {
  test('a checkpoint and its records read back as the whole report at every step', () => {
    const report = newReport();
    report.files = [file(0)];
    const journal = journalOf(report);
    const check = (): void => {
      journal.record();
      const folded = foldLog(journal.checkpoint, journal.log());
      expect(folded.journal).toEqual({ id: 'run1', seq: journal.seq() });
      expect(byKey(withoutMark(folded))).toEqual(byKey(plain(manifestOf(report)) as never));
    };
    for (let i = 1; i < 6; i++) {
      report.files = [...report.files, file(i)];
      check();
      report.jobs = [...report.jobs, job(i)];
      check();
    }
    // In the order recorded: the same order as the report while entries come in order.
    expect(withoutMark(foldLog(journal.checkpoint, journal.log()))).toEqual(
      plain(manifestOf(report)),
    );
    // A job made late for the first file: the report puts it first, the log last.
    report.jobs = [job(0), ...report.jobs];
    check();
    report.failures = [{ relativePath: 'masters/bad.mov', message: 'upload failed' }];
    check();
    // The wait and delete-inputs change entries already recorded.
    report.outcomes = [{ id: 'job-1', status: 'ERROR', errorCode: 1010, errorMessage: 'bad' }];
    check();
    report.finished = [{ id: 'job-2', status: 'COMPLETE', durationSeconds: 4.5, outputs: [] }];
    report.deletion = { deleted: ['s3://media/in/masters/3.mov'], kept: [], problems: [] };
    check();
    // The run appends to its arrays as files end, and the wait to its list of finished jobs.
    report.files.push(file(6));
    check();
    report.jobs.push(job(6));
    check();
    report.finished.push({ id: 'job-3', status: 'COMPLETE', durationSeconds: 1, outputs: [] });
    check();
    report.deletion.deleted.push('s3://media/in/masters/4.mov');
    check();
    report.run!.state = 'finished';
    check();
    // Nothing changed: a record with nothing in it.
    expect(manifestSource(newReport()).changes()).toEqual({
      top: plain({ version: 1, region: 'us-east-1', run: newReport().run }),
    });
  });

  test('a torn last line, a foreign line and what the checkpoint holds are left out', () => {
    const report = newReport();
    const journal = journalOf(report);
    report.files = [file(1)];
    journal.record();
    report.files = [file(1), file(2)];
    journal.record();
    const whole = journal.log();
    const [first, second] = whole.trimEnd().split('\n') as [string, string];
    // The second record cut short: only the first one counts.
    const torn = `${first}\n${second.slice(0, 20)}`;
    const folded = foldLog(journal.checkpoint, torn);
    expect((folded.files as unknown[]).length).toBe(1);
    expect(folded.journal).toEqual({ id: 'run1', seq: 2 });
    // Lines of another run's log, or records at or before the checkpoint's, change nothing.
    const foreign = `${first.replace('"run1"', '"run0"')}\n`;
    expect(foldLog(journal.checkpoint, foreign)).toEqual({
      ...journal.checkpoint,
      journal: { id: 'run1', seq: 1 },
    });
    const later = { ...journal.checkpoint, journal: { id: 'run1', seq: 3 } };
    expect((foldLog(later, whole).files as unknown[]).length).toBe(0);
    // A line that is not a record ends the log there.
    const garbage = `not json\n${whole}`;
    expect((foldLog(journal.checkpoint, garbage).files as unknown[]).length).toBe(0);
  });

  test('a manifest without a mark (a run that ended) is whole by itself', () => {
    const report = newReport();
    const journal = journalOf(report);
    report.files = [file(1)];
    journal.record();
    const ended = withoutMark(journal.checkpoint);
    expect(foldLog(ended, journal.log())).toBe(ended);
  });
});

describe('every reader of a manifest folds its log in', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'manifest-log-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A killed run's manifest (its checkpoint with one file) and a log with one more. */
  async function killedRun(): Promise<string> {
    const report = newReport();
    report.files = [file(1)];
    const journal = journalOf(report, 'abc123');
    report.files = [file(1), file(2)];
    journal.record();
    const manifest = path.join(dir, 'manifest.json');
    await writeFile(manifest, JSON.stringify(journal.checkpoint, null, 2));
    await writeFile(logPathOf(manifest), `${journal.log()}{"id":"abc123","seq":3,"fi`);
    return manifest;
  }

  const paths = (manifest: Record<string, unknown> | undefined) =>
    ((manifest?.files ?? []) as { path: string }[]).map((f) => f.path);

  test('the re-run, --resume, verify and rewrap see the files of the log, not the torn line', async () => {
    const manifest = await killedRun();
    const both = [file(1).relativePath, file(2).relativePath];
    expect(paths((await checkManifestTarget(manifest, [])).earlier)).toEqual(both);
    expect(paths((await readResumeManifest(manifest, 0)).earlier)).toEqual(both);
    const listed = await readManifest(manifest);
    expect(listed.targets.map((t) => t.s3Uri)).toEqual([file(1).s3Uri, file(2).s3Uri]);
    // What rewrap writes back stands alone: no mark, so the log is not folded in again.
    expect(listed.manifest?.json.journal).toBeUndefined();
  });
});

test('rewrap writes a folded manifest back whole and removes the log beside it', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'manifest-log-rewrap-'));
  try {
    const report = newReport();
    report.files = [file(1)];
    const journal = journalOf(report, 'def456');
    report.files = [file(1), file(2)];
    journal.record();
    const manifest = path.join(dir, 'manifest.json');
    await writeFile(manifest, JSON.stringify(journal.checkpoint, null, 2));
    await writeFile(logPathOf(manifest), journal.log());
    const listed = await readManifest(manifest);
    const rewrapped = { ...file(2).decryption, EncryptedDecryptionKey: 'bmV3' };
    const results = listed.targets.map((t, i) => ({
      s3Uri: t.s3Uri,
      status: 'rewrapped' as const,
      message: '',
      decryption: i === 1 ? rewrapped : t.recorded!.decryption,
    }));
    expect(await updateManifest(listed.manifest!, listed.targets, results)).toBe(1);
    const written = JSON.parse(await readFile(manifest, 'utf8')) as Record<string, unknown>;
    expect(written.journal).toBeUndefined();
    expect((written.files as { decryption: unknown }[])[1]!.decryption).toEqual(rewrapped);
    await expect(readFile(logPathOf(manifest))).rejects.toThrow('ENOENT');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
