import { describe, expect, test } from '@jest/globals';
import { parseJsonText } from '../../src/shared/json-text.js';

describe('parseJsonText', () => {
  test('parses JSON, with or without a UTF-8 byte order mark', () => {
    expect(parseJsonText('{"a": "b"}')).toEqual({ a: 'b' });
    expect(parseJsonText('\ufeff{"a": "b"}')).toEqual({ a: 'b' });
  });

  test.each([
    ['{"key": SecretValue123}', 'SecretValue123'],
    ['{"key": "SecretValue123"', 'SecretValue123'],
    ['{"key": "SecretValue123",\n}', 'SecretValue123'],
    ['{"SecretValue123" "x"}', 'SecretValue123'],
    ['"SecretValue123', 'SecretValue123'],
  ])('%j: the error gives a place, never the text', (text, secret) => {
    let message = '';
    try {
      parseJsonText(text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^is not valid JSON \(/);
    expect(message).not.toContain(secret);
    expect(message).not.toContain(secret.slice(0, 4));
  });

  test('points at the line and column of the fault', () => {
    expect(() => parseJsonText('{\n  "a": 1,\n}')).toThrow(
      'is not valid JSON (syntax error at line 3, column 1)',
    );
  });
});

describe('__proto__ keys', () => {
  test.each([
    ['{"__proto__": "x"}', 'line 1, column 2'],
    ['{"a": {\n  "\\u005f_proto__": 1}}', 'line 2, column 3'],
    ['[{"b": 1}, {"__proto__" : {"c": 2}}]', 'line 1, column 13'],
  ])('%j is refused with its place', (text, place) => {
    expect(() => parseJsonText(text)).toThrow(`has the key "__proto__" at ${place}`);
  });

  test('as a value, or inside another string, it is an ordinary string', () => {
    expect(parseJsonText('{"a": "__proto__", "b\\"__proto__": ["__proto__"]}')).toEqual({
      a: '__proto__',
      'b"__proto__': ['__proto__'],
    });
  });
});

describe('numbers a double cannot carry as written', () => {
  test.each([
    [
      '{"Priority": 1e400}',
      'has a number at line 1, column 14 that no double holds (1e400 is past',
    ],
    ['[-2E+999]', 'has a number at line 1, column 2 that no double holds (-2E+999 is past'],
    [
      '{"a":\n 1e-400}',
      'has a number at line 2, column 2 that no double holds (1e-400 would become 0)',
    ],
    [
      '{"Bitrate": 12345678901234567890}',
      'has an integer at line 1, column 13 with more digits than a double keeps (12345678901234567890 would become 12345678901234567000; integers are exact up to 9007199254740991)',
    ],
    ['[9007199254740993]', '(9007199254740993 would become 9007199254740992;'],
  ])('%j is refused with its place and its digits as written', (text, says) => {
    expect(() => parseJsonText(text)).toThrow(says);
  });

  test('a number of a thousand digits is shown cut short', () => {
    let message = '';
    try {
      parseJsonText(`[${'9'.repeat(1000)}]`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`(${'9'.repeat(40)}… is past the largest`);
    expect(message.length).toBeLessThan(200);
  });

  test.each([
    '[9007199254740991, -9007199254740991, 0.1, 1e300, 1.5e-300, 0, -0, 0.0e5, 1e20]',
    '{"digits in a string": "12345678901234567890", "1e400": "1e400"}',
  ])('%j parses: exact or not an integer, and strings are never read as numbers', (text) => {
    expect(() => parseJsonText(text)).not.toThrow();
  });
});
