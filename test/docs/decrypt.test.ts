/**
 * The README's "Decrypt an uploaded object by hand" commands, run as written against the local
 * stack: the CLI uploads a file, then bash follows the README with `aws` pointed at the stack's
 * endpoints (the Debian AWS CLI predates AWS_ENDPOINT_URL_<SERVICE>), and the result must be
 * the original bytes.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useStack, FAST_JOBS } from '../support/use-stack.js';
import { CLI_ENTRY } from '../support/runner.js';

const CLI = CLI_ENTRY;
const README = await readFile('README.md', 'utf8');

/** The fenced bash block that follows `<!-- decrypt:NAME -->` in the README. */
function readmeBlock(name: string): string {
  const match = new RegExp(`<!-- decrypt:${name} -->\\n\`\`\`bash\\n([\\s\\S]*?)\\n\`\`\``).exec(
    README,
  );
  if (!match?.[1]) throw new Error(`README.md has no bash block after <!-- decrypt:${name} -->`);
  return match[1];
}

/** `aws` as the README uses it, aimed at the stack; `od` stands in where xxd is missing. */
const PRELUDE = `set -euo pipefail
aws() {
  case "$1" in
    s3 | s3api) /usr/bin/aws --endpoint-url "$AWS_ENDPOINT_URL_S3" "$@" ;;
    kms) /usr/bin/aws --endpoint-url "$AWS_ENDPOINT_URL_KMS" "$@" ;;
    *) /usr/bin/aws "$@" ;;
  esac
}
command -v xxd >/dev/null || xxd() { od -An -v -tx1 | tr -d ' \\n'; echo; }
`;

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
const plaintext = randomBytes(100_003);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'docs-decrypt-'));
  await mkdir(path.join(root, 'masters'));
  await writeFile(path.join(root, 'masters', 'a.mov'), plaintext);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the README decrypts what the action uploaded', () => {
  // Every block and branch once: each mode's block, both CTR IV lengths (a 12-byte IV is
  // padded), every key length (BITS), and a key in another region (the KEY_REGION the common
  // block reads). The key source does not show in the object, so each source once. Each case
  // runs the AWS CLI twice, at about a CPU-second each, so no combination is repeated.
  test.concurrent.each([
    ['AES_CTR', '16', '256', 'kms'],
    ['AES_CTR', '12', '128', 'local'],
    ['AES_CBC', '16', '192', 'other-region'],
    ['AES_GCM', '12', '256', 'local'],
  ])('%s, %s-byte IV, %s-bit key, %s key', async (mode, ivLength, keyLength, source) => {
    const name = `${mode}-${ivLength}-${keyLength}-${source}`.toLowerCase();
    const work = await mkdtemp(path.join(root, `${name}-`));
    const manifest = path.join(work, 'manifest.json');
    const upload = await run(
      process.execPath,
      [
        CLI,
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
    expect({ code: upload.code, stderr: upload.stderr }).toEqual({
      code: 0,
      stderr: expect.any(String),
    });
    const { files } = JSON.parse(await readFile(manifest, 'utf8')) as {
      files: { s3Uri: string; plaintextSha256: string }[];
    };
    const [file] = files;

    const common = readmeBlock('common');
    const pointed = common.replace(/^S3_URI=\S+/m, `S3_URI=${file!.s3Uri}`);
    expect(pointed).not.toBe(common);
    const script = [PRELUDE, pointed, readmeBlock(mode), readmeBlock('check')].join('\n');
    const decrypted = await run('bash', ['-c', script], work, stack.env());
    expect({ code: decrypted.code, stderr: decrypted.stderr }).toEqual({
      code: 0,
      stderr: expect.any(String),
    });
    expect(decrypted.stdout).toContain(`${mode}, ${keyLength}-bit key, ${ivLength}-byte IV`);
    expect(decrypted.stdout).toContain(`${file!.plaintextSha256}  plaintext.bin`);
    expect((await readFile(path.join(work, 'plaintext.bin'))).equals(plaintext)).toBe(true);
  });
});
