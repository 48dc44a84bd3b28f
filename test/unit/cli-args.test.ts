/** The command line's flags (src/cli/args.ts) and the encrypt command's wording. */
import { describe, expect, test } from '@jest/globals';
import { parseFlags, UsageError, type FlagSpec } from '../../src/cli/args.js';
import { flagForm } from '../../src/cli/help.js';
import { asFlags } from '../../src/cli/wording.js';
import {
  cliMessage,
  ENCRYPT_FLAGS,
  encryptHelp,
  rawInputs,
  runManifestPath,
} from '../../src/cli/encrypt-command.js';
import { InputError } from '../../src/shared/errors.js';
import { INPUTS } from '../../src/inputs/interface.js';

const FLAGS: FlagSpec[] = [
  { name: 'files', placeholder: 'GLOBS' },
  { name: 'kms-key-arn', placeholder: 'ARN' },
  { name: 'wait', boolean: true },
  { name: 'create-job', boolean: true },
];

function values(argv: string[]): Record<string, string> {
  const parsed = parseFlags(argv, FLAGS);
  if (parsed.kind !== 'run') throw new Error(`parsed as ${parsed.kind}`);
  return Object.fromEntries(parsed.values);
}

function usageError(argv: string[]): string {
  try {
    parseFlags(argv, FLAGS);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('parseFlags', () => {
  test('values after the flag or after =', () => {
    expect(values(['--files', 'a/*.mp4', '--kms-key-arn=arn:x=y'])).toEqual({
      files: 'a/*.mp4',
      'kms-key-arn': 'arn:x=y',
    });
  });

  test('a switch is a bare flag, --no-flag, or takes true/false after it or after =', () => {
    expect(values(['--wait'])).toEqual({ wait: 'true' });
    expect(values(['--no-wait'])).toEqual({ wait: 'false' });
    expect(values(['--create-job', 'false', '--wait', 'TRUE'])).toEqual({
      'create-job': 'false',
      wait: 'true',
    });
    expect(values(['--wait=false'])).toEqual({ wait: 'false' });
    // The next word is not a boolean: it is not the switch's value.
    expect(usageError(['--wait', 'yes'])).toMatch(/unexpected argument yes/);
  });

  test('-h, --help and --version win wherever they are', () => {
    expect(parseFlags(['--files', 'x', '-h'], FLAGS)).toEqual({ kind: 'help' });
    expect(parseFlags(['--help'], FLAGS)).toEqual({ kind: 'help' });
    expect(parseFlags(['--version', '--colour'], FLAGS)).toEqual({ kind: 'version' });
  });

  test('an unknown flag names the nearest one: cut short, or misspelt', () => {
    expect(usageError(['--kms-key', 'x'])).toBe(
      'unknown option --kms-key (did you mean --kms-key-arn?); see --help',
    );
    expect(usageError(['--fiels', 'x'])).toContain('(did you mean --files?)');
    expect(usageError(['--no-wiat'])).toContain('(did you mean --no-wait?)');
    expect(usageError(['--colour', 'blue'])).toBe('unknown option --colour; see --help');
  });

  test('a missing value, a value for a switch, a flag twice and a stray word are refused', () => {
    expect(usageError(['--files'])).toBe('--files needs a value: --files GLOBS; see --help');
    expect(usageError(['--files', '--wait'])).toContain('--files needs a value');
    expect(usageError(['--wait=maybe'])).toContain('--wait is a switch');
    expect(usageError(['--no-wait=true'])).toContain('--no-wait takes no value');
    expect(usageError(['--no-files'])).toContain('--files takes a value');
    expect(usageError(['--wait', '--no-wait'])).toContain('--wait is given twice');
    expect(usageError(['media/a.mp4'])).toContain('unexpected argument media/a.mp4');
    expect(usageError(['--files', 'a', 'b\nc'])).toContain('unexpected argument "b\\nc"');
  });
});

describe('the encrypt command', () => {
  test('every input is a flag, and --resume; the ones with true/false defaults are switches', () => {
    expect(ENCRYPT_FLAGS.map((f) => f.name)).toEqual([...INPUTS.map((i) => i.name), 'resume']);
    for (const input of INPUTS) {
      const flag = ENCRYPT_FLAGS.find((f) => f.name === input.name)!;
      const isBoolean = input.default === 'true' || input.default === 'false';
      expect([input.name, Boolean(flag.boolean)]).toEqual([input.name, isBoolean]);
      // A switch shows no placeholder; every other flag does.
      expect([input.name, flag.boolean ? undefined : typeof flag.placeholder]).toEqual([
        input.name,
        flag.boolean ? undefined : 'string',
      ]);
    }
  });

  test('help shows placeholders, switches and no workflow wording', () => {
    const help = encryptHelp();
    expect(help).toContain('--kms-key-arn ARN');
    expect(help).toContain('--wait, --no-wait');
    expect(help).toMatch(/^ {2}-h, --help$/m);
    expect(help).toMatch(/^ {2}--version$/m);
    expect(help).not.toContain('${{');
    expect(help).not.toMatch(/\bstep\b/);
    expect(help).not.toMatch(/`[a-z-]+: (true|false)`/);
    for (const line of help.split('\n')) expect([line, line.length <= 80]).toEqual([line, true]);
    for (const flag of ENCRYPT_FLAGS) expect(help).toContain(flagForm(flag));
  });

  test('flags win over INPUT_<NAME> variables, which fill the rest', () => {
    const raw = rawInputs(new Map([['mode', 'gcm']]), {
      INPUT_MODE: 'cbc',
      'INPUT_KMS-KEY-ARN': 'arn:from-env',
    });
    expect(raw).toEqual({ mode: 'gcm', 'kms-key-arn': 'arn:from-env' });
  });

  test('errors name inputs as flags', () => {
    expect(
      cliMessage(
        new InputError(
          'role-arn',
          'is required when jobs are created (or set `create-job: false`)',
        ),
      ),
    ).toBe('--role-arn is required when jobs are created (or set `--create-job false`)');
    expect(cliMessage(new InputError('wait', '`true` needs `create-job: true`'))).toBe(
      '--wait: `true` needs `--create-job`',
    );
    expect(cliMessage(new InputError('key-length', "'512' is not a key length"))).toBe(
      "--key-length: '512' is not a key length",
    );
  });

  test('asFlags leaves backquoted words that are not inputs alone', () => {
    expect(
      asFlags('use `AES_CTR` or `skip`, with `delete-inputs: on-complete`', ENCRYPT_FLAGS),
    ).toBe('use `AES_CTR` or `skip`, with `--delete-inputs on-complete`');
  });

  test('the default manifest is a new file per run, named for its time and process', () => {
    const at = new Date('2026-12-04T20:15:30.123Z');
    expect(runManifestPath('/tmp', at, 4242)).toBe(
      '/tmp/mediaconvert-encrypt-manifest-20261204T201530Z-4242.json',
    );
    expect(runManifestPath('/tmp', at, 4243)).not.toBe(runManifestPath('/tmp', at, 4242));
  });
});
