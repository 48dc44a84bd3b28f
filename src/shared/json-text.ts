/**
 * JSON from an input or a file, with errors that never quote the text: a settings file or a
 * metadata value may hold a secret (a static key, a token), and V8's JSON.parse messages quote
 * the text around the fault. The error gives the line and column instead.
 *
 * JSON that parses can still not mean what it says once it is a JavaScript value (and what
 * the AWS SDK sends): a number past what a double holds becomes Infinity or 0 (and Infinity
 * is later printed as `null`), an integer past 2^53 loses digits, and a `__proto__` key is taken as the object's prototype and vanishes
 * from the object. Each of these is refused, with its place.
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

/** Strings (skipped whole, so digits inside them are never read as numbers) and numbers. */
const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** Number tokens are shown as written, cut to this many characters. */
const SHOWN_DIGITS = 40;

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
    if (token.startsWith('"')) {
      // A key is a string followed by `:`; escapes (`\u005f_proto__`) decode to the same key.
      KEY_END.lastIndex = match.index + token.length;
      if (isProtoKey(token) && KEY_END.test(text)) {
        return `has the key "__proto__" at ${at()}: JavaScript reads it as the object's prototype, so the entry would be silently dropped; use another key`;
      }
      continue;
    }
    const n = Number(token);
    const shown = token.length > SHOWN_DIGITS ? `${token.slice(0, SHOWN_DIGITS)}…` : token;
    if (!Number.isFinite(n)) {
      return `has a number at ${at()} that no double holds (${shown} is past the largest, about 1.8e308)`;
    }
    if (n === 0 && /[1-9]/.test(token.replace(/[eE].*$/, ''))) {
      return `has a number at ${at()} that no double holds (${shown} would become 0)`;
    }
    if (/^-?\d+$/.test(token) && !Number.isSafeInteger(n)) {
      return `has an integer at ${at()} with more digits than a double keeps (${shown} would become ${String(n)}; integers are exact up to ${Number.MAX_SAFE_INTEGER})`;
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
