import { describe, expect, test } from '@jest/globals';
import { limitSummary, MAX_SUMMARY_BYTES } from '../../src/outputs/limits.js';

const table = (rows: number): string =>
  [
    '### MediaConvert encrypt: dry run',
    '',
    'Plan: 3 file(s). Nothing was encrypted, uploaded or created.',
    '',
    '| File | Size | S3 object | Would |',
    '| --- | ---: | --- | --- |',
    ...Array.from({ length: rows }, (_, i) => `| f${i}.mp4 | 1 B | s3://b/f${i}.mp4 | upload |`),
  ].join('\n') + '\n';

describe('limitSummary', () => {
  test('a summary within the limit is kept whole, without a warning', () => {
    const text = table(3);
    expect(limitSummary(text, { manifestPath: '/t/m.json', maxBytes: text.length })).toEqual({
      text,
    });
  });

  test('one byte over: the heading and totals, a note naming the manifest, a warning', () => {
    const text = table(3);
    const limited = limitSummary(text, { manifestPath: '/t/m_1.json', maxBytes: text.length - 1 });
    expect(limited.text).toBe(
      [
        '### MediaConvert encrypt: dry run',
        '',
        'Plan: 3 file(s). Nothing was encrypted, uploaded or created.',
        '',
        `The full summary is ${text.length} bytes, over GitHub's limit of ${text.length - 1} bytes per step summary: its 3 table rows are left out here. The manifest has every file and job: /t/m&#95;1.json`,
        '',
      ].join('\n'),
    );
    expect(limited.warning).toBe(
      `step summary is ${text.length} bytes, over GitHub's limit of ${text.length - 1} bytes per step summary: it holds a short form instead (the heading and totals); the manifest at /t/m_1.json has every file and job`,
    );
  });

  test('the limit is 1 MiB, counted in UTF-8 bytes', () => {
    expect(MAX_SUMMARY_BYTES).toBe(1_048_576);
    const wide = `### x\n\n${'é'.repeat(MAX_SUMMARY_BYTES / 2)}\n`;
    expect(limitSummary(wide, { manifestPath: 'm' }).warning).toMatch(
      /^step summary is 1048584 bytes/,
    );
  });
});
