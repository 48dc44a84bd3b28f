/**
 * After each test file of the tiers that run the packaged action: its runs' RUNNER_TEMP
 * folders go. A jest worker can be stopped without its exit handlers running, and a run of the
 * whole suite makes about a hundred of them.
 */
import { afterAll } from '@jest/globals';
import { removeRunnerTemps } from '../../harness/action-runner.js';

afterAll(() => {
  removeRunnerTemps();
});
