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

/** Our own errors' messages already say what failed; their class names would be noise. */
const OWN_ERRORS = new Set(['InputError', 'RefusedInputError', 'FileError', 'JobError']);

export function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const named = error.name && error.name !== 'Error' && !OWN_ERRORS.has(error.name);
    const name = named ? `${error.name}: ` : '';
    return `${name}${error.message}`;
  }
  return String(error);
}
