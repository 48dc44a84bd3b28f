import { KmsError, serialization } from './errors.js';

export type JsonObject = Record<string, unknown>;

interface LengthRule {
  min?: number;
  max?: number;
}
interface StringRule extends LengthRule {
  values?: readonly string[];
  pattern?: RegExp;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** `NumberOfBytes` -> `numberOfBytes`: how AWS names members in validation messages. */
const wireName = (member: string): string => member.charAt(0).toLowerCase() + member.slice(1);

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the members of one request body. Wrong JSON types fail at once (AWS answers those with
 * SerializationException); constraint violations are collected and reported together by
 * `validate()` in AWS's "N validation errors detected: ..." format.
 */
export class RequestReader {
  private readonly violations: string[] = [];

  constructor(private readonly body: JsonObject) {}

  static parse(raw: string): RequestReader {
    if (raw.trim() === '') return new RequestReader({});
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw serialization('The request body is not valid JSON.');
    }
    if (!isObject(body)) throw serialization('The request body must be a JSON object.');
    return new RequestReader(body);
  }

  /** Throws ValidationException when any member broke a constraint. */
  validate(): void {
    const count = this.violations.length;
    if (count === 0) return;
    const noun = count === 1 ? 'error' : 'errors';
    throw new KmsError(
      'ValidationException',
      `${count} validation ${noun} detected: ${this.violations.join('; ')}`,
    );
  }

  string(member: string, rule: StringRule = {}): string | undefined {
    const value = this.member(member);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw this.wrongType(member, 'string');
    const at = `Value '${value}' at '${wireName(member)}'`;
    this.checkLength(at, value.length, rule);
    if (rule.values && !rule.values.includes(value)) {
      this.violate(at, `Member must satisfy enum value set: [${rule.values.join(', ')}]`);
    }
    if (rule.pattern && !rule.pattern.test(value)) {
      this.violate(at, `Member must satisfy regular expression pattern: ${rule.pattern.source}`);
    }
    return value;
  }

  requiredString(member: string, rule: StringRule = {}): string {
    return this.string(member, rule) ?? this.missing(member, '');
  }

  integer(member: string, rule: LengthRule = {}): number | undefined {
    const value = this.member(member);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw this.wrongType(member, 'integer');
    }
    const at = `Value '${value}' at '${wireName(member)}'`;
    if (rule.min !== undefined && value < rule.min) {
      this.violate(at, `Member must have value greater than or equal to ${rule.min}`);
    }
    if (rule.max !== undefined && value > rule.max) {
      this.violate(at, `Member must have value less than or equal to ${rule.max}`);
    }
    return value;
  }

  boolean(member: string): boolean | undefined {
    const value = this.member(member);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw this.wrongType(member, 'boolean');
    return value;
  }

  /** A base64 blob member, decoded. AWS does not echo blob values in its messages. */
  blob(member: string, rule: LengthRule = {}): Buffer | undefined {
    const value = this.member(member);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !BASE64.test(value)) throw this.wrongType(member, 'blob');
    const bytes = Buffer.from(value, 'base64');
    this.checkLength(`Value at '${wireName(member)}'`, bytes.length, rule);
    return bytes;
  }

  requiredBlob(member: string, rule: LengthRule = {}): Buffer {
    return this.blob(member, rule) ?? this.missing(member, Buffer.alloc(0));
  }

  /** A map of strings to strings (EncryptionContext). */
  stringMap(member: string): Record<string, string> | undefined {
    const value = this.member(member);
    if (value === undefined) return undefined;
    if (!isObject(value)) throw this.wrongType(member, 'map');
    const map: Record<string, string> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== 'string') throw this.wrongType(`${member}.${key}`, 'string');
      map[key] = entry;
    }
    return map;
  }

  stringList(member: string, rule: StringRule = {}): string[] | undefined {
    const value = this.member(member);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw this.wrongType(member, 'list');
    const items = value.map((item: unknown) => {
      if (typeof item !== 'string') throw this.wrongType(member, 'list of strings');
      return item;
    });
    const at = `Value '[${items.join(', ')}]' at '${wireName(member)}'`;
    this.checkLength(at, items.length, rule);
    const unknown = rule.values ? items.filter((item) => !rule.values?.includes(item)) : [];
    if (unknown.length > 0) {
      this.violate(
        at,
        `Member must satisfy constraint: [Member must satisfy enum value set: [${rule.values?.join(', ')}]]`,
      );
    }
    return items;
  }

  requiredStringList(member: string, rule: StringRule = {}): string[] {
    return this.stringList(member, rule) ?? this.missing(member, []);
  }

  /** A nested structure, read by its own reader (for members like `Constraints`). */
  object(member: string): RequestReader | undefined {
    const value = this.member(member);
    if (value === undefined) return undefined;
    if (!isObject(value)) throw this.wrongType(member, 'structure');
    return new RequestReader(value);
  }

  private member(member: string): unknown {
    const value = this.body[member];
    // JSON null means "absent" to the AWS JSON protocols.
    return value === null ? undefined : value;
  }

  private missing<T>(member: string, placeholder: T): T {
    this.violate(`Value null at '${wireName(member)}'`, 'Member must not be null');
    return placeholder;
  }

  private checkLength(at: string, length: number, rule: LengthRule): void {
    if (rule.min !== undefined && length < rule.min) {
      this.violate(at, `Member must have length greater than or equal to ${rule.min}`);
    }
    if (rule.max !== undefined && length > rule.max) {
      this.violate(at, `Member must have length less than or equal to ${rule.max}`);
    }
  }

  private violate(at: string, constraint: string): void {
    this.violations.push(`${at} failed to satisfy constraint: ${constraint}`);
  }

  private wrongType(member: string, expected: string): KmsError {
    return serialization(`Member '${member}' must be a ${expected}.`);
  }
}
