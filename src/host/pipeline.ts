/**
 * The pipeline and its dependencies on this machine, loaded only once the inputs are valid.
 * They hold the AWS SDK, most of the bundle (a chunk of its own in dist/), and a step that
 * fails on a bad input never needs them: it fails in a fraction of the start-up time.
 */
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
