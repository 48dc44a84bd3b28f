/** Where the run works and writes: its region and its manifest (shared by every mode). */
import { InputError } from '../shared/errors.js';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export function parseRegion(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const region = value || env.AWS_REGION || env.AWS_DEFAULT_REGION || '';
  if (region === '') {
    throw new InputError('region', 'is not set and neither AWS_REGION nor AWS_DEFAULT_REGION is');
  }
  if (!REGION.test(region)) {
    throw new InputError('region', `'${region}' is not an AWS region name such as us-east-1`);
  }
  return region;
}

/** The manifest's path: the input, or a file in RUNNER_TEMP. */
export function parseManifestPath(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (value !== '') return value;
  const dir = env.RUNNER_TEMP;
  if (!dir) {
    throw new InputError('manifest', 'is not set and RUNNER_TEMP is not either; give a file path');
  }
  return `${dir.replace(/\/+$/, '')}/mediaconvert-encrypt-manifest.json`;
}
