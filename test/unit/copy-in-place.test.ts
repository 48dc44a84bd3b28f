import { beforeEach, describe, expect, test } from '@jest/globals';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  S3Client,
  S3ServiceException,
  UploadPartCopyCommand,
  type UploadPartCopyCommandInput,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import {
  ConcurrentWriteError,
  copyInPlace,
  copySource,
  type InPlaceCopy,
} from '../../src/objects/copy-in-place.js';
import type { StoredHead } from '../../src/objects/stored-object.js';

const MIB = 1024 * 1024;
const s3 = new S3Client({ region: 'us-east-1' });
const s3Mock = mockClient(s3);

function stored(size: number): StoredHead {
  return {
    head: {
      $metadata: {},
      ContentLength: size,
      ContentType: 'video/quicktime',
      CacheControl: 'no-cache',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'arn:aws:kms:us-east-1:111122223333:key/sse',
      BucketKeyEnabled: true,
      StorageClass: 'STANDARD_IA',
    },
    size,
    etag: '"etag-read"',
    metadata: { 'mediaconvert-decryption-mode': 'AES_CTR' },
    stored: {},
  };
}

function request(size: number): InPlaceCopy {
  return {
    s3,
    bucket: 'media',
    key: 'masters/a b+c.mov',
    object: stored(size),
    metadata: {
      'mediaconvert-decryption-mode': 'AES_CTR',
      'mediaconvert-encrypted-decryption-key': 'new',
    },
    maxCopyObjectBytes: 10 * MIB,
    copyPartBytes: 5 * MIB,
  };
}

function preconditionFailed(): S3ServiceException {
  return new S3ServiceException({
    name: 'PreconditionFailed',
    $fault: 'client',
    $metadata: { httpStatusCode: 412 },
    message: 'At least one of the pre-conditions you specified did not hold',
  });
}

beforeEach(() => {
  s3Mock.reset();
  s3Mock.on(CopyObjectCommand).resolves({ CopyObjectResult: { ETag: '"new"' } });
  s3Mock.on(GetObjectCommand).resolves({
    TagCount: 1,
    Body: { transformToByteArray: async () => new Uint8Array(1) } as never,
  });
  s3Mock.on(GetObjectTaggingCommand).resolves({ TagSet: [{ Key: 'project', Value: 'a&b' }] });
  s3Mock.on(CreateMultipartUploadCommand).resolves({ UploadId: 'copy-1' });
  s3Mock.on(UploadPartCopyCommand).callsFake(async (input: UploadPartCopyCommandInput) => ({
    CopyPartResult: { ETag: `"part-${input.PartNumber}"` },
  }));
  s3Mock.on(CompleteMultipartUploadCommand).resolves({ ETag: '"whole"' });
  s3Mock.on(AbortMultipartUploadCommand).resolves({});
});

test('the copy source is URL-encoded with its slashes kept', () => {
  expect(copySource('media', 'masters/a b+c.mov')).toBe('media/masters/a%20b%2Bc.mov');
});

describe('an object up to the copy limit: one CopyObject onto itself', () => {
  test('replaces the metadata, keeps headers, encryption and class, only if unchanged', async () => {
    expect(await copyInPlace(request(10 * MIB))).toBe('by CopyObject');
    expect(s3Mock).toHaveReceivedCommandTimes(CopyObjectCommand, 1);
    expect(s3Mock).toHaveReceivedCommandWith(CopyObjectCommand, {
      Bucket: 'media',
      Key: 'masters/a b+c.mov',
      CopySource: 'media/masters/a%20b%2Bc.mov',
      CopySourceIfMatch: '"etag-read"',
      MetadataDirective: 'REPLACE',
      Metadata: request(0).metadata,
      ContentType: 'video/quicktime',
      CacheControl: 'no-cache',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'arn:aws:kms:us-east-1:111122223333:key/sse',
      BucketKeyEnabled: true,
      StorageClass: 'STANDARD_IA',
    });
    expect(s3Mock).not.toHaveReceivedCommand(CreateMultipartUploadCommand);
  });

  test('a concurrent write (412) is reported as such', async () => {
    s3Mock.on(CopyObjectCommand).rejects(preconditionFailed());
    await expect(copyInPlace(request(MIB))).rejects.toThrow(ConcurrentWriteError);
    await expect(copyInPlace(request(MIB))).rejects.toThrow(/the object changed after it was read/);
  });
});

describe('an object over the copy limit: a multipart copy of itself', () => {
  test('copies every range once, in order, each only from the object read, and completes only if unchanged', async () => {
    const size = 12 * MIB + 3;
    expect(await copyInPlace(request(size))).toBe('by a multipart copy of 3 part(s)');
    expect(s3Mock).toHaveReceivedCommandWith(CreateMultipartUploadCommand, {
      Metadata: request(0).metadata,
      ContentType: 'video/quicktime',
      ServerSideEncryption: 'aws:kms',
      StorageClass: 'STANDARD_IA',
      Tagging: 'project=a%26b',
    });
    const parts = s3Mock
      .commandCalls(UploadPartCopyCommand)
      .map((c) => c.args[0].input)
      .sort((a, b) => a.PartNumber! - b.PartNumber!);
    expect(parts.map((p) => [p.PartNumber, p.CopySourceRange, p.CopySourceIfMatch])).toEqual([
      [1, `bytes=0-${5 * MIB - 1}`, '"etag-read"'],
      [2, `bytes=${5 * MIB}-${10 * MIB - 1}`, '"etag-read"'],
      [3, `bytes=${10 * MIB}-${size - 1}`, '"etag-read"'],
    ]);
    expect(s3Mock).toHaveReceivedCommandWith(CompleteMultipartUploadCommand, {
      UploadId: 'copy-1',
      IfMatch: '"etag-read"',
      MultipartUpload: {
        Parts: [1, 2, 3].map((n) => ({ PartNumber: n, ETag: `"part-${n}"` })),
      },
    });
    expect(s3Mock).not.toHaveReceivedCommand(CopyObjectCommand);
    expect(s3Mock).not.toHaveReceivedCommand(AbortMultipartUploadCommand);
  });

  test('an object without tags is copied without reading tags (no s3:GetObjectTagging)', async () => {
    s3Mock.on(GetObjectCommand).resolves({
      Body: { transformToByteArray: async () => new Uint8Array(1) } as never,
    });
    await copyInPlace(request(12 * MIB));
    expect(s3Mock).toHaveReceivedCommandWith(GetObjectCommand, {
      Range: 'bytes=0-0',
      IfMatch: '"etag-read"',
    });
    expect(s3Mock).not.toHaveReceivedCommand(GetObjectTaggingCommand);
    const created = s3Mock.commandCalls(CreateMultipartUploadCommand)[0]!.args[0].input;
    expect(created.Tagging).toBeUndefined();
  });

  test('a part that fails aborts the upload and leaves the object as it was', async () => {
    s3Mock.on(UploadPartCopyCommand).rejects(preconditionFailed());
    await expect(copyInPlace(request(12 * MIB))).rejects.toThrow(ConcurrentWriteError);
    expect(s3Mock).toHaveReceivedCommandWith(AbortMultipartUploadCommand, { UploadId: 'copy-1' });
    expect(s3Mock).not.toHaveReceivedCommand(CompleteMultipartUploadCommand);
  });

  test('a store that refuses CopyObject over its own, lower limit gets a multipart copy', async () => {
    s3Mock.on(CopyObjectCommand).rejects(
      new S3ServiceException({
        name: 'InvalidRequest',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
        message:
          'The specified copy source is larger than the maximum allowable size for a copy source: 1048576',
      }),
    );
    expect(await copyInPlace(request(2 * MIB))).toBe('by a multipart copy of 1 part(s)');
    expect(s3Mock).toHaveReceivedCommandTimes(UploadPartCopyCommand, 1);
  });
});
