/** The mocked S3 client and the bodies, events and requests the upload tests share. */
import { beforeEach } from '@jest/globals';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type PutObjectCommandInput,
  type UploadPartCommandInput,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import type { UploadOptions, UploadRequest } from '../../src/upload/multipart.js';
import { MIB } from '../../src/shared/units.js';

export const s3 = new S3Client({ region: 'us-east-1' });
export const s3Mock = mockClient(s3);

/** Records what happened, in order, across the mock and the test. */
export let events: string[];
/**
 * Bodies as S3 received them, copied when sent: a real request has sent its bytes by the time
 * it resolves, so an uploader may reuse the buffer afterwards.
 */
export let partBodies: Map<number, Buffer>;
export let putBodies: Buffer[];

beforeEach(() => {
  s3Mock.reset();
  events = [];
  partBodies = new Map();
  putBodies = [];
  s3Mock.on(PutObjectCommand).callsFake(async (input: PutObjectCommandInput) => {
    putBodies.push(Buffer.from(input.Body as Uint8Array));
    return { ETag: '"single"' };
  });
  s3Mock.on(CreateMultipartUploadCommand).resolves({ UploadId: 'upload-1' });
  s3Mock.on(UploadPartCommand).callsFake(async (input: UploadPartCommandInput) => {
    partBodies.set(input.PartNumber ?? 0, Buffer.from(input.Body as Uint8Array));
    return { ETag: `"part-${input.PartNumber}"` };
  });
  s3Mock.on(CompleteMultipartUploadCommand).resolves({ ETag: '"whole-3"' });
  // No object at the key unless a test puts one there.
  s3Mock.on(HeadObjectCommand).rejects(
    Object.assign(new Error('NotFound'), {
      name: 'NotFound',
      $metadata: { httpStatusCode: 404 },
    }),
  );
  // The abort answers a turn later, so "sent before the rejection" really means "awaited".
  s3Mock.on(AbortMultipartUploadCommand).callsFake(async () => {
    events.push('abort sent');
    await new Promise((resolve) => setImmediate(resolve));
    events.push('abort answered');
    return {};
  });
});

export const PERIOD = Buffer.from(Array.from({ length: 251 }, (_, i) => i));

/** Deterministic bytes: byte i of the stream is i mod 251. */
export function pattern(start: number, length: number): Uint8Array {
  const offset = start % PERIOD.length;
  const rotated = Buffer.concat([PERIOD.subarray(offset), PERIOD.subarray(0, offset)]);
  const bytes = Buffer.alloc(length);
  if (length > 0) bytes.fill(rotated);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

interface BodyOptions {
  total: number;
  chunk: number;
  /** Throw once this many bytes have been yielded. */
  failAfter?: number;
  /** Called before each chunk with the bytes yielded so far. */
  beforeChunk?: (offset: number) => void;
}

interface Body {
  stream: AsyncIterable<Uint8Array>;
  readonly yielded: number;
  readonly closed: boolean;
}

export function body(options: BodyOptions): Body {
  const state = { yielded: 0, closed: false };
  async function* generate(): AsyncGenerator<Uint8Array> {
    try {
      while (state.yielded < options.total) {
        if (options.failAfter !== undefined && state.yielded >= options.failAfter) {
          throw new Error('disk read failed');
        }
        options.beforeChunk?.(state.yielded);
        const size = Math.min(options.chunk, options.total - state.yielded);
        const chunk = pattern(state.yielded, size);
        state.yielded += size;
        yield chunk;
      }
    } finally {
      state.closed = true;
    }
  }
  return {
    stream: generate(),
    get yielded() {
      return state.yielded;
    },
    get closed() {
      return state.closed;
    },
  };
}

export function request(
  stream: AsyncIterable<Uint8Array>,
  extra: Partial<UploadOptions> = {},
): UploadRequest {
  return {
    s3,
    bucket: 'media-bucket',
    key: 'in/media/a.mp4',
    body: stream,
    contentType: 'video/mp4',
    metadata: { 'mediaconvert-decryption-mode': 'AES_CTR' },
    partSizeBytes: 5 * MIB,
    ...extra,
  };
}

/** Runs the upload and records when it settled relative to the mock's events. */
export async function settle(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      events.push('resolved');
      return value;
    },
    (error: unknown) => {
      events.push('rejected');
      return error;
    },
  );
}

export const partInputs = (): UploadPartCommandInput[] =>
  s3Mock.commandCalls(UploadPartCommand).map((c) => c.args[0].input);
