/**
 * `verify` through the packaged CLI and the packaged action, against the local stack. The
 * objects are made without the action's code (test/support/encrypted-objects.ts: KMS data
 * keys, @noble/ciphers), so a pass also shows that our decryption agrees with an independent
 * implementation of the format.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ACCOUNT_ID, STACK_USER_ARN } from '../../local-aws/identity.js';
import { runPackagedAction } from '../../harness/action-runner.js';
import { outputsOf, runCli } from '../support/cli-process.js';
import {
  putEncrypted,
  putRaw,
  writeManifest,
  type EncryptedObject,
} from '../support/encrypted-objects.js';
import type { Mode } from '../support/oracle.js';
import { useStack } from '../support/use-stack.js';

const MIB = 1024 * 1024;
const stack = useStack();
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'verify-'));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

interface Result {
  s3Uri: string;
  status: string;
  message: string;
}

const COMBINATIONS: [Mode, 16 | 24 | 32, 12 | 16][] = [];
for (const keyBytes of [16, 24, 32] as const) {
  COMBINATIONS.push(['AES_CTR', keyBytes, 12], ['AES_CTR', keyBytes, 16]);
  COMBINATIONS.push(['AES_CBC', keyBytes, 16]);
  COMBINATIONS.push(['AES_GCM', keyBytes, 12], ['AES_GCM', keyBytes, 16]);
}

test('every mode, key size and IV length verifies, by manifest (CLI) and by prefix (action)', async () => {
  const objects = await Promise.all(
    COMBINATIONS.map(([mode, keyBytes, ivBytes], i) =>
      putEncrypted(stack, {
        key: `verify/all/${mode}-${keyBytes * 8}-${ivBytes}.mp4`,
        mode,
        keyBytes,
        ivBytes,
        recordSha: true,
        // One object of several ranges (7 MiB each in a 16 MiB budget), ending mid-range.
        ...(i === COMBINATIONS.length - 1 ? { plaintext: randomBytes(9 * MIB + 7) } : {}),
      }),
    ),
  );
  const manifest = path.join(tmp, 'all.json');
  await writeManifest(manifest, stack.info.region, objects);

  const cli = await runCli(
    ['verify', '--manifest', manifest, '--max-memory-mib', '16'],
    stack.env(),
  );
  expect(cli.stderr).not.toMatch(/^(warning|error):/m);
  expect(cli.code).toBe(0);
  const results = outputsOf(cli)['object-results'] as Result[];
  expect(results.map((r) => [r.s3Uri, r.status])).toEqual(objects.map((o) => [o.s3Uri, 'ok']));
  expect(results.find((r) => r.s3Uri.includes('AES_GCM'))!.message).toContain('GCM tag verified');
  expect(cli.stderr).toContain('15 ok');

  const action = await runPackagedAction({
    inputs: { command: 'verify', objects: `s3://${stack.info.bucket}/verify/all/` },
    // Step debug logging on: the AWS request log too must not show a data key.
    env: { ...stack.env(), RUNNER_DEBUG: '1' },
    workspace: tmp,
    keepRunnerTemp: true,
  });
  expect(action.stdout).not.toContain('::error::');
  expect(action.code).toBe(0);
  expect(action.stdout).toContain('::debug::aws kms Decrypt');
  const left = [
    action.stdout,
    action.stderr,
    action.summary,
    JSON.stringify(action.outputs),
    await readFile(path.join(action.runnerTemp, 'mediaconvert-encrypt-verify.json'), 'utf8'),
  ].join('\n');
  await rm(action.runnerTemp, { recursive: true, force: true });
  for (const { dataKey } of objects) {
    for (const encoded of [
      dataKey.toString('hex'),
      dataKey.toString('base64'),
      dataKey.toString('base64url'),
    ]) {
      expect(left).not.toContain(encoded);
    }
  }
  const fromAction = JSON.parse(action.outputs['object-results']!) as Result[];
  expect(fromAction).toHaveLength(15);
  expect(new Set(fromAction.map((r) => r.status))).toEqual(new Set(['ok']));
  expect(action.summary).toContain('MediaConvert encrypt: verify');
  expect(action.summary).toContain('15 ok');
});

/** The object as it is, with `change` applied to its bytes and/or metadata. */
async function tamper(
  object: EncryptedObject,
  change: { body?: Buffer; metadata?: Record<string, string> },
): Promise<void> {
  await putRaw(stack, object.key, change.body ?? object.ciphertext, {
    ...object.metadata,
    ...change.metadata,
  });
}

test('each kind of damage fails with a message of its own, and the run fails', async () => {
  const at = (name: string): string => `verify/bad/${name}.mp4`;
  const ok = await putEncrypted(stack, { key: at('ok'), mode: 'AES_CTR' });

  const flippedGcm = await putEncrypted(stack, { key: at('flipped-gcm'), mode: 'AES_GCM' });
  const flippedBody = Buffer.from(flippedGcm.ciphertext);
  flippedBody[1000]! ^= 0x01;
  await tamper(flippedGcm, { body: flippedBody });

  const flippedCtr = await putEncrypted(stack, { key: at('flipped-ctr'), mode: 'AES_CTR' });
  const ctrBody = Buffer.from(flippedCtr.ciphertext);
  ctrBody[5]! ^= 0x80;
  await tamper(flippedCtr, { body: ctrBody });

  const truncated = await putEncrypted(stack, { key: at('truncated'), mode: 'AES_CBC' });
  await tamper(truncated, {
    body: truncated.ciphertext.subarray(0, truncated.ciphertext.length - 32),
  });

  const changedIv = await putEncrypted(stack, { key: at('changed-iv'), mode: 'AES_GCM' });
  await tamper(changedIv, {
    metadata: { 'mediaconvert-initialization-vector': randomBytes(12).toString('base64') },
  });

  const otherContext = await putEncrypted(stack, {
    key: at('other-context'),
    mode: 'AES_CTR',
    context: { service: 'elastictranscoder.amazonaws.com' },
  });

  const disabledKey = stack.kms.createKey({ description: 'disabled after use' });
  const disabled = await putEncrypted(stack, {
    key: at('disabled-key'),
    mode: 'AES_CTR',
    kmsKeyArn: disabledKey.arn,
  });
  stack.kms.setEnabled(disabledKey.arn, false);

  // A key the stack user may make data keys with, but not decrypt them.
  const foreignKey = stack.kms.createKey({ owner: `arn:aws:iam::${ACCOUNT_ID}:role/KeyAdmin` });
  stack.kms.grant(foreignKey.arn, STACK_USER_ARN, ['GenerateDataKey']);
  const denied = await putEncrypted(stack, {
    key: at('denied'),
    mode: 'AES_CTR',
    kmsKeyArn: foreignKey.arn,
  });

  const gone = await putEncrypted(stack, { key: at('gone'), mode: 'AES_CTR' });
  const listed = [ok, flippedGcm, flippedCtr, truncated, changedIv, otherContext, disabled, denied];
  const manifest = path.join(tmp, 'bad.json');
  await writeManifest(manifest, stack.info.region, [
    ...listed,
    { ...gone, s3Uri: `s3://${stack.info.bucket}/${at('never-uploaded')}` },
  ]);

  const cli = await runCli(['verify', '--manifest', manifest], stack.env());
  expect(cli.code).toBe(1);
  const results = outputsOf(cli)['object-results'] as Result[];
  const byName = new Map(results.map((r) => [r.s3Uri.replace(/^.*\/bad\/(.*)\.mp4$/, '$1'), r]));
  const expected: [string, string, RegExp][] = [
    ['ok', 'ok', /decrypts to the plaintext recorded at upload/],
    ['flipped-gcm', 'mismatch', /AES_GCM authentication tag does not verify/],
    ['flipped-ctr', 'mismatch', /decrypts to \d+ bytes with SHA-256 [0-9a-f]{64}, not the/],
    [
      'truncated',
      'mismatch',
      /the object is \d+ bytes, but \d+ plaintext bytes encrypt to \d+ with AES_CBC: it is truncated/,
    ],
    ['changed-iv', 'mismatch', /its metadata's IV differs from the manifest's/],
    [
      'other-context',
      'undecryptable',
      /under the encryption context \{"service":"mediaconvert.amazonaws.com"\}.*InvalidCiphertextException/,
    ],
    ['disabled-key', 'undecryptable', /is disabled.*DisabledException/],
    ['denied', 'undecryptable', /kms:Decrypt .* was denied.*AccessDeniedException/],
    ['never-uploaded', 'missing', /no such object \(404\)/],
  ];
  for (const [name, status, message] of expected) {
    expect([name, byName.get(name)?.status]).toEqual([name, status]);
    expect(byName.get(name)?.message).toMatch(message);
  }
  // Every failure has its own words.
  const messages = results
    .filter((r) => r.status !== 'ok')
    .map((r) => r.message.replace(/[0-9a-f]{16,}|\d+/g, ''));
  expect(new Set(messages).size).toBe(messages.length);
  expect(cli.stderr).toMatch(/^error: 8 of 9 object\(s\) did not pass:/m);
  expect(cli.stderr).toMatch(/^warning: mismatch: s3:\/\/media\/verify\/bad\/flipped-gcm\.mp4: /m);

  // The packaged action fails the step and says the same per object.
  const action = await runPackagedAction({
    inputs: { command: 'verify', manifest },
    env: stack.env(),
    workspace: tmp,
  });
  expect(action.code).toBe(1);
  expect(action.stdout).toContain('::error::8 of 9 object(s) did not pass:');
  const fromAction = JSON.parse(action.outputs['object-results']!) as Result[];
  expect(fromAction.map((r) => r.status)).toEqual(results.map((r) => r.status));
  expect(action.summary).toContain('**undecryptable**');
});

test('without a recorded SHA-256 an object is unchecked, and a truncated GCM object fails its tag', async () => {
  const plain = await putEncrypted(stack, { key: 'verify/prefix/plain.mp4', mode: 'AES_GCM' });
  const cut = await putEncrypted(stack, { key: 'verify/prefix/cut.mp4', mode: 'AES_GCM' });
  await tamper(cut, { body: cut.ciphertext.subarray(0, cut.ciphertext.length - 1) });
  const cli = await runCli(
    ['verify', '--objects', `s3://${stack.info.bucket}/verify/prefix/`],
    stack.env(),
  );
  expect(cli.code).toBe(1);
  const results = outputsOf(cli)['object-results'] as Result[];
  expect(results.map((r) => [r.s3Uri, r.status])).toEqual([
    [cut.s3Uri, 'mismatch'],
    [plain.s3Uri, 'unchecked'],
  ]);
  expect(results[0]!.message).toMatch(/authentication tag does not verify/);
  expect(results[1]!.message).toMatch(/GCM tag verified, but no plaintext SHA-256 was recorded/);
});

test('bad arguments exit 2 before any AWS request; a bad command input names it', async () => {
  const none = await runCli(['verify'], stack.env());
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('give --manifest FILE or --objects');
  const both = await runCli(
    ['verify', '--manifest', 'm.json', '--objects', 's3://media/x/'],
    stack.env(),
  );
  expect(both.code).toBe(2);
  expect(both.stderr).toContain('Input `objects`: and `manifest` were both given');
  const unknown = await runCli(['verify', '--manifest', 'm.json', '--mode', 'gcm'], stack.env());
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('--mode');
  const asFlag = await runCli(['--command', 'verify', '--manifest', 'm.json'], stack.env());
  expect(asFlag.code).toBe(2);
  expect(asFlag.stderr).toContain(
    '--command: on the command line, run `mediaconvert-encrypt verify`',
  );
  const missing = await runCli(['verify', '--manifest', path.join(tmp, 'nope.json')], stack.env());
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/Input `manifest`: '.*nope\.json' cannot be read/);
  const action = await runPackagedAction({
    inputs: { command: 'verfiy' },
    env: stack.env(),
    workspace: tmp,
  });
  expect(action.code).toBe(1);
  expect(action.stdout).toContain(
    "::error::Input `command`: 'verfiy' is not accepted; use encrypt or verify or rewrap",
  );
});
