/**
 * Generates src/mediaconvert/settings-model.generated.ts, the compact table of the MediaConvert CreateJob
 * model (members, required members, enums, ranges, lengths, patterns) that both the action's
 * pre-check and the local MediaConvert validate job settings with.
 *
 * Source: the MediaConvert service model that Debian's `awscli` package ships
 * (awscli/botocore/data/mediaconvert/2017-08-29/service-2.json). Members and enum values that
 * only the installed @aws-sdk/client-mediaconvert knows (it is newer than that model) are
 * added without constraints, so a setting newer than the model is never refused.
 *
 *   npm run gen:model            writes the table
 *   npm run gen:model -- --check fails when the committed table differs
 *   MEDIACONVERT_MODEL=path      uses another service-2.json
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sdk from '@aws-sdk/client-mediaconvert';
import type { ModelShape, SettingsModel } from '../src/mediaconvert/settings-model.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET = join(ROOT, 'src', 'mediaconvert', 'settings-model.generated.ts');
const ROOTS = ['CreateJobRequest', 'CreateJobTemplateRequest'];
const MODEL_PATH = 'botocore/data/mediaconvert/2017-08-29/service-2.json';

interface RawShape {
  type: string;
  members?: Record<string, { shape: string; locationName?: string; location?: string }>;
  required?: string[];
  member?: { shape: string };
  value?: { shape: string };
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
}

function findModel(): string {
  const given = process.env['MEDIACONVERT_MODEL'];
  if (given) return given;
  // Debian's awscli package (what CI installs); its python finds it wherever it lives.
  const candidates = ['/usr/lib/python3/dist-packages/awscli'];
  try {
    const dir = execFileSync(
      '/usr/bin/python3',
      ['-c', 'import awscli, os; print(os.path.dirname(awscli.__file__))'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim();
    if (dir) candidates.unshift(dir);
  } catch {
    // No python awscli: fall back to the Debian path.
  }
  const found = candidates.map((dir) => join(dir, MODEL_PATH)).find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `MediaConvert service model not found (looked for ${MODEL_PATH} under ${candidates.join(', ')}): install Debian's awscli or set MEDIACONVERT_MODEL`,
    );
  }
  return found;
}

function awscliVersion(modelPath: string): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'awscli'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return `unknown (${modelPath})`;
  }
}

/** Patterns are Java-flavoured; keep the ones JavaScript reads the same way. */
function jsPattern(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return pattern;
  } catch {
    return undefined;
  }
}

/** Structure schemas of the SDK: [3, namespace, name, traits, memberNames, memberSchemas]. */
function sdkMembers(name: string): string[] {
  const schema = (sdk as Record<string, unknown>)[`${name}$`];
  if (!Array.isArray(schema) || schema[0] !== 3 || !Array.isArray(schema[4])) return [];
  return schema[4].filter((m): m is string => typeof m === 'string');
}

function sdkEnum(name: string): string[] {
  const values = (sdk as Record<string, unknown>)[name];
  if (typeof values !== 'object' || values === null) return [];
  return Object.values(values).filter((v): v is string => typeof v === 'string');
}

function build(raw: Record<string, RawShape>): {
  shapes: Record<string, ModelShape>;
  dropped: number;
} {
  const shapes: Record<string, ModelShape> = {};
  let dropped = 0;
  const queue = [...ROOTS];
  while (queue.length > 0) {
    const name = queue.shift() ?? '';
    if (name in shapes) continue;
    const shape = raw[name];
    if (!shape) throw new Error(`shape ${name} is missing from the model`);
    const range = {
      ...(shape.min !== undefined ? { min: shape.min } : {}),
      ...(shape.max !== undefined ? { max: shape.max } : {}),
    };
    switch (shape.type) {
      case 'structure': {
        const members: Record<string, string> = {};
        for (const [member, ref] of Object.entries(shape.members ?? {})) {
          // Path and query members (none in CreateJob) are not part of the JSON body.
          if (ref.location) continue;
          members[member] = ref.shape;
          queue.push(ref.shape);
        }
        for (const member of sdkMembers(name)) if (!(member in members)) members[member] = '';
        shapes[name] = {
          t: 'o',
          m: members,
          ...(shape.required?.length ? { r: shape.required } : {}),
        };
        break;
      }
      case 'list':
        shapes[name] = { t: 'l', v: shape.member?.shape ?? '', ...range };
        queue.push(shape.member?.shape ?? '');
        break;
      case 'map':
        shapes[name] = { t: 'm', v: shape.value?.shape ?? '', ...range };
        queue.push(shape.value?.shape ?? '');
        break;
      case 'string': {
        const pattern = shape.pattern === undefined ? undefined : jsPattern(shape.pattern);
        if (shape.pattern !== undefined && pattern === undefined) dropped += 1;
        const values = shape.enum
          ? [...shape.enum, ...sdkEnum(name).filter((v) => !shape.enum?.includes(v))]
          : undefined;
        shapes[name] = {
          t: 's',
          ...range,
          ...(pattern !== undefined ? { p: pattern } : {}),
          ...(values ? { e: values } : {}),
        };
        break;
      }
      case 'integer':
      case 'long':
        shapes[name] = { t: 'i', ...range };
        break;
      case 'double':
      case 'float':
        shapes[name] = { t: 'n', ...range };
        break;
      case 'boolean':
        shapes[name] = { t: 'b' };
        break;
      default:
        // Timestamps and blobs are not job settings; accept anything.
        shapes[name] = { t: 'a' };
    }
  }
  return { shapes, dropped };
}

function render(): string {
  const modelPath = findModel();
  const model = JSON.parse(readFileSync(modelPath, 'utf8')) as {
    metadata: { apiVersion: string; uid: string };
    shapes: Record<string, RawShape>;
  };
  const sdkVersion = (
    JSON.parse(
      readFileSync(join(ROOT, 'node_modules/@aws-sdk/client-mediaconvert/package.json'), 'utf8'),
    ) as { version: string }
  ).version;
  const { shapes, dropped } = build(model.shapes);
  const table: SettingsModel = {
    source: `Debian awscli ${awscliVersion(modelPath)}: awscli/${MODEL_PATH}`,
    modelVersion: model.metadata.uid,
    sdkVersion,
    shapes,
  };
  const header = [
    '// Generated by scripts/gen-settings-model.ts (npm run gen:model). Do not edit.',
    `// Source: the MediaConvert service model ${model.metadata.uid} (API ${model.metadata.apiVersion})`,
    `// shipped by ${table.source}.`,
    `// Member names and enum values of @aws-sdk/client-mediaconvert ${sdkVersion} that the model`,
    '// lacks are added without constraints.',
    `// ${Object.keys(shapes).length} shapes reachable from ${ROOTS.join(' and ')}; ${dropped} Java-only patterns left out.`,
    "import type { SettingsModel } from './settings-model.js';",
    '',
    '// prettier-ignore',
    `export const SETTINGS_MODEL: SettingsModel = ${JSON.stringify(table)};`,
    '',
  ];
  return header.join('\n');
}

const text = render();
if (process.argv.includes('--check')) {
  const current = existsSync(TARGET) ? readFileSync(TARGET, 'utf8') : '';
  if (current !== text) {
    console.error(`${TARGET} is out of date: run npm run gen:model and commit it`);
    process.exit(1);
  }
  console.log('settings model table is up to date');
} else {
  writeFileSync(TARGET, text);
  console.log(`wrote ${TARGET} (${Buffer.byteLength(text)} bytes)`);
}
