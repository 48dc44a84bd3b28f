/**
 * The command line's flags, as users of other command-line tools expect them: `--name VALUE`
 * or `--name=VALUE`; a boolean as a bare `--wait` or `--no-wait` (`--wait true` and
 * `--wait=false` work too); `-h`/`--help` and `--version`; an unknown flag answered with the
 * nearest known one. Generic over the flag table, so that every command of the CLI parses the
 * same way.
 */
import { closest } from '../shared/closest.js';

export interface FlagSpec {
  readonly name: string;
  /** A switch: `--name` is true, `--no-name` false. */
  readonly boolean?: boolean;
  /** How the value is shown in --help and in errors (`ARN`); absent for a switch. */
  readonly placeholder?: string;
}

/** A command line that cannot be read: no request was made. Its message is for the user. */
export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}; see --help`);
    this.name = 'UsageError';
  }
}

export type ParsedFlags =
  | { kind: 'help' }
  | { kind: 'version' }
  /** Each flag given, by name; a switch as 'true' or 'false'. */
  | { kind: 'run'; values: Map<string, string> };

const BOOLEAN_WORD = /^(true|false)$/i;

/**
 * Reads `argv` against `specs`. Throws UsageError for an unknown flag (naming the nearest
 * known one), a value missing or given to a switch it does not fit, a flag given twice, and
 * any argument that is not a flag.
 */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const values = new Map<string, string>();
  const set = (spec: FlagSpec, value: string): void => {
    if (values.has(spec.name)) throw new UsageError(`--${spec.name} is given twice`);
    values.set(spec.name, value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--version') return { kind: 'version' };
    if (!arg.startsWith('--') || arg === '--') {
      throw new UsageError(
        `unexpected argument ${quote(arg)}: every option is a --flag, e.g. --files 'media/*.mp4'`,
      );
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    const spec = byName.get(name);
    const negated =
      spec === undefined && name.startsWith('no-') ? byName.get(name.slice(3)) : undefined;
    if (negated?.boolean) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      set(negated, 'false');
      continue;
    }
    if (spec === undefined) throw new UsageError(unknownFlag(name, specs));
    if (spec.boolean) {
      const next = argv[i + 1];
      if (inline !== undefined) {
        if (!BOOLEAN_WORD.test(inline)) {
          throw new UsageError(
            `--${name} is a switch: use --${name}, --no-${name} or --${name}=true|false`,
          );
        }
        set(spec, inline.toLowerCase());
      } else if (next !== undefined && BOOLEAN_WORD.test(next)) {
        set(spec, next.toLowerCase());
        i++;
      } else {
        set(spec, 'true');
      }
      continue;
    }
    if (inline !== undefined) {
      set(spec, inline);
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) {
      throw new UsageError(`--${name} needs a value: --${name} ${spec.placeholder ?? 'VALUE'}`);
    }
    set(spec, next);
    i++;
  }
  return { kind: 'run', values };
}

/** "unknown option --kms-key (did you mean --kms-key-arn?)". */
function unknownFlag(name: string, specs: readonly FlagSpec[]): string {
  const names = specs.map((s) => s.name);
  const switches = specs.filter((s) => s.boolean).map((s) => `no-${s.name}`);
  // A flag cut short (`--kms-key`) is a prefix of one name; a typo is near one by spelling.
  const extending = names.filter((n) => n.startsWith(name));
  const guess =
    (name !== '' && extending.length === 1 ? extending[0] : undefined) ??
    closest(name, [...names, ...switches, 'help', 'version']);
  const hint = guess === undefined ? '' : ` (did you mean --${guess}?)`;
  const notASwitch = name.startsWith('no-') && names.includes(name.slice(3));
  const why = notASwitch ? `: --${name.slice(3)} takes a value` : '';
  return `unknown option ${quote(`--${name}`)}${why}${hint}`;
}

/** An argument as typed, on one line and recognisable (JSON-quoted when it is not a plain word). */
function quote(arg: string): string {
  return /^[\w./:@=+-]*$/.test(arg) ? arg : JSON.stringify(arg);
}
