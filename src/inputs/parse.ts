/** The shapes every input rule builds on: booleans, whole numbers, choices, key/value maps. */
import type { InputName } from './interface.js';
import { InputError } from '../shared/errors.js';
import { parseJsonText } from '../shared/json-text.js';

export function parseBoolean(name: InputName, value: string): boolean {
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new InputError(name, `'${value}' is not a boolean; use true or false`);
}

export function parseInteger(
  name: InputName,
  value: string,
  min: number,
  max: number,
  alternative?: string,
): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new InputError(
      name,
      `'${value}' is not accepted; use a whole number from ${min} to ${max}${alternative ? ` ${alternative}` : ''}`,
    );
  }
  return n;
}

export function parseChoice<T extends string>(
  name: InputName,
  value: string,
  choices: readonly T[],
): T {
  const found = choices.find((c) => c === value.toLowerCase());
  if (found === undefined) {
    throw new InputError(name, `'${value}' is not accepted; use ${choices.join(' or ')}`);
  }
  return found;
}

/** A JSON object of strings, or `key=value` lines. */
export function parseMap(name: InputName, value: string): Record<string, string> {
  if (value === '') return {};
  if (value.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = parseJsonText(value);
    } catch (error) {
      throw new InputError(name, (error as Error).message);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new InputError(name, 'must be a JSON object of strings');
    }
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) {
      if (typeof v !== 'string') throw new InputError(name, `value of '${k}' must be a string`);
      out[k] = v;
    }
    return out;
  }
  const out: Record<string, string> = {};
  const lines = value.split('\n').map((l) => l.trim());
  lines.forEach((line, i) => {
    if (line === '') return;
    const eq = line.indexOf('=');
    // The line is not quoted: a value may be a secret, and a line without `=` may be all value.
    if (eq <= 0) {
      throw new InputError(
        name,
        `line ${i + 1} (${line.length} characters) is not key=value: it has ${eq === 0 ? 'no key before' : 'no'} \`=\`; use key=value lines or a JSON object`,
      );
    }
    const key = line.slice(0, eq).trim();
    // An assignment to `__proto__` sets the object's prototype: the entry would vanish.
    if (key === '__proto__') {
      throw new InputError(
        name,
        `line ${i + 1} has the key __proto__: JavaScript reads it as the object's prototype, so the entry would be silently dropped; use another key`,
      );
    }
    out[key] = line.slice(eq + 1).trim();
  });
  return out;
}
