/** The command line's exit codes, each with what it promises; every command uses these. */
export const EXIT = {
  ok: 0,
  /** Some file, job creation or job failed; the manifest still describes what succeeded. */
  failed: 1,
  /** A bad flag or option value; no AWS request was made. */
  usage: 2,
  /**
   * AWS said a job template or queue the options name does not exist. Only read-only requests
   * were made (GetJobTemplate, GetQueue): no data key, no upload, no job.
   */
  refused: 3,
  /** SIGINT or SIGTERM; uploads in flight were aborted. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit codes as --help and docs/cli-reference.md list them. */
export const EXIT_MEANINGS: readonly { code: ExitCode; meaning: string }[] = [
  {
    code: EXIT.ok,
    meaning: 'every file uploaded and every job created (and completed, with --wait)',
  },
  {
    code: EXIT.failed,
    meaning: 'a file, a job creation or a job failed; the manifest lists what succeeded',
  },
  { code: EXIT.usage, meaning: 'bad option or option value; no AWS request was made' },
  {
    code: EXIT.refused,
    meaning:
      'the job template or queue named does not exist: only read-only requests were made (GetJobTemplate, GetQueue); nothing was encrypted, uploaded or created',
  },
  {
    code: EXIT.interrupted,
    meaning: 'interrupted (SIGINT or SIGTERM); uploads in flight were aborted',
  },
];
