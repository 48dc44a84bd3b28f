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

/** The commands for objects already uploaded, loaded (with the AWS SDK) once inputs are valid. */
export async function loadObjects(): Promise<{
  runObjects: typeof import('../objects/run.js').runObjects;
  objectsDeps: typeof import('./objects-deps.js').objectsDeps;
  report: typeof import('../objects/report.js');
}> {
  const [{ runObjects }, { objectsDeps }, report] = await Promise.all([
    import('../objects/run.js'),
    import('./objects-deps.js'),
    import('../objects/report.js'),
  ]);
  return { runObjects, objectsDeps, report };
}
