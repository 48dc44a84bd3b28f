/**
 * CreateJob / CreateJobTemplate validation as the MediaConvert service model states it.
 * Messages follow the service's style: a JSON pointer into `settings`, then what is wrong.
 */
import {
  ApiError,
  arrayAt,
  badRequest,
  isObject,
  objectAt,
  stringAt,
  type JsonObject,
  type WireJobTemplate,
} from './wire.js';
import {
  checkAgainstModel,
  checkServiceRules,
  wirePath,
  type Violation,
} from '../../src/mediaconvert/settings-model.js';
import { SETTINGS_MODEL } from '../../src/mediaconvert/settings-model.generated.js';

/** Patterns and limits copied from the MediaConvert API model (see reference/NOTES.md). */
export const PATTERNS = {
  role: /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
  fileInput: /^s3:\/\/([^/]+\/+)+((([^/]*)))|^https?:\/\/[^/].*[^&]$/,
  encryptedDecryptionKey: /^[A-Za-z0-9+/]+={0,2}$/,
  initializationVector: /^[A-Za-z0-9+/]{22}==$|^[A-Za-z0-9+/]{16}$/,
  kmsKeyRegion: /^[a-z-]{2,6}-(east|west|central|((north|south)(east|west)?))-[1-9]{1,2}$/,
} as const;

export const DECRYPTION_MODES = ['AES_CTR', 'AES_CBC', 'AES_GCM'] as const;
export type DecryptionMode = (typeof DECRYPTION_MODES)[number];

const MAX_USER_METADATA = 10;

export interface JobLookups {
  findTemplate(nameOrArn: string): WireJobTemplate | undefined;
  /** The queue's ARN, or undefined when there is no such queue. */
  queueArn(nameOrArn: string): string | undefined;
  templateArn(name: string): string;
}

export interface ValidatedJobRequest {
  role: string;
  settings: JsonObject;
  queueArn: string;
  priority: number;
  template?: WireJobTemplate;
}

export function validateCreateJob(body: unknown, lookups: JobLookups): ValidatedJobRequest {
  if (!isObject(body)) throw badRequest('The request body must be a JSON object');
  const role = requireRole(body);
  const template = resolveTemplate(body, lookups);
  const settings = requireSettings(body, template);
  const priority = checkPriority(body['priority'] ?? template?.['priority'] ?? 0);
  checkStringMap(body, 'userMetadata', MAX_USER_METADATA);
  checkStringMap(body, 'tags', 50);
  const queueArn = resolveQueue(stringAt(body, 'queue') ?? stringAt(template, 'queue'), lookups);
  const merged = template ? mergeTemplateSettings(template.settings, settings) : settings;
  checkJobSettings(merged, { inputsRequired: true });
  refuse(
    checkAgainstModel(SETTINGS_MODEL, 'CreateJobRequest', body, {
      casing: 'wire',
      // Inputs of any file name, as the tests use them; checkInput keeps the URL rule.
      skip: (path) => path[0] === 'settings' && path[1] === 'inputs' && path[3] === 'fileInput',
    }),
  );
  refuse(checkServiceRules(merged, 'wire'));
  return { role, settings: merged, queueArn, priority, ...(template ? { template } : {}) };
}

export function validateCreateJobTemplate(body: unknown): { name: string; settings: JsonObject } {
  if (!isObject(body)) throw badRequest('The request body must be a JSON object');
  const name = stringAt(body, 'name');
  if (!name) throw badRequest('name is a required property');
  const settings = objectAt(body, 'settings');
  if (!settings) throw badRequest('settings is a required property');
  checkJobSettings(settings, { inputsRequired: false });
  refuse(checkAgainstModel(SETTINGS_MODEL, 'CreateJobTemplateRequest', body, { casing: 'wire' }));
  refuse(checkServiceRules(settings, 'wire'));
  return { name, settings };
}

/**
 * The model's rules (generated table) and the service's own, as a BadRequestException naming
 * the first member at fault in the service's style: paths inside `settings` start at its
 * members (`/outputGroups/0/outputs: Should have at least 1 items`), others name the member.
 */
function refuse(violations: Violation[]): void {
  const [first] = violations;
  if (!first) return;
  const path = first.path[0] === 'settings' ? first.path.slice(1) : first.path;
  throw badRequest(`${wirePath(path)}: ${first.message}`);
}

function requireRole(body: JsonObject): string {
  const role = body['role'];
  if (role === undefined) throw badRequest('role is a required property');
  if (typeof role !== 'string' || !PATTERNS.role.test(role)) {
    throw badRequest(
      `/role: ${JSON.stringify(role)} is not a valid IAM role ARN (expected arn:aws:iam::ACCOUNT_ID:role/NAME)`,
    );
  }
  return role;
}

function requireSettings(body: JsonObject, template: WireJobTemplate | undefined): JsonObject {
  const settings = body['settings'];
  // The SDK and the CLI always send settings; with a template an empty object is enough.
  if (settings === undefined && template) return {};
  if (settings === undefined) throw badRequest('settings is a required property');
  if (!isObject(settings)) throw badRequest('/settings: should be an object');
  return settings;
}

function resolveTemplate(body: JsonObject, lookups: JobLookups): WireJobTemplate | undefined {
  const name = body['jobTemplate'];
  if (name === undefined || name === '') return undefined;
  if (typeof name !== 'string') throw badRequest('/jobTemplate: should be a string');
  const template = lookups.findTemplate(name);
  if (!template) {
    const arn = name.startsWith('arn:') ? name : lookups.templateArn(name);
    throw new ApiError(
      'NotFoundException',
      `The specified job template was not found: jobTemplateArn=${arn}`,
    );
  }
  return template;
}

function resolveQueue(queue: string | undefined, lookups: JobLookups): string {
  const name = queue ?? 'Default';
  const arn = lookups.queueArn(name);
  if (!arn) throw new ApiError('NotFoundException', `The specified queue was not found: ${name}`);
  return arn;
}

function checkPriority(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < -50 || value > 50) {
    throw badRequest(`/priority: ${JSON.stringify(value)} should be an integer from -50 to 50`);
  }
  return value;
}

function checkStringMap(body: JsonObject, key: string, maxEntries: number): void {
  const value = body[key];
  if (value === undefined) return;
  if (!isObject(value)) throw badRequest(`/${key}: should be an object of strings`);
  const entries = Object.entries(value);
  if (entries.length > maxEntries) {
    throw badRequest(`/${key}: has ${entries.length} entries; at most ${maxEntries} are allowed`);
  }
  const bad = entries.find(([, v]) => typeof v !== 'string');
  if (bad) throw badRequest(`/${key}/${bad[0]}: should be a string`);
}

/** Request inputs override the template's input settings; template output groups fill in. */
export function mergeTemplateSettings(template: JsonObject, request: JsonObject): JsonObject {
  const merged: JsonObject = { ...template, ...request };
  const templateInputs = (arrayAt(template, 'inputs') ?? []).filter(isObject);
  const requestInputs = arrayAt(request, 'inputs');
  if (requestInputs) {
    merged['inputs'] = requestInputs.map((input, i) => {
      const base = templateInputs[i] ?? templateInputs[0] ?? {};
      return isObject(input) ? { ...base, ...input } : input;
    });
  }
  const requestGroups = arrayAt(request, 'outputGroups');
  if (!requestGroups || requestGroups.length === 0) {
    if (template['outputGroups'] !== undefined) merged['outputGroups'] = template['outputGroups'];
  }
  return merged;
}

function checkJobSettings(settings: JsonObject, opts: { inputsRequired: boolean }): void {
  const inputs = settings['inputs'];
  if (inputs !== undefined && !Array.isArray(inputs)) throw badRequest('/inputs: should be a list');
  if (opts.inputsRequired && (!Array.isArray(inputs) || inputs.length === 0)) {
    throw badRequest('/inputs: Should have at least 1 items');
  }
  (Array.isArray(inputs) ? inputs : []).forEach((input, i) =>
    checkInput(input, `/inputs/${i}`, opts.inputsRequired),
  );
  checkOutputGroups(settings['outputGroups'], opts.inputsRequired);
}

function checkInput(input: unknown, path: string, fileInputRequired: boolean): void {
  if (!isObject(input)) throw badRequest(`${path}: should be an object`);
  const fileInput = input['fileInput'];
  if (fileInput === undefined && fileInputRequired) {
    throw badRequest(`${path}: fileInput is a required property`);
  }
  if (fileInput !== undefined) {
    if (typeof fileInput !== 'string' || !PATTERNS.fileInput.test(fileInput)) {
      throw badRequest(
        `${path}/fileInput: ${JSON.stringify(fileInput)} should be an s3:// or https:// URL of a file`,
      );
    }
    if (fileInput.length > 2048) {
      throw badRequest(`${path}/fileInput: is ${fileInput.length} characters; at most 2048`);
    }
  }
  const decryption = input['decryptionSettings'];
  if (decryption !== undefined) checkDecryption(decryption, `${path}/decryptionSettings`);
}

function checkDecryption(value: unknown, path: string): void {
  if (!isObject(value)) throw badRequest(`${path}: should be an object`);
  const mode = value['decryptionMode'];
  if (mode === undefined) throw badRequest(`${path}: decryptionMode is a required property`);
  if (typeof mode !== 'string' || !(DECRYPTION_MODES as readonly string[]).includes(mode)) {
    throw badRequest(
      `${path}/decryptionMode: ${JSON.stringify(mode)} should be one of ${DECRYPTION_MODES.join(', ')}`,
    );
  }
  const key = checkString(value, 'encryptedDecryptionKey', path, {
    min: 24,
    max: 512,
    pattern: PATTERNS.encryptedDecryptionKey,
    required: true,
  });
  const iv = checkString(value, 'initializationVector', path, {
    min: 16,
    max: 24,
    pattern: PATTERNS.initializationVector,
    required: true,
  });
  if (key === undefined || iv === undefined) return;
  if (mode === 'AES_CBC' && iv.length === 16) {
    throw badRequest(
      `${path}/initializationVector: a 12-byte initialization vector is not valid with AES_CBC; use a 16-byte IV`,
    );
  }
  checkString(value, 'kmsKeyRegion', path, {
    min: 9,
    max: 19,
    pattern: PATTERNS.kmsKeyRegion,
    required: false,
  });
}

interface StringRule {
  min: number;
  max: number;
  pattern: RegExp;
  required: boolean;
}

function checkString(
  parent: JsonObject,
  key: string,
  path: string,
  rule: StringRule,
): string | undefined {
  const value = parent[key];
  if (value === undefined) {
    if (rule.required) throw badRequest(`${path}: ${key} is a required property`);
    return undefined;
  }
  const where = `${path}/${key}`;
  if (typeof value !== 'string') throw badRequest(`${where}: should be a string`);
  if (value.length < rule.min || value.length > rule.max) {
    throw badRequest(
      `${where}: length ${value.length} is outside ${rule.min}..${rule.max} characters`,
    );
  }
  if (!rule.pattern.test(value)) {
    throw badRequest(
      `${where}: ${JSON.stringify(value)} should match pattern ${rule.pattern.source}`,
    );
  }
  return value;
}

function checkOutputGroups(groups: unknown, required: boolean): void {
  if (groups === undefined && !required) return;
  if (!Array.isArray(groups) || groups.length === 0) {
    throw badRequest('/outputGroups: Should have at least 1 items');
  }
  groups.forEach((group, g) => {
    const path = `/outputGroups/${g}`;
    if (!isObject(group)) throw badRequest(`${path}: should be an object`);
    const groupSettings = objectAt(group, 'outputGroupSettings');
    if (!groupSettings) throw badRequest(`${path}: outputGroupSettings is a required property`);
    if (!stringAt(groupSettings, 'type')) {
      throw badRequest(`${path}/outputGroupSettings: type is a required property`);
    }
    const outputs = arrayAt(group, 'outputs');
    if (!outputs || outputs.length === 0) {
      throw badRequest(`${path}/outputs: Should have at least 1 items`);
    }
    outputs.forEach((output, o) => {
      if (!isObject(output)) throw badRequest(`${path}/outputs/${o}: should be an object`);
      if (!objectAt(output, 'containerSettings') && !stringAt(output, 'preset')) {
        throw badRequest(`${path}/outputs/${o}: containerSettings is a required property`);
      }
    });
  });
}
