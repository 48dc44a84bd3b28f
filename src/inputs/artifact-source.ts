import { InputError } from '../shared/errors.js';
import type { RawInputs } from './interface.js';

/** An artifact of another workflow run, as @actions/artifact's `findBy` names it. */
export interface ArtifactSource {
  token: string;
  workflowRunId: number;
  repositoryOwner: string;
  repositoryName: string;
}

/**
 * `artifact-run-id` and `github-token` (with the repository from GITHUB_REPOSITORY), or
 * undefined for an artifact of this run. Pure. Messages never carry the token.
 */
export function parseArtifactSource(
  input: Pick<RawInputs, 'artifact' | 'artifact-run-id' | 'github-token'>,
  env: Readonly<Record<string, string | undefined>>,
): ArtifactSource | undefined {
  const runId = input['artifact-run-id'];
  const token = input['github-token'];
  if (runId === '') {
    if (token !== '') {
      throw new InputError(
        'github-token',
        'is only used with `artifact-run-id`: set both to download an artifact of another run, or neither',
      );
    }
    return undefined;
  }
  if (!/^\d{1,20}$/.test(runId) || !Number.isSafeInteger(Number(runId)) || Number(runId) < 1) {
    throw new InputError(
      'artifact-run-id',
      `'${runId}' is not a workflow run ID; use the number in the run's URL (…/actions/runs/NUMBER)`,
    );
  }
  if (input.artifact === '') {
    throw new InputError(
      'artifact-run-id',
      'needs `artifact`: the name of the artifact to download',
    );
  }
  if (token === '') {
    throw new InputError(
      'github-token',
      'is required with `artifact-run-id`: pass a token with `actions: read`, e.g. ${{ secrets.GITHUB_TOKEN }}',
    );
  }
  const [owner, name, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !name || rest.length > 0) {
    throw new InputError(
      'artifact-run-id',
      'needs GITHUB_REPOSITORY (owner/name), which the GitHub runner sets; it is not set here',
    );
  }
  return {
    token,
    workflowRunId: Number(runId),
    repositoryOwner: owner,
    repositoryName: name,
  };
}
