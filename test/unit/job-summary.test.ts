import { describe, expect, test } from '@jest/globals';
import {
  escapeCell,
  formatDuration,
  jobsSection,
  s3ConsoleUrl,
} from '../../src/outputs/summary.js';
import type { RunReport } from '../../src/report/run-report.js';

describe('escapeCell', () => {
  test('no HTML, no Markdown markup, no line break survives', () => {
    const text = 'a|b\n<img src=x onerror=alert(1)> [x](javascript:1) **b** `c`';
    const escaped = escapeCell(text);
    expect(escaped).not.toMatch(/[<>\n]/);
    expect(escaped).not.toMatch(/[|[\]()*`]/);
    expect(escaped).toBe(
      'a&#124;b&#92;n&#60;img src=x onerror=alert&#40;1&#41;&#62; &#91;x&#93;&#40;javascript&#58;1&#41; &#42;&#42;b&#42;&#42; &#96;c&#96;',
    );
  });
});

test('s3ConsoleUrl encodes the key', () => {
  expect(s3ConsoleUrl('s3://out/a b/c&d.mp4', 'eu-west-1')).toBe(
    'https://s3.console.aws.amazon.com/s3/object/out?region=eu-west-1&prefix=a%20b%2Fc%26d.mp4',
  );
  expect(s3ConsoleUrl('https://x/y', 'eu-west-1')).toBeUndefined();
});

test('formatDuration', () => {
  expect(formatDuration(undefined)).toBe('');
  expect(formatDuration(4.25)).toBe('4.3 s');
  expect(formatDuration(125)).toBe('2 min 5 s');
  expect(formatDuration(7260)).toBe('2 h 1 min');
});

describe('jobsSection', () => {
  const report: RunReport = {
    region: 'us-east-1',
    files: [],
    failures: [],
    jobs: [],
    outcomes: [
      { id: 'j1', status: 'COMPLETE' },
      { id: 'j2', status: 'ERROR', errorCode: 1040, errorMessage: 'bad <key>\nsecond | line' },
    ],
    finished: [
      {
        id: 'j1',
        status: 'COMPLETE',
        durationSeconds: 12.5,
        outputs: Array.from({ length: 8 }, (_, i) => ({
          group: 0,
          type: 'FILE_GROUP_SETTINGS',
          kind: 'file' as const,
          uri: `s3://out/r/a-${i}.mp4`,
        })),
      },
      { id: 'j2', status: 'ERROR', outputs: [] },
    ],
  };

  test('one row per job: status, duration, escaped error, at most six output links', () => {
    const lines = jobsSection(report);
    const [complete, failed] = lines.slice(-2);
    expect(complete).toMatch(
      /^\| \[j1\]\(https:\/\/console\.aws\.amazon\.com\/mediaconvert\/[^)]+\) \| COMPLETE \| 12\.5 s \| {2}\| /,
    );
    expect(complete!.match(/\]\(https:\/\/s3\.console/g)).toHaveLength(6);
    expect(complete).toContain('and 2 more (manifest)');
    expect(failed).toBe(
      '| [j2](https://console.aws.amazon.com/mediaconvert/home?region=us-east-1#/jobs/summary/j2) | ERROR |  | **1040** bad &#60;key&#62;&#92;nsecond &#124; line |  |',
    );
  });

  test('nothing when no job was waited for', () => {
    expect(jobsSection({ ...report, outcomes: undefined as never })).toEqual([]);
  });
});
