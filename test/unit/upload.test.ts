import { describe, expect, test } from '@jest/globals';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
  type UploadPartCommandInput,
} from '@aws-sdk/client-s3';
import zlib from 'node:zlib';
import 'aws-sdk-client-mock-jest';
import { uploadStream } from '../../src/upload/multipart.js';
import { MIB } from '../../src/shared/units.js';
import {
  s3Mock,
  events,
  partBodies,
  putBodies,
  pattern,
  body,
  request,
  settle,
  partInputs,
} from '../support/upload-harness.js';

describe('single part', () => {
  test('a body smaller than a part is one PutObject with type, metadata and SSE', async () => {
    const b = body({ total: 3000, chunk: 1000 });
    const result = await uploadStream(
      request(b.stream, { sse: { type: 'aws:kms', kmsKeyId: 'alias/s3-key' } }),
    );
    expect(result).toEqual({ etag: '"single"' });
    const calls = s3Mock.commandCalls(PutObjectCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]?.args[0].input;
    expect(input).toMatchObject({
      Bucket: 'media-bucket',
      Key: 'in/media/a.mp4',
      ContentType: 'video/mp4',
      Metadata: { 'mediaconvert-decryption-mode': 'AES_CTR' },
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'alias/s3-key',
    });
    expect(putBodies).toEqual([Buffer.from(pattern(0, 3000))]);
    expect(s3Mock).not.toHaveReceivedCommand(CreateMultipartUploadCommand);
  });

  test('AES256 sends no KMS key id; no sse sends neither field', async () => {
    await uploadStream(request(body({ total: 10, chunk: 10 }).stream, { sse: { type: 'AES256' } }));
    await uploadStream(request(body({ total: 10, chunk: 10 }).stream));
    const [withSse, without] = s3Mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(withSse?.ServerSideEncryption).toBe('AES256');
    expect(withSse).not.toHaveProperty('SSEKMSKeyId');
    expect(without).not.toHaveProperty('ServerSideEncryption');
    expect(without).not.toHaveProperty('SSEKMSKeyId');
  });

  test('aws:kms without a key id sends only the SSE type', async () => {
    await uploadStream(
      request(body({ total: 10, chunk: 10 }).stream, { sse: { type: 'aws:kms' } }),
    );
    const input = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(input?.ServerSideEncryption).toBe('aws:kms');
    expect(input).not.toHaveProperty('SSEKMSKeyId');
  });
});

describe('multipart', () => {
  test('12 MiB in 5 MiB parts: create, three parts in order, complete', async () => {
    const progress: number[] = [];
    const result = await uploadStream(
      request(body({ total: 12 * MIB, chunk: MIB }).stream, {
        sse: { type: 'AES256' },
        onProgress: (n) => progress.push(n),
      }),
    );
    expect(result).toEqual({ etag: '"whole-3"' });
    expect(s3Mock).toHaveReceivedCommandTimes(CreateMultipartUploadCommand, 1);
    expect(s3Mock).toHaveReceivedCommandWith(CreateMultipartUploadCommand, {
      Bucket: 'media-bucket',
      Key: 'in/media/a.mp4',
      ContentType: 'video/mp4',
      Metadata: { 'mediaconvert-decryption-mode': 'AES_CTR' },
      ServerSideEncryption: 'AES256',
    });

    const parts = partInputs().sort((x, y) => (x.PartNumber ?? 0) - (y.PartNumber ?? 0));
    expect(parts.map((p) => p.PartNumber)).toEqual([1, 2, 3]);
    for (const p of parts) expect(p.UploadId).toBe('upload-1');
    const bodies = [1, 2, 3].map((n) => partBodies.get(n) ?? Buffer.alloc(0));
    expect(bodies.map((b) => b.length)).toEqual([5 * MIB, 5 * MIB, 2 * MIB]);
    const joined = Buffer.concat(bodies);
    expect(joined.equals(Buffer.from(pattern(0, 12 * MIB)))).toBe(true);

    expect(s3Mock).toHaveReceivedCommandWith(CompleteMultipartUploadCommand, {
      UploadId: 'upload-1',
      MultipartUpload: {
        Parts: [1, 2, 3].map((n) => ({
          PartNumber: n,
          ETag: `"part-${n}"`,
          ChecksumCRC32: expect.any(String),
        })),
      },
    });
    expect(s3Mock).not.toHaveReceivedCommand(PutObjectCommand);
    expect(s3Mock).not.toHaveReceivedCommand(AbortMultipartUploadCommand);
    expect(Math.max(...progress)).toBe(12 * MIB);
  });

  test('Complete carries the CRC32 computed of each part, not what S3 echoed', async () => {
    s3Mock.on(UploadPartCommand).callsFake(async (input: UploadPartCommandInput) => {
      partBodies.set(input.PartNumber ?? 0, Buffer.from(input.Body as Uint8Array));
      return { ETag: `"part-${input.PartNumber}"`, ChecksumCRC32: 'AAAAAA==' };
    });
    await uploadStream(request(body({ total: 7 * MIB, chunk: MIB }).stream));
    const crcOf = (bytes: Buffer): string => {
      const out = Buffer.alloc(4);
      out.writeUInt32BE(zlib.crc32(bytes) >>> 0);
      return out.toString('base64');
    };
    const expected = [1, 2].map((n) => crcOf(partBodies.get(n)!));
    expect(partInputs().map((p) => p.ChecksumCRC32)).toEqual(expected);
    const complete = s3Mock.commandCalls(CompleteMultipartUploadCommand)[0]!.args[0].input;
    expect(complete.MultipartUpload?.Parts?.map((p) => p.ChecksumCRC32)).toEqual(expected);
  });

  test('exactly one part of bytes is a single PutObject', async () => {
    await uploadStream(request(body({ total: 5 * MIB, chunk: MIB }).stream));
    expect(s3Mock).toHaveReceivedCommandTimes(PutObjectCommand, 1);
    expect(s3Mock).not.toHaveReceivedCommand(CreateMultipartUploadCommand);
    expect(putBodies[0]?.equals(Buffer.from(pattern(0, 5 * MIB)))).toBe(true);
  });

  test('exactly two parts of bytes make two parts, without an empty third', async () => {
    await uploadStream(request(body({ total: 10 * MIB, chunk: 3 * MIB }).stream));
    expect(
      partInputs()
        .map((p) => p.PartNumber)
        .sort(),
    ).toEqual([1, 2]);
    expect(
      Buffer.concat([1, 2].map((n) => partBodies.get(n) ?? Buffer.alloc(0))).equals(
        Buffer.from(pattern(0, 10 * MIB)),
      ),
    ).toBe(true);
    expect(s3Mock).toHaveReceivedCommandTimes(CompleteMultipartUploadCommand, 1);
  });

  test('one chunk larger than several parts is split across them', async () => {
    await uploadStream(request(body({ total: 16 * MIB, chunk: 16 * MIB }).stream));
    expect([1, 2, 3, 4].map((n) => partBodies.get(n)?.length)).toEqual([
      5 * MIB,
      5 * MIB,
      5 * MIB,
      MIB,
    ]);
    expect(
      Buffer.concat([1, 2, 3, 4].map((n) => partBodies.get(n) ?? Buffer.alloc(0))).equals(
        Buffer.from(pattern(0, 16 * MIB)),
      ),
    ).toBe(true);
  });

  test('a failed CreateMultipartUpload fails the upload: no part goes out, nothing to abort', async () => {
    s3Mock.on(CreateMultipartUploadCommand).callsFake(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
    });
    const b = body({ total: 30 * MIB, chunk: MIB });
    const error = await settle(uploadStream(request(b.stream)));
    expect((error as Error).message).toBe('Access Denied');
    expect(s3Mock).not.toHaveReceivedCommand(UploadPartCommand);
    expect(s3Mock).not.toHaveReceivedCommand(AbortMultipartUploadCommand);
    expect(b.closed).toBe(true);
    expect(b.yielded).toBeLessThan(30 * MIB);
  });

  test('an UploadPart failure aborts the multipart upload before the promise rejects', async () => {
    s3Mock
      .on(UploadPartCommand, { PartNumber: 2 })
      .rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));
    const error = await settle(uploadStream(request(body({ total: 12 * MIB, chunk: MIB }).stream)));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('Access Denied');
    expect(s3Mock).toHaveReceivedCommandWith(AbortMultipartUploadCommand, {
      Bucket: 'media-bucket',
      Key: 'in/media/a.mp4',
      UploadId: 'upload-1',
    });
    expect(s3Mock).not.toHaveReceivedCommand(CompleteMultipartUploadCommand);
    expect(events).toEqual(['abort sent', 'abort answered', 'rejected']);
  });

  test('a body that throws mid-way aborts the upload before the promise rejects', async () => {
    const b = body({ total: 20 * MIB, chunk: MIB, failAfter: 11 * MIB });
    const error = await settle(uploadStream(request(b.stream)));
    expect((error as Error).message).toBe('disk read failed');
    expect(s3Mock).toHaveReceivedCommandWith(AbortMultipartUploadCommand, { UploadId: 'upload-1' });
    expect(s3Mock).not.toHaveReceivedCommand(CompleteMultipartUploadCommand);
    expect(events).toEqual(['abort sent', 'abort answered', 'rejected']);
  });

  test('a body that fails before the first part is full sends nothing at all', async () => {
    const error = await settle(
      uploadStream(request(body({ total: 20 * MIB, chunk: MIB, failAfter: 2 * MIB }).stream)),
    );
    expect((error as Error).message).toBe('disk read failed');
    expect(s3Mock.calls()).toHaveLength(0);
  });

  test('a failing CompleteMultipartUpload aborts before rejecting, and says what the key holds', async () => {
    s3Mock.on(CompleteMultipartUploadCommand).rejects(new Error('InternalError'));
    const error = await settle(uploadStream(request(body({ total: 11 * MIB, chunk: MIB }).stream)));
    expect((error as Error).message).toBe(
      "InternalError; the upload's parts were aborted, and s3://media-bucket/in/media/a.mp4 holds no object",
    );
    expect(events).toEqual(['abort sent', 'abort answered', 'rejected']);
  });

  /** What S3 keeps of the 11 MiB upload of these tests, as HeadObject shows it. */
  function storedObject(changes: Record<string, unknown> = {}): Record<string, unknown> {
    const crcs = [0, 5, 10].map((start) => {
      const length = Math.min(5, 11 - start) * MIB;
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(pattern(start * MIB, length)) >>> 0);
      return crc;
    });
    const whole = Buffer.alloc(4);
    whole.writeUInt32BE(zlib.crc32(Buffer.concat(crcs)) >>> 0);
    return {
      ContentLength: 11 * MIB,
      Metadata: { 'mediaconvert-decryption-mode': 'AES_CTR' },
      ChecksumCRC32: `${whole.toString('base64')}-3`,
      ChecksumType: 'COMPOSITE',
      ETag: '"whole-from-head"',
      ...changes,
    };
  }

  test('a Complete whose answer was lost, while S3 assembled the object, is a complete upload', async () => {
    s3Mock
      .on(CompleteMultipartUploadCommand)
      .rejects(Object.assign(new Error('NoSuchUpload'), { name: 'NoSuchUpload' }));
    s3Mock.on(HeadObjectCommand).resolves(storedObject());
    const result = await uploadStream(request(body({ total: 11 * MIB, chunk: MIB }).stream));
    expect(result).toEqual({ etag: '"whole-from-head"' });
    expect(s3Mock).toHaveReceivedCommandWith(HeadObjectCommand, { ChecksumMode: 'ENABLED' });
    expect(s3Mock).not.toHaveReceivedCommand(AbortMultipartUploadCommand);
  });

  test.each([
    ['another size', { ContentLength: 11 * MIB - 1 }],
    ['other metadata', { Metadata: { 'mediaconvert-decryption-mode': 'AES_CBC' } }],
    ['another CRC32', { ChecksumCRC32: 'AAAAAA==-3' }],
  ])('an object of %s at the key is not this upload: the failure stands', async (why, changes) => {
    s3Mock.on(CompleteMultipartUploadCommand).rejects(new Error('InternalError'));
    s3Mock.on(HeadObjectCommand).resolves(storedObject(changes));
    const error = await settle(uploadStream(request(body({ total: 11 * MIB, chunk: MIB }).stream)));
    expect((error as Error).message).toMatch(
      new RegExp(
        `^InternalError; the upload's parts were aborted, and s3://media-bucket/in/media/a\\.mp4 holds another object \\(\\d+ bytes, ${why}\\), not this upload's$`,
      ),
    );
    expect(events).toEqual(['abort sent', 'abort answered', 'rejected']);
  });

  test('a request S3 refused (4xx) did nothing: no object is looked for', async () => {
    s3Mock
      .on(PutObjectCommand)
      .rejects(Object.assign(new Error('Access Denied'), { $metadata: { httpStatusCode: 403 } }));
    const error = await settle(uploadStream(request(body({ total: 1000, chunk: 1000 }).stream)));
    expect((error as Error).message).toBe('Access Denied');
    expect(s3Mock).not.toHaveReceivedCommand(HeadObjectCommand);
  });

  test('a PutObject whose answer was lost, while S3 stored it, is a complete upload', async () => {
    s3Mock
      .on(PutObjectCommand)
      .rejects(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const data = pattern(0, 1000);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(data) >>> 0);
    s3Mock
      .on(HeadObjectCommand)
      .resolves(
        storedObject({ ContentLength: 1000, ChecksumCRC32: crc.toString('base64'), ETag: '"put"' }),
      );
    expect(await uploadStream(request(body({ total: 1000, chunk: 1000 }).stream))).toEqual({
      etag: '"put"',
    });
  });
});

describe('abort signal', () => {
  test('firing mid-stream stops reading the body and aborts before the promise rejects', async () => {
    const controller = new AbortController();
    const b = body({
      total: 40 * MIB,
      chunk: MIB,
      beforeChunk: (offset) => {
        if (offset === 12 * MIB) controller.abort(new Error('interrupted by SIGTERM'));
      },
    });
    const error = await settle(uploadStream(request(b.stream, { signal: controller.signal })));
    expect((error as Error).message).toBe('interrupted by SIGTERM');
    expect(s3Mock).toHaveReceivedCommandWith(AbortMultipartUploadCommand, { UploadId: 'upload-1' });
    expect(s3Mock).not.toHaveReceivedCommand(CompleteMultipartUploadCommand);
    expect(events).toEqual(['abort sent', 'abort answered', 'rejected']);
    expect(b.yielded).toBeLessThanOrEqual(13 * MIB);
    expect(b.closed).toBe(true);
  });

  test('a reason that is not an Error becomes an AbortError', async () => {
    const controller = new AbortController();
    const b = body({
      total: 20 * MIB,
      chunk: MIB,
      beforeChunk: (offset) => {
        if (offset === 6 * MIB) controller.abort('stop');
      },
    });
    const error = await settle(uploadStream(request(b.stream, { signal: controller.signal })));
    expect(error).toMatchObject({ name: 'AbortError', message: 'upload aborted' });
    expect(events).toEqual(['abort sent', 'abort answered', 'rejected']);
  });

  test('an already aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    const b = body({ total: 20 * MIB, chunk: MIB });
    const error = await settle(uploadStream(request(b.stream, { signal: controller.signal })));
    expect((error as Error).message).toBe('too late');
    expect(s3Mock.calls()).toHaveLength(0);
    expect(b.yielded).toBeLessThanOrEqual(MIB);
  });
});
