/**
 * The action's own check of a `job-settings` file against the MediaConvert API model, before
 * any AWS call: the same table and rules the service applies at CreateJob, so a typo fails
 * the step at once instead of after every file is encrypted and uploaded.
 */
import { InputError } from './errors.js';
import { checkAgainstModel, checkServiceRules, sdkPath, type Violation } from './settings-model.js';
import { SETTINGS_MODEL } from './settings-model.generated.js';

/** How many problems one message lists. */
const SHOWN = 5;

/**
 * Checks the CreateJob request built from `job-settings` and the inputs, as it will be sent
 * but for each input's `FileInput` and `DecryptionSettings`, which are made per file.
 */
export function checkSettingsFile(request: Record<string, unknown>): void {
  const violations: { where: string; v: Violation }[] = [
    ...checkAgainstModel(SETTINGS_MODEL, 'CreateJobRequest', request, { casing: 'sdk' }).map(
      (v) => ({ where: sdkPath('', v.path).replace(/^\./, ''), v }),
    ),
    ...checkServiceRules(request['Settings'], 'sdk').map((v) => ({
      where: sdkPath('Settings', v.path),
      v,
    })),
  ];
  if (violations.length === 0) return;
  const listed = violations
    .slice(0, SHOWN)
    .map(({ where, v }) => `${where || 'the request'}: ${v.message}`)
    .join('; ');
  const more = violations.length > SHOWN ? ` (and ${violations.length - SHOWN} more)` : '';
  throw new InputError(
    'job-settings',
    `MediaConvert would refuse these settings: ${listed}${more}. Checked against the MediaConvert API model (${SETTINGS_MODEL.modelVersion})`,
  );
}
