/** A command's --help: usage, what it does, each option with its placeholder and default, exit codes. */
import type { FlagSpec } from './args.js';

export interface HelpOption extends FlagSpec {
  readonly description: string;
  /** Shown as `[default: ...]`; '' for none. */
  readonly default?: string;
  readonly required?: boolean;
}

export interface HelpPage {
  usage: string;
  /** Paragraphs under the usage line. */
  about: readonly string[];
  options: readonly HelpOption[];
  exitCodes: readonly { code: number; meaning: string }[];
}

/** Wider lines wrap: a terminal of 80 columns shows them whole. */
const WIDTH = 80;

export function renderHelp(page: HelpPage): string {
  const usage = wrap(`Usage: ${page.usage}`, WIDTH, '');
  const lines = [usage[0]!, ...wrap(usage.slice(1).join(' '), WIDTH, '         '), ''];
  for (const paragraph of page.about) lines.push(...wrap(paragraph, WIDTH, ''), '');
  lines.push('Options:');
  for (const option of page.options) {
    lines.push(`  ${flagForm(option)}${option.required ? '  (required)' : ''}`);
    const def = option.default ? ` [default: ${option.default}]` : '';
    lines.push(...wrap(`${option.description}${def}`, WIDTH, '      '));
  }
  lines.push(
    '  -h, --help',
    '      Show this help.',
    '  --version',
    '      Print the version.',
    '',
  );
  lines.push('Exit codes:');
  const width = Math.max(...page.exitCodes.map((e) => String(e.code).length));
  for (const { code, meaning } of page.exitCodes) {
    const label = `  ${String(code).padEnd(width)}  `;
    lines.push(
      ...wrap(meaning, WIDTH, ' '.repeat(label.length)).map((l, i) =>
        i === 0 ? label + l.trimStart() : l,
      ),
    );
  }
  return lines.join('\n');
}

/** `--kms-key-arn ARN`, or `--wait, --no-wait` for a switch. */
export function flagForm(option: FlagSpec): string {
  if (option.boolean) return `--${option.name}, --no-${option.name}`;
  return `--${option.name} ${option.placeholder ?? 'VALUE'}`;
}

/** Words of `text` in lines of at most `width` columns (a longer word stays whole), indented. */
function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== indent && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
    }
    line += line === indent ? word : ` ${word}`;
  }
  if (line !== indent) lines.push(line);
  return lines;
}
