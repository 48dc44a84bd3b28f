import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKms, type KmsEmulator } from '../../local-aws/kms/server.js';
import {
  AWS_CLI,
  cliJson as json,
  HAS_AWS_CLI,
  startAwsCli,
  type AwsCli,
  type CliResult,
} from '../support/aws-cli.js';

const REGION = 'us-east-1';
// The CLI's start (about a second of CPU) is paid once for the file, when the session starts.
const TIMEOUT_MS = 60_000;
const CONTEXT_ARG = 'service=mediaconvert.amazonaws.com';

let kms: KmsEmulator;
let dir: string;
let cli: AwsCli;

/** Runs a CLI command against the emulator with nothing from the user's own AWS configuration. */
function aws(...args: string[]): Promise<CliResult> {
  const common = ['--endpoint-url', kms.url, '--region', REGION, '--output', 'json'];
  return cli.run([...args, ...common], { HOME: dir });
}

const describeCli = HAS_AWS_CLI ? describe : describe.skip;
if (!HAS_AWS_CLI) console.warn(`Skipping the KMS CLI tests: ${AWS_CLI} is not installed.`);
const title = HAS_AWS_CLI
  ? 'KMS emulator with the AWS CLI'
  : `KMS emulator with the AWS CLI (SKIPPED: ${AWS_CLI} is not installed; apt-get install awscli)`;

describeCli(title, () => {
  beforeAll(async () => {
    kms = await startKms({ region: REGION });
    dir = await mkdtemp(join(tmpdir(), 'kms-cli-'));
    cli = startAwsCli();
  });

  afterAll(async () => {
    await cli?.close();
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
    're-encrypts a data key to another key (kms re-encrypt), refusing a wrong source context',
    async () => {
      const from = kms.createKey();
      const to = kms.createKey();
      const generated = json<{ CiphertextBlob: string; Plaintext: string }>(
        await aws(
          ...['kms', 'generate-data-key', '--key-id', from.arn, '--key-spec', 'AES_256'],
          ...['--encryption-context', CONTEXT_ARG],
        ),
      );
      const blobFile = join(dir, 'rewrap-blob.bin');
      await writeFile(blobFile, Buffer.from(generated.CiphertextBlob, 'base64'));
      const reEncrypt = (sourceContext: string) =>
        aws(
          ...['kms', 're-encrypt', '--ciphertext-blob', `fileb://${blobFile}`],
          ...['--source-key-id', from.arn, '--source-encryption-context', sourceContext],
          ...['--destination-key-id', to.arn, '--destination-encryption-context', CONTEXT_ARG],
        );
      const moved = json<{
        CiphertextBlob: string;
        SourceKeyId: string;
        KeyId: string;
        SourceEncryptionAlgorithm: string;
        DestinationEncryptionAlgorithm: string;
      }>(await reEncrypt(CONTEXT_ARG));
      expect(moved).toEqual({
        CiphertextBlob: expect.any(String) as string,
        SourceKeyId: from.arn,
        KeyId: to.arn,
        SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
        DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      });

      const movedFile = join(dir, 'rewrap-moved.bin');
      await writeFile(movedFile, Buffer.from(moved.CiphertextBlob, 'base64'));
      const decrypted = json<{ Plaintext: string; KeyId: string }>(
        await aws(
          ...['kms', 'decrypt', '--ciphertext-blob', `fileb://${movedFile}`],
          ...['--encryption-context', CONTEXT_ARG],
        ),
      );
      expect(decrypted).toMatchObject({ KeyId: to.arn, Plaintext: generated.Plaintext });

      const wrong = await reEncrypt('service=s3.amazonaws.com');
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
