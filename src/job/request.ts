import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import type {
  CreateJobCommandInput,
  Input,
  InputDecryptionSettings,
} from '@aws-sdk/client-mediaconvert';
import type { JobConfig } from '../inputs/config.js';
import { InputError } from '../shared/errors.js';
import { parseJsonText } from '../shared/json-text.js';
import { checkSettingsFile, type SettingsFileShape } from './settings-check.js';
import { SETTINGS_MODEL } from '../mediaconvert/settings-model.generated.js';

import {
  MAX_INPUTS_PER_JOB,
  RUN_USER_METADATA,
  tagProblem,
  USER_METADATA_ENTRIES,
} from '../mediaconvert/limits.js';

/** Top-level members of a CreateJob request: their presence marks a whole-request file. */
const REQUEST_MEMBERS = [
  'Settings',
  'Role',
  'JobTemplate',
  'Queue',
  'UserMetadata',
  'Tags',
  'Priority',
  'AccelerationSettings',
  'BillingTagsSource',
  'HopDestinations',
  'StatusUpdateInterval',
  'SimulateReservedQueue',
  'JobEngineVersion',
];

/** The parts of every request that do not depend on the files. */
export interface JobPlan {
  base: Omit<CreateJobCommandInput, 'ClientRequestToken'>;
  /** Copied into every input; FileInput and DecryptionSettings are then set per file. */
  inputTemplate: Input;
  layout: JobConfig['layout'];
  /** What reading the file found worth saying: log lines of our own, names escaped by the logger. */
  notes: { warning: boolean; text: string }[];
}

/** One encrypted object, as a job input needs it. */
export interface JobInputFile {
  relativePath: string;
  s3Uri: string;
  plaintextSha256: string;
  decryption: InputDecryptionSettings;
}

/** Reads and checks `job-settings` and merges it with the job inputs. Runs before any AWS call. */
export async function loadJobPlan(job: JobConfig, fileCount: number): Promise<JobPlan> {
  const notes: JobPlan['notes'] = [];
  const { request, shape } = job.settingsPath
    ? asRequest(await readSettingsFile(job.settingsPath), notes)
    : { request: {}, shape: 'settings' as const };
  // Console exports carry `"JobTemplate": ""`: no template.
  if (request.JobTemplate === '') delete request.JobTemplate;
  const settings = asObject(request.Settings ?? {}, 'Settings');
  const inputs = settings.Inputs === undefined ? [] : settings.Inputs;
  if (!Array.isArray(inputs))
    throw new InputError('job-settings', '`Settings.Inputs` must be an array');
  const inputTemplate = asObject(inputs[0] ?? {}, 'Settings.Inputs[0]');
  delete inputTemplate.FileInput;
  delete inputTemplate.DecryptionSettings;
  if (inputs.length > 1) {
    notes.push({
      warning: true,
      text: `job-settings: Settings.Inputs has ${inputs.length} entries; only the first is used, as the template of every file's input (each file becomes its own job input); entries 2 to ${inputs.length} are ignored`,
    });
  }

  const template = job.template ?? stringMember(request, 'JobTemplate');
  const outputGroups = settings.OutputGroups;
  if (template === undefined && (!Array.isArray(outputGroups) || outputGroups.length === 0)) {
    throw new InputError(
      'job-settings',
      'has no `OutputGroups` and no job template is given: set `job-template` or add output groups',
    );
  }
  if (job.layout === 'single' && fileCount > MAX_INPUTS_PER_JOB) {
    throw new InputError(
      'job-layout',
      `single puts all ${fileCount} files in one job, over MediaConvert's ${MAX_INPUTS_PER_JOB} inputs per job; use per-file or a shard`,
    );
  }

  const base: Record<string, unknown> = { ...request, Role: job.roleArn, Settings: settings };
  if (template !== undefined) base.JobTemplate = template;
  if (job.queue !== undefined) base.Queue = job.queue;
  const userMetadata = { ...stringMap(request.UserMetadata, 'UserMetadata'), ...job.userMetadata };
  if (Object.keys(userMetadata).length > USER_METADATA_ENTRIES) {
    throw new InputError(
      'user-metadata',
      `together with the file's \`UserMetadata\` has more than ${USER_METADATA_ENTRIES} entries (MediaConvert allows 10 and every job carries one more, ${RUN_USER_METADATA})`,
    );
  }
  if (Object.keys(userMetadata).length > 0) base.UserMetadata = userMetadata;
  const fileTags = stringMap(request.Tags, 'Tags');
  const fileTagsProblem = tagProblem(fileTags);
  if (fileTagsProblem !== undefined) {
    throw new InputError('job-settings', `\`Tags\` ${fileTagsProblem}`);
  }
  const tags = { ...fileTags, ...job.tags };
  const tagsProblem = tagProblem(tags);
  if (tagsProblem !== undefined) {
    throw new InputError('tags', `together with the file's \`Tags\` ${tagsProblem}`);
  }
  if (Object.keys(tags).length > 0) base.Tags = tags;
  delete base.ClientRequestToken;
  // What will be sent, but for the per-file FileInput and DecryptionSettings.
  checkSettingsFile(
    {
      ...base,
      Settings: { ...settings, ...(inputs.length > 0 ? { Inputs: [inputTemplate] } : {}) },
    },
    shape,
  );
  return {
    base: base as JobPlan['base'],
    inputTemplate: inputTemplate as Input,
    layout: job.layout,
    notes,
  };
}

/**
 * The CreateJob request a file stands for: a whole request, a `Settings` object, or what
 * `aws mediaconvert get-job` prints (`{"Job": {...}}`), whose request members are taken and
 * whose job state (Id, Arn, Status, timing, messages...) is left out.
 */
function asRequest(
  file: Record<string, unknown>,
  notes: JobPlan['notes'],
): { request: Record<string, unknown>; shape: SettingsFileShape } {
  if (REQUEST_MEMBERS.some((m) => m in file)) return { request: { ...file }, shape: 'request' };
  const job = file.Job;
  if (
    Object.keys(file).length === 1 &&
    typeof job === 'object' &&
    job !== null &&
    !Array.isArray(job)
  ) {
    const requestShape = SETTINGS_MODEL.shapes.CreateJobRequest;
    const members = requestShape?.t === 'o' ? Object.keys(requestShape.m) : REQUEST_MEMBERS;
    const request: Record<string, unknown> = {};
    const ignored: string[] = [];
    for (const [name, value] of Object.entries(job as Record<string, unknown>)) {
      if (members.includes(name) && name !== 'ClientRequestToken') request[name] = value;
      else ignored.push(name);
    }
    notes.push({
      warning: false,
      text: `job-settings: a get-job answer; taken from its Job: ${Object.keys(request).join(', ') || 'nothing'}; ignored: ${ignored.join(', ') || 'nothing'}`,
    });
    return { request, shape: 'get-job' };
  }
  return { request: { Settings: file }, shape: 'settings' };
}

/**
 * The CreateJob requests for these files: one per file, or one with every file as an input.
 * `runKey` identifies the step of the workflow run, whatever the attempt: it goes into each
 * job's UserMetadata, and each request's ClientRequestToken is derived from it and the whole
 * request. A retried request, or a later attempt of the run sending the same request for the
 * same object, reuses its token (and MediaConvert answers with the job it made); any change
 * to the request, such as a new data key for a re-uploaded object, makes a fresh job.
 */
export function buildRequests(
  plan: JobPlan,
  files: readonly JobInputFile[],
  runKey: string,
): CreateJobCommandInput[] {
  const groups = plan.layout === 'single' ? [files] : files.map((f) => [f]);
  return groups.map((group) => {
    const request: CreateJobCommandInput = {
      ...plan.base,
      UserMetadata: { ...plan.base.UserMetadata, [RUN_USER_METADATA]: runKey },
      Settings: {
        ...plan.base.Settings,
        Inputs: group.map((f) => inputFor(plan.inputTemplate, f)),
      },
    };
    return { ...request, ClientRequestToken: requestToken(runKey, request, group) };
  });
}

function inputFor(template: Input, file: JobInputFile): Input {
  return {
    ...structuredClone(template),
    FileInput: file.s3Uri,
    DecryptionSettings: { ...file.decryption },
  };
}

/**
 * A UUID-shaped hash of the seed, the whole request (DecryptionSettings included, with the
 * encrypted data key and IV) and the files' contents. The same step run twice in one run
 * attempt (a retry loop around the CLI) re-encrypts with a fresh key: its request differs, so
 * MediaConvert makes a new job instead of answering with the first one, whose key no longer
 * opens the object now in S3.
 */
export function requestToken(
  seed: string,
  request: CreateJobCommandInput,
  files: readonly Pick<JobInputFile, 'relativePath' | 'plaintextSha256'>[],
): string {
  const rest: Record<string, unknown> = { ...request };
  delete rest.ClientRequestToken;
  const hash = createHash('sha256').update(seed).update('\n').update(canonicalJson(rest));
  for (const f of files) hash.update(`\n${f.relativePath}\n${f.plaintextSha256}`);
  const hex = hash.digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** JSON with object members in sorted order: the same value always gives the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The largest `job-settings` file. MediaConvert documents no size limit for a CreateJob
 * request (not in its API reference, its user guide or its endpoints-and-quotas page), so
 * this is the action's own: 1 MiB is about 19 times the largest job in samples/jobs (a
 * 56 KB VOD ladder), while each file's CreateJob request, the manifest and the job-settings
 * output carry the settings once per file.
 */
export const MAX_JOB_SETTINGS_BYTES = 1024 * 1024;

async function readSettingsFile(path: string): Promise<Record<string, unknown>> {
  const tooBig = (bytes: string): InputError =>
    new InputError(
      'job-settings',
      `'${path}' is ${bytes}, over the limit of ${MAX_JOB_SETTINGS_BYTES} bytes (1 MiB) for a settings file; MediaConvert job settings are tens of kilobytes (see docs/hardening.md)`,
    );
  let text: string;
  try {
    // Looked at before it is opened: opening a FIFO would wait for a writer, forever.
    if (!(await stat(path)).isFile()) {
      throw new InputError('job-settings', `'${path}' is not a regular file; give a JSON file`);
    }
    text = await readBounded(path, MAX_JOB_SETTINGS_BYTES, tooBig);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      'job-settings',
      `cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = parseJsonText(text);
  } catch (error) {
    // Never the text itself: settings may hold a static key or a token.
    throw new InputError('job-settings', `'${path}' ${(error as Error).message}`);
  }
  return asObject(parsed, path);
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('job-settings', `${where} must be a JSON object`);
  }
  return { ...(value as Record<string, unknown>) };
}

function stringMember(obj: Record<string, unknown>, name: string): string | undefined {
  const value = obj[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new InputError('job-settings', `\`${name}\` must be a string`);
  return value;
}

function stringMap(value: unknown, name: string): Record<string, string> {
  if (value === undefined) return {};
  const obj = asObject(value, `\`${name}\``);
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v !== 'string')
      throw new InputError('job-settings', `\`${name}.${k}\` must be a string`);
  }
  return obj as Record<string, string>;
}

/**
 * The file's text, refused through `tooBig` before any of it is read when it is a regular
 * file over `limit` bytes (its size from fstat), and once `limit` is passed for anything else
 * (a pipe: `--job-settings <(jq ...)`) or a file that grows while it is read.
 */
async function readBounded(
  path: string,
  limit: number,
  tooBig: (size: string) => InputError,
): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (info.isFile() && info.size > limit) throw tooBig(`${info.size} bytes`);
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) throw tooBig(`more than ${limit} bytes`);
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}
