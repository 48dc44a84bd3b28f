/**
 * AES_CTR over https, where parts are made again as they are sent (src/upload/ctr-parts.ts):
 * one file through encryptAndUpload with an S3 client built as the action builds it (its
 * request handler opens each part's body per attempt) against the stack's https endpoint.
 * Every part goes out as a body made again, the object decrypts with OpenSSL, and whichever
 * way the upload ends the data key is zeroed and no part can be made again afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { GenerateDataKeyCommandOutput, KMSClient } from '@aws-sdk/client-kms';
import { S3Client, type UploadPartCommandInput } from '@aws-sdk/client-s3';
import { clientOptions } from '../../src/aws/client-options.js';
import { signChecksumNotPayload } from '../../src/aws/clients.js';
import { ReopenableBody } from '../../src/aws/reopenable-body.js';
import { parseConfig, type Config } from '../../src/inputs/config.js';
import { parseNetwork } from '../../src/inputs/network.js';
import type { MediaFile } from '../../src/files/listing.js';
import { encryptAndUpload } from '../../src/upload/encrypt-file.js';
import { MemoryBudget } from '../../src/upload/memory-budget.js';
import { STACK_CREDENTIALS } from '../../local-aws/identity.js';
import { actionInputs } from '../support/action-inputs.js';
import { kmsClient, stackClients } from '../support/clients.js';
import { opensslDecrypt } from '../support/oracle.js';
import { getObject, uploadsLeft } from '../support/stack-helpers.js';
import { FAST_JOBS, useStack } from '../support/use-stack.js';
import { MIB } from '../../src/shared/units.js';

const stack = useStack({ ...FAST_JOBS, tls: true });
let workspace: string;
const plaintext = randomBytes(23 * MIB + 11);

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'made-again-ws-'));
  await writeFile(path.join(workspace, 'big.bin'), plaintext);
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

/** An S3 client made as src/aws/clients.ts makes it, trusting the stack's CA. */
async function ourS3(): Promise<S3Client> {
  const ca = await readFile(stack.info.caBundle!, 'utf8');
  const s3 = new S3Client({
    ...clientOptions(parseNetwork('', {}), {
      httpAgent: new http.Agent({ keepAlive: true }),
      httpsAgent: new https.Agent({ ca, keepAlive: true }),
    }),
    region: stack.info.region,
    credentials: STACK_CREDENTIALS,
    endpoint: stack.info.httpsEndpoints!.s3,
    forcePathStyle: true,
    expectContinueHeader: false,
  });
  s3.middlewareStack.addRelativeTo(signChecksumNotPayload, {
    relation: 'before',
    toMiddleware: 'httpSigningMiddleware',
    name: 'signChecksumNotPayload',
  });
  return s3;
}

/** Keeps the very key buffer KMS handed out, and a copy of its bytes. */
function capturedKeys(kms: KMSClient): { live: Uint8Array; copy: Buffer }[] {
  const keys: { live: Uint8Array; copy: Buffer }[] = [];
  kms.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const live = (result.output as GenerateDataKeyCommandOutput).Plaintext;
      if (live) keys.push({ live, copy: Buffer.from(live) });
      return result;
    },
    { step: 'initialize', name: 'captureDataKeys' },
  );
  return keys;
}

/** Every UploadPart body the client was given; `failPart` is refused before it is sent. */
function partBodies(s3: S3Client, failPart?: number): unknown[] {
  const bodies: unknown[] = [];
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'UploadPartCommand') {
        const input = args.input as UploadPartCommandInput;
        bodies.push(input.Body);
        if (input.PartNumber === failPart) throw new Error(`part ${failPart} refused here`);
      }
      return next(args);
    },
    { step: 'initialize', name: 'recordPartBodies' },
  );
  return bodies;
}

function setup(prefix: string): { config: Config; file: MediaFile } {
  const config = parseConfig(
    actionInputs(stack, prefix, { files: 'big.bin', 'create-job': 'false' }),
    {
      AWS_REGION: stack.info.region,
      RUNNER_TEMP: workspace,
    },
  );
  const file: MediaFile = {
    absolutePath: path.join(workspace, 'big.bin'),
    relativePath: 'big.bin',
    bytes: plaintext.length,
    bucket: config.destination.bucket,
    key: `${config.destination.prefix}big.bin`,
  };
  return { config, file };
}

test('every part is made again; the object decrypts; then the key is zero and no part opens', async () => {
  const s3 = await ourS3();
  const kms = kmsClient(stack.info.endpoints.kms);
  const keys = capturedKeys(kms);
  const bodies = partBodies(s3);
  const { config, file } = setup('made-again');
  try {
    const budget = new MemoryBudget(config.memoryBudgetBytes, config.partsInFlight);
    const result = await encryptAndUpload(file, config, { s3, kms, budget });
    expect(bodies).toHaveLength(5);
    expect(bodies.every((body) => body instanceof ReopenableBody)).toBe(true);
    expect(keys).toHaveLength(1);
    const [key] = keys;
    expect(key!.live.every((b) => b === 0)).toBe(true);
    const object = await getObject(stackClients(stack).s3, result.s3Uri);
    const iv = Buffer.from(result.decryption.InitializationVector!, 'base64');
    expect((await opensslDecrypt('AES_CTR', key!.copy, iv, object.body)).equals(plaintext)).toBe(
      true,
    );
    expect(() => (bodies[0] as ReopenableBody).open()).toThrow('the upload of this file has ended');
    expect(budget.usedBytes).toBe(0);
  } finally {
    s3.destroy();
    kms.destroy();
  }
});

test('a part that fails: the upload is aborted, the key is zero, no part opens again', async () => {
  const s3 = await ourS3();
  const kms = kmsClient(stack.info.endpoints.kms);
  const keys = capturedKeys(kms);
  const bodies = partBodies(s3, 3);
  const { config, file } = setup('made-again-fails');
  try {
    const budget = new MemoryBudget(config.memoryBudgetBytes, config.partsInFlight);
    await expect(encryptAndUpload(file, config, { s3, kms, budget })).rejects.toThrow(
      'part 3 refused here',
    );
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    expect(keys[0]!.live.every((b) => b === 0)).toBe(true);
    expect(() => (bodies[0] as ReopenableBody).open()).toThrow('the upload of this file has ended');
    expect((await uploadsLeft(stack)).filter((key) => key.startsWith('made-again-fails/'))).toEqual(
      [],
    );
    expect(budget.usedBytes).toBe(0);
  } finally {
    s3.destroy();
    kms.destroy();
  }
});
