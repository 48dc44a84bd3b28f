/**
 * The pipeline and its dependencies on this machine, loaded only once the inputs are valid.
 * They hold the AWS SDK, most of the bundle (a chunk of its own in dist/), and a step that
 * fails on a bad input never needs them: it fails in a fraction of the start-up time.
 */
import type { Config } from '../inputs/config.js';
import { parseConfig } from '../inputs/config.js';
import type { InputName } from '../inputs/interface.js';
import { isWaitOnly, parseWaitOnly, type WaitOnlyConfig } from '../inputs/wait-only.js';
import type { RunOutcome } from '../pipeline/run.js';
import type { HostOptions } from './deps.js';

/** What the tool does: encrypt (upload, create jobs, perhaps wait), or only wait. */
export type Mode =
  | { kind: 'encrypt'; config: Config; manifestPath: string }
  | { kind: 'wait-only'; config: WaitOnlyConfig; manifestPath: string };

/** The inputs of the mode they ask for, validated: no file system, no network. */
export function parseMode(
  raw: Partial<Record<InputName, string>>,
  env: Readonly<Record<string, string | undefined>>,
): Mode {
  if (isWaitOnly(raw)) {
    const config = parseWaitOnly(raw, env);
    return { kind: 'wait-only', config, manifestPath: config.manifestPath };
  }
  const config = parseConfig(raw, env);
  return { kind: 'encrypt', config, manifestPath: config.manifestPath };
}

/** The pipeline and this machine's dependencies, for a caller that builds its own Config. */
export async function loadPipeline(): Promise<{
  runPipeline: typeof import('../pipeline/run.js').runPipeline;
  hostDeps: typeof import('./deps.js').hostDeps;
}> {
  const [{ runPipeline }, { hostDeps }] = await Promise.all([
    import('../pipeline/run.js'),
    import('./deps.js'),
  ]);
  return { runPipeline, hostDeps };
}

/** Loads the pipeline and runs the mode with this machine's dependencies. */
export async function runMode(
  mode: Mode,
  env: Readonly<Record<string, string | undefined>>,
  options: HostOptions,
): Promise<RunOutcome> {
  const [{ runPipeline }, { runWaitOnly }, { hostDeps }] = await Promise.all([
    import('../pipeline/run.js'),
    import('../pipeline/wait-only.js'),
    import('./deps.js'),
  ]);
  if (mode.kind === 'wait-only') {
    // Only MediaConvert and S3 (delete-inputs) are asked: the KMS client stays unused.
    const settings = { ...mode.config, kmsKeyRegion: mode.config.region };
    return runWaitOnly(mode.config, hostDeps(settings, env, options));
  }
  return runPipeline(mode.config, hostDeps(mode.config, env, options));
}

/** The commands for objects already uploaded, loaded (with the AWS SDK) once inputs are valid. */
export async function loadObjects(): Promise<{
  runObjects: typeof import('../objects/run.js').runObjects;
  objectsDeps: typeof import('./objects-deps.js').objectsDeps;
  outputs: typeof import('../outputs/object-outputs.js');
}> {
  const [{ runObjects }, { objectsDeps }, outputs] = await Promise.all([
    import('../objects/run.js'),
    import('./objects-deps.js'),
    import('../outputs/object-outputs.js'),
  ]);
  return { runObjects, objectsDeps, outputs };
}
