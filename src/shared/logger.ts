/** What the pipeline needs of a log: @actions/core in the action, the console in the CLI. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** A live progress display (the CLI's bar on a terminal); without it, progress is logged lines. */
  progress?(file: string, uploadedBytes: number, totalBytes: number): void;
}
