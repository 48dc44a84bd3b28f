import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ACTION_ENTRY, assertFreshDist, runnerEnvironment } from './runner.js';

export { ACTION_ENTRY } from './runner.js';

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  runnerTemp: string;
  files: { output: string; summary: string };
}

export interface ActionRunOptions {
  inputs: Record<string, string>;
  /** Added to a clean environment (PATH, HOME and these; nothing else of ours leaks in). */
  env: Record<string, string>;
  workspace: string;
  /** Called with the child once it has started, e.g. to send it a signal. */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void;
  /** Keep RUNNER_TEMP (manifest, output files) after this process exits. */
  keepRunnerTemp?: boolean;
  /** Also echo the action's log lines here as they come. */
  echo?: (chunk: string) => void;
  /** A command that runs node in some other setting (e.g. `unshare`), given before it. */
  prefix?: string[];
}

/**
 * Runs dist/index.js the way the GitHub runner does: inputs as INPUT_<NAME> variables (name
 * upper-cased, hyphens kept), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, RUNNER_TEMP,
 * GITHUB_WORKSPACE as the working directory.
 */
const runnerTemps: string[] = [];

/**
 * Removes the RUNNER_TEMP folders of the runs made so far. Callers read the outputs and
 * manifest after a run, so they live until the test file ends (test/support/file-cleanup.ts)
 * or, outside jest, until this process exits.
 */
export function removeRunnerTemps(): void {
  for (const dir of runnerTemps.splice(0)) rmSync(dir, { recursive: true, force: true });
}
process.once('exit', removeRunnerTemps);

export async function runPackagedAction(options: ActionRunOptions): Promise<ActionRun> {
  assertFreshDist();
  const { env, runnerTemp, files } = await runnerEnvironment(options);
  if (!options.keepRunnerTemp) runnerTemps.push(runnerTemp);
  const [command, ...args] = [...(options.prefix ?? []), process.execPath, ACTION_ENTRY];
  const child = spawn(command!, args, {
    cwd: options.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    options.echo?.(d.toString());
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    options.echo?.(d.toString());
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(files.output, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
    runnerTemp,
    files,
  };
}

/** Parses GITHUB_OUTPUT's `name<<DELIMITER ... DELIMITER` blocks (and plain name=value lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      outputs[name!] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}
