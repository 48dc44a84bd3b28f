import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { makeClients, signChecksumNotPayload } from '../../src/aws/clients.js';
import { parseConfig } from '../../src/inputs/config.js';

const KMS_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('signChecksumNotPayload', () => {
  async function headersAfter(protocol: string, headers: Record<string, string>) {
    const seen: Record<string, string>[] = [];
    const handler = signChecksumNotPayload(async (args: { request: unknown; input: unknown }) => {
      seen.push({ ...(args.request as { headers: Record<string, string> }).headers });
      return {};
    });
    await handler({ request: { protocol, headers: { ...headers } }, input: {} });
    return seen[0]!;
  }

  test('https with a checksum header: UNSIGNED-PAYLOAD', async () => {
    const out = await headersAfter('https:', { 'x-amz-checksum-crc32': 'AAAAAA==' });
    expect(out['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
  });

  test('plain http keeps the payload hash even with a checksum', async () => {
    const out = await headersAfter('http:', { 'x-amz-checksum-crc32': 'AAAAAA==' });
    expect(out['x-amz-content-sha256']).toBeUndefined();
  });

  test('https without a checksum keeps the payload hash', async () => {
    const out = await headersAfter('https:', {});
    expect(out['x-amz-content-sha256']).toBeUndefined();
  });
});

/** What the SDK hands its HTTP handler: the signed request. */
interface SentRequest {
  protocol: string;
  headers: Record<string, string>;
}

describe('makeClients over plain http', () => {
  test('a PutObject with a CRC32 signs the SHA-256 of its body and names this tool', async () => {
    const env = {
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
    };
    const config = parseConfig(
      {
        files: 'a.mp4',
        'kms-key-arn': KMS_ARN,
        destination: 's3://bucket/',
        'create-job': 'false',
        region: 'us-east-1',
        manifest: '/tmp/m.json',
      },
      env,
    );
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const { s3 } = makeClients(config, env);
      // The request as it would leave for the wire, signed, taken where the HTTP handler
      // would send it: no socket is opened.
      const sent: SentRequest[] = [];
      s3.config.requestHandler = {
        handle: async (request: SentRequest) => {
          sent.push(request);
          return { response: { statusCode: 200, headers: { etag: '"e"' } } };
        },
      } as unknown as typeof s3.config.requestHandler;
      const body = Buffer.from('ciphertext bytes');
      await s3.send(
        new PutObjectCommand({
          Bucket: 'bucket',
          Key: 'a.mp4',
          Body: body,
          ChecksumCRC32: 'AAAAAA==',
        }),
      );
      s3.destroy();
      const request = sent.at(-1)!;
      expect(request.protocol).toBe('http:');
      expect(request.headers['x-amz-content-sha256']).toBe(
        createHash('sha256').update(body).digest('hex'),
      );
      expect(request.headers['user-agent']).toMatch(/mediaconvert-encrypt\/\d+\.\d+\.\d+/);
    } finally {
      process.env = saved;
    }
  });
});
