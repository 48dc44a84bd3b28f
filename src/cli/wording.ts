/**
 * The action's words for the command line. Descriptions and error messages name inputs as a
 * workflow writes them (`create-job`, `wait: true`); on the command line they are flags
 * (`--create-job`, `--wait`). One rule for both, so that no message is worded twice.
 */
import type { FlagSpec } from './args.js';

/**
 * `text` with every input it names in backquotes written as the flag: `` `name` `` becomes
 * `` `--name` ``, `` `name: value` `` becomes `` `--name value` ``, and a switch set to true
 * just `` `--name` ``. Backquoted words that are not inputs stay as they are.
 */
export function asFlags(text: string, flags: readonly FlagSpec[]): string {
  const byName = new Map(flags.map((flag) => [flag.name, flag]));
  return text.replace(/`([a-z0-9-]+)(?:: ([^`]+))?`/g, (whole, name: string, value?: string) => {
    const flag = byName.get(name);
    if (!flag) return whole;
    if (value === undefined || (flag.boolean && value === 'true')) return `\`--${name}\``;
    return `\`--${name} ${value}\``;
  });
}
