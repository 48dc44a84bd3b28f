import type { Logger } from '../src/logger.js';

export type LogLevel = 'info' | 'warning' | 'debug' | 'group';

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
    return fn();
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
