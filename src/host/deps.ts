/**
 * `runPipeline()`'s dependencies on this machine: AWS SDK clients from the environment (with one debug
 * line per request when asked), the real clock, the log, the cancel signal and the folders.
 */
import { makeClients } from '../aws/clients.js';
import type { Config } from '../inputs/config.js';
import { systemClock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { RunDeps } from '../pipeline/run.js';
import { runIdentityFrom, type RunIdentity } from '../pipeline/run-identity.js';
import { logRequests } from '../aws/request-log.js';
import { credentialExpiry } from '../aws/credentials.js';

export interface HostOptions {
  log: Logger;
  signal: AbortSignal;
  workspace: string;
  tempDir: string;
  /** One debug line per AWS request (the action's step debug logging). */
  logRequests?: boolean;
  artifacts?: RunDeps['artifacts'];
  /** Which run this is; by default the GitHub Actions step from `env`, else a run of its own. */
  run?: RunIdentity;
  checkOutputs?: RunDeps['checkOutputs'];
  onJobs?: RunDeps['onJobs'];
  earlier?: RunDeps['earlier'];
}

/** `runPipeline()`'s dependencies on this machine: SDK clients from the environment, the real clock. */
export function hostDeps(
  config: Pick<Config, 'region' | 'kmsKeyRegion' | 'network'>,
  env: Readonly<Record<string, string | undefined>>,
  options: HostOptions,
): RunDeps {
  return {
    clients: () => {
      const clients = makeClients(config, env);
      if (options.logRequests) logRequests(clients, (line) => options.log.debug(line));
      return clients;
    },
    log: options.log,
    clock: systemClock,
    workspace: options.workspace,
    tempDir: options.tempDir,
    signal: options.signal,
    run: options.run ?? runIdentityFrom(env, systemClock.now()),
    ...(options.artifacts ? { artifacts: options.artifacts } : {}),
    ...(options.checkOutputs ? { checkOutputs: options.checkOutputs } : {}),
    ...(options.onJobs ? { onJobs: options.onJobs } : {}),
    ...(options.earlier ? { earlier: options.earlier } : {}),
    credentialExpiry: (clients) => credentialExpiry(clients.mediaconvert),
  };
}
