import { describe, expect, test } from '@jest/globals';
import { parseArtifactSource } from '../../src/inputs/artifact-source.js';

const env = { GITHUB_REPOSITORY: 'octo/media' };
const inputs = (over: Record<string, string>) => ({
  artifact: 'encoded',
  'artifact-run-id': '',
  'github-token': '',
  ...over,
});

describe('parseArtifactSource', () => {
  test('neither input: this run', () => {
    expect(parseArtifactSource(inputs({}), env)).toBeUndefined();
  });

  test('run id and token: findBy with this repository', () => {
    expect(
      parseArtifactSource(inputs({ 'artifact-run-id': '42', 'github-token': 't' }), env),
    ).toEqual({ token: 't', workflowRunId: 42, repositoryOwner: 'octo', repositoryName: 'media' });
  });

  test.each([
    [{ 'github-token': 't' }, 'Input `github-token`: is only used with `artifact-run-id`'],
    [{ 'artifact-run-id': '42' }, 'Input `github-token`: is required with `artifact-run-id`'],
    [{ 'artifact-run-id': 'abc', 'github-token': 't' }, "'abc' is not a workflow run ID"],
    [{ 'artifact-run-id': '0', 'github-token': 't' }, "'0' is not a workflow run ID"],
    [
      { artifact: '', 'artifact-run-id': '42', 'github-token': 't' },
      'Input `artifact-run-id`: needs `artifact`',
    ],
  ])('%j is refused: %s', (over, message) => {
    expect(() => parseArtifactSource(inputs(over), env)).toThrow(message);
  });

  test('outside a runner (no GITHUB_REPOSITORY) the run id is refused', () => {
    expect(() =>
      parseArtifactSource(inputs({ 'artifact-run-id': '42', 'github-token': 't' }), {}),
    ).toThrow('needs GITHUB_REPOSITORY');
  });
});
