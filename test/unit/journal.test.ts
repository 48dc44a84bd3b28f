import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { errnoOf, WriteError, writeDurably } from '../../src/report/durable-file.js';
import { Journal, manifestRoom } from '../../src/report/journal.js';
import { foldLog, logPathOf, readLogText } from '../../src/report/manifest-log.js';
import { manifestSource } from '../../src/report/manifest-text.js';
import { manifestOf } from '../../src/report/manifest.js';
import type { RunReport } from '../../src/report/run-report.js';
import type { FileResult } from '../../src/upload/encrypt-file.js';
import { unwritableReason } from '../../src/report/writable.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'journal-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeDurably', () => {
  test('replaces the file whole, makes missing folders and leaves no temporary file', async () => {
    const file = path.join(dir, 'a', 'b', 'manifest.json');
    await writeDurably(file, 'first');
    await writeDurably(file, 'second, longer');
    expect(await readFile(file, 'utf8')).toBe('second, longer');
    expect(await readdir(path.dirname(file))).toEqual(['manifest.json']);
  });

  test('a failure names the file and the errno, and leaves the old content', async () => {
    const blocker = path.join(dir, 'plain-file');
    await writeFile(blocker, 'x');
    const error = await writeDurably(path.join(blocker, 'm.json'), 'y').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteError);
    expect((error as Error).message).toBe(
      // mkdir reports the file in the way as EEXIST.
      `cannot write '${path.join(blocker, 'm.json')}': EEXIST (file already exists)`,
    );
    expect(await readFile(blocker, 'utf8')).toBe('x');
  });
});

describe('errnoOf', () => {
  test('keeps the code and the description of a Node error', () => {
    const error = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
    });
    expect(errnoOf(error)).toBe('ENOSPC (no space left on device)');
    expect(errnoOf(Object.assign(new Error('odd'), { code: 'EODD' }))).toBe('EODD');
    expect(errnoOf(new Error('plain'))).toBe('plain');
  });
});

describe('Journal', () => {
  test('after commit() resolves, the file holds the state as of the call', async () => {
    const file = path.join(dir, 'manifest.json');
    let state = 0;
    const journal = new Journal(file, () => JSON.stringify({ state }));
    for (let i = 1; i <= 3; i++) {
      state = i;
      await journal.commit();
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ state: i });
    }
    expect(journal.writes).toBe(3);
  });

  test('commits asked for during a write share the next one (group commit)', async () => {
    const file = path.join(dir, 'manifest.json');
    let state = 0;
    const journal = new Journal(file, () => JSON.stringify({ state }));
    const commits: Promise<number>[] = [];
    for (let i = 1; i <= 50; i++) {
      state = i;
      // What the file holds when commit i resolves.
      commits.push(
        journal
          .commit()
          .then(async () => (JSON.parse(await readFile(file, 'utf8')) as { state: number }).state),
      );
    }
    const seen = await Promise.all(commits);
    // Whatever write resolved commit i carried state i or later.
    seen.forEach((written, i) => expect(written).toBeGreaterThanOrEqual(i + 1));
    // The first call starts a write; the 49 made while it runs wait for one more.
    expect(journal.writes).toBe(2);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ state: 50 });
  });

  test('a failed write stops the journal: every later commit fails at once with it', async () => {
    const blocker = path.join(dir, 'plain-file');
    await writeFile(blocker, 'x');
    const journal = new Journal(path.join(blocker, 'manifest.json'), () => '{}');
    const first = await journal.commit().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(WriteError);
    expect(journal.broken).toBe(first);
    await expect(journal.commit()).rejects.toBe(first);
    expect(journal.writes).toBe(0);
  });

  test('records go to the log between rare checkpoints; each commit reads back folded', async () => {
    const file = path.join(dir, 'manifest.json');
    const report = runReport();
    const journal = new Journal(file, manifestSource(report));
    await journal.commit();
    const marks = new Set<number>();
    for (let i = 1; i <= 1000; i++) {
      report.files = [...report.files, fileResult(i)];
      await journal.commit();
      const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      const log = await readLogText(file);
      // The log never outgrows the manifest (or its floor) by more than one record.
      expect(Buffer.byteLength(log)).toBeLessThanOrEqual(
        Math.max(64 * 1024, Buffer.byteLength(JSON.stringify(manifest, null, 2))) + 1024,
      );
      marks.add((manifest.journal as { seq: number }).seq);
      expect((foldLog(manifest, log).files as unknown[]).length).toBe(i);
    }
    // Each checkpoint is at least twice the one before: a handful of whole writes.
    expect(marks.size).toBeLessThanOrEqual(12);
    expect(journal.writes).toBe(1001);
    // The last write is whole, without a mark, and the log is gone.
    report.run!.state = 'finished';
    await journal.finish();
    expect(await readFile(file, 'utf8')).toBe(`${JSON.stringify(manifestOf(report), null, 2)}\n`);
    expect(await readdir(dir)).toEqual(['manifest.json']);
  });

  test('a log left by another run is removed by the first write, and a commit with no change writes nothing', async () => {
    const file = path.join(dir, 'manifest.json');
    await writeFile(logPathOf(file), `${JSON.stringify({ id: 'other', seq: 2, files: [{}] })}\n`);
    const report = runReport();
    const journal = new Journal(file, manifestSource(report));
    await journal.commit();
    expect(await readdir(dir)).toEqual(['manifest.json']);
    report.files = [fileResult(1)];
    await journal.commit();
    expect(await readdir(dir)).toEqual(['manifest.json', 'manifest.json.log']);
    await journal.commit();
    expect(journal.writes).toBe(2);
  });

  test('room: three times the manifest at its largest (the old copy, the new one, the log)', () => {
    expect(manifestRoom(0, 0)).toBe(3 * 4096);
    expect(manifestRoom(10, 1000)).toBe(3 * (4096 + 10 * 2536));
  });
});

describe('unwritableReason', () => {
  test('a new file in a folder, or a regular file, can be written', async () => {
    expect(await unwritableReason(path.join(dir, 'new.txt'))).toBeUndefined();
    await writeFile(path.join(dir, 'old.txt'), '');
    expect(await unwritableReason(path.join(dir, 'old.txt'))).toBeUndefined();
    // The check leaves nothing behind.
    expect(await readdir(dir)).toEqual(['old.txt']);
  });

  test('says why not: a folder, a missing folder, a file on the path, too little room', async () => {
    expect(await unwritableReason(dir)).toBe('it exists and is a folder');
    expect(await unwritableReason(path.join(dir, 'no', 'out.txt'))).toBe(
      `its folder '${path.join(dir, 'no')}' does not exist`,
    );
    expect(
      await unwritableReason(path.join(dir, 'no', 'out.txt'), { createFolder: true }),
    ).toBeUndefined();
    await writeFile(path.join(dir, 'file'), '');
    expect(await unwritableReason(path.join(dir, 'file', 'out.txt'))).toBe(
      `'${path.join(dir, 'file')}' on its path is a file, not a folder`,
    );
    expect(await unwritableReason(path.join(dir, 'out.txt'), { neededBytes: 2 ** 50 })).toMatch(
      /^its file system has \d+ bytes free, less than the 1125899906842624 bytes the run will write there$/,
    );
  });
});

function runReport(): RunReport {
  return {
    region: 'us-east-1',
    run: {
      key: 'b'.repeat(32),
      attempt: 1,
      startedAt: '2026-12-05T00:00:00.000Z',
      state: 'running',
    },
    files: [],
    failures: [],
    jobs: [],
  };
}

function fileResult(i: number): FileResult {
  return {
    relativePath: `media/${i}.mp4`,
    bytes: i,
    plaintextSha256: String(i).padStart(64, '0'),
    s3Uri: `s3://media/in/media/${i}.mp4`,
    decryption: {
      DecryptionMode: 'AES_CTR',
      EncryptedDecryptionKey: 'a2V5',
      InitializationVector: 'aXY=',
    },
  };
}
