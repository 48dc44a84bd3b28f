import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STACK_CREDENTIALS } from '../../local-aws/identity.js';
import { startKms, type KmsEmulator } from '../../local-aws/kms/server.js';

// The Debian AWS CLI v2; another `aws` (v1) may come first on PATH, so never rely on PATH.
const AWS = '/usr/bin/aws';
const REGION = 'us-east-1';
// Each CLI start costs about a second (Python); give the multi-call tests room.
const TIMEOUT_MS = 60_000;
const CONTEXT_ARG = 'service=mediaconvert.amazonaws.com';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

let kms: KmsEmulator;
let dir: string;

/** Runs the CLI against the emulator with nothing from the user's own AWS configuration. */
function aws(...args: string[]): Promise<CliResult> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    AWS_ACCESS_KEY_ID: STACK_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: STACK_CREDENTIALS.secretAccessKey,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  };
  const common = ['--endpoint-url', kms.url, '--region', REGION, '--output', 'json'];
  return new Promise((resolve) => {
    execFile(AWS, [...args, ...common], { env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function json<T>(result: CliResult): T {
  if (result.code !== 0) throw new Error(`aws failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

const describeCli = existsSync(AWS) ? describe : describe.skip;
if (!existsSync(AWS)) console.warn(`Skipping the KMS CLI tests: ${AWS} is not installed.`);
const title = existsSync(AWS)
  ? 'KMS emulator with the AWS CLI'
  : `KMS emulator with the AWS CLI (SKIPPED: ${AWS} is not installed; apt-get install awscli)`;

describeCli(title, () => {
  beforeAll(async () => {
    kms = await startKms({ region: REGION });
    dir = await mkdtemp(join(tmpdir(), 'kms-cli-'));
  });

  afterAll(async () => {
    await kms.close();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'generates a data key and decrypts its blob with the same context',
    async () => {
      const { arn } = kms.createKey();
      const generated = json<{ CiphertextBlob: string; Plaintext: string; KeyId: string }>(
        await aws(
          'kms',
          'generate-data-key',
          '--key-id',
          arn,
          '--key-spec',
          'AES_256',
          '--encryption-context',
          CONTEXT_ARG,
        ),
      );
      expect(generated.KeyId).toBe(arn);
      expect(Buffer.from(generated.Plaintext, 'base64')).toHaveLength(32);

      const blobFile = join(dir, 'blob.bin');
      await writeFile(blobFile, Buffer.from(generated.CiphertextBlob, 'base64'));
      const decrypted = json<{ Plaintext: string; KeyId: string; EncryptionAlgorithm: string }>(
        await aws(
          'kms',
          'decrypt',
          '--ciphertext-blob',
          `fileb://${blobFile}`,
          '--encryption-context',
          CONTEXT_ARG,
        ),
      );
      expect(decrypted).toEqual({
        KeyId: arn,
        Plaintext: generated.Plaintext,
        EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      });

      const wrong = await aws(
        'kms',
        'decrypt',
        '--ciphertext-blob',
        `fileb://${blobFile}`,
        '--encryption-context',
        'service=s3.amazonaws.com',
      );
      expect(wrong.code).not.toBe(0);
      expect(wrong.stderr).toMatch(/InvalidCiphertextException/);
    },
    TIMEOUT_MS,
  );

  it(
    'creates a key and an alias, then finds the key through the alias',
    async () => {
      const created = json<{ KeyMetadata: { KeyId: string; Arn: string } }>(
        await aws('kms', 'create-key', '--description', 'from the CLI'),
      );
      const aliased = await aws(
        'kms',
        'create-alias',
        '--alias-name',
        'alias/cli',
        '--target-key-id',
        created.KeyMetadata.KeyId,
      );
      expect(aliased.code).toBe(0);
      const described = json<{ KeyMetadata: { Arn: string; KeyState: string } }>(
        await aws('kms', 'describe-key', '--key-id', 'alias/cli'),
      );
      expect(described.KeyMetadata).toMatchObject({
        Arn: created.KeyMetadata.Arn,
        KeyState: 'Enabled',
      });
      const listed = json<{ Aliases: { AliasName: string }[] }>(await aws('kms', 'list-aliases'));
      expect(listed.Aliases.map((alias) => alias.AliasName)).toContain('alias/cli');
    },
    TIMEOUT_MS,
  );

  it(
    'reports an unknown key as NotFoundException',
    async () => {
      const result = await aws(
        'kms',
        'generate-data-key',
        '--key-id',
        'alias/missing',
        '--number-of-bytes',
        '24',
      );
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/NotFoundException/);
    },
    TIMEOUT_MS,
  );
});
