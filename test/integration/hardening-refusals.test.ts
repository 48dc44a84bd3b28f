/**
 * Hostile and mistaken inputs of docs/hardening.md, through the packaged action and the CLI
 * bundle. Each is refused before any AWS request: the action fails the step with one error
 * naming the input, the CLI exits 2 with the same message, and a fault proxy in front of the
 * local stack records that neither sent a single request.
 */
import { copyFile, mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPackagedAction } from '../../harness/action-runner.js';
import { actionInputs } from '../support/action-inputs.js';
import { runCli } from '../support/cli-runner.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { useStack } from '../support/use-stack.js';

const stack = useStack();
let workspace: string;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'hardening-ws-'));
  const at = (p: string) => path.join(workspace, p);
  await mkdir(at('masters'));
  await mkdir(at('settings'));
  await copyFile('samples/clip.mp4', at('masters/a.mp4'));
  await copyFile('samples/clip.mp4', at('masters/b.mp4'));
  await mkdir(at('hls'));
  await writeFile(at('hls/index.M3U8'), '#EXTM3U\n#EXT-X-ENDLIST\n');
  await mkdir(at('latin'));
  // 'café.mp4' written in Latin-1: the byte 0xE9 alone is not UTF-8.
  await writeFile(Buffer.from(at('latin/café.mp4'), 'latin1'), 'not UTF-8');
  const template = stack.info.jobTemplate;
  // 200 MB, sparse: the action must refuse it from its size, not read it.
  await writeFile(at('settings/huge.json'), '');
  await truncate(at('settings/huge.json'), 200_000_000);
  await writeFile(
    at('settings/secret-values.json'),
    JSON.stringify({
      JobTemplate: template,
      Priority: 'PriorityAsSecretText',
      Settings: {
        OutputGroups: [
          {
            OutputGroupSettings: {
              Type: 'HLS_GROUP_SETTINGS',
              HlsGroupSettings: {
                Destination: 's3://out/hls/',
                SegmentLength: 10,
                MinSegmentLength: 0,
                Encryption: {
                  EncryptionMethod: 'AES128',
                  Type: 'STATIC_KEY',
                  StaticKeyProvider: { StaticKeyValue: 'StaticKeySecret-1234', Url: 'https://k/' },
                },
              },
            },
            Outputs: [{ ContainerSettings: { Container: 'M3U8' }, NameModifier: '-a' }],
          },
        ],
      },
    }),
  );
  await writeFile(at('settings/inf.json'), `{"JobTemplate": "${template}", "Priority": 1e400}`);
  await writeFile(
    at('settings/digits.json'),
    `{"JobTemplate": "${template}",\n "Priority": 12345678901234567890}`,
  );
});

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

interface Case {
  input: string;
  why: string;
  inputs: Record<string, string>;
  /** Text the error must hold. */
  says: string | RegExp;
  /** Text no output may hold (a value that may be a secret). */
  secret?: string;
}

const cases: Case[] = [
  {
    input: 'destination',
    why: 'a .. segment (item 5)',
    inputs: { destination: 's3://BUCKET/dd/a/../b/' },
    says: "has a '.' or '..' path segment",
  },
  {
    input: 'user-metadata',
    why: 'a __proto__ key in JSON (item 7)',
    inputs: { 'user-metadata': '{"team": "media", "__proto__": "x"}' },
    says: 'has the key "__proto__" at line 1, column 19',
  },
  {
    input: 'tags',
    why: 'a __proto__ key in key=value lines (item 7)',
    inputs: { tags: 'team=media\n__proto__=polluted' },
    says: 'line 2 has the key __proto__',
  },
  {
    input: 'tags',
    why: '51 tags (item 11)',
    inputs: { tags: Array.from({ length: 51 }, (_, i) => `k${i}=v`).join('\n') },
    says: 'has 51 tags; MediaConvert takes at most 50 per job',
  },
  {
    input: 'tags',
    why: 'a key with the aws: prefix (item 11)',
    inputs: { tags: '{"aws:createdBy": "me"}' },
    says: "key 'aws:createdBy' starts with 'aws:', which AWS reserves",
  },
  {
    input: 'tags',
    why: 'a 257-character value, not quoted (item 11)',
    inputs: { tags: `note=${'SecretTagValue'.repeat(19)}` },
    says: "the value of 'note' is 266 characters; a tag value is at most 256",
    secret: 'SecretTagValue',
  },
  {
    input: 'files',
    why: 'only negations (item 9)',
    inputs: { files: '!masters/a.mp4' },
    says: "lists only negations ('!masters/a.mp4')",
  },
  {
    input: 'files',
    why: 'every match excluded by a negation (item 9)',
    inputs: { files: 'masters/a.mp4\n!masters/*.mp4' },
    says: "'masters/a.mp4' matches 1 file(s), all excluded by '!masters/*.mp4'",
  },
  {
    input: 'files',
    why: 'a 100 KB pattern (item 10)',
    inputs: { files: `masters/${'x'.repeat(100_000)}.mp4` },
    says: 'is 100012 characters, over 4096',
  },
  {
    input: 'files',
    why: 'a file name that is not UTF-8 (item 10)',
    inputs: { files: '**/*.mp4' },
    says: "'**/*.mp4' reaches 'latin/caf\\xE9.mp4', whose name is not valid UTF-8",
  },
  {
    input: 'job-settings',
    why: '1e400 is named as too large, not "got null" (item 10)',
    inputs: { 'job-template': '', 'job-settings': 'settings/inf.json' },
    says: /has a number at line 1, column \d+ that no double holds \(1e400 is past the largest/,
  },
  {
    input: 'job-settings',
    why: 'an integer past 2^53 keeps its digits in the message (item 10)',
    inputs: { 'job-template': '', 'job-settings': 'settings/digits.json' },
    says: '(12345678901234567890 would become 12345678901234567000;',
  },
  {
    input: 'job-settings',
    why: 'a StaticKeyValue failing its pattern and a string Priority: not quoted (item 6)',
    inputs: { 'job-template': '', 'job-settings': 'settings/secret-values.json' },
    says: /\$\.Priority: should be an integer, not a string; .*StaticKeyProvider\.StaticKeyValue: should match the pattern/,
    secret: 'Secret',
  },
  {
    input: 'job-settings',
    why: 'a 200 MB file, refused from its size (item 8)',
    inputs: { 'job-template': '', 'job-settings': 'settings/huge.json' },
    says: "'settings/huge.json' is 200000000 bytes, over the limit of 1048576 bytes (1 MiB)",
  },
  {
    input: 'files',
    why: 'an HLS playlist while jobs are created (item 12)',
    inputs: { files: 'masters/a.mp4\nhls/*' },
    says: "'hls/index.M3U8' is an HLS playlist (.m3u8): MediaConvert does not decrypt HLS inputs",
  },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('refused before any AWS request, by the action and the CLI alike', () => {
  test.concurrent.each(cases)('$input: $why', async (c) => {
    const proxy = await startFaultProxy({ upstreams: stack.info.endpoints });
    try {
      const inputs = actionInputs(stack, 'hardening', { files: 'masters/a.mp4', ...c.inputs });
      if (inputs.destination) {
        inputs.destination = inputs.destination.replace('BUCKET', stack.info.bucket);
      }
      const env = proxy.env(stack.env());
      const [action, command] = await Promise.all([
        runPackagedAction({ workspace, env, inputs }),
        runCli(
          Object.entries(inputs).flatMap(([name, value]) => [`--${name}`, value]),
          { cwd: workspace, env: { RUNNER_TEMP: os.tmpdir(), ...env } },
        ),
      ]);
      const errors = action.stdout.split('\n').filter((l) => l.startsWith('::error::'));
      expect(action.code).toBe(1);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`^::error::Input \`${c.input}\`: `));
      const says = typeof c.says === 'string' ? new RegExp(escapeRegExp(c.says)) : c.says;
      expect(errors[0]).toMatch(says);
      expect(command.code).toBe(2);
      expect(command.stderr).toContain(`error: --${c.input}`);
      expect(command.stderr).toMatch(says);
      for (const text of [action.stdout, action.stderr, command.stdout, command.stderr]) {
        expect(text).not.toContain(c.secret ?? '\u0000');
      }
      expect(proxy.records.map((r) => `${r.service} ${r.operation}`)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});

test('an HLS playlist with create-job: false is encrypted and uploaded: no job would read it', async () => {
  const run = await runPackagedAction({
    workspace,
    env: stack.env(),
    inputs: actionInputs(stack, 'hardening-hls', { files: 'hls/*', 'create-job': 'false' }),
  });
  expect(run.code).toBe(0);
  expect(JSON.parse(run.outputs['s3-uris']!)).toEqual([
    `s3://${stack.info.bucket}/hardening-hls/hls/index.M3U8`,
  ]);
});
