/**
 * A manifest read back: what `wait-only` waits for when it is given the manifest of a run
 * rather than job IDs. The inverse of manifestOf (manifest.ts) for the parts a wait needs.
 */
import type { CreateJobCommandInput, InputDecryptionSettings } from '@aws-sdk/client-mediaconvert';
import type { CreatedJob } from '../job/create-and-wait.js';
import type { FileResult } from '../upload/encrypt-file.js';
import type { FileFailure, RunRecord, RunReport } from './run-report.js';

interface ManifestFile {
  path?: unknown;
  bytes?: unknown;
  plaintextSha256?: unknown;
  s3Uri?: unknown;
  decryption?: unknown;
  skipped?: unknown;
  resumed?: unknown;
}

interface ManifestJob {
  id?: unknown;
  arn?: unknown;
  status?: unknown;
  request?: unknown;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The run report a manifest describes (files, failures, jobs and run); its waits are not kept. */
export function reportFromManifest(manifest: Record<string, unknown>): RunReport {
  const files = (Array.isArray(manifest.files) ? manifest.files : []) as ManifestFile[];
  const jobs = (Array.isArray(manifest.jobs) ? manifest.jobs : []) as ManifestJob[];
  const report: RunReport = {
    region: text(manifest.region),
    files: files.map((f): FileResult => ({
      relativePath: text(f.path),
      bytes: typeof f.bytes === 'number' ? f.bytes : 0,
      plaintextSha256: text(f.plaintextSha256),
      s3Uri: text(f.s3Uri),
      decryption: (f.decryption ?? {}) as InputDecryptionSettings,
      ...(f.skipped === true ? { skipped: true } : {}),
      ...(f.resumed === true ? { resumed: true } : {}),
    })),
    failures: (Array.isArray(manifest.failures) ? manifest.failures : []) as FileFailure[],
    jobs: jobs
      .filter((j) => typeof j.id === 'string' && j.id !== '')
      .map((j): CreatedJob => ({
        id: text(j.id),
        arn: text(j.arn),
        status: text(j.status) || 'SUBMITTED',
        request: (j.request ?? {}) as CreateJobCommandInput,
      })),
  };
  const run = manifest.run as RunRecord | undefined;
  if (run && typeof run.key === 'string') report.run = { ...run };
  return report;
}
