/**
 * `dry-run: true`: the plan of a run, made with read-only requests only. Everything before the
 * first request that writes has already run (inputs, file list, job settings, template and
 * queue checks); here `if-exists` is looked up too (HeadObject, and a local hash for skip),
 * so the plan says which files would be uploaded, skipped or refused.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../inputs/config.js';
import { messageOf } from '../shared/errors.js';
import type { MediaFile } from '../files/listing.js';
import { decideUpload } from '../upload/if-exists.js';
import type { JobPlan } from '../job/request.js';
import type { DryRunPlan, PlannedFile } from '../report/plan.js';
import { AUTO_CONCURRENCY } from '../inputs/sizing.js';
import { mapPool } from '../shared/pool.js';

export async function planDryRun(
  files: readonly MediaFile[],
  config: Pick<Config, 'concurrency' | 'ifExists' | 'mode' | 'region'>,
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
