/** What a `verify` or `rewrap` run found or did for each object: the outputs and summary read these. */
import type { InputDecryptionSettings } from '@aws-sdk/client-mediaconvert';

export const VERIFY_STATUSES = [
  'ok',
  'mismatch',
  'missing',
  'undecryptable',
  'unchecked',
  'error',
] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];

export const REWRAP_STATUSES = ['rewrapped', 'unchanged', 'would-rewrap', 'failed'] as const;
export type RewrapStatus = (typeof REWRAP_STATUSES)[number];

/** The statuses that do not fail the run. */
export const PASSING: ReadonlySet<string> = new Set([
  'ok',
  'rewrapped',
  'unchanged',
  'would-rewrap',
]);

export interface ObjectResult {
  s3Uri: string;
  status: VerifyStatus | RewrapStatus;
  /** One line: what was checked or done, or why not. */
  message: string;
  /** rewrap: the object's decryption settings after the run (the new ones when re-wrapped). */
  decryption?: InputDecryptionSettings;
}
