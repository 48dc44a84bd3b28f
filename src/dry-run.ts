/**
 * `dry-run: true`: the plan of a run, made with read-only requests only. Everything before the
 * first request that writes has already run (inputs, file list, job settings, template and
 * queue checks); here `if-exists` is looked up too (HeadObject, and a local hash for skip),
 * so the plan says which files would be uploaded, skipped or refused.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Config } from './config.js';
import { messageOf } from './errors.js';
import type { MediaFile } from './files.js';
import { decideUpload } from './if-exists.js';
import type { JobPlan } from './job-request.js';
import type { Logger } from './logger.js';
import { planTotals } from './job-summary.js';
import { AUTO_CONCURRENCY } from './memory-budget.js';
import { mapPool } from './pool.js';

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

export async function planDryRun(
  files: readonly MediaFile[],
  config: Config,
  plan: JobPlan | undefined,
  s3: S3Client,
  signal?: AbortSignal,
): Promise<DryRunPlan> {
  // HEAD requests hold no buffers: with `concurrency: auto`, as many as small files get.
  const settled = await mapPool(files, config.concurrency ?? AUTO_CONCURRENCY.max, async (file) =>
    decideUpload(file, config, s3, signal),
  );
  const planned = files.map((file, i): PlannedFile => {
    const base = {
      path: file.relativePath,
      bytes: file.bytes,
      s3Uri: `s3://${file.bucket}/${file.key}`,
    };
    const outcome = settled[i];
    if (outcome?.ok) return { ...base, action: outcome.value.upload ? 'upload' : 'skip' };
    const reason = outcome
      ? messageOf(outcome.error).replace(`${file.relativePath}: `, '')
      : 'not checked';
    return { ...base, action: 'fail', reason };
  });
  const uploads = planned.filter((f) => f.action === 'upload');
  const usable = planned.filter((f) => f.action !== 'fail');
  let jobs = 0;
  if (plan && usable.length > 0) {
    if (plan.layout === 'per-file') jobs = usable.length;
    else if (usable.length === planned.length) jobs = 1;
  }
  return {
    files: planned,
    bytes: planned.reduce((sum, f) => sum + f.bytes, 0),
    uploadBytes: uploads.reduce((sum, f) => sum + f.bytes, 0),
    dataKeys: uploads.length,
    jobs,
  };
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
