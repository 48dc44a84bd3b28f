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
