/**
 * The CLI's commands for objects already uploaded: `verify`, `decrypt` and `rewrap`
 * (docs/after-upload.md). Their flags are parsed here, apart from the encrypt command's, and
 * checked by the same input rules as the action's `command` input before any AWS request.
 * Flags only: unlike the encrypt command, these read no INPUT_<NAME> variable.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadObjects } from './host/pipeline.js';
import type { InputName } from './inputs/interface.js';
import { parseObjectsConfig, parseObjectUri, parseReadConfig } from './inputs/objects-config.js';
import { InputError, messageOf } from './shared/errors.js';
import type { Logger } from './shared/logger.js';
import { safeJson } from './shared/safe-text.js';
import { jsonValues } from './outputs/step-outputs.js';

export const SUBCOMMANDS = ['verify', 'decrypt', 'rewrap'] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export function isSubcommand(arg: string | undefined): arg is Subcommand {
  return SUBCOMMANDS.some((s) => s === arg);
}

/** How a subcommand ended; cli.ts turns it into an exit code. */
export type Ending = 'ok' | 'failed' | 'usage' | 'interrupted';

const COMMON = {
  region:
    'S3 region (default AWS_REGION / AWS_DEFAULT_REGION); each data key is decrypted in its own key region',
  'max-memory-mib': 'memory for read buffers, shared by all objects (default 64)',
  'http-proxy': 'proxy URL for every AWS request (default HTTPS_PROXY / HTTP_PROXY)',
};
const SOURCE = {
  manifest: 'the manifest an encrypt run wrote: its files, with the plaintext SHA-256 of each',
  objects: 's3://bucket/prefix/: every object under it, the SHA-256 from its metadata',
  concurrency: 'objects at once, 1 to 64 (default auto: as many as the memory holds)',
};

const SPECS: Record<
  Subcommand,
  { usage: string; about: string[]; strings: Record<string, string>; flags: Record<string, string> }
> = {
  verify: {
    usage:
      'mediaconvert-encrypt verify (--manifest FILE | --objects s3://bucket/prefix/) [options]',
    about: [
      'Decrypts each object through KMS with the MediaConvert encryption context, as a job would, and',
      'compares the plaintext with the SHA-256 recorded at upload. Prints one line per object:',
      'ok, mismatch, missing, undecryptable, unchecked (nothing recorded to compare) or error.',
    ],
    strings: { ...SOURCE, ...COMMON },
    flags: { 'fail-fast': 'stop starting objects after the first failure' },
  },
  rewrap: {
    usage:
      'mediaconvert-encrypt rewrap (--manifest FILE | --objects s3://bucket/prefix/) --to-kms-key-arn ARN [--dry-run] [options]',
    about: [
      "Re-encrypts each object's data key to another KMS key (KMS ReEncrypt, same context) and replaces",
      "the object's metadata by a copy onto itself: no ciphertext is sent. Updates the manifest. An",
      'object already under the key is left alone, so running it again changes nothing.',
    ],
    strings: {
      ...SOURCE,
      'to-kms-key-arn': 'the KMS key (or alias) ARN to re-wrap to, in the same region',
      ...COMMON,
    },
    flags: {
      'dry-run': 'say what would be re-wrapped; change no object and no manifest',
      'fail-fast': 'stop starting objects after the first failure',
    },
  },
  decrypt: {
    usage:
      'mediaconvert-encrypt decrypt s3://bucket/key [--out FILE | --out -] [--force] [options]',
    about: [
      'Decrypts one object to a file (default: its name in the current folder). The file appears only',
      'once the GCM tag, CBC padding and recorded SHA-256 verified. With --out - the plaintext goes',
      'to stdout as it is decrypted and is only known to be authentic at the end: the exit status',
      'is 1 when it is not (a GCM tag or SHA-256 that does not match), and the output must be discarded.',
    ],
    strings: { out: 'where the plaintext goes: a file, or - for stdout', ...COMMON },
    flags: { force: 'overwrite an existing file' },
  },
};

export function subcommandHelp(name: Subcommand): string {
  const spec = SPECS[name];
  const lines = [`Usage: ${spec.usage}`, '', ...spec.about, '', 'Options:'];
  for (const [flag, text] of Object.entries(spec.strings))
    lines.push(`  --${flag} VALUE`, `      ${text}`);
  for (const [flag, text] of Object.entries(spec.flags)) lines.push(`  --${flag}`, `      ${text}`);
  lines.push(
    '  --help',
    '      Show this help.',
    '',
    'Exit codes: 0 every object passed, 1 one did not, 2 bad option (no AWS request made), 130 interrupted.',
  );
  return lines.join('\n');
}

interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

function parse(name: Subcommand, argv: readonly string[]): Parsed {
  const spec = SPECS[name];
  const options: Record<string, { type: 'string' } | { type: 'boolean' }> = {
    help: { type: 'boolean' },
  };
  for (const flag of Object.keys(spec.strings)) options[flag] = { type: 'string' };
  for (const flag of Object.keys(spec.flags)) options[flag] = { type: 'boolean' };
  try {
    return parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: name === 'decrypt',
    });
  } catch (error) {
    throw new InputError(
      'arguments',
      `${messageOf(error).replace(/^TypeError[^:]*: /, '')}; see ${name} --help`,
    );
  }
}

/** The flags as the input table's raw strings (booleans as 'true'). */
function rawInputs(values: Parsed['values']): Partial<Record<InputName, string>> {
  const raw: Record<string, string> = {};
  for (const [flag, value] of Object.entries(values)) {
    if (flag !== 'help' && value !== undefined) raw[flag] = value === true ? 'true' : String(value);
  }
  return raw as Partial<Record<InputName, string>>;
}

export interface SubcommandIo {
  log: Logger;
  signal: AbortSignal;
  stdout: NodeJS.WriteStream;
  env: Readonly<Record<string, string | undefined>>;
}

export async function runSubcommand(
  name: Subcommand,
  argv: readonly string[],
  io: SubcommandIo,
): Promise<Ending> {
  const { log } = io;
  try {
    const { values, positionals } = parse(name, argv);
    if (values.help) {
      io.stdout.write(`${subcommandHelp(name)}\n`);
      return 'ok';
    }
    const raw = rawInputs(values);
    if (name === 'decrypt') return await decrypt(positionals, raw, values, io);
    if (raw.manifest === undefined && raw.objects === undefined) {
      throw new InputError(
        'arguments',
        `give --manifest FILE or --objects s3://bucket/prefix/; see ${name} --help`,
      );
    }
    const config = parseObjectsConfig(name, raw, io.env);
    const { runObjects, objectsDeps, outputs } = await loadObjects();
    const outcome = await runObjects(
      config,
      objectsDeps(config, io.env, { log, signal: io.signal }),
    );
    // JSON outputs as JSON values, as the encrypt command prints them.
    io.stdout.write(`${safeJson(jsonValues(outputs.objectOutputs(outcome.report)), 2)}\n`);
    if (outcome.failure) for (const line of `error: ${outcome.failure}`.split('\n')) log.info(line);
    if (io.signal.aborted) return 'interrupted';
    return outcome.failure ? 'failed' : 'ok';
  } catch (error) {
    log.info(`error: ${messageOf(error)}`);
    if (io.signal.aborted) return 'interrupted';
    return error instanceof InputError ? 'usage' : 'failed';
  }
}

async function decrypt(
  positionals: string[],
  raw: Partial<Record<InputName, string>>,
  values: Parsed['values'],
  io: SubcommandIo,
): Promise<Ending> {
  if (positionals.length !== 1) {
    throw new InputError('arguments', 'give exactly one s3://bucket/key; see decrypt --help');
  }
  const object = parseObjectUri(positionals[0]!, 's3-uri');
  const config = parseReadConfig(raw, io.env);
  const force = values.force === true;
  const outFlag = typeof values.out === 'string' ? values.out : path.posix.basename(object.key);
  if (outFlag === '') throw new InputError('out', 'is empty; give a file path or - for stdout');
  const toStdout = outFlag === '-';
  if (!toStdout && !force) {
    // Checked before any AWS request; checked again when the file is put in place.
    const existing = await lstat(outFlag).catch(() => undefined);
    if (existing)
      throw new InputError(
        'out',
        `${outFlag} exists; give --force to overwrite it, or another path`,
      );
  }
  const { objectsDeps } = await loadObjects();
  const { decryptObject } = await import('./objects/decrypt.js');
  const deps = objectsDeps(config, io.env, { log: io.log, signal: io.signal });
  const result = await decryptObject(
    { ...object, out: toStdout ? { stream: io.stdout } : { file: outFlag, force } },
    config,
    deps,
  ).catch((error: unknown) => {
    if (!toStdout) throw error;
    throw new Error(
      `${messageOf(error)}; what was written to stdout is not authentic: discard it`,
      {
        cause: error,
      },
    );
  });
  io.log.info(
    `decrypted ${result.s3Uri} to ${toStdout ? 'stdout' : result.out}: ${result.bytes} bytes, SHA-256 ${result.plaintextSha256} (${result.verified})`,
  );
  if (!toStdout) io.stdout.write(`${safeJson(result, 2)}\n`);
  return io.signal.aborted ? 'interrupted' : 'ok';
}
