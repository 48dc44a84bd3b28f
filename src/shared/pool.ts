/**
 * Runs `work` over `items` with at most `limit` in flight, in item order of starting.
 * Failures are collected, not thrown; with `stopOnFailure` no new item starts after one fails.
 */
export async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  stopOnFailure = false,
): Promise<({ ok: true; value: R } | { ok: false; error: unknown } | undefined)[]> {
  const results: ({ ok: true; value: R } | { ok: false; error: unknown } | undefined)[] = items.map(
    () => undefined,
  );
  let next = 0;
  let failed = false;
  async function worker(): Promise<void> {
    while (next < items.length && !(stopOnFailure && failed)) {
      const index = next++;
      try {
        results[index] = { ok: true, value: await work(items[index]!, index) };
      } catch (error) {
        failed = true;
        results[index] = { ok: false, error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
