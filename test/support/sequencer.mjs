/**
 * The order test files start in. Jest starts the slowest first so that two workers end
 * together, but it knows a file's time only from an earlier run's cache: on a fresh clone (CI)
 * it falls back to file size, which put 15-25 s integration files last and left one worker
 * idle for the tail of the run. Here a file's time comes from jest's cache when it has one,
 * else from SECONDS (measured on a quiet 2-core machine; only the order depends on them, so
 * they may go stale without harm), else from its tier.
 */
import Sequencer from '@jest/test-sequencer';

/** Files of 3 s or more in a full run, seconds. */
const SECONDS = new Map([
  ['test/integration/kill-resume.test.ts', 13.5],
  ['test/integration/many-in-flight.test.ts', 15.4],
  ['test/integration/reliability.test.ts', 14.5],
  ['test/integration/conformance.test.ts', 14.3],
  ['test/integration/link.test.ts', 9.3],
  ['test/integration/timeouts.test.ts', 9.1],
  ['test/integration/batch.test.ts', 8.9],
  ['test/local-aws/mediaconvert-samples.test.ts', 8.2],
  ['test/docs/decrypt.test.ts', 8.2],
  ['test/integration/scheduled-batches.test.ts', 7.3],
  ['test/integration/demo.test.ts', 7.3],
  ['test/integration/failures.test.ts', 7.3],
  ['test/integration/bad-inputs.test.ts', 7.2],
  ['test/integration/rewrap.test.ts', 6.6],
  ['test/integration/action.test.ts', 6.5],
  ['test/integration/decrypt-command.test.ts', 5.6],
  ['test/integration/output-groups.test.ts', 5],
  ['test/integration/hygiene.test.ts', 4.9],
  ['test/integration/local-action.test.ts', 4.9],
  ['test/integration/reliability-signals.test.ts', 4.4],
  ['test/integration/paths.test.ts', 4.1],
  ['test/integration/verify.test.ts', 3.8],
  ['test/integration/output-files.test.ts', 3.7],
  ['test/integration/hardening-refusals.test.ts', 3.4],
  ['test/integration/artifact-download.test.ts', 3.4],
  ['test/integration/cancel.test.ts', 3.3],
  ['test/integration/proxy.test.ts', 3.1],
  ['test/integration/summary-limit.test.ts', 3.1],
  ['test/integration/package.test.ts', 3.1],
  ['test/integration/tls.test.ts', 3],
  ['test/local-aws/mediaconvert-jobs.test.ts', 3],
  ['test/integration/job-settings.test.ts', 3],
  ['test/integration/same-step-twice.test.ts', 3],
]);

/** A file not listed: integration files start processes and servers; unit files do neither. */
const TIER_SECONDS = { integration: 2, 'local-aws': 2, docs: 1, unit: 0.2 };

export default class SlowestFirst extends Sequencer {
  sort(tests) {
    const seconds = (test) => {
      const cached = this.time(test);
      if (cached != null) return cached / 1000;
      const relative = test.path.slice(test.context.config.rootDir.length + 1);
      const tier = relative.split('/')[1];
      return SECONDS.get(relative) ?? TIER_SECONDS[tier] ?? 1;
    };
    const failed = (test) => (this.hasFailed(test) ? 1 : 0);
    // What failed last time first (its news matters most), then the slowest.
    return [...tests].sort((a, b) => failed(b) - failed(a) || seconds(b) - seconds(a));
  }
}
