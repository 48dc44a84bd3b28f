/**
 * The local stack of one test file: started before the file's first test, stopped after its
 * last, in place of a `startStack()` and a `close()` in every file's hooks.
 */
import { afterAll, beforeAll } from '@jest/globals';
import { startStack, type LocalStack, type StackOptions } from '../../local-aws/stack.js';

/**
 * Stack options for tests whose jobs run to the end: the local MediaConvert pauses 5 ms
 * between steps instead of 250 ms, so a job is done by the action's first poll after a second
 * instead of its third or fourth.
 */
export const FAST_JOBS = { mediaconvert: { tickMs: 5 } } as const;

/** The stack as a test file sees it: the hooks, not the file, decide when it closes. */
export type StackHandle = Omit<LocalStack, 'close'>;

/**
 * Registers the hooks that start the stack with `options` and stop it. The handle it returns
 * reads the running stack, so it may be used in the file's tests and hooks (after this call),
 * not while the file is being loaded. Options that depend on what an earlier `beforeAll` made
 * (e.g. the size of a clip it rendered) are given as a function, called when the stack starts.
 */
export function useStack(options: StackOptions | (() => StackOptions) = {}): StackHandle {
  let started: LocalStack | undefined;
  beforeAll(async () => {
    started = await startStack(typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    await started?.close();
    started = undefined;
  });
  const running = (): LocalStack => {
    if (!started) {
      throw new Error(
        'the local stack is not running: use it in tests and hooks, after useStack()',
      );
    }
    return started;
  };
  return {
    get info() {
      return running().info;
    },
    get s3() {
      return running().s3;
    },
    get kms() {
      return running().kms;
    },
    get otherKms() {
      return running().otherKms;
    },
    get mediaconvert() {
      return running().mediaconvert;
    },
    env: (scheme) => running().env(scheme),
  };
}
