/**
 * `wait-only: true`: a step that uploads and creates nothing and waits for jobs made earlier
 * (by a step whose credentials ran out during its wait, say). Its inputs are few: the jobs
 * (`job-ids`, or the manifest at `manifest`), the region, and what `wait` takes.
 */
import { InputError } from '../shared/errors.js';
import { withDefaults, type WaitSettings } from './config.js';
import type { InputName } from './interface.js';
import { parseNetwork, type NetworkConfig } from './network.js';
import { parseBoolean, parseChoice, parseInteger } from './parse.js';
import { parseManifestPath, parseRegion } from './places.js';

export interface WaitOnlyConfig extends WaitSettings {
  region: string;
  /** The jobs to wait for; absent: those of the manifest at manifestPath. */
  jobIds?: string[];
  manifestPath: string;
  network: NetworkConfig;
}

/** MediaConvert job IDs: digits, a dash and letters or digits (`1700000000000-abc123`). */
const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/;

export function isWaitOnly(raw: Partial<Record<InputName, string>>): boolean {
  return parseBoolean('wait-only', withDefaults(raw)['wait-only']);
}

export function parseWaitOnly(
  raw: Partial<Record<InputName, string>>,
  env: Readonly<Record<string, string | undefined>>,
): WaitOnlyConfig {
  const input = withDefaults(raw);
  const config: WaitOnlyConfig = {
    region: parseRegion(input.region, env),
    manifestPath: parseManifestPath(input.manifest, env),
    waitTimeoutMs: parseInteger('wait-timeout', input['wait-timeout'], 1, 7 * 24 * 3600) * 1000,
    cancelOnTimeout: parseBoolean('cancel-on-timeout', input['cancel-on-timeout']),
    deleteInputs: parseChoice('delete-inputs', input['delete-inputs'], [
      'never',
      'on-complete',
    ] as const),
    network: parseNetwork(input['http-proxy'], env, input['request-timeout']),
  };
  const ids = parseJobIds(input['job-ids']);
  if (ids.length > 0) config.jobIds = ids;
  else if (raw.manifest === undefined || raw.manifest.trim() === '') {
    throw new InputError(
      'job-ids',
      'is required with `wait-only: true` unless `manifest` names the manifest of the run whose jobs to wait for',
    );
  }
  return config;
}

/** A JSON array (the `job-ids` output) or IDs separated by commas or newlines. */
export function parseJobIds(value: string): string[] {
  let ids: unknown;
  if (value.startsWith('[')) {
    try {
      ids = JSON.parse(value);
    } catch {
      throw new InputError(
        'job-ids',
        'starts with `[` but is not a JSON array; give the `job-ids` output as it is, or IDs separated by commas',
      );
    }
  } else {
    ids = value
      .split(/[\n,]/)
      .map((id) => id.trim())
      .filter((id) => id !== '');
  }
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || !JOB_ID.test(id))) {
    throw new InputError(
      'job-ids',
      'holds something that is not a MediaConvert job ID; give IDs such as 1700000000000-abc123',
    );
  }
  return [...new Set(ids as string[])];
}
