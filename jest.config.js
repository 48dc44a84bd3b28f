// The AWS SDK's Node.js version notice (src/aws/node-version-warning.ts) would print in every
// worker that makes a client. The processes the tests start get a clean environment, so the
// tests that check the CLI and the action print no warning still see what a user would.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** @type {import('jest').Config} */
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Types stripped per file by esbuild (test/support/transform.mjs); tsc type-checks.
  transform: { '^.+\\.ts$': '<rootDir>/test/support/transform.mjs' },
};

/** One project per folder of test/: the folder says what a test may start. */
const project = (name, extra = {}) => ({
  ...common,
  displayName: name,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  ...extra,
});
// The tiers that run dist/ rebuild it first when src/ changed since it was built.
// They also remove their runs' RUNNER_TEMP folders after each file.
const runsDist = {
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/media-cache-teardown.mjs',
  setupFilesAfterEnv: ['<rootDir>/test/support/file-cleanup.ts'],
};
// The tiers whose local MediaConvert runs ffprobe and ffmpeg share one cache folder a run.
const sharesMediaCache = {
  globalSetup: '<rootDir>/test/support/media-cache-setup.mjs',
  globalTeardown: '<rootDir>/test/support/media-cache-teardown.mjs',
};

export default {
  // Per-project testTimeout is ignored by jest 30; integration runs spawn the action and wait for jobs.
  testTimeout: 120_000,
  // Most test files wait on child processes, servers and modelled links rather than compute:
  // three run at once even on a 2-core machine (jest's default there is one). With two, the
  // run used 1.66 of the 2 cores (145 s); with three it keeps both busy (129 s).
  maxWorkers: 3,
  // A worker that has grown past this (each test file loads the SDK and the stack afresh) is
  // replaced between files. Without it the workers ended the run at 600-800 MB and took more
  // than jest's 500 ms to tear down after their last test, which jest reports as "A worker
  // process has failed to exit gracefully" although no handle was left open.
  workerIdleMemoryLimit: '400MB',
  // Slowest files first, also on a fresh clone whose jest cache is empty.
  testSequencer: '<rootDir>/test/support/sequencer.mjs',
  projects: [
    // No socket, no child process: test/support/unit-isolation.mjs refuses them.
    project('unit', { setupFilesAfterEnv: ['<rootDir>/test/support/unit-isolation.mjs'] }),
    project('local-aws', sharesMediaCache),
    project('integration', runsDist),
    project('docs', runsDist),
  ],
};
