/**
 * The action's own check of a `job-settings` file against the MediaConvert API model, before
 * any AWS call: the same table and rules the service applies at CreateJob, so a typo fails
 * the step at once instead of after every file is encrypted and uploaded.
 */
import { InputError } from '../shared/errors.js';
import {
  checkAgainstModel,
  checkServiceRules,
  sdkPath,
  type Violation,
} from '../mediaconvert/settings-model.js';
import { SETTINGS_MODEL } from '../mediaconvert/settings-model.generated.js';

/** How many problems one message lists. */
const SHOWN = 5;

/** Where the request's members, and its `Settings`, sit in the file as the user wrote it. */
export type SettingsFileShape = 'request' | 'settings' | 'get-job';

/**
 * Checks the CreateJob request built from `job-settings` and the inputs, as it will be sent
 * but for each input's `FileInput` and `DecryptionSettings`, which are made per file. Each
 * problem is named by its JSON path in the file (`$.Settings.Inputs[0].TimecodeSorce`).
 */
export function checkSettingsFile(
  request: Record<string, unknown>,
  shape: SettingsFileShape = 'request',
): void {
  const violations: { path: (string | number)[]; v: Violation }[] = [
    ...checkAgainstModel(SETTINGS_MODEL, 'CreateJobRequest', request, { casing: 'sdk' }).map(
      (v) => ({ path: v.path, v }),
    ),
    ...checkServiceRules(request['Settings'], 'sdk').map((v) => ({
      path: ['Settings', ...v.path],
      v,
    })),
  ];
  if (violations.length === 0) return;
  const listed = violations
    .slice(0, SHOWN)
    .map(({ path, v }) => describeViolation(filePath(shape, path), v))
    .join('; ');
  const more = violations.length > SHOWN ? ` (and ${violations.length - SHOWN} more)` : '';
  throw new InputError(
    'job-settings',
    `MediaConvert would refuse these settings: ${listed}${more}. Checked against the MediaConvert API model (${SETTINGS_MODEL.modelVersion})`,
  );
}

/** `$.Settings.Inputs[0]` for a request path, as it is written in a file of this shape. */
export function filePath(shape: SettingsFileShape, path: readonly (string | number)[]): string {
  if (shape === 'settings' && path[0] === 'Settings') return sdkPath('$', path.slice(1));
  return sdkPath(shape === 'get-job' ? '$.Job' : '$', path);
}

function describeViolation(at: string, v: Violation): string {
  if (v.member?.problem === 'unknown') {
    const hint = v.member.suggestion ? ` (did you mean ${v.member.suggestion}?)` : '';
    return `${sdkPath(at, [v.member.name])} is not a member MediaConvert knows here${hint}`;
  }
  if (v.member?.problem === 'required') {
    return `${sdkPath(at, [v.member.name])} is required and missing`;
  }
  // The rule, never the value: a settings value may be a secret (a static key, a token).
  return `${at}: ${v.rule}`;
}
