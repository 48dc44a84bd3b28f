/**
 * The debug log of AWS requests: one line per attempt with the service, the operation, the
 * allowlisted identifiers and the outcome; never a key, a body or a member it does not name.
 * The SDK clients are real, up to their HTTP handler, which is a fake that answers here.
 */
import { describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { EncryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateJobCommand, MediaConvertClient } from '@aws-sdk/client-mediaconvert';
import { PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import type { Clients } from '../../src/aws/clients.js';
import { logRequests } from '../../src/aws/request-log.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/MediaConvertRole';
const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** An HTTP handler that answers each request with the next of `answers` (the last repeats). */
function fakeHandler(answers: Answer[]) {
  let next = 0;
  return {
    handle: async () => {
      const answer = answers[Math.min(next++, answers.length - 1)]!;
      return {
        response: {
          statusCode: answer.statusCode,
          headers: answer.headers,
          body: new Uint8Array(Buffer.from(answer.body)),
        },
      };
    },
  };
}

const json = (statusCode: number, body: object, headers: Record<string, string> = {}): Answer => ({
  statusCode,
  headers: { 'content-type': 'application/x-amz-json-1.1', ...headers },
  body: JSON.stringify(body),
});

/** A retry strategy that tries twice with no wait: one line per attempt, no timers. */
const retryOnceAtOnce = {
  acquireInitialRetryToken: async () => ({ getRetryCount: () => 0, getRetryDelay: () => 0 }),
  refreshRetryTokenForRetry: async (token: { getRetryCount(): number }) => {
    if (token.getRetryCount() >= 1) throw new Error('no attempts left');
    return { getRetryCount: () => 1, getRetryDelay: () => 0 };
  },
  recordSuccess: () => undefined,
};

/** Clients whose every request is answered by `answers` (per service), with the log taken. */
function logged(answers: Partial<Record<keyof Clients, Answer[]>>) {
  const common = {
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET_ACCESS_KEY },
    retryStrategy: retryOnceAtOnce,
  };
  const ok = [{ statusCode: 200, headers: {}, body: '' }];
  const clients: Clients = {
    kms: new KMSClient({ ...common, requestHandler: fakeHandler(answers.kms ?? ok) }),
    s3: new S3Client({
      ...common,
      forcePathStyle: true,
      requestHandler: fakeHandler(answers.s3 ?? ok),
    }),
    mediaconvert: new MediaConvertClient({
      ...common,
      requestHandler: fakeHandler(answers.mediaconvert ?? ok),
    }),
  };
  const lines: string[] = [];
  logRequests(clients, (line) => lines.push(line));
  return { clients, lines };
}

/** Every form a secret could take in a log line. */
const forms = (secret: Uint8Array): string[] => [
  Buffer.from(secret).toString('base64'),
  Buffer.from(secret).toString('hex'),
  Buffer.from(secret).toString('latin1'),
];

describe('what a line holds', () => {
  test('service, operation, the identifiers of an S3 part, its status and time', async () => {
    const { clients, lines } = logged({});
    await clients.s3.send(
      new UploadPartCommand({
        Bucket: 'media-in',
        Key: 'enc/masters/a.mov',
        PartNumber: 3,
        UploadId: 'upload-1',
        Body: Buffer.from('ciphertext of part three'),
      }),
    );
    expect(lines).toEqual([
      expect.stringMatching(
        /^aws s3 UploadPart Bucket=media-in Key=enc\/masters\/a\.mov PartNumber=3 UploadId=upload-1 -> 200 \(\d+ ms\)$/,
      ),
    ]);
  });

  test('MediaConvert CreateJob: its request token only, not its role, settings or metadata', async () => {
    const { clients, lines } = logged({
      mediaconvert: [json(201, { job: { id: 'job-1' } }, { 'content-type': 'application/json' })],
    });
    await clients.mediaconvert.send(
      new CreateJobCommand({
        Role: ROLE_ARN,
        ClientRequestToken: 'token-1',
        Settings: { Inputs: [{ FileInput: 's3://media-in/enc/masters/a.mov' }] },
        UserMetadata: { build: '42' },
      }),
    );
    expect(lines).toEqual([
      expect.stringMatching(/^aws mediaconvert CreateJob ClientRequestToken=token-1 -> 201 \(/),
    ]);
  });

  test('a failed attempt: the error name, status and message; then the retry has its own line', async () => {
    const { clients, lines } = logged({
      kms: [
        json(400, { __type: 'ThrottlingException', message: 'Rate exceeded' }),
        json(200, { KeyId: KEY_ARN, CiphertextBlob: 'AQID', Plaintext: 'AAAA' }),
      ],
    });
    await clients.kms.send(new GenerateDataKeyCommand({ KeyId: KEY_ARN, KeySpec: 'AES_256' }));
    expect(lines).toEqual([
      expect.stringMatching(
        /^aws kms GenerateDataKey KeyId=\S+ KeySpec=AES_256 -> ThrottlingException 400: Rate exceeded \(\d+ ms\)$/,
      ),
      expect.stringMatching(/^aws kms GenerateDataKey KeyId=\S+ KeySpec=AES_256 -> 200 \(/),
    ]);
  });
});

describe('what a line never holds', () => {
  test('the plaintext data key GenerateDataKey answers with', async () => {
    const plaintext = randomBytes(32);
    const { clients, lines } = logged({
      kms: [
        json(200, {
          KeyId: KEY_ARN,
          CiphertextBlob: randomBytes(184).toString('base64'),
          Plaintext: plaintext.toString('base64'),
        }),
      ],
    });
    const out = await clients.kms.send(
      new GenerateDataKeyCommand({
        KeyId: KEY_ARN,
        KeySpec: 'AES_256',
        EncryptionContext: { service: 'mediaconvert.amazonaws.com' },
      }),
    );
    // The key did come back through the logged request.
    expect(Buffer.from(out.Plaintext!)).toEqual(plaintext);
    expect(lines).toHaveLength(1);
    for (const form of forms(plaintext)) expect(lines[0]).not.toContain(form);
    expect(lines[0]).not.toContain('CiphertextBlob');
    expect(lines[0]).not.toContain('mediaconvert.amazonaws.com');
  });

  test('the plaintext data key an Encrypt request carries (key-source: local)', async () => {
    const plaintext = randomBytes(32);
    const { clients, lines } = logged({
      kms: [json(200, { KeyId: KEY_ARN, CiphertextBlob: 'AQID' })],
    });
    await clients.kms.send(new EncryptCommand({ KeyId: KEY_ARN, Plaintext: plaintext }));
    expect(lines).toEqual([expect.stringMatching(/^aws kms Encrypt KeyId=\S+ -> 200 \(\d+ ms\)$/)]);
    for (const form of forms(plaintext)) expect(lines[0]).not.toContain(form);
  });

  test("an object's body, its metadata (the encrypted key) and its other members", async () => {
    const body = Buffer.from('the media itself, encrypted');
    const encryptedKey = randomBytes(184).toString('base64');
    const { clients, lines } = logged({});
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: 'media-in',
        Key: 'enc/masters/a.mov',
        Body: body,
        ContentType: 'video/quicktime',
        Metadata: { 'mediaconvert-encrypted-decryption-key': encryptedKey },
        SSEKMSKeyId: KEY_ARN,
      }),
    );
    expect(lines).toEqual([
      expect.stringMatching(
        /^aws s3 PutObject Bucket=media-in Key=enc\/masters\/a\.mov -> 200 \(\d+ ms\)$/,
      ),
    ]);
  });

  test('the credentials that signed the request', async () => {
    const { clients, lines } = logged({});
    await clients.s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' }));
    expect(lines.join('\n')).not.toContain(SECRET_ACCESS_KEY);
    expect(lines.join('\n')).not.toContain('AKIDEXAMPLE');
  });
});
