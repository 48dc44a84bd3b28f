/**
 * The input rules of the commands for objects already uploaded (`verify`, `rewrap`, and the
 * CLI's `decrypt`): raw strings to one typed config, before any AWS request. Pure.
 */
import type { InputName } from './interface.js';
import { InputError } from '../shared/errors.js';
import { parseDestination, parseKmsArn, parsePartSize, type Destination } from './config.js';
import { parseManifestPath, parseRegion } from './places.js';
import { parseBoolean, parseChoice, parseInteger } from './parse.js';
import { parseNetwork, type NetworkConfig } from './network.js';
import { rangeBytesFor } from './sizing.js';
import { INPUTS } from './interface.js';

export const COMMANDS = ['encrypt', 'verify', 'rewrap'] as const;
export type Command = (typeof COMMANDS)[number];
export type ObjectsCommand = Exclude<Command, 'encrypt'>;

type Raw = Partial<Record<InputName, string>>;
type Env = Readonly<Record<string, string | undefined>>;

/** Where the objects come from: a manifest's files, or every object under a prefix. */
export type ObjectSource = { kind: 'manifest'; path: string } | ({ kind: 'prefix' } & Destination);

/** What reading objects back needs: region, memory, network. */
export interface ReadConfig {
  /** Region of the S3 bucket(s); each data key is decrypted in its own key's region. */
  region: string;
  /** Every range buffer of every object comes from this many bytes. */
  memoryBudgetBytes: number;
  /** Bytes per ranged GET. */
  rangeBytes: number;
  network: NetworkConfig;
}

export interface ObjectsConfig extends ReadConfig {
  command: ObjectsCommand;
  source: ObjectSource;
  /** `rewrap` only: the key to re-encrypt each data key to, and its region. */
  target?: { kmsKeyArn: string; region: string };
  dryRun: boolean;
  /** Objects at once; absent for `auto`. */
  concurrency?: number;
  failFast: boolean;
}

/** An input's default from the table (the action passes '' for anything unset). */
function valueOf(raw: Raw, name: InputName): string {
  const value = (raw[name] ?? '').trim();
  return value === '' ? INPUTS.find((i) => i.name === name)!.default : value;
}

export function parseCommand(raw: Raw): Command {
  return parseChoice('command', valueOf(raw, 'command'), COMMANDS);
}

export function parseReadConfig(raw: Raw, env: Env): ReadConfig {
  const { memoryBudgetBytes } = parsePartSize('5', valueOf(raw, 'max-memory-mib'));
  return {
    region: parseRegion(valueOf(raw, 'region'), env),
    memoryBudgetBytes,
    rangeBytes: rangeBytesFor(memoryBudgetBytes),
    network: parseNetwork(valueOf(raw, 'http-proxy'), env),
  };
}

/**
 * `verify` and `rewrap`. The objects come from `objects` when it is set, else from `manifest`
 * (whose default is the manifest an encrypt step of the same job wrote).
 */
export function parseObjectsConfig(command: ObjectsCommand, raw: Raw, env: Env): ObjectsConfig {
  const objects = valueOf(raw, 'objects');
  const manifest = valueOf(raw, 'manifest');
  if (objects !== '' && manifest !== '') {
    throw new InputError('objects', 'and `manifest` were both given; give one of them');
  }
  const source: ObjectSource =
    objects === ''
      ? { kind: 'manifest', path: parseManifestPath(manifest, env) }
      : { kind: 'prefix', ...parseDestination(objects, 'objects') };
  const config: ObjectsConfig = {
    command,
    source,
    ...parseReadConfig(raw, env),
    dryRun: parseBoolean('dry-run', valueOf(raw, 'dry-run')),
    failFast: parseBoolean('fail-fast', valueOf(raw, 'fail-fast')),
  };
  const concurrency = valueOf(raw, 'concurrency');
  if (concurrency.toLowerCase() !== 'auto') {
    config.concurrency = parseInteger('concurrency', concurrency, 1, 64, 'or auto');
  }
  const to = valueOf(raw, 'to-kms-key-arn');
  if (command === 'rewrap') {
    if (to === '') {
      throw new InputError(
        'to-kms-key-arn',
        'is required with `command: rewrap`: the key to re-encrypt each data key to',
      );
    }
    config.target = { kmsKeyArn: to, region: parseKmsArn(to, 'to-kms-key-arn').region };
  } else if (to !== '') {
    throw new InputError('to-kms-key-arn', 'applies to `command: rewrap` only');
  }
  if (command === 'verify' && config.dryRun) {
    throw new InputError('dry-run', 'does not apply to `command: verify`, which changes nothing');
  }
  return config;
}

/** One object: `s3://bucket/key` with a key that is not empty and not a folder. */
export function parseObjectUri(value: string, input: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(value);
  if (!match || match[2]!.endsWith('/')) {
    throw new InputError(input, `'${value}' is not an S3 object URI; use s3://bucket/key`);
  }
  const { bucket } = parseDestination(`s3://${match[1]}/`, input);
  return { bucket, key: match[2]! };
}
