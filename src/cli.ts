/**
 * The CLI as a library (src/bin.ts is the command): `mediaconvert-encrypt --files 'masters/*.mov' --kms-key-arn ... --destination s3://...`
 * Same options as the action's inputs, as flags (src/cli/: the parser, help and wording every
 * command shares). Each flag falls back to the INPUT_<NAME> variable the runner would set, then
 * to the action's default. Exit codes: src/cli/exit-codes.ts.
 */
import os from 'node:os';
import { InputError, RefusedInputError } from './shared/errors.js';
import { consoleLogger } from './host/loggers.js';
import { parseMode, runMode } from './host/pipeline.js';
import { handleInterrupts } from './host/signals.js';
import { readResumeManifest } from './host/resume-manifest.js';
import { cliOutputs } from './outputs/step-outputs.js';
import { safeJson } from './shared/safe-text.js';
import { VERSION } from './shared/version.js';
import { quietNodeVersionWarning } from './aws/node-version-warning.js';
import { parseFlags, UsageError } from './cli/args.js';
import { EXIT, type ExitCode } from './cli/exit-codes.js';
import {
  cliMessage,
  ENCRYPT_FLAGS,
  encryptHelp,
  rawInputs,
  runManifestPath,
} from './cli/encrypt-command.js';

import { isSubcommand, runSubcommand } from './subcommands.js';
import { parseCommand } from './inputs/objects-config.js';

export { EXIT } from './cli/exit-codes.js';

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
export async function main(argv: readonly string[]): Promise<ExitCode> {
  divertWorkflowCommands();
  quietNodeVersionWarning();
  const log = consoleLogger(process.stderr);
  if (argv[0] === 'conformance') {
    const { conformance } = await import('./conformance/command.js');
    const interrupt = handleInterrupts((m) => log.warning(m));
    return (await conformance(argv.slice(1), log, interrupt.signal)) as ExitCode;
  }
  if (isSubcommand(argv[0])) {
    // The handlers stay until the process ends: a second Ctrl-C must not cut the clean-up short.
    const interrupt = handleInterrupts((m) => log.warning(m));
    const io = { log, signal: interrupt.signal, stdout: process.stdout, env: process.env };
    return EXIT[await runSubcommand(argv[0], argv.slice(1), io)];
  }
  // `encrypt` may be named too; it is the command without a name.
  if (argv[0] === 'encrypt') argv = argv.slice(1);
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv, ENCRYPT_FLAGS);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log.info(`error: ${error.message}`);
    return EXIT.usage;
  }
  if (parsed.kind === 'help') {
    process.stdout.write(`${encryptHelp()}\n`);
    return EXIT.ok;
  }
  if (parsed.kind === 'version') {
    process.stdout.write(`mediaconvert-encrypt ${VERSION}\n`);
    return EXIT.ok;
  }
  return encrypt(parsed.values, log);
}

async function encrypt(
  values: ReadonlyMap<string, string>,
  log: ReturnType<typeof consoleLogger>,
): Promise<ExitCode> {
  // The handlers stay until the process ends: a second Ctrl-C must not cut the clean-up short.
  const interrupt = handleInterrupts((m) => log.warning(m));
  try {
    const env = { ...process.env, RUNNER_TEMP: process.env.RUNNER_TEMP || os.tmpdir() };
    const raw = rawInputs(values, env);
    const command = parseCommand(raw);
    if (command !== 'encrypt') {
      throw new InputError(
        'command',
        `on the command line, run \`mediaconvert-encrypt ${command}\``,
      );
    }
    const resume = values.get('resume');
    // The journal of the run resumed is written on, unless --manifest names another file.
    if (resume !== undefined && !raw.manifest?.trim()) raw.manifest = resume;
    if (!raw.manifest?.trim())
      raw.manifest = runManifestPath(env.RUNNER_TEMP, new Date(), process.pid);
    const mode = parseMode(raw, env);
    const resumed = resume === undefined ? undefined : await readResumeManifest(resume, Date.now());
    const outcome = await runMode(mode, env, {
      log,
      signal: interrupt.signal,
      workspace: process.cwd(),
      tempDir: env.RUNNER_TEMP,
      ...(resumed ? { run: resumed.run, earlier: resumed.earlier } : {}),
    });
    const outputs = cliOutputs(outcome.report, mode.manifestPath);
    process.stdout.write(`${safeJson(outputs, 2)}\n`);
    log.info(`manifest: ${mode.manifestPath}`);
    if (outcome.failure) for (const line of `error: ${outcome.failure}`.split('\n')) log.info(line);
    if (interrupt.signal.aborted) return EXIT.interrupted;
    return outcome.failure ? EXIT.failed : EXIT.ok;
  } catch (error) {
    log.info(`error: ${cliMessage(error)}`);
    if (interrupt.signal.aborted) return EXIT.interrupted;
    if (error instanceof RefusedInputError) return EXIT.refused;
    return error instanceof InputError ? EXIT.usage : EXIT.failed;
  }
}
