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
