/**
 * The CRC32 checksums that go with every part and PutObject (x-amz-checksum-crc32, which S3
 * checks), and the one S3 keeps for a whole multipart object.
 */
import zlib from 'node:zlib';

/** zlib.crc32 exists from Node 20.15 / 22.2; without it the SDK computes the same checksum. */
export const crc32: ((data: Uint8Array, value?: number) => number) | undefined = (
  zlib as { crc32?: (data: Uint8Array, value?: number) => number }
).crc32;

/** The request members that send a CRC32 computed here (none without zlib.crc32). */
export function checksumOf(crc: number): { ChecksumAlgorithm?: 'CRC32'; ChecksumCRC32?: string } {
  if (!crc32) return {};
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(crc >>> 0);
  return { ChecksumAlgorithm: 'CRC32', ChecksumCRC32: bytes.toString('base64') };
}

/**
 * S3's checksum of a multipart object made with CRC32 parts: the CRC32 of the parts' CRC32s,
 * then `-` and the number of parts.
 */
export function compositeCrc32(partChecksums: readonly string[]): string | undefined {
  if (!crc32 || partChecksums.length === 0) return undefined;
  const joined = Buffer.concat(partChecksums.map((c) => Buffer.from(c, 'base64')));
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(joined) >>> 0);
  return `${out.toString('base64')}-${partChecksums.length}`;
}
