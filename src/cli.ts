/**
 * The CLI as a library (src/bin.ts is the command): `mediaconvert-encrypt --files 'masters/*.mov' --kms-key-arn ... --destination s3://...`
 * Same options as the action's inputs, as flags. Each flag falls back to the INPUT_<NAME>
 * variable the runner would set, then to the action's default. Exit codes: see EXIT below.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { parseConfig } from './inputs/config.js';
import { InputError, messageOf } from './shared/errors.js';
import { consoleLogger } from './host/loggers.js';
import { loadPipeline } from './host/pipeline.js';
import { handleInterrupts } from './host/signals.js';
import { INPUTS, type InputName } from './inputs/interface.js';
import { outputsOf } from './report/report.js';
import { safeJson } from './shared/safe-text.js';
import { isSubcommand, runSubcommand } from './subcommands.js';
import { parseCommand } from './inputs/objects-config.js';

export const EXIT = {
  ok: 0,
  /** Some file, job creation or job failed; the manifest still describes what succeeded. */
  failed: 1,
  /** A bad flag or input value; nothing was sent to AWS. */
  usage: 2,
  /** SIGINT or SIGTERM; uploads in flight were aborted. */
  interrupted: 130,
} as const;

export function helpText(): string {
  const lines = [
    'Usage: mediaconvert-encrypt --files GLOBS --kms-key-arn ARN --destination s3://bucket/prefix/ [options]',
    '',
    'Encrypts media with a KMS data key, streams the ciphertext to S3 and creates AWS Elemental',
    'MediaConvert jobs that decrypt it. Credentials come from the AWS SDK default chain (AWS_PROFILE,',
    'AWS_ACCESS_KEY_ID...), endpoints from AWS_ENDPOINT_URL_*, and the region from --region,',
    'AWS_REGION or AWS_DEFAULT_REGION (not from a profile). Each option also reads',
    'INPUT_<NAME> (e.g. INPUT_KMS-KEY-ARN), as in GitHub Actions.',
    '',
    'For objects already uploaded: mediaconvert-encrypt verify | decrypt | rewrap (each with --help).',
    '',
    'Options:',
  ];
  for (const spec of INPUTS) {
    const required = 'required' in spec && spec.required ? ' (required)' : '';
    const def = spec.default === '' ? '' : ` [default: ${spec.default}]`;
    lines.push(`  --${spec.name}${required}${def}`, `      ${spec.description}`);
  }
  lines.push('  --help', '      Show this help.', '');
  lines.push('Exit codes:');
  lines.push(
    `  ${EXIT.ok}    every file uploaded and every job created (and completed, with --wait true)`,
  );
  lines.push(
    `  ${EXIT.failed}    a file, a job creation or a job failed; the manifest lists what succeeded`,
  );
  lines.push(`  ${EXIT.usage}    bad option or input value; no AWS request was made`);
  lines.push(`  ${EXIT.interrupted}  interrupted; uploads in flight were aborted`);
  return lines.join('\n');
}

function readFlags(argv: readonly string[]): Partial<Record<InputName, string>> | 'help' {
  const options: Record<string, { type: 'string' } | { type: 'boolean' }> = {
    help: { type: 'boolean' },
  };
  for (const spec of INPUTS) options[spec.name] = { type: 'string' };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new InputError(
      'arguments',
      `${messageOf(error).replace(/^TypeError[^:]*: /, '')}; see --help`,
    );
  }
  if (values.help) return 'help';
  const raw: Partial<Record<InputName, string>> = {};
  for (const spec of INPUTS) {
    const flag = values[spec.name];
    const fromEnv = process.env[`INPUT_${spec.name.toUpperCase()}`];
    const value = typeof flag === 'string' ? flag : fromEnv;
    if (value !== undefined) raw[spec.name] = value;
  }
  return raw;
}

/**
 * @actions/glob logs through @actions/core, which prints `::debug::` workflow commands on
 * stdout. Outside Actions they are noise and would corrupt the JSON this CLI prints there, so
 * they go to stderr when RUNNER_DEBUG=1 and nowhere otherwise.
 */
function divertWorkflowCommands(): void {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    if (text.startsWith('::debug::')) {
      if (process.env.RUNNER_DEBUG === '1') process.stderr.write(text);
      return true;
    }
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
}

/** Runs the CLI with `argv` (the arguments after the command) and returns its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  divertWorkflowCommands();
  const log = consoleLogger(process.stderr);
  // The handlers stay until the process ends: a second Ctrl-C must not cut the clean-up short.
  const interrupt = handleInterrupts((m) => log.warning(m));
  if (isSubcommand(argv[0])) {
    const io = { log, signal: interrupt.signal, stdout: process.stdout, env: process.env };
    return EXIT[await runSubcommand(argv[0], argv.slice(1), io)];
  }
  // `encrypt` may be named too; it is the command without a name.
  if (argv[0] === 'encrypt') argv = argv.slice(1);
  try {
    const raw = readFlags(argv);
    if (raw === 'help') {
      process.stdout.write(`${helpText()}\n`);
      return EXIT.ok;
    }
    const env = { ...process.env, RUNNER_TEMP: process.env.RUNNER_TEMP || os.tmpdir() };
    const command = parseCommand(raw);
    if (command !== 'encrypt') {
      throw new InputError(
        'command',
        `on the command line, run \`mediaconvert-encrypt ${command}\``,
      );
    }
    const config = parseConfig(raw, env);
    const { runPipeline, hostDeps } = await loadPipeline();
    const outcome = await runPipeline(
      config,
      hostDeps(config, env, {
        log,
        signal: interrupt.signal,
        workspace: process.cwd(),
        tempDir: env.RUNNER_TEMP,
      }),
    );
    process.stdout.write(`${safeJson(outputsOf(outcome.report, config.manifestPath), 2)}\n`);
    if (outcome.failure) for (const line of `error: ${outcome.failure}`.split('\n')) log.info(line);
    if (interrupt.signal.aborted) return EXIT.interrupted;
    return outcome.failure ? EXIT.failed : EXIT.ok;
  } catch (error) {
    log.info(`error: ${messageOf(error)}`);
    if (interrupt.signal.aborted) return EXIT.interrupted;
    return error instanceof InputError ? EXIT.usage : EXIT.failed;
  }
}
