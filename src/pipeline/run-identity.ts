/**
 * Which run this is, across its attempts. The key is the seed of every ClientRequestToken and
 * is written on every object (S3 metadata) and job (UserMetadata) the run makes, so that a
 * later attempt of the same run can tell its own earlier work from anything else and pick it
 * up (pipeline/resume.ts).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface RunIdentity {
  /** 32 hex digits: the same for every attempt of one step of one workflow run. */
  key: string;
  /** GITHUB_RUN_ATTEMPT, or 1 + the attempt of the manifest resumed; 1 otherwise. */
  attempt: number;
  /** When this attempt started, ms since the epoch. */
  startedAt: number;
  /**
   * Whether an earlier attempt may have left work to pick up: GitHub's "Re-run" (attempt 2
   * and later) or the CLI's --resume.
   */
  resuming: boolean;
}

/** In GitHub Actions: the step of this workflow run, whatever the attempt. */
export function runIdentityFrom(
  env: Readonly<Record<string, string | undefined>>,
  now: number,
): RunIdentity {
  const { GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_JOB, GITHUB_ACTION } = env;
  if (!GITHUB_RUN_ID) return freshRun(now);
  const attempt = Math.max(1, Number.parseInt(GITHUB_RUN_ATTEMPT ?? '1', 10) || 1);
  const parts = ['github', GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_JOB, GITHUB_ACTION];
  return { key: keyOf(parts.join('\n')), attempt, startedAt: now, resuming: attempt > 1 };
}

/** A run of its own (the CLI without --resume): a random key. */
export function freshRun(now: number): RunIdentity {
  return { key: randomBytes(16).toString('hex'), attempt: 1, startedAt: now, resuming: false };
}

/** The CLI's --resume: the run the manifest names, one attempt later. */
export function resumedRun(key: string, attempt: number, now: number): RunIdentity {
  return { key, attempt: attempt + 1, startedAt: now, resuming: true };
}

/** A run key as the manifest holds it. */
export function isRunKey(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{32}$/.test(value);
}

function keyOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
