/** What a dry run would do (`dry-run: true`): the plan's shape and its one-line and log forms. */
import type { Logger } from '../shared/logger.js';

export type PlannedAction = 'upload' | 'skip' | 'fail';

export interface PlannedFile {
  path: string;
  bytes: number;
  s3Uri: string;
  action: PlannedAction;
  /** Why the file would fail (if-exists: fail, or the check itself failed). */
  reason?: string;
}

export interface DryRunPlan {
  files: PlannedFile[];
  /** Plaintext bytes of every listed file, and of those that would be uploaded. */
  bytes: number;
  uploadBytes: number;
  /** One per file to upload: GenerateDataKey (or Encrypt with key-source: local). */
  dataKeys: number;
  /** CreateJob requests that would be sent (0 with create-job: false). */
  jobs: number;
}

/** The plan in one line: files and bytes, what would be uploaded, skipped or refused, keys and jobs. */
export function planTotals(dryRun: DryRunPlan): string {
  const count = (action: PlannedAction): number =>
    dryRun.files.filter((f) => f.action === action).length;
  const parts = [
    `${dryRun.files.length} file(s), ${dryRun.bytes} bytes`,
    `${count('upload')} to upload (${dryRun.uploadBytes} bytes)`,
  ];
  if (count('skip') > 0) parts.push(`${count('skip')} unchanged to skip`);
  if (count('fail') > 0) parts.push(`${count('fail')} that would fail`);
  parts.push(`${dryRun.dataKeys} data key(s) to make`, `${dryRun.jobs} job(s) to create`);
  return parts.join(', ');
}

/** The plan's log lines: one per file, then the totals. */
export function logPlan(dryRun: DryRunPlan, log: Logger): void {
  for (const f of dryRun.files) {
    const verb = { upload: 'would upload', skip: 'would skip (unchanged)', fail: 'would fail' }[
      f.action
    ];
    log.info(`${verb}: ${f.s3Uri} (${f.bytes} bytes)${f.reason ? `: ${f.reason}` : ''}`);
  }
  log.info(`dry run: ${planTotals(dryRun)}; nothing was encrypted, uploaded or created`);
}

/** A failure message when the real run would fail some file, else undefined. */
export function planFailure(dryRun: DryRunPlan): string | undefined {
  const failing = dryRun.files.filter((f) => f.action === 'fail');
  if (failing.length === 0) return undefined;
  return `dry run: ${failing.length} file(s) would fail:\n${failing.map((f) => `- ${f.path}: ${f.reason ?? ''}`).join('\n')}`;
}
