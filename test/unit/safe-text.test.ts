import { describe, expect, test } from '@jest/globals';
import { FakeLogger } from '../support/logger.js';
import {
  logLine,
  logLines,
  markdownCell,
  oneLine,
  safeJson,
  safeLogger,
} from '../../src/shared/safe-text.js';

/** What the runner would read as a command: `::` at a line start after spaces, `##[` anywhere. */
function commandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((l) => /^\s*::/.test(l) || l.includes('##['));
}

const HOSTILE = [
  'v/a\n::warning::INJECTED.mp4',
  '::error::ROOT.mp4',
  '  ::add-mask::x',
  'a\r::error::CR.mp4',
  'a\u2028::error::LS.mp4',
  'a\u2029b\u0085c',
  'x ##[error]legacy',
  'esc\u001b[2Jclear',
  'bidi\u202eevil',
  'tab\there',
];

describe('oneLine', () => {
  test.each(HOSTILE)('%j has no line break or control left', (text) => {
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(oneLine(text)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
  });

  test('shows each escaped character visibly', () => {
    expect(oneLine('a\nb\rc\td\u2028e\u001bf')).toBe('a\\nb\\rc\\td\\u2028e\\u001bf');
  });

  test('leaves ordinary names alone, non-ASCII included', () => {
    expect(oneLine('media/Café – clip (1).mp4')).toBe('media/Café – clip (1).mp4');
  });
});

describe('logLine', () => {
  test.each(HOSTILE)('%j cannot be read as a runner command', (text) => {
    const line = logLine(text);
    expect(commandLines(line)).toEqual([]);
    expect(line.split('\n')).toHaveLength(1);
  });

  test('a name that starts with :: is shown with a backslash in front', () => {
    expect(logLine('::error::ROOT.mp4: 1 MiB')).toBe('\\::error::ROOT.mp4: 1 MiB');
  });

  test('logLines keeps our own line breaks and makes each line safe', () => {
    expect(logLines('2 failed:\n- ::error::x\n- b\u2028::warning::y')).toBe(
      '2 failed:\n- ::error::x\n- b\\u2028::warning::y',
    );
    expect(commandLines(logLines('head\n::error::x'))).toEqual([]);
  });
});

describe('safeLogger', () => {
  test('every level, group names and progress labels are made safe', async () => {
    const fake = new FakeLogger();
    const progress: string[] = [];
    const log = safeLogger(
      Object.assign(fake, { progress: (file: string) => void progress.push(file) }),
    );
    for (const name of HOSTILE) {
      log.info(name);
      log.warning(name);
      log.debug(name);
      await log.group(name, async () => undefined);
      log.progress!(name, 1, 2);
    }
    expect(commandLines(fake.lines.map((l) => l.message).join('\n'))).toEqual([]);
    expect(commandLines(progress.join('\n'))).toEqual([]);
  });
});

describe('markdownCell', () => {
  test('HTML cannot form a tag', () => {
    const cell = markdownCell('<img src=x onerror=alert(1)>.mp4');
    expect(cell).not.toMatch(/[<>]/);
    expect(cell).toContain('&#60;img src=x onerror=alert&#40;1&#41;&#62;.mp4');
  });

  test('pipes, backticks, brackets, emphasis and math are character references', () => {
    const cell = markdownCell('a|b`c`[l](u)*e*_f_~g~$m$\\');
    expect(cell).not.toMatch(/[|`[\]()*_~$\\]/);
  });

  test('a lone \\r or \\n cannot split the row', () => {
    expect(markdownCell('a\rb\nc')).not.toMatch(/[\r\n]/);
  });

  test('ampersands are escaped first, so entities in names stay text', () => {
    expect(markdownCell('&lt;')).toBe('&#38;lt;');
  });
});

describe('safeJson', () => {
  test('parses back to the same value', () => {
    const value = { name: 'a\u2028b ##[error]x \n ::error::y', list: [1, '\u2029'] };
    expect(JSON.parse(safeJson(value, 2))).toEqual(value);
  });

  test('leaves no separator raw and no ##[ in the text', () => {
    const text = safeJson({ a: 'x\u2028y\u2029z ##[add-mask]s' }, 2);
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(text).not.toContain('##[');
  });
});
