/**
 * Checks job settings against the MediaConvert API model, as the service does at CreateJob:
 * unknown members, required members, types, enums, numeric ranges, lengths and patterns.
 * The table is generated (settings-model.generated.ts); this module only walks it. The action
 * checks `job-settings` with it before any AWS call; the local MediaConvert checks CreateJob.
 */
import { closest } from '../shared/closest.js';

/** One shape of the compact table. `''` as a member shape means "known, unconstrained". */
export type ModelShape =
  | { t: 'o'; m: Record<string, string>; r?: string[] }
  | { t: 'l' | 'm'; v: string; min?: number; max?: number }
  | { t: 's'; min?: number; max?: number; p?: string; e?: string[] }
  | { t: 'i' | 'n'; min?: number; max?: number }
  | { t: 'b' }
  | { t: 'a' };

export interface SettingsModel {
  /** Where the model came from (package and path). */
  source: string;
  /** The model's uid, e.g. mediaconvert-2017-08-29. */
  modelVersion: string;
  /** The SDK whose extra members and enum values are accepted too. */
  sdkVersion: string;
  shapes: Record<string, ModelShape>;
}

/** SDK requests use the model's member names; the wire uses them with a lower-case first letter. */
export type Casing = 'sdk' | 'wire';

export interface Violation {
  /** Member names (in the checked casing) and list indexes from the checked value. */
  path: (string | number)[];
  /** As the service puts it, the offending value included (the local MediaConvert's answers). */
  message: string;
  /**
   * The rule broken, without the value: what the action prints, since a value may be a secret
   * (an HLS StaticKeyValue, a SPEKE URL with a token).
   */
  rule: string;
  /** For an unknown or a missing required member: its name, and the known name closest to it. */
  member?: { name: string; problem: 'unknown' | 'required'; suggestion?: string };
}

export interface CheckOptions {
  casing: Casing;
  /** Stop after this many violations (default 20). */
  limit?: number;
  /** Members not to check, by path (the local MediaConvert keeps its own input URL rule). */
  skip?: (path: readonly (string | number)[]) => boolean;
}

/** Every violation of `value` against the model's shape `shapeName` (e.g. `JobSettings`). */
export function checkAgainstModel(
  model: SettingsModel,
  shapeName: string,
  value: unknown,
  options: CheckOptions,
): Violation[] {
  const found: Violation[] = [];
  const limit = options.limit ?? 20;
  const patterns = new Map<string, RegExp>();
  const visit = (name: string, v: unknown, path: (string | number)[]): void => {
    if (found.length >= limit || name === '' || options.skip?.(path)) return;
    const shape = model.shapes[name];
    if (!shape) return;
    const fail = (message: string, rule = message, member?: Violation['member']): void => {
      if (found.length < limit) {
        found.push({ path, message, rule, ...(member ? { member } : {}) });
      }
    };
    switch (shape.t) {
      case 'o': {
        if (!isRecord(v))
          return fail('should be an object', `should be an object, not ${kindOf(v)}`);
        const byKey = new Map(
          Object.keys(shape.m).map((member) => [memberKey(member, options.casing), member]),
        );
        for (const required of shape.r ?? []) {
          const name = memberKey(required, options.casing);
          if (v[name] === undefined) {
            fail(`${name} is a required property`, undefined, { name, problem: 'required' });
          }
        }
        for (const [key, child] of Object.entries(v)) {
          const member = byKey.get(key);
          if (member === undefined) {
            const hint = closest(key, [...byKey.keys()]);
            fail(
              `should NOT have additional properties: ${JSON.stringify(key)} is not a member${hint ? ` (did you mean ${hint}?)` : ''}`,
              undefined,
              { name: key, problem: 'unknown', ...(hint ? { suggestion: hint } : {}) },
            );
            continue;
          }
          if (child === null || child === undefined) continue;
          visit(shape.m[member] ?? '', child, [...path, key]);
        }
        return;
      }
      case 'l': {
        if (!Array.isArray(v))
          return fail('should be a list', `should be a list, not ${kindOf(v)}`);
        if (shape.min !== undefined && v.length < shape.min) {
          fail(`Should have at least ${shape.min} items`);
        }
        if (shape.max !== undefined && v.length > shape.max) {
          fail(`Should have at most ${shape.max} items`);
        }
        v.forEach((item, i) => visit(shape.v, item, [...path, i]));
        return;
      }
      case 'm': {
        if (!isRecord(v))
          return fail('should be an object', `should be an object, not ${kindOf(v)}`);
        for (const [key, child] of Object.entries(v)) visit(shape.v, child, [...path, key]);
        return;
      }
      case 's': {
        if (typeof v !== 'string') {
          return fail(
            `should be a string, got ${describe(v)}`,
            `should be a string, not ${kindOf(v)}`,
          );
        }
        if (shape.e && !shape.e.includes(v)) {
          const allowed = `should be equal to one of the allowed values: ${shape.e.join(', ')}`;
          return fail(`${JSON.stringify(v)} ${allowed}`, allowed);
        }
        if (shape.min !== undefined && v.length < shape.min) {
          return fail(`should NOT be shorter than ${shape.min} characters`);
        }
        if (shape.max !== undefined && v.length > shape.max) {
          return fail(`should NOT be longer than ${shape.max} characters`);
        }
        if (shape.p !== undefined) {
          let re = patterns.get(shape.p);
          if (!re) {
            re = new RegExp(shape.p);
            patterns.set(shape.p, re);
          }
          if (!re.test(v)) {
            // Some model patterns run to hundreds of characters (FileInput's extension list).
            const shown =
              shape.p.length <= 120 ? `"${shape.p}"` : 'of this member in the API model';
            fail(
              `${JSON.stringify(v)} should match the pattern ${shown}`,
              `should match the pattern ${shown}`,
            );
          }
        }
        return;
      }
      case 'i':
      case 'n': {
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          const wanted = shape.t === 'i' ? 'an integer' : 'a number';
          return fail(
            `should be ${wanted}, got ${describe(v)}`,
            `should be ${wanted}, not ${kindOf(v)}`,
          );
        }
        if (shape.t === 'i' && !Number.isInteger(v)) {
          return fail(`should be an integer, got ${v}`, 'should be an integer, not a fraction');
        }
        if (shape.min !== undefined && v < shape.min) {
          return fail(`${v} should be >= ${shape.min}`, `should be >= ${shape.min}`);
        }
        if (shape.max !== undefined && v > shape.max) {
          return fail(`${v} should be <= ${shape.max}`, `should be <= ${shape.max}`);
        }
        return;
      }
      case 'b':
        if (typeof v !== 'boolean') {
          fail(`should be a boolean, got ${describe(v)}`, `should be a boolean, not ${kindOf(v)}`);
        }
        return;
      default:
        return;
    }
  };
  visit(shapeName, value, []);
  return found;
}

/**
 * Rules the service applies beyond the model (its CreateJob answers say so, the model does not
 * mark them): each output group needs `OutputGroupSettings.Type` and at least one output, each
 * output `ContainerSettings` unless it names a preset; and containers by output group type
 * (enforced since November 2020: HLS takes M3U8 or RAW, DASH ISO MPD or CMFC, CMAF CMFC,
 * Microsoft Smooth ISMV). Paths are relative to the job settings.
 */
export function checkServiceRules(settings: unknown, casing: Casing): Violation[] {
  const allowed: Record<string, string[]> = {
    HLS_GROUP_SETTINGS: ['M3U8', 'RAW'],
    DASH_ISO_GROUP_SETTINGS: ['MPD', 'CMFC'],
    CMAF_GROUP_SETTINGS: ['CMFC'],
    MS_SMOOTH_GROUP_SETTINGS: ['ISMV'],
  };
  const k = (name: string): string => memberKey(name, casing);
  const found: Violation[] = [];
  const groups = isRecord(settings) ? settings[k('OutputGroups')] : undefined;
  (Array.isArray(groups) ? groups : []).forEach((group, g) => {
    if (!isRecord(group)) return;
    const at = [k('OutputGroups'), g];
    const groupSettings = group[k('OutputGroupSettings')];
    if (!isRecord(groupSettings)) {
      const message = `${k('OutputGroupSettings')} is a required property`;
      found.push({
        path: at,
        message,
        rule: message,
        member: { name: k('OutputGroupSettings'), problem: 'required' },
      });
      return;
    }
    const type = groupSettings[k('Type')];
    if (type === undefined) {
      const message = `${k('Type')} is a required property`;
      found.push({
        path: [...at, k('OutputGroupSettings')],
        message,
        rule: message,
        member: { name: k('Type'), problem: 'required' },
      });
    }
    const outputs = group[k('Outputs')];
    if (!Array.isArray(outputs) || outputs.length === 0) {
      const message = 'Should have at least 1 items';
      found.push({ path: [...at, k('Outputs')], message, rule: message });
      return;
    }
    const accepted = typeof type === 'string' ? allowed[type] : undefined;
    outputs.forEach((output, o) => {
      if (!isRecord(output)) return;
      const container = output[k('ContainerSettings')];
      if (!isRecord(container)) {
        if (output[k('Preset')] === undefined) {
          const message = `${k('ContainerSettings')} is a required property`;
          found.push({
            path: [...at, k('Outputs'), o],
            message,
            rule: message,
            member: { name: k('ContainerSettings'), problem: 'required' },
          });
        }
        return;
      }
      const value = container[k('Container')];
      if (accepted && typeof value === 'string' && !accepted.includes(value)) {
        const rule = `is not valid in a ${String(type)} output group: use ${accepted.join(' or ')}`;
        found.push({
          path: [...at, k('Outputs'), o, k('ContainerSettings'), k('Container')],
          message: `${value} ${rule}`,
          rule,
        });
      }
    });
  });
  return found;
}

export function memberKey(member: string, casing: Casing): string {
  return casing === 'sdk' ? member : member.charAt(0).toLowerCase() + member.slice(1);
}

/** `/outputGroups/0/outputs` (the service's style). */
export function wirePath(path: readonly (string | number)[]): string {
  return path.map((p) => `/${p}`).join('');
}

/** `Settings.OutputGroups[0].Outputs` (how SDK users write it). */
export function sdkPath(root: string, path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, p) =>
      typeof p === 'number'
        ? `${text}[${p}]`
        : /^[A-Za-z_]\w*$/.test(p)
          ? `${text}.${p}`
          : `${text}[${JSON.stringify(p)}]`,
    root,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** What kind of JSON value `value` is, never the value itself. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}
