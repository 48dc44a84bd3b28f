/** request-timeout's arithmetic and messages (the limits on real sockets: test/local-aws). */
import { describe, expect, test } from '@jest/globals';
import {
  attemptLimitMs,
  bodyLength,
  describeTimeout,
  MIN_BYTES_PER_SECOND,
} from '../../src/aws/timeouts.js';

describe('the total limit of an attempt', () => {
  test('is twice the idle limit, and one second more per MIN_BYTES_PER_SECOND sent', () => {
    expect(attemptLimitMs(30_000, 0)).toBe(60_000);
    expect(attemptLimitMs(30_000, MIN_BYTES_PER_SECOND)).toBe(61_000);
    // A 5 MiB part: 320 s more.
    expect(attemptLimitMs(30_000, 5 * 1024 * 1024)).toBe(380_000);
  });

  test('counts the content-length, else the body', () => {
    expect(bodyLength({ headers: { 'Content-Length': '123' } })).toBe(123);
    expect(bodyLength({ headers: {}, body: 'héllo' })).toBe(6);
    expect(bodyLength({ headers: {}, body: new Uint8Array(7) })).toBe(7);
    expect(bodyLength({ headers: {} })).toBe(0);
  });
});

describe('the message of a request whose every attempt timed out', () => {
  test('names the operation, what ran out, the limit and the attempts', () => {
    const idle = Object.assign(
      new Error(
        '@smithy/node-http-handler - the request socket timed out after 30000 ms of inactivity (configured by client requestHandler).',
      ),
      { $metadata: { attempts: 6 } },
    );
    const connect = Object.assign(
      new Error(
        '@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 30000 ms.',
      ),
      { $metadata: { attempts: 1 } },
    );
    const total = new Error('the attempt did not end within 32 s');
    expect(describeTimeout('UploadPart', idle, 30_000)).toBe(
      'UploadPart timed out: the connection moved no byte for 30 s (request-timeout 30 s, 6 attempts)',
    );
    expect(describeTimeout('CreateJob', connect, 30_000)).toBe(
      'CreateJob timed out: no connection within 30 s (request-timeout 30 s, 1 attempt)',
    );
    expect(describeTimeout('GenerateDataKey', total, 30_000)).toBe(
      'GenerateDataKey timed out: the attempt did not end within 32 s (request-timeout 30 s)',
    );
    expect(describeTimeout('GetJob', idle, 1500)).toContain('(request-timeout 1.5 s, 6 attempts)');
  });
});
