import { expect, test } from '@jest/globals';
import { objectsToDelete } from '../../src/job/delete-inputs.js';
import type { CreatedJob } from '../../src/job/create-and-wait.js';

function job(id: string, inputs: string[]): CreatedJob {
  return {
    id,
    arn: '',
    status: 'SUBMITTED',
    request: { Role: 'r', Settings: { Inputs: inputs.map((FileInput) => ({ FileInput })) } },
  };
}

test('an object is deleted only when every job that reads it is COMPLETE', () => {
  const jobs = [job('1', ['s3://b/a']), job('2', ['s3://b/b']), job('3', ['s3://b/a', 's3://b/c'])];
  const outcomes = [
    { id: '1', status: 'COMPLETE' },
    { id: '2', status: 'COMPLETE' },
    { id: '3', status: 'ERROR' },
  ];
  expect(objectsToDelete(jobs, outcomes)).toEqual({
    remove: ['s3://b/b'],
    kept: [
      { s3Uri: 's3://b/a', reason: 'job 3 ended ERROR' },
      { s3Uri: 's3://b/c', reason: 'job 3 ended ERROR' },
    ],
  });
});

test('jobs still running or timed out keep their inputs', () => {
  const jobs = [job('1', ['s3://b/a']), job('2', ['s3://b/b'])];
  const outcomes = [
    { id: '1', status: 'TIMED_OUT' },
    { id: '2', status: 'INTERRUPTED' },
  ];
  expect(objectsToDelete(jobs, outcomes).remove).toEqual([]);
});
