/**
 * `mediaconvert-encrypt decrypt` (the packaged CLI) against the local stack: a large object
 * back to its plaintext in bounded memory, agreement with `openssl enc -d`, the file that
 * appears only once verified, and stdout that fails loudly when the tag does not verify.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { outputsOf, runCli } from '../support/cli-process.js';
import { putEncrypted, putRaw } from '../support/encrypted-objects.js';
import { opensslDecrypt } from '../support/oracle.js';
import { getObject, unwrapKey } from '../support/stack-helpers.js';
import { stackClients } from '../support/clients.js';
import { useStack } from '../support/use-stack.js';

const MIB = 1024 * 1024;
/**
 * The large round trip. 1 GiB was measured by hand (docs/after-upload.md: 126 MiB peak RSS
 * with a 16 MiB budget); the suite uses 128 MiB, 8 times the budget, which shows the same
 * bound in an eighth of the time (the upload through the local S3 is most of it).
 */
const LARGE_BYTES = 128 * MIB;

const stack = useStack();
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'decrypt-'));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: MIB }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A file of `bytes` pseudo-random bytes (a repeated random MiB: length matters here). */
async function writeLarge(file: string, bytes: number): Promise<void> {
  const { randomBytes } = await import('node:crypto');
  const block = randomBytes(MIB);
  const handle = await (await import('node:fs/promises')).open(file, 'w');
  for (let i = 0; i < bytes / MIB; i++) {
    block.writeUInt32BE(i, 0);
    await handle.write(block);
  }
  await handle.close();
}

test('a large object decrypts to its plaintext in bounded memory', async () => {
  const source = path.join(tmp, 'master.mov');
  await writeLarge(source, LARGE_BYTES);
  const encrypted = await runCli(
    [
      '--files',
      'master.mov',
      '--kms-key-arn',
      stack.info.kmsKeyArn,
      '--destination',
      `s3://${stack.info.bucket}/decrypt/`,
      '--create-job',
      'false',
      '--mode',
      'AES_GCM',
      '--manifest',
      path.join(tmp, 'large.json'),
    ],
    stack.env(),
    { cwd: tmp },
  );
  expect(encrypted.code).toBe(0);
  const out = path.join(tmp, 'master.out');
  const run = await runCli(
    [
      'decrypt',
      `s3://${stack.info.bucket}/decrypt/master.mov`,
      '--out',
      out,
      '--max-memory-mib',
      '16',
    ],
    stack.env(),
  );
  expect(run.stderr).not.toContain('error:');
  expect(run.code).toBe(0);
  expect(await sha256Of(out)).toBe(await sha256Of(source));
  const printed = outputsOf(run) as { bytes: number; verified: string };
  expect(printed.bytes).toBe(LARGE_BYTES);
  expect(printed.verified).toBe('GCM tag verified');
  // The CLI alone holds about 110 MiB; the budget is 16 MiB against a 128 MiB object.
  expect(run.peakRssMiB).toBeGreaterThan(0);
  expect(run.peakRssMiB).toBeLessThan(180);
  await rm(source);
  await rm(out);
});

test('decrypt agrees with openssl enc -d, and refuses to overwrite a file unless --force', async () => {
  const encrypted = await runCli(
    [
      '--files',
      'samples/clip.mp4',
      '--kms-key-arn',
      stack.info.kmsKeyArn,
      '--destination',
      `s3://${stack.info.bucket}/decrypt/`,
      '--create-job',
      'false',
      '--mode',
      'cbc',
      '--key-length',
      '192',
      '--manifest',
      path.join(tmp, 'clip.json'),
    ],
    stack.env(),
    { cwd: path.resolve('.') },
  );
  expect(encrypted.code).toBe(0);
  const uri = `s3://${stack.info.bucket}/decrypt/samples/clip.mp4`;
  const clients = stackClients(stack);
  const object = await getObject(clients.s3, uri);
  const key = await unwrapKey(
    clients.kms,
    object.metadata['mediaconvert-encrypted-decryption-key']!,
  );
  const iv = Buffer.from(object.metadata['mediaconvert-initialization-vector']!, 'base64');
  const byOpenssl = await opensslDecrypt('AES_CBC', key, iv, object.body);

  const out = path.join(tmp, 'clip.mp4');
  const first = await runCli(['decrypt', uri, '--out', out], stack.env());
  expect(first.code).toBe(0);
  expect((await readFile(out)).equals(byOpenssl)).toBe(true);
  expect((await readFile('samples/clip.mp4')).equals(byOpenssl)).toBe(true);

  await writeFile(out, 'mine');
  const refused = await runCli(['decrypt', uri, '--out', out], stack.env());
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('exists; give --force to overwrite it');
  expect(await readFile(out, 'utf8')).toBe('mine');
  const forced = await runCli(['decrypt', uri, '--out', out, '--force'], stack.env());
  expect(forced.code).toBe(0);
  expect((await readFile(out)).equals(byOpenssl)).toBe(true);

  const toStdout = await runCli(['decrypt', uri, '--out', '-'], stack.env());
  expect(toStdout.code).toBe(0);
  expect(toStdout.stdout.equals(byOpenssl)).toBe(true);
  clients.s3.destroy();
  clients.kms.destroy();
});

test('a GCM object that does not verify leaves no file, and fails stdout at the end', async () => {
  const object = await putEncrypted(stack, { key: 'decrypt/bad.mp4', mode: 'AES_GCM' });
  const body = Buffer.from(object.ciphertext);
  body[body.length - 100]! ^= 0x04;
  await putRaw(stack, object.key, body, object.metadata);
  const dir = await mkdtemp(path.join(tmp, 'bad-'));
  const out = path.join(dir, 'bad.mp4');
  const toFile = await runCli(['decrypt', object.s3Uri, '--out', out], stack.env());
  expect(toFile.code).toBe(1);
  expect(toFile.stderr).toMatch(
    /^error: s3:\/\/media\/decrypt\/bad\.mp4: AES_GCM authentication tag does not verify/m,
  );
  // Neither the file nor its temporary: unauthenticated plaintext is gone.
  expect(await readdir(dir)).toEqual([]);

  const toStdout = await runCli(['decrypt', object.s3Uri, '--out', '-'], stack.env());
  expect(toStdout.code).toBe(1);
  expect(toStdout.stderr).toContain('what was written to stdout is not authentic: discard it');
});
