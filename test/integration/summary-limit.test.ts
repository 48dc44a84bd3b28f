/**
 * GitHub keeps at most 1 MiB of one step's summary. A dry run of 20,000 files makes a plan
 * table of about 1.6 MB: the summary then holds its heading and totals and a note that points
 * at the manifest, a warning says so, and the manifest holds every file.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPackagedAction } from '../../harness/action-runner.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack } from '../support/use-stack.js';

const FILES = 20_000;
const stack = useStack();
let workspace: string;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'summary-limit-ws-'));
  for (let d = 0; d < FILES / 1000; d++) {
    const dir = path.join(workspace, 'media', `batch-${String(d).padStart(2, '0')}`);
    await mkdir(dir, { recursive: true });
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        writeFile(path.join(dir, `clip-${String(i).padStart(4, '0')}.mp4`), 'x'),
      ),
    );
  }
});

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

test('20,000 files in a dry run: a summary under 1 MiB pointing at the manifest, with a warning', async () => {
  const run = await runPackagedAction({
    workspace,
    env: stack.env(),
    inputs: actionInputs(stack, 'summary-limit', {
      files: 'media/**/*.mp4',
      'create-job': 'false',
      'dry-run': 'true',
    }),
  });
  expect(run.code).toBe(0);
  const bytes = Buffer.byteLength(run.summary, 'utf8');
  expect(bytes).toBeLessThanOrEqual(1024 * 1024);
  expect(run.summary).toMatch(
    /^### MediaConvert encrypt: dry run\n\nPlan: 20000 file&#40;s&#41;, /,
  );
  expect(run.summary).toMatch(
    /The full summary is (\d+) bytes, over GitHub's limit of 1048576 bytes per step summary: its 20000 table rows are left out here\. The manifest has every file and job: /,
  );
  const full = Number(/The full summary is (\d+) bytes/.exec(run.summary)![1]);
  expect(full).toBeGreaterThan(1024 * 1024);
  expect(run.stdout).toMatch(
    /^::warning::step summary is \d+ bytes, over GitHub's limit of 1048576 bytes per step summary: it holds a short form instead/m,
  );
  const manifest = JSON.parse(await readFile(run.outputs.manifest!, 'utf8')) as {
    dryRun: { files: { path: string; action: string }[] };
  };
  expect(manifest.dryRun.files).toHaveLength(FILES);
  expect(manifest.dryRun.files.every((f) => f.action === 'upload')).toBe(true);
}, 180_000);
