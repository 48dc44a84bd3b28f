/**
 * `npm pack` ships the bundle, action.yml, README, the docs/ pages it links and LICENSE only, and the tarball installs
 * offline (dist/ is self-contained: no runtime dependency) into a command that runs.
 */
import { readdirSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
let temp: string;

beforeAll(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'pack-'));
});

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

test('npm pack ships dist/, action.yml, README, docs/, LICENSE; the installed command runs', async () => {
  const packed = await run('npm', ['pack', '--json', '--pack-destination', temp]);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  const files = info!.files.map((f) => f.path).sort();
  const pages = readdirSync('docs')
    .map((f) => `docs/${f}`)
    .sort();
  expect(files.filter((f) => !f.startsWith('dist/')).sort()).toEqual([
    'LICENSE',
    'README.md',
    'action.yml',
    ...pages,
    'package.json',
  ]);
  expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/cli.js']));

  const project = path.join(temp, 'project');
  await run('mkdir', [project]);
  await run(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', path.join(temp, info!.filename)],
    { cwd: project },
  );
  const help = await run(path.join(project, 'node_modules', '.bin', 'mediaconvert-encrypt'), [
    '--help',
  ]);
  expect(help.stdout).toMatch(/^Usage: mediaconvert-encrypt /);
  expect(help.stdout).toContain('--kms-key-arn');
});
