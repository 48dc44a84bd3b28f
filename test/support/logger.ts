import type { Logger } from '../../src/shared/logger.js';

/** `group` and `endgroup` mark where a group opens and closes; their message is its name. */
export type LogLevel = 'info' | 'warning' | 'debug' | 'group' | 'endgroup';

export interface LogLine {
  level: LogLevel;
  message: string;
}

/** A Logger that records every line (group names included) instead of printing it. */
export class FakeLogger implements Logger {
  readonly lines: LogLine[] = [];

  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }

  warning(message: string): void {
    this.lines.push({ level: 'warning', message });
  }

  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push({ level: 'group', message: name });
    try {
      return await fn();
    } finally {
      this.lines.push({ level: 'endgroup', message: name });
    }
  }

  /** Each group's name and the lines logged between its start and end, in order. */
  groups(): { name: string; lines: LogLine[] }[] {
    const out: { name: string; lines: LogLine[] }[] = [];
    this.lines.forEach((line, start) => {
      if (line.level !== 'group') return;
      const end = this.lines.findIndex(
        (l, i) => i > start && l.level === 'endgroup' && l.message === line.message,
      );
      out.push({
        name: line.message,
        lines: this.lines.slice(start + 1, end === -1 ? undefined : end),
      });
    });
    return out;
  }

  /** Messages of one level, in order. */
  messages(level?: LogLevel): string[] {
    return this.lines.filter((l) => level === undefined || l.level === level).map((l) => l.message);
  }

  /** Everything logged, one line per entry: for "this never appears anywhere" checks. */
  text(): string {
    return this.lines.map((l) => `${l.level}: ${l.message}`).join('\n');
  }
}
