/** A bad input value: the message names the input, the problem and what is accepted. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    /** The message without the input's name, for the CLI to name it as a flag. */
    readonly problem: string,
  ) {
    super(`Input \`${input}\`: ${problem}`);
    this.name = 'InputError';
  }
}

/**
 * An input that AWS said does not exist (a job template or queue), found with read-only
 * requests before anything was written. Named like any bad input; the CLI gives it an exit
 * code of its own, since requests were made.
 */
export class RefusedInputError extends InputError {
  constructor(input: string, problem: string) {
    super(input, problem);
    this.name = 'RefusedInputError';
  }
}

/** One file failed somewhere in data key, encryption or upload. */
export class FileError extends Error {
  constructor(
    readonly path: string,
    readonly stage: 'data key' | 'read' | 'encrypt' | 'upload',
    cause: unknown,
  ) {
    super(`${path}: ${stage} failed: ${messageOf(cause)}`, { cause });
    this.name = 'FileError';
  }
}

/** A MediaConvert job could not be created, or ended badly while we waited. */
export class JobError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'JobError';
  }
}

/**
 * A failure that left a library's work running in the background (an artifact download that
 * would retry for half a minute): the process ends once its report is out, rather than wait
 * for that work, which could also write again into a folder already cleaned up.
 */
export class AbandonedWorkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AbandonedWorkError';
  }
}

/** Our own errors' messages already say what failed; their class names would be noise. */
const OWN_ERRORS = new Set([
  'InputError',
  'RefusedInputError',
  'FileError',
  'JobError',
  'AbandonedWorkError',
]);

export function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const named = error.name && error.name !== 'Error' && !OWN_ERRORS.has(error.name);
    const name = named ? `${error.name}: ` : '';
    return `${name}${error.message}`;
  }
  return String(error);
}
