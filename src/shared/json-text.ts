/**
 * JSON from an input or a file, with errors that never quote the text: a settings file or a
 * metadata value may hold a secret (a static key, a token), and V8's JSON.parse messages quote
 * the text around the fault. The error gives the line and column instead.
 */

/** Parses `text` (a leading UTF-8 byte order mark is allowed); throws `Error(problem)`. */
export function parseJsonText(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new Error(`is not valid JSON (${whereIn(body, error)})`);
  }
}

/** `line L, column C` of the fault, from the position V8 reports; never the text itself. */
function whereIn(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/end of JSON input|Unterminated string/i.test(message) && !/position/.test(message)) {
    return 'it ends too early';
  }
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) {
    return /Unexpected token/.test(message) ? 'an unexpected character' : 'syntax error';
  }
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `syntax error at line ${line}, column ${column}`;
}
