/**
 * GitHub keeps at most 1 MiB of one step's summary. A dry run of 3,000 files with 200-character
 * names makes a plan table of about 1.4 MB: the summary then holds its heading and totals and a
 * note that points at the manifest, a warning says so, and the manifest holds every file.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPackagedAction } from '../../harness/action-runner.js';
import { actionInputs } from '../support/action-inputs.js';
import { useStack } from '../support/use-stack.js';

const FILES = 3_000;
const PER_FOLDER = 1000;
/**
 * A row holds the path twice (file and object), so long names pass the limit with few files:
 * 20,000 names of 28 characters made 2.2 MB; these make about 480 bytes a row, and the action
 * lists and plans a seventh of the files.
 */
const NAME = 'interview-camera-a-take-'.repeat(8);
const stack = useStack();
let workspace: string;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'summary-limit-ws-'));
  for (let d = 0; d < FILES / PER_FOLDER; d++) {
    const dir = path.join(workspace, 'media', `batch-${String(d).padStart(2, '0')}`);
    await mkdir(dir, { recursive: true });
    await Promise.all(
      Array.from({ length: PER_FOLDER }, (_, i) =>
        writeFile(path.join(dir, `${NAME}${String(i).padStart(4, '0')}.mp4`), 'x'),
      ),
    );
  }
});

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

test('3,000 files in a dry run: a summary under 1 MiB pointing at the manifest, with a warning', async () => {
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
    new RegExp(`^### MediaConvert encrypt: dry run\n\nPlan: ${FILES} file&#40;s&#41;, `),
  );
  expect(run.summary).toMatch(
    new RegExp(
      `The full summary is (\\d+) bytes, over GitHub's limit of 1048576 bytes per step summary: its ${FILES} table rows are left out here\\. The manifest has every file and job: `,
    ),
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
