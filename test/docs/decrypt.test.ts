/**
 * docs/decrypt-by-hand.md, run as written against the local stack: the CLI uploads a file,
 * then bash runs the page's blocks with the stack's environment and the result must be the
 * original bytes. The page is run with each AWS CLI it names: Debian's v2.9 (/usr/bin/aws),
 * which ignores AWS_ENDPOINT_URL_<SERVICE>, and a v1 when one is on this machine. Nothing
 * stands between the page and `aws`: a command that forgot the local endpoint would head for
 * AWS, and a proxy on a closed local port makes that fail instead of leaving the machine.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useStack, FAST_JOBS } from '../support/use-stack.js';
import { CLI_ENTRY } from '../../harness/runner.js';

const PAGE = 'docs/decrypt-by-hand.md';
const DOC = await readFile(PAGE, 'utf8');
const DEBIAN_CLI = '/usr/bin/aws';

/** The fenced bash block that follows `<!-- decrypt:NAME -->` in the page (blank lines between). */
function docBlock(name: string): string {
  const match = new RegExp(`<!-- decrypt:${name} -->\\n+\`\`\`bash\\n([\\s\\S]*?)\\n\`\`\``).exec(
    DOC,
  );
  if (!match?.[1]) throw new Error(`${PAGE} has no bash block after <!-- decrypt:${name} -->`);
  return match[1];
}

/** What `aws --version` says (older v1 releases print it on stderr). */
function versionOf(program: string): string {
  const ran = spawnSync(program, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return `${ran.stdout ?? ''}${ran.stderr ?? ''}`.trim();
}

/**
 * An AWS CLI v1 on this machine: the first `aws` on PATH, or under ~/.pyenv/shims, that says
 * `aws-cli/1.`. Every candidate and its answer are kept for the skip message.
 */
function findCliV1(): { program?: string; looked: string[] } {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const candidates = [
    ...dirs.map((dir) => path.join(dir, 'aws')),
    path.join(os.homedir(), '.pyenv', 'shims', 'aws'),
  ];
  const looked: string[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const real = realpathSync(candidate);
    if (seen.has(real)) continue;
    seen.add(real);
    const version = versionOf(candidate);
    looked.push(`${candidate}: ${version.split(' ')[0] || 'does not run'}`);
    if (version.startsWith('aws-cli/1.')) return { program: candidate, looked };
  }
  return { looked };
}

const v1 = findCliV1();

/** Test scaffolding only: the shell's options, and `od` where xxd is missing. */
const PRELUDE = `set -euo pipefail
command -v xxd >/dev/null || xxd() { od -An -v -tx1 | tr -d ' \\n'; echo; }
aws --version 2>&1
`;

/** Requests for anything but the stack go to a closed local port (port 9, discard). */
const NOWHERE = {
  HTTPS_PROXY: 'http://127.0.0.1:9',
  HTTP_PROXY: 'http://127.0.0.1:9',
  NO_PROXY: '127.0.0.1,localhost',
  AWS_MAX_ATTEMPTS: '1',
};

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>) {
  return new Promise<Ran>((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const stack = useStack(FAST_JOBS);
let root: string;
/** Per CLI, a folder whose `aws` runs that CLI, put first on PATH. */
const binDirs = new Map<string, string>();
const plaintext = randomBytes(100_003);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'docs-decrypt-'));
  await mkdir(path.join(root, 'masters'));
  await writeFile(path.join(root, 'masters', 'a.mov'), plaintext);
  for (const [name, program] of [
    ['v2', DEBIAN_CLI],
    ['v1', v1.program],
  ] as const) {
    if (!program) continue;
    const dir = path.join(root, `bin-${name}`);
    await mkdir(dir);
    await writeFile(path.join(dir, 'aws'), `#!/bin/sh\nexec '${program}' "$@"\n`);
    await chmod(path.join(dir, 'aws'), 0o755);
    binDirs.set(name, dir);
  }
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** The environment the page runs in: the stack's, `aws` = the CLI named, no way out. */
function pageEnv(cli: string): Record<string, string> {
  const bin = binDirs.get(cli);
  if (!bin) throw new Error(`no AWS CLI ${cli}`);
  return { ...stack.env(), ...NOWHERE, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
}

const uploads = new Map<string, Promise<{ s3Uri: string; plaintextSha256: string }>>();

/** The file uploaded by the CLI once per case (the CLIs decrypt the same object). */
function upload(mode: string, ivLength: string, keyLength: string, source: string) {
  const name = `${mode}-${ivLength}-${keyLength}-${source}`.toLowerCase();
  const known = uploads.get(name);
  if (known) return known;
  const made = (async () => {
    const manifest = path.join(root, `${name}.json`);
    const result = await run(
      process.execPath,
      [
        CLI_ENTRY,
        ...['--files', 'masters/a.mov', '--destination', `s3://${stack.info.bucket}/${name}/`],
        ...['--mode', mode, '--iv-length', ivLength, '--key-length', keyLength],
        ...['--key-source', source === 'local' ? 'local' : 'kms'],
        '--kms-key-arn',
        source === 'other-region' ? stack.info.otherRegionKmsKeyArn : stack.info.kmsKeyArn,
        ...['--create-job', 'false', '--manifest', manifest],
      ],
      root,
      stack.env(),
    );
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 0,
      stderr: expect.any(String),
    });
    const { files } = JSON.parse(await readFile(manifest, 'utf8')) as {
      files: { s3Uri: string; plaintextSha256: string }[];
    };
    return files[0]!;
  })();
  uploads.set(name, made);
  return made;
}

// Every block and branch once with the Debian CLI: each mode's block, both CTR IV lengths (a
// 12-byte IV is padded), every key length (BITS), a key in another region (the KEY_REGION the
// common block reads) and each key source. The CLI only runs in the common block, the same for
// every case, so v1 runs two: the default key and the key in another region. Each case runs
// the AWS CLI twice, at about a CPU-second each, so no combination is repeated.
const CASES = [
  ['v2', 'AES_CTR', '16', '256', 'kms'],
  ['v2', 'AES_CTR', '12', '128', 'local'],
  ['v2', 'AES_CBC', '16', '192', 'other-region'],
  ['v2', 'AES_GCM', '12', '256', 'local'],
  ['v1', 'AES_CTR', '16', '256', 'kms'],
  ['v1', 'AES_CBC', '16', '192', 'other-region'],
] as const;
const runnable = CASES.filter(([cli]) => cli === 'v2' || v1.program);

describe(`${PAGE} decrypts what the action uploaded`, () => {
  test('the page names the local endpoints itself, as an --endpoint-url each CLI accepts', () => {
    const common = docBlock('common');
    expect(common).toContain('${AWS_ENDPOINT_URL_S3:+--endpoint-url "$AWS_ENDPOINT_URL_S3"}');
    expect(common).toContain('${AWS_ENDPOINT_URL_KMS:+--endpoint-url "$AWS_ENDPOINT_URL_KMS"}');
  });

  test('Debian’s AWS CLI ignores AWS_ENDPOINT_URL_S3: without the flag it heads past the stack', async () => {
    const ran = await run(
      DEBIAN_CLI,
      ['s3api', 'head-bucket', '--bucket', stack.info.bucket, '--cli-connect-timeout', '2'],
      root,
      { ...stack.env(), ...NOWHERE },
    );
    expect(ran.code).not.toBe(0);
    expect(ran.stderr).toMatch(/proxy/i);
  });

  if (!v1.program) {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect -- reported, not run
    test.skip(`AWS CLI v1: none on this machine, so the page ran with v2 only (looked at ${
      v1.looked.join('; ') || 'no aws on PATH or in ~/.pyenv/shims'
    })`, () => undefined);
  }

  test.concurrent.each(runnable)(
    'AWS CLI %s: %s, %s-byte IV, %s-bit key, %s key',
    async (cli, mode, ivLength, keyLength, source) => {
      const file = await upload(mode, ivLength, keyLength, source);
      const work = await mkdtemp(path.join(root, `${cli}-${mode}-${source}-`));

      const common = docBlock('common');
      const pointed = common.replace(/^S3_URI=\S+/m, `S3_URI=${file.s3Uri}`);
      expect(pointed).not.toBe(common);
      const script = [PRELUDE, pointed, docBlock(mode), docBlock('check')].join('\n');
      const decrypted = await run('bash', ['-c', script], work, pageEnv(cli));
      expect({ code: decrypted.code, stderr: decrypted.stderr }).toEqual({
        code: 0,
        stderr: expect.any(String),
      });
      expect(decrypted.stdout).toContain(cli === 'v1' ? 'aws-cli/1.' : 'aws-cli/2.');
      expect(decrypted.stdout).toContain(`${mode}, ${keyLength}-bit key, ${ivLength}-byte IV`);
      expect(decrypted.stdout).toContain(`${file.plaintextSha256}  plaintext.bin`);
      expect((await readFile(path.join(work, 'plaintext.bin'))).equals(plaintext)).toBe(true);
    },
  );
});
