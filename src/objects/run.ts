/**
 * `verify` and `rewrap` over every object of a manifest or a prefix: objects at once within
 * one memory budget, a progress line for long reads, one result line per object, the manifest
 * brought up to date after a rewrap. Its AWS clients, clock and log are injected.
 */
import type { KMSClient } from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ObjectsConfig } from '../inputs/objects-config.js';
import { autoConcurrency, formatMiB, streamBytesFor } from '../inputs/sizing.js';
import { ciphertextLength } from '../crypto/cipher.js';
import type { Mode } from '../mediaconvert/decryption.js';
import type { Clock } from '../shared/clock.js';
import { messageOf } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { mapPool } from '../shared/pool.js';
import { oneLine } from '../shared/safe-text.js';
import { MemoryBudget } from '../upload/memory-budget.js';
import { Progress } from '../upload/progress.js';
import { listObjects, type ObjectList, type ObjectTarget } from './object-source.js';
import { PASSING, type ObjectResult } from './object-result.js';
import { verifyObject, type VerifyContext } from './verify.js';
import { rewrapObject } from './rewrap.js';
import { updateManifest } from './manifest-update.js';

export interface ObjectsDeps {
  s3: S3Client;
  kms: (region: string) => KMSClient;
  log: Logger;
  clock: Clock;
  signal?: AbortSignal;
}

export interface ObjectsReport {
  command: ObjectsConfig['command'];
  results: ObjectResult[];
  /** The manifest read (and, after a rewrap, updated). */
  manifestPath?: string;
  dryRun: boolean;
}

export interface ObjectsOutcome {
  report: ObjectsReport;
  /** Set when the step must fail: an object did not verify or could not be re-wrapped. */
  failure?: string;
}

export async function runObjects(
  config: ObjectsConfig,
  deps: ObjectsDeps,
): Promise<ObjectsOutcome> {
  const { log } = deps;
  const list = await listObjects(config.source, deps.s3, deps.signal);
  const from =
    config.source.kind === 'manifest'
      ? `the manifest ${config.source.path}`
      : `s3://${config.source.bucket}/${config.source.prefix}`;
  const verb =
    config.command === 'verify' ? 'verify' : config.dryRun ? 'check (dry run)' : 'rewrap';
  log.info(`${list.targets.length} object(s) to ${verb}, from ${from}`);
  if (list.deleted > 0) {
    log.info(
      `${list.deleted} manifest entr${list.deleted === 1 ? 'y' : 'ies'} left out: deleted by delete-inputs`,
    );
  }
  const budget = new MemoryBudget(config.memoryBudgetBytes);
  const concurrency = Math.min(
    list.targets.length,
    config.concurrency ??
      autoConcurrency(list.targets.map(sizeOf), config.rangeBytes, config.memoryBudgetBytes),
  );
  log.info(
    `${concurrency} object(s) at once${config.concurrency === undefined ? ' (auto)' : ''}, buffers within ${formatMiB(config.memoryBudgetBytes)} (max-memory-mib), ${formatMiB(config.rangeBytes)} ranges`,
  );
  const settled = await mapPool(
    list.targets,
    concurrency,
    async (target) => {
      deps.signal?.throwIfAborted();
      const result = await processObject(target, config, deps, list, budget);
      logResult(result, log);
      return result;
    },
    config.failFast,
  );
  const results = settled.map((outcome, i): ObjectResult => {
    const s3Uri = list.targets[i]!.s3Uri;
    const status = config.command === 'verify' ? 'error' : 'failed';
    if (outcome === undefined)
      return { s3Uri, status, message: 'not started: fail-fast stopped the run' };
    if (outcome.ok) return outcome.value;
    return {
      s3Uri,
      status,
      message: deps.signal?.aborted ? 'interrupted' : messageOf(outcome.error),
    };
  });
  const report: ObjectsReport = {
    command: config.command,
    results,
    dryRun: config.dryRun,
    ...(list.manifest ? { manifestPath: list.manifest.path } : {}),
  };
  if (config.command === 'rewrap' && list.manifest && !config.dryRun) {
    const changed = await updateManifest(list.manifest, list.targets, results);
    if (changed > 0)
      log.info(
        `manifest ${list.manifest.path}: ${changed} entr${changed === 1 ? 'y' : 'ies'} updated`,
      );
  }
  const failed = results.filter((r) => !PASSING.has(r.status));
  log.info(totals(results));
  if (failed.length === 0) return { report };
  const lines = failed.map((r) => `- ${oneLine(`${r.s3Uri}: ${r.status}: ${r.message}`)}`);
  return {
    report,
    failure: `${failed.length} of ${results.length} object(s) did not pass:\n${lines.join('\n')}`,
  };
}

async function processObject(
  target: ObjectTarget,
  config: ObjectsConfig,
  deps: ObjectsDeps,
  list: ObjectList,
  budget: MemoryBudget,
): Promise<ObjectResult> {
  const progress = new Progress(
    { relativePath: target.s3Uri, bytes: sizeOf(target) },
    deps.log,
    deps.clock,
  );
  // The object's decrypt and hash buffers come out of the budget too, as an upload's do.
  const release = await budget.reserve(streamBytesFor(sizeOf(target)), deps.signal);
  try {
    const context: VerifyContext = {
      s3: deps.s3,
      kms: deps.kms,
      budget,
      rangeBytes: config.rangeBytes,
      region: config.region,
      ...(list.manifest?.region ? { manifestRegion: list.manifest.region } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
      onProgress: (bytes) => progress.update(bytes),
    };
    if (config.command === 'verify') return await verifyObject(target, context);
    return await rewrapObject(target, {
      ...context,
      target: config.target!,
      dryRun: config.dryRun,
    });
  } finally {
    release();
  }
}

/** The ciphertext size an object is expected to have, for sizing concurrency and progress. */
function sizeOf(target: ObjectTarget): number {
  if (target.listedBytes !== undefined) return target.listedBytes;
  const recorded = target.recorded;
  if (!recorded) return 0;
  return ciphertextLength(recorded.decryption.DecryptionMode as Mode, recorded.bytes);
}

/** Passing results as info, the others as warnings; each line starts with its status. */
function logResult(result: ObjectResult, log: Logger): void {
  const line = `${result.status}: ${result.s3Uri}: ${result.message}`;
  if (PASSING.has(result.status)) log.info(line);
  else log.warning(line);
}

export function totals(results: readonly ObjectResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ') || 'no object';
}
