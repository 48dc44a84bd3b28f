/**
 * JSON from an input or a file, with errors that never quote the text: a settings file or a
 * metadata value may hold a secret (a static key, a token), and V8's JSON.parse messages quote
 * the text around the fault. The error gives the line and column instead.
 *
 * JSON that parses can still not mean what it says once it is a JavaScript value: a
 * `__proto__` key is taken as the object's prototype and vanishes from the object. It is
 * refused, with its place.
 */

/** Parses `text` (a leading UTF-8 byte order mark is allowed); throws `Error(problem)`. */
export function parseJsonText(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch (error) {
    throw new Error(`is not valid JSON (${whereIn(body, error)})`);
  }
  const problem = lossyToken(body);
  if (problem !== undefined) throw new Error(problem);
  return value;
}

/** String tokens. */
const TOKEN = /"(?:[^"\\]|\\.)*"/g;

/** What follows a key: `:`, after any white space (sticky: tested where a string ends). */
const KEY_END = /\s*:/y;

/**
 * The first token of valid JSON `text` that does not survive JSON.parse as written, as a
 * problem that names its place; undefined when there is none.
 */
function lossyToken(text: string): string | undefined {
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const at = () => lineAndColumn(text, match.index);
    // A key is a string followed by `:`; escapes (`\u005f_proto__`) decode to the same key.
    KEY_END.lastIndex = match.index + token.length;
    if (isProtoKey(token) && KEY_END.test(text)) {
      return `has the key "__proto__" at ${at()}: JavaScript reads it as the object's prototype, so the entry would be silently dropped; use another key`;
    }
  }
  return undefined;
}

/** `"__proto__"`, written plainly or with escapes. */
function isProtoKey(token: string): boolean {
  if (token === '"__proto__"') return true;
  return token.includes('\\') && (JSON.parse(token) as string) === '__proto__';
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
  return `syntax error at ${lineAndColumn(text, Number(position))}`;
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
