/**
 * Every file through its upload decision, data key, encryption and upload, as many at once as
 * the memory budget allows. Each outcome is handed to `record` (which journals it) before the
 * file's task ends: an object is on record before anything that depends on it happens.
 */
import type { Clients } from '../aws/clients.js';
import { ciphertextLength } from '../crypto/cipher.js';
import type { MediaFile } from '../files/listing.js';
import type { BatchSettings, UploadSettings } from '../inputs/config.js';
import { autoConcurrency, formatMiB } from '../inputs/sizing.js';
import type { FileFailure } from '../report/run-report.js';
import { messageOf } from '../shared/errors.js';
import { mapPool } from '../shared/pool.js';
import { encryptAndUpload, type EncryptSettings, type FileResult } from '../upload/encrypt-file.js';
import { decideUpload, logSkipped } from '../upload/if-exists.js';
import { MemoryBudget } from '../upload/memory-budget.js';
import { Progress } from '../upload/progress.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';

/** What the file loop reads of the inputs: one file's settings, the batch's and the budget's. */
export type FileLoopSettings = EncryptSettings &
  BatchSettings &
  Pick<UploadSettings, 'memoryBudgetBytes' | 'partsInFlight' | 'ifExists'>;

/** What the file loop needs of the run. */
export interface FileDeps {
  log: Logger;
  clock: Clock;
  signal?: AbortSignal;
  /** The run's key, written on every object (pipeline/run-identity.ts). */
  runKey: string;
}

export interface FileHooks {
  /**
   * A file that needs no upload (its object is complete already), or undefined to go on with
   * `if-exists` and the upload. Called first, for each file.
   */
  settled?: (file: MediaFile, index: number) => Promise<FileResult | undefined>;
  /** Called once per file with its result or failure; resolves once it is on record. */
  record(index: number, outcome: FileResult | FileFailure): Promise<void>;
}

/** Encrypts and uploads `files`; returns the results and failures, each in file order. */
export async function encryptAll(
  files: readonly MediaFile[],
  config: FileLoopSettings,
  clients: Clients,
  deps: FileDeps,
  hooks: FileHooks,
): Promise<{ results: FileResult[]; failures: FileFailure[] }> {
  const budget = new MemoryBudget(config.memoryBudgetBytes, config.partsInFlight);
  const concurrency =
    config.concurrency ??
    autoConcurrency(
      files.map((f) => ciphertextLength(config.mode, f.bytes)),
      config.partSizeBytes,
      config.memoryBudgetBytes,
    );
  deps.log.info(
    `${concurrency} file(s) at once${config.concurrency === undefined ? ' (auto)' : ''}, buffers within ${formatMiB(config.memoryBudgetBytes)} (max-memory-mib), ${formatMiB(config.partSizeBytes)} parts, at most ${config.partsInFlight} in flight`,
  );
  const settled = await mapPool(
    files,
    concurrency,
    async (file, index) => {
      if (deps.signal?.aborted) throw new Error('canceled before it started');
      let result: FileResult;
      try {
        result = await processFile(file, index, config, clients, deps, budget, hooks);
      } catch (error) {
        const message = messageOf(error).replace(`${file.relativePath}: `, '');
        await deps.log.group(file.relativePath, async () =>
          deps.log.warning(`${file.relativePath}: ${message}`),
        );
        await hooks.record(index, { relativePath: file.relativePath, message });
        throw error;
      }
      await hooks.record(index, result);
      return result;
    },
    config.failFast,
  );
  const results: FileResult[] = [];
  const failures: FileFailure[] = [];
  settled.forEach((outcome, i) => {
    const relativePath = files[i]!.relativePath;
    if (outcome === undefined) {
      failures.push({ relativePath, message: 'not started: fail-fast stopped the batch' });
    } else if (outcome.ok) {
      results.push(outcome.value);
    } else {
      const message = messageOf(outcome.error).replace(`${relativePath}: `, '');
      failures.push({ relativePath, message });
    }
  });
  return { results, failures };
}

async function processFile(
  file: MediaFile,
  index: number,
  config: FileLoopSettings,
  clients: Clients,
  deps: FileDeps,
  budget: MemoryBudget,
  hooks: FileHooks,
): Promise<FileResult> {
  const done = await hooks.settled?.(file, index);
  if (done) return done;
  // Progress lines go out live; each file's outcome is one group, written when it ends so
  // that files in flight together do not interleave inside each other's groups.
  const progress = new Progress(file, deps.log, deps.clock);
  const decision = await decideUpload(file, config, clients.s3, deps.signal);
  if (!decision.upload) {
    await deps.log.group(file.relativePath, async () => logSkipped(decision.result, deps.log));
    return decision.result;
  }
  if (decision.replacing) {
    deps.log.debug(`replacing the object of ${file.relativePath}: ${decision.replacing}`);
  }
  const result = await encryptAndUpload(file, config, {
    kms: clients.kms,
    s3: clients.s3,
    budget,
    clock: deps.clock,
    runKey: deps.runKey,
    onProgress: (n) => progress.update(n),
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(decision.plaintextSha256 ? { plaintextSha256: decision.plaintextSha256 } : {}),
  });
  await deps.log.group(file.relativePath, async () => {
    progress.done(result.s3Uri);
    deps.log.info(
      `${result.decryption.DecryptionMode}, ${config.keyBytes * 8}-bit data key from ${config.keySource === 'kms' ? 'KMS GenerateDataKey' : 'the runner, encrypted by KMS'}, ${config.ivBytes}-byte IV`,
    );
    deps.log.info(`plaintext SHA-256 ${result.plaintextSha256}`);
  });
  return result;
}
