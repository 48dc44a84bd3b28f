/**
 * The source files of integration tests that run the packaged action against the local stack:
 * a temporary workspace, the SHA-256 of each file as it was written there, and the runs made
 * in it (their RUNNER_TEMP folders go when the test file ends). With the hashes a test
 * proves, independently of the action's code, that the sources were left as they were and that
 * each uploaded object decrypts (OpenSSL, with the key KMS gives the stack user) to the very
 * bytes of its source.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  runPackagedAction,
  type ActionRun,
  type ActionRunOptions,
} from '../../harness/action-runner.js';
import { opensslDecrypt } from './oracle.js';
import { actionInputs } from './action-inputs.js';
import { stackClients } from './clients.js';
import { getObject, unwrapKey } from './stack-helpers.js';
import type { StackHandle } from './use-stack.js';

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The run's `s3-uris` output: one object a file, in the order of `decryption-settings`. */
export function s3Uris(run: ActionRun): string[] {
  return JSON.parse(run.outputs['s3-uris']!) as string[];
}

interface Decryption {
  DecryptionMode: 'AES_CTR' | 'AES_CBC';
  EncryptedDecryptionKey: string;
  InitializationVector: string;
}

export interface Sources {
  readonly workspace: string;
  /** Writes `bytes` random bytes (nothing a codec could shrink) at `relativePath`. */
  write(relativePath: string, bytes: number): Promise<void>;
  /** Copies the file `from` (e.g. a sample clip) to `relativePath`. */
  copy(relativePath: string, from: string): Promise<void>;
  /** Hashes a file the test wrote itself, e.g. streamed because it is too large to hold. */
  record(relativePath: string): Promise<void>;
  /** Runs the packaged action in the workspace. */
  run(options: Omit<ActionRunOptions, 'workspace'>): Promise<ActionRun>;
  /**
   * Runs it to upload only (no job) to `prefix`/ in the stack's bucket in 5 MiB parts, with
   * `env` (e.g. a proxy's endpoints); `inputs` add to those or override them.
   */
  upload(
    env: Record<string, string>,
    prefix: string,
    inputs: Record<string, string>,
  ): Promise<ActionRun>;
  /** Removes the workspace (the runs' RUNNER_TEMP goes after each file: file-cleanup.ts). */
  remove(): Promise<void>;
  /** Every source file still has the bytes it was written with. */
  expectUntouched(): Promise<void>;
  /**
   * Each object of the run's `s3-uris`, decrypted by OpenSSL with the key KMS gives the stack
   * user, is the source at the same place in `relativePaths`. Which objects the run reported is
   * for the caller to check.
   */
  expectObjectsDecryptToSources(run: ActionRun, relativePaths: string[]): Promise<void>;
}

/**
 * An empty workspace in the system's temp folder, its name starting with `prefix`, for runs
 * against `stack`. Plain functions, not class methods: jest/no-standalone-expect accepts
 * `expect` only in those.
 */
export async function createSources(prefix: string, stack: StackHandle): Promise<Sources> {
  const workspace = await mkdtemp(path.join(os.tmpdir(), prefix));
  /** SHA-256 of every source file, by its path in the workspace, taken when it was written. */
  const hashes = new Map<string, string>();
  // Our own clients: the check must not go through the action's.
  const clients = stackClients(stack);
  const fileAt = (relativePath: string): string => path.join(workspace, relativePath);

  async function put(relativePath: string, data: Buffer): Promise<void> {
    await mkdir(path.dirname(fileAt(relativePath)), { recursive: true });
    await writeFile(fileAt(relativePath), data);
    hashes.set(relativePath, sha256(data));
  }

  function run(options: Omit<ActionRunOptions, 'workspace'>): Promise<ActionRun> {
    return runPackagedAction({ workspace, ...options });
  }

  async function expectUntouched(): Promise<void> {
    for (const [relativePath, hash] of hashes) {
      expect([relativePath, sha256(await readFile(fileAt(relativePath)))]).toEqual([
        relativePath,
        hash,
      ]);
    }
  }

  async function expectObjectsDecryptToSources(
    done: ActionRun,
    relativePaths: string[],
  ): Promise<void> {
    const settings = JSON.parse(done.outputs['decryption-settings']!) as Decryption[];
    for (const [i, uri] of s3Uris(done).entries()) {
      const s = settings[i]!;
      const key = await unwrapKey(clients.kms, s.EncryptedDecryptionKey);
      const object = await getObject(clients.s3, uri);
      const plaintext = await opensslDecrypt(
        s.DecryptionMode,
        key,
        Buffer.from(s.InitializationVector, 'base64'),
        object.body,
      );
      expect([relativePaths[i], sha256(plaintext)]).toEqual([
        relativePaths[i],
        hashes.get(relativePaths[i]!),
      ]);
    }
  }

  return {
    workspace,
    write: (relativePath, bytes) => put(relativePath, randomBytes(bytes)),
    copy: async (relativePath, from) => put(relativePath, await readFile(from)),
    async record(relativePath) {
      hashes.set(relativePath, sha256(await readFile(fileAt(relativePath))));
    },
    run,
    upload: (env, prefix, inputs) =>
      run({
        env,
        inputs: actionInputs(stack, prefix, {
          'part-size-mib': '5',
          'create-job': 'false',
          ...inputs,
        }),
      }),
    async remove() {
      await rm(workspace, { recursive: true, force: true });
    },
    expectUntouched,
    expectObjectsDecryptToSources,
  };
}
