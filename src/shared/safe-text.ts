/**
 * Untrusted text (file names, object keys, service error messages, settings values) on its way
 * into the log, the step summary or printed JSON. The GitHub runner reads a line whose start,
 * after spaces, is `::` as a workflow command (`::error::`, `::add-mask::`, `::stop-commands::`)
 * and finds the older `##[command]` form anywhere in a line; the runner's line reader ends a
 * line at `\n` and at a lone `\r`, and the log viewer and terminals also act on U+2028/U+2029,
 * escape sequences and bidirectional overrides. So every log line goes through logLine(), every
 * summary cell through markdownCell(), and printed JSON through safeJson().
 */
import type { Logger } from './logger.js';

/**
 * C0 and C1 controls (line breaks, escape, tab), DEL, the Unicode line and paragraph
 * separators, and the bidirectional embedding, override and isolate controls.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The text on one line: every control or separator becomes a visible escape such as `\n`. */
export function oneLine(text: string): string {
  return text.replace(
    UNSAFE,
    (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * One log line that the runner cannot read as a command: on one line, a leading `::` shown as
 * `\::`, and `##[` shown as `##\[`.
 */
export function logLine(text: string): string {
  return oneLine(text)
    .replace(/^(\s*)::/, '$1\\::')
    .replace(/##\[/g, '##\\[');
}

/** A message of several lines of our own (a failure list): each line made safe on its own. */
export function logLines(text: string): string {
  return text.split('\n').map(logLine).join('\n');
}

/**
 * The same Logger with every message, group name and progress label made safe, so that no
 * call site can forget: callers pass untrusted text as it is.
 */
export function safeLogger(inner: Logger): Logger {
  const logger: Logger = {
    info: (m) => inner.info(logLine(m)),
    warning: (m) => inner.warning(logLine(m)),
    debug: (m) => inner.debug(logLine(m)),
    group: (name, fn) => inner.group(logLine(name), fn),
  };
  const { progress } = inner;
  if (progress) {
    logger.progress = (file, done, total) => progress.call(inner, logLine(file), done, total);
  }
  return logger;
}

/**
 * Characters with a meaning in GitHub-flavoured Markdown or HTML. As numeric character
 * references they are shown as themselves and never build a tag, link, code span, emphasis,
 * math or table cell boundary.
 */
const MARKDOWN = /[&<>"'`|\\*_[\]()~!$#{}:]/g;

/** Plain text for one step-summary table cell: on one line, nothing in it interpreted. */
export function markdownCell(text: string): string {
  return oneLine(text).replace(MARKDOWN, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON for a terminal or a log: the same value when parsed, with the separators JSON leaves
 * raw (U+2028, U+2029) and `##[` written as \u escapes.
 */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space)
    .replace(
      /[\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    .replace(/##\[/g, '##\\u005b');
}
