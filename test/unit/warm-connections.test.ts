/** Where an upload's connections are opened ahead (src/aws/warm-connections.ts), without a socket. */
import { describe, expect, test } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { S3Client } from '@aws-sdk/client-s3';
import { makeS3Client } from '../../src/aws/clients.js';
import { requestTarget, warmConnections } from '../../src/aws/warm-connections.js';
import { BoundedHandler } from '../../src/aws/timeouts.js';
import { parseNetwork } from '../../src/inputs/network.js';

const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' };

/** makeS3Client reads endpoints and credentials from the process environment, as the SDK does. */
async function withEnv<T>(env: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await body();
  } finally {
    process.env = saved;
  }
}

function client(region: string, env: Record<string, string>): S3Client {
  return makeS3Client({ region, network: parseNetwork('', env) }, env);
}

describe('requestTarget', () => {
  test('a custom endpoint: its scheme, host and port (path-style)', async () => {
    const env = { ...CREDENTIALS, AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000' };
    const target = await withEnv(env, () =>
      requestTarget(client('us-east-1', env), 'bucket', 'a/b.mp4'),
    );
    expect(target).toEqual({ protocol: 'http:', hostname: '127.0.0.1', port: 9000 });
  });

  test('AWS: the bucket virtual-hosted in its region, https on the default port', async () => {
    const target = await withEnv(CREDENTIALS, () =>
      requestTarget(client('eu-west-3', CREDENTIALS), 'media-in', 'clip.mp4'),
    );
    expect(target).toMatchObject({
      protocol: 'https:',
      hostname: 'media-in.s3.eu-west-3.amazonaws.com',
    });
    expect(target?.port ?? 443).toBe(443);
  });

  test('sends nothing: neither the handler nor the client send() sees a request', async () => {
    const env = { ...CREDENTIALS, AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000' };
    await withEnv(env, async () => {
      const s3 = client('us-east-1', env);
      const handled: unknown[] = [];
      const handler = s3.config.requestHandler as BoundedHandler;
      handler.handle = async (request) => {
        handled.push(request);
        throw new Error('no request may be sent');
      };
      const mock = mockClient(s3);
      await requestTarget(s3, 'bucket', 'key');
      expect(handled).toEqual([]);
      expect(mock.calls()).toHaveLength(0);
      mock.restore();
    });
  });
});

describe('warmConnections', () => {
  test('asks the handler to warm the target, as many as told', async () => {
    const env = { ...CREDENTIALS, AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000' };
    await withEnv(env, async () => {
      const s3 = client('us-east-1', env);
      const handler = s3.config.requestHandler as BoundedHandler;
      const asked = new Promise<[unknown, number]>((resolve) => {
        handler.warm = (target, count) => {
          resolve([target, count]);
          return 0;
        };
      });
      warmConnections(s3, 'bucket', 'key', 4);
      expect(await asked).toEqual([{ protocol: 'http:', hostname: '127.0.0.1', port: 9000 }, 4]);
    });
  });
});
