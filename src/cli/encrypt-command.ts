/**
 * The encrypt command (the CLI's default): the action's inputs as flags, its help, and its
 * errors worded for a command line. Its outputs, one JSON object: outputs/step-outputs.ts.
 */
import path from 'node:path';
import { INPUTS, type InputName, type InputSpec } from '../inputs/interface.js';
import { InputError, messageOf } from '../shared/errors.js';
import type { FlagSpec } from './args.js';
import { EXIT_MEANINGS } from './exit-codes.js';
import { renderHelp } from './help.js';
import { asFlags } from './wording.js';

const SPECS: readonly InputSpec[] = INPUTS;

/** The CLI's own flag: continue the interrupted run whose manifest (journal) this is. */
const RESUME = {
  name: 'resume',
  placeholder: 'MANIFEST',
  description:
    'Continue the interrupted run whose manifest this is: files complete in S3 are not uploaded again, no second job is created for a file, and the incomplete uploads it left are aborted. The manifest is written on (unless --manifest names another file). See docs/interrupted-runs.md.',
} as const;

/** One flag per input of the action, of the same name, and --resume. */
export const ENCRYPT_FLAGS: readonly FlagSpec[] = [
  ...SPECS.map((spec) => ({
    name: spec.name,
    ...(spec.boolean ? { boolean: true } : {}),
    ...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
  })),
  { name: RESUME.name, placeholder: RESUME.placeholder },
];

export function encryptHelp(): string {
  return renderHelp({
    usage: 'mediaconvert-encrypt --files GLOBS --kms-key-arn ARN --destination S3_URI [options]',
    about: [
      'Encrypts media with a KMS data key, streams the ciphertext to S3 and creates AWS Elemental MediaConvert jobs that decrypt it.',
      'Credentials come from the AWS SDK default chain (AWS_PROFILE, AWS_ACCESS_KEY_ID...), endpoints from AWS_ENDPOINT_URL_*, and the region from --region, AWS_REGION or AWS_DEFAULT_REGION (not from a profile). Each option also reads INPUT_<NAME> (e.g. INPUT_KMS-KEY-ARN), as in GitHub Actions.',
      'The outputs are printed on stdout as one JSON object; the log goes to stderr.',
      'Other commands: conformance (one tiny MediaConvert job per mode, IV length and key length against your account; see conformance --help).',
    ],
    options: [
      ...SPECS.map((spec) => ({
        name: spec.name,
        ...(spec.boolean ? { boolean: true } : {}),
        ...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
        ...(spec.required ? { required: true } : {}),
        description: asFlags(spec.cli ?? spec.description, ENCRYPT_FLAGS),
        default: spec.boolean ? (spec.default === 'true' ? 'on' : 'off') : spec.default,
      })),
      { ...RESUME, default: '' },
    ],
    exitCodes: EXIT_MEANINGS,
  });
}

/**
 * The raw inputs: each flag given, else the INPUT_<NAME> variable the runner would set (left
 * for the input rules to read like the action's), else nothing (the action's default).
 */
export function rawInputs(
  values: ReadonlyMap<string, string>,
  env: Readonly<Record<string, string | undefined>>,
): Partial<Record<InputName, string>> {
  const raw: Partial<Record<InputName, string>> = {};
  for (const spec of INPUTS) {
    const value = values.get(spec.name) ?? env[`INPUT_${spec.name.toUpperCase()}`];
    if (value !== undefined) raw[spec.name] = value;
  }
  return raw;
}

/**
 * Where the manifest goes when neither `--manifest` nor INPUT_MANIFEST names a file: a new
 * file for every run, named for its time and process, so that two runs on one machine never
 * write the same one. (The action's default, one per job in $RUNNER_TEMP, is found again by a
 * re-run of the step; a command has no such thing.)
 */
export function runManifestPath(dir: string, now: Date, pid: number): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.join(dir, `mediaconvert-encrypt-manifest-${stamp}-${pid}.json`);
}

/** A problem that reads on from the flag's name: `--role-arn is required when ...`. */
const PREDICATE = /^(is|or|needs|has|must) /;

/**
 * An error as the command line says it: a bad input is named as its flag (`--key-length:
 * '512' is not a key length...`), and inputs it mentions are flags too.
 */
export function cliMessage(error: unknown): string {
  if (error instanceof InputError) {
    const problem = asFlags(error.problem, ENCRYPT_FLAGS);
    return `--${error.input}${PREDICATE.test(problem) ? ' ' : ': '}${problem}`;
  }
  return asFlags(messageOf(error), ENCRYPT_FLAGS);
}
