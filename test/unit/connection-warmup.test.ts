import { describe, expect, test } from '@jest/globals';
import { addConnectionWarmup, warmForParts } from '../../src/aws/connection-warmup.js';

describe('connection warm-up of an S3 client', () => {
  type Middleware = (
    next: (args: unknown) => Promise<unknown>,
    context: { commandName?: string },
  ) => (args: unknown) => Promise<unknown>;

  function fakeClient() {
    const warmed: [string, string, number, number][] = [];
    let middleware: Middleware | undefined;
    const s3 = { middlewareStack: { add: (m: Middleware) => (middleware = m) } };
    const agent = (kind: string) => ({
      warm: (host: string, port: number, count: number) => {
        warmed.push([kind, host, port, count]);
        return count;
      },
    });
    addConnectionWarmup(
      s3 as never,
      {
        httpAgent: agent('http'),
        httpsAgent: agent('https'),
      } as never,
    );
    const send = (commandName: string, request: object) =>
      middleware!(async () => ({}), { commandName })({ request });
    return { s3, warmed, send };
  }

  test('CreateMultipartUpload opens what uploads asked for, where the request goes', async () => {
    const { s3, warmed, send } = fakeClient();
    await send('CreateMultipartUploadCommand', { protocol: 'https:', hostname: 'b.s3.aws' });
    expect(warmed).toEqual([]); // nothing asked for
    warmForParts(s3 as never, 10);
    await send('PutObjectCommand', { protocol: 'https:', hostname: 'b.s3.aws' });
    expect(warmed).toEqual([]); // only a Create is followed by a round of parts
    await send('CreateMultipartUploadCommand', { protocol: 'https:', hostname: 'b.s3.aws' });
    warmForParts(s3 as never, 3);
    await send('CreateMultipartUploadCommand', {
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 9000,
    });
    await send('CreateMultipartUploadCommand', { protocol: 'https:', hostname: 'b.s3.aws' });
    expect(warmed).toEqual([
      // One more than asked for: the Create takes one, its first part takes it over after.
      ['https', 'b.s3.aws', 443, 11],
      ['http', '127.0.0.1', 9000, 4],
    ]);
  });

  test('a client without warm-up (a mock) is left alone', () => {
    expect(() => warmForParts({} as never, 5)).not.toThrow();
  });
});
