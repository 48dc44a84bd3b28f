import { describe, expect, test } from '@jest/globals';
import {
  freshRun,
  isRunKey,
  resumedRun,
  runIdentityFrom,
} from '../../src/pipeline/run-identity.js';

const STEP = {
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_RUN_ID: '42',
  GITHUB_JOB: 'build',
  GITHUB_ACTION: 'encrypt',
};

describe('runIdentityFrom', () => {
  test('every attempt of one step of one run has the same key; attempt 2 resumes', () => {
    const first = runIdentityFrom({ ...STEP, GITHUB_RUN_ATTEMPT: '1' }, 1000);
    const second = runIdentityFrom({ ...STEP, GITHUB_RUN_ATTEMPT: '2' }, 2000);
    expect(isRunKey(first.key)).toBe(true);
    expect(second.key).toBe(first.key);
    expect(first).toMatchObject({ attempt: 1, startedAt: 1000, resuming: false });
    expect(second).toMatchObject({ attempt: 2, startedAt: 2000, resuming: true });
  });

  test('another run, job or step has another key', () => {
    const key = runIdentityFrom(STEP, 0).key;
    expect(runIdentityFrom({ ...STEP, GITHUB_RUN_ID: '43' }, 0).key).not.toBe(key);
    expect(runIdentityFrom({ ...STEP, GITHUB_JOB: 'other' }, 0).key).not.toBe(key);
    expect(runIdentityFrom({ ...STEP, GITHUB_ACTION: 'encrypt_2' }, 0).key).not.toBe(key);
  });

  test('outside Actions each run is one of its own', () => {
    const a = runIdentityFrom({}, 5);
    const b = runIdentityFrom({}, 5);
    expect(a.key).not.toBe(b.key);
    expect(a).toMatchObject({ attempt: 1, resuming: false });
    expect(isRunKey(freshRun(0).key)).toBe(true);
  });

  test('--resume takes the manifest run one attempt further', () => {
    const key = freshRun(0).key;
    expect(resumedRun(key, 3, 9)).toEqual({ key, attempt: 4, startedAt: 9, resuming: true });
  });
});
