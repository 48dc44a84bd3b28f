/**
 * `wait-only: true`: waits for jobs made earlier and reports them as `wait` does, uploading
 * and creating nothing. The recipe for a wait longer than one step's credentials: the step
 * that creates the jobs does not wait (or stops at ExpiredToken), and a later step or job,
 * with fresh credentials, waits (docs/interrupted-runs.md).
 */
import type { CreateJobCommandInput } from '@aws-sdk/client-mediaconvert';
import { abortWith } from '../aws/abort.js';
import type { WaitOnlyConfig } from '../inputs/wait-only.js';
import { checkManifestTarget } from '../report/manifest-target.js';
import { reportFromManifest } from '../report/manifest-read.js';
import { Journal, manifestRoom } from '../report/journal.js';
import { manifestSource } from '../report/manifest-text.js';
import type { RunReport } from '../report/run-report.js';
import { InputError } from '../shared/errors.js';
import { oneLine } from '../shared/safe-text.js';
import { waitAndReport } from './jobs.js';
import type { RunDeps, RunOutcome } from './run.js';

export async function runWaitOnly(config: WaitOnlyConfig, deps: RunDeps): Promise<RunOutcome> {
  const ids = config.jobIds ?? [];
  const target = await checkManifestTarget(config.manifestPath, [], manifestRoom(ids.length, 0));
  await deps.checkOutputs?.({ files: ids.length, requestBytes: 0 });
  const report = config.jobIds
    ? byIds(config.jobIds, config.region)
    : fromManifest(config, target.earlier);
  // The manifest records the outcomes as the wait finds them; written first, before any request.
  const journal = new Journal(config.manifestPath, manifestSource(report));
  await journal.commit().catch((error: Error) => {
    throw new InputError('manifest', error.message);
  });
  const clients = abortWith(deps.clients(), deps.signal);
  deps.log.info(`waiting for ${report.jobs.length} job(s) (wait-only)`);
  await deps.onJobs?.(report.jobs.map((j) => j.id));
  const problems = await waitAndReport(config, clients, report, deps);
  await journal.finish().catch((error: Error) => problems.push(error.message));
  if (problems.length === 0) return { report };
  const head = 'the jobs did not all complete';
  return { report, failure: `${head}:\n${problems.map((p) => `- ${oneLine(p)}`).join('\n')}` };
}

function byIds(ids: readonly string[], region: string): RunReport {
  return {
    region,
    files: [],
    failures: [],
    // Known by ID only: what was sent to create them is not known here.
    jobs: ids.map((id) => ({
      id,
      arn: '',
      status: 'SUBMITTED',
      request: {} as CreateJobCommandInput,
    })),
  };
}

/** The jobs of the manifest at `manifest`, which must be one of a run in the same region. */
function fromManifest(
  config: WaitOnlyConfig,
  earlier: Record<string, unknown> | undefined,
): RunReport {
  if (!earlier) {
    throw new InputError(
      'manifest',
      `'${config.manifestPath}' does not exist or is empty: with \`wait-only\` and no \`job-ids\`, give the manifest of the run whose jobs to wait for`,
    );
  }
  const report = reportFromManifest(earlier);
  if (report.jobs.length === 0) {
    throw new InputError('manifest', `'${config.manifestPath}' lists no job to wait for`);
  }
  if (report.region !== config.region) {
    throw new InputError(
      'region',
      `is ${config.region}, but the jobs of '${config.manifestPath}' are in ${report.region}; set region: ${report.region}`,
    );
  }
  return report;
}
