import { INPUTS, type InputName, type RawInputs } from './interface.js';
import { InputError } from '../shared/errors.js';
import { IV_LENGTHS, MODES, type Mode } from '../mediaconvert/decryption.js';
import { RUN_USER_METADATA, tagProblem, USER_METADATA_ENTRIES } from '../mediaconvert/limits.js';
import {
  largestPartFor,
  MAX_PARTS_IN_FLIGHT,
  MAX_BUDGET_MIB,
  MAX_PART_MIB,
  MIN_BUDGET_MIB,
  MIN_PART_MIB,
} from './sizing.js';
import { parseArtifactSource, type ArtifactSource } from './artifact-source.js';
import { parseBoolean, parseChoice, parseInteger, parseMap } from './parse.js';
import { parsePatterns } from './patterns.js';
import { parseNetwork, type NetworkConfig } from './network.js';
import { MIB } from '../shared/units.js';
import { parseManifestPath, parseRegion } from './places.js';

/** Where a data key comes from: KMS GenerateDataKey, or made here and wrapped by KMS Encrypt. */
export type KeySource = 'kms' | 'local';

/** Where ciphertext goes: object key = prefix + the file's path relative to the root. */
export interface Destination {
  bucket: string;
  /** Empty, or ends with '/'. */
  prefix: string;
}

/** S3 server-side encryption asked for on every object (on top of ours). */
export type ServerSideEncryption = { type: 'AES256' } | { type: 'aws:kms'; kmsKeyId?: string };

export type JobLayout = 'per-file' | 'single';
export type IfExists = 'overwrite' | 'skip' | 'fail';
export type DeleteInputs = 'never' | 'on-complete';

export interface JobConfig {
  roleArn: string;
  template?: string;
  settingsPath?: string;
  layout: JobLayout;
  queue?: string;
  userMetadata: Record<string, string>;
  tags: Record<string, string>;
}

/** How each file is encrypted: the cipher, and where its data key comes from. */
export interface CipherSettings {
  mode: Mode;
  keyBytes: 16 | 24 | 32;
  ivBytes: 12 | 16;
  keySource: KeySource;
  kmsKeyArn: string;
  /** The region in kms-key-arn: where data keys are made and must be decrypted. */
  kmsKeyRegion: string;
}

/** How each object is stored: S3's own encryption, parts, the memory they come from. */
export interface UploadSettings {
  sse?: ServerSideEncryption;
  partSizeBytes: number;
  /** Set when part-size-mib did not fit the memory budget and partSizeBytes was reduced. */
  partSizeReducedFrom?: number;
  /** Every part buffer of every file comes from this many bytes. */
  memoryBudgetBytes: number;
  /** The most parts in flight at once in the whole run (parts-in-flight). */
  partsInFlight: number;
  /** What to do when the object's key exists already. */
  ifExists: IfExists;
}

/** How the files of a run go through: how many at once, and whether one failure stops the rest. */
export interface BatchSettings {
  /** Files at once; absent for `auto` (decided from the files and the memory budget). */
  concurrency?: number;
  failFast: boolean;
}

/** Which files a run takes: globs, or an artifact's files, perhaps one shard of them. */
export interface FileSelection {
  patterns: string[];
  artifact?: string;
  /** Set when `artifact` comes from another workflow run. */
  artifactSource?: ArtifactSource;
  /** Files and folders whose names start with `.` are matched too. */
  includeHiddenFiles: boolean;
  shard?: { index: number; count: number };
}

/** The wait for jobs and what follows it; `wait-only` steps have these too. */
export interface WaitSettings {
  waitTimeoutMs: number;
  cancelOnTimeout: boolean;
  deleteInputs: DeleteInputs;
}

/** Every input of an encrypt run, validated: the settings groups each step takes, and the rest. */
export interface Config
  extends FileSelection, CipherSettings, UploadSettings, BatchSettings, WaitSettings {
  /** The run's region: MediaConvert's and S3's. */
  region: string;
  destination: Destination;
  /** Absent when create-job is false. */
  job?: JobConfig;
  wait: boolean;
  manifestPath: string;
  network: NetworkConfig;
  dryRun: boolean;
}

const KMS_ARN =
  /^arn:aws(-[a-z]+)*:kms:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):(\d{12}):(key\/[A-Za-z0-9-]{1,128}|alias\/[A-Za-z0-9/_-]{1,250})$/;
const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Raw inputs with the table's defaults filled in for anything empty. */
export function withDefaults(raw: Partial<Record<InputName, string>>): RawInputs {
  const out = {} as Record<InputName, string>;
  for (const spec of INPUTS) {
    const value = (raw[spec.name] ?? '').trim();
    out[spec.name] = value === '' ? spec.default : value;
  }
  return out;
}

/**
 * Turns raw inputs into a validated Config. Pure: no file system, no network. `env` supplies
 * the fallbacks the SDK would use (AWS_REGION...) and RUNNER_TEMP.
 */
export function parseConfig(
  raw: Partial<Record<InputName, string>>,
  env: Readonly<Record<string, string | undefined>>,
): Config {
  const input = withDefaults(raw);
  const mode = parseMode(input.mode);
  const kms = parseKmsArn(input['kms-key-arn']);
  const region = parseRegion(input.region, env);
  const createJob = parseBoolean('create-job', input['create-job']);
  const wait = parseBoolean('wait', input.wait);
  if (wait && !createJob) throw new InputError('wait', '`true` needs `create-job: true`');
  const deleteInputs = parseChoice('delete-inputs', input['delete-inputs'], [
    'never',
    'on-complete',
  ] as const);
  if (deleteInputs === 'on-complete' && !wait) {
    throw new InputError(
      'delete-inputs',
      '`on-complete` needs `wait: true` (objects are deleted once their jobs are COMPLETE)',
    );
  }

  if (input['job-ids'] !== '') {
    throw new InputError('job-ids', 'is used only with `wait-only: true` (the jobs to wait for)');
  }
  const config: Config = {
    patterns: parsePatterns(input.files, input.artifact),
    kmsKeyArn: input['kms-key-arn'],
    kmsKeyRegion: kms.region,
    region,
    mode,
    keyBytes: parseKeyLength(input['key-length']),
    ivBytes: parseIvLength(input['iv-length'], mode),
    keySource: parseChoice('key-source', input['key-source'], ['kms', 'local'] as const),
    destination: parseDestination(input.destination),
    ...parsePartSize(input['part-size-mib'], input['max-memory-mib']),
    partsInFlight: parseInteger(
      'parts-in-flight',
      input['parts-in-flight'],
      1,
      MAX_PARTS_IN_FLIGHT,
    ),
    wait,
    waitTimeoutMs: parseInteger('wait-timeout', input['wait-timeout'], 1, 7 * 24 * 3600) * 1000,
    cancelOnTimeout: parseBoolean('cancel-on-timeout', input['cancel-on-timeout']),
    failFast: parseBoolean('fail-fast', input['fail-fast']),
    includeHiddenFiles: parseBoolean('include-hidden-files', input['include-hidden-files']),
    manifestPath: parseManifestPath(input.manifest, env),
    network: parseNetwork(input['http-proxy'], env, input['request-timeout']),
    ifExists: parseChoice('if-exists', input['if-exists'], ['overwrite', 'skip', 'fail'] as const),
    dryRun: parseBoolean('dry-run', input['dry-run']),
    deleteInputs,
  };
  if (input.artifact !== '') config.artifact = parseArtifactName(input.artifact);
  const source = parseArtifactSource(input, env);
  if (source) config.artifactSource = source;
  const sse = parseSse(input['s3-sse'], input['s3-sse-kms-key-id']);
  if (sse) config.sse = sse;
  if (input.concurrency.toLowerCase() !== 'auto') {
    config.concurrency = parseInteger('concurrency', input.concurrency, 1, 64, 'or auto');
  }
  if (input.shard !== '') config.shard = parseShard(input.shard);
  if (createJob) config.job = parseJob(input);
  return config;
}

/**
 * The part size and the budget it must fit: a part being filled and one in flight, besides the
 * file's read buffers. A part size that does not fit twice is reduced to fit (whole MiB); the
 * run says so.
 */
export function parsePartSize(
  partSize: string,
  maxMemory: string,
): Pick<UploadSettings, 'partSizeBytes' | 'partSizeReducedFrom' | 'memoryBudgetBytes'> {
  const budgetMiB = parseInteger('max-memory-mib', maxMemory, MIN_BUDGET_MIB, MAX_BUDGET_MIB);
  const partMiB = parseInteger('part-size-mib', partSize, MIN_PART_MIB, MAX_PART_MIB);
  const fitting = largestPartFor(budgetMiB * MIB) / MIB;
  if (partMiB <= fitting)
    return { partSizeBytes: partMiB * MIB, memoryBudgetBytes: budgetMiB * MIB };
  return {
    partSizeBytes: fitting * MIB,
    partSizeReducedFrom: partMiB * MIB,
    memoryBudgetBytes: budgetMiB * MIB,
  };
}

function parseMode(value: string): Mode {
  const normalized = value.toUpperCase().replace(/^(AES[_-]?)?/, 'AES_');
  const mode = MODES.find((m) => m === normalized);
  if (mode) return mode;
  throw new InputError(
    'mode',
    `'${value}' is not a mode; use ${MODES.slice(0, -1).join(', ')} or ${MODES.at(-1)}`,
  );
}

function parseKeyLength(value: string): 16 | 24 | 32 {
  switch (value) {
    case '128':
      return 16;
    case '192':
      return 24;
    case '256':
      return 32;
    default:
      throw new InputError('key-length', `'${value}' is not a key length; use 128, 192 or 256`);
  }
}

function parseIvLength(value: string, mode: Mode): 12 | 16 {
  const allowed = IV_LENGTHS[mode];
  if (value === '') return mode === 'AES_GCM' ? 12 : 16;
  const bytes = /^\d+$/.test(value) ? Number(value) : NaN;
  if (bytes !== 12 && bytes !== 16) {
    throw new InputError('iv-length', `'${value}' is not an IV length; use 12 or 16 (bytes)`);
  }
  if (!allowed.includes(bytes)) {
    throw new InputError(
      'iv-length',
      `${bytes} is not allowed with ${mode}: use ${allowed.join(' or ')}`,
    );
  }
  return bytes;
}

/** A KMS key or alias ARN and its region; `input` names the input in errors. */
export function parseKmsArn(value: string, input: InputName = 'kms-key-arn'): { region: string } {
  if (value === '') throw new InputError(input, 'is required');
  const match = KMS_ARN.exec(value);
  if (!match?.[2]) {
    throw new InputError(
      input,
      `'${value}' is not a KMS key ARN; use arn:aws:kms:REGION:ACCOUNT:key/KEY-ID or arn:aws:kms:REGION:ACCOUNT:alias/NAME`,
    );
  }
  return { region: match[2] };
}

function parseArtifactName(value: string): string {
  if (/[\\/:*?"<>|\r\n]/.test(value)) {
    throw new InputError('artifact', `'${value}' is not a valid artifact name`);
  }
  return value;
}

/** `s3://bucket/` or `s3://bucket/prefix/` (a missing final slash is added). */
export function parseDestination(value: string, input: string = 'destination'): Destination {
  const accepted = 'use s3://bucket/ or s3://bucket/prefix/';
  if (value === '') throw new InputError(input, `is required; ${accepted}`);
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(value);
  if (!match?.[1]) throw new InputError(input, `'${value}' is not an S3 URI; ${accepted}`);
  const bucket = match[1];
  if (!BUCKET.test(bucket) || bucket.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(bucket)) {
    throw new InputError(
      input,
      `'${bucket}' is not a valid S3 bucket name; use 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, not shaped like an IP address`,
    );
  }
  let prefix = match[2] ?? '';
  if (prefix.startsWith('/') || prefix.includes('//')) {
    throw new InputError(input, `'${value}' has an empty path segment; ${accepted}`);
  }
  // S3 keeps `a/../b` as it is, but the SDK sends the key in the request path, where `..` and
  // `.` are resolved: the object would land at another key than the outputs and jobs name.
  if (prefix.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new InputError(
      'destination',
      `'${value}' has a '.' or '..' path segment: the object would be stored under another key than the one the job reads; ${accepted} without such segments`,
    );
  }
  if (prefix !== '' && !prefix.endsWith('/')) prefix += '/';
  return { bucket, prefix };
}

function parseSse(type: string, kmsKeyId: string): ServerSideEncryption | undefined {
  if (type === '') {
    if (kmsKeyId !== '') throw new InputError('s3-sse-kms-key-id', 'needs `s3-sse: aws:kms`');
    return undefined;
  }
  if (type === 'AES256') {
    if (kmsKeyId !== '') throw new InputError('s3-sse-kms-key-id', 'needs `s3-sse: aws:kms`');
    return { type };
  }
  if (type === 'aws:kms') return kmsKeyId === '' ? { type } : { type, kmsKeyId };
  throw new InputError(
    's3-sse',
    `'${type}' is not accepted; use AES256 or aws:kms (or leave empty)`,
  );
}

function parseJob(input: RawInputs): JobConfig {
  const roleArn = input['role-arn'];
  if (roleArn === '') {
    throw new InputError(
      'role-arn',
      'is required when jobs are created (or set `create-job: false`)',
    );
  }
  if (!ROLE_ARN.test(roleArn)) {
    throw new InputError(
      'role-arn',
      `'${roleArn}' is not an IAM role ARN; use arn:aws:iam::ACCOUNT:role/NAME`,
    );
  }
  if (input['job-template'] === '' && input['job-settings'] === '') {
    throw new InputError('job-settings', 'or `job-template` is required when jobs are created');
  }
  const job: JobConfig = {
    roleArn,
    layout: parseChoice('job-layout', input['job-layout'], ['per-file', 'single'] as const),
    userMetadata: parseMap('user-metadata', input['user-metadata']),
    tags: parseMap('tags', input.tags),
  };
  if (Object.keys(job.userMetadata).length > USER_METADATA_ENTRIES) {
    throw new InputError(
      'user-metadata',
      `has more than ${USER_METADATA_ENTRIES} entries (MediaConvert allows 10 and every job carries one more, ${RUN_USER_METADATA})`,
    );
  }
  const tagsProblem = tagProblem(job.tags);
  if (tagsProblem !== undefined) throw new InputError('tags', tagsProblem);
  if (input['job-template'] !== '') job.template = input['job-template'];
  if (input['job-settings'] !== '') job.settingsPath = input['job-settings'];
  if (input.queue !== '') job.queue = input.queue;
  return job;
}

function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count || count > 10000) {
    throw new InputError('shard', `'${value}' is not a shard; use i/n with 1 <= i <= n, e.g. 2/4`);
  }
  return { index, count };
}
