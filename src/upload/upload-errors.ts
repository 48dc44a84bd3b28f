/** How an upload ends when it is canceled or fails: the errors it throws and the body's stop. */

/**
 * Ends the body with an error once the signal fires, so the upload stops reading and aborts
 * the multipart upload after the parts in flight have settled.
 */
export async function* stopOnAbort<T>(
  body: AsyncIterable<T>,
  signal: AbortSignal | undefined,
): AsyncGenerator<T> {
  for await (const chunk of body) {
    if (signal?.aborted) throw abortError(signal);
    yield chunk;
  }
  if (signal?.aborted) throw abortError(signal);
}

/** `error` with `more` said after its message, under the same name. */
export function withMore(error: unknown, more: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  return Object.assign(new Error(`${message}; ${more}`, { cause: error }), {
    name: error instanceof Error ? error.name : 'Error',
  });
}

export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error
    ? reason
    : Object.assign(new Error('upload aborted'), { name: 'AbortError' });
}
