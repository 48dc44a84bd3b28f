/**
 * readChunks() frees its read buffers once a file has been read, where the runtime can
 * (ArrayBuffer.prototype.transfer, Node 21 and later), so a batch of small files does not leave
 * them for the next full collection. In the integration tier because CI runs that tier on
 * Node 24 as well, the runtime action.yml declares: there the freeing is real.
 */
import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { readChunks } from '../../src/files/read-chunks.js';
import { CAN_RELEASE } from '../../src/shared/free-buffer.js';

/** A FileHandle stand-in over `data` that keeps every buffer it was asked to read into. */
function noted(data: Buffer) {
  const buffers: { buffer: Buffer; length: number }[] = [];
  const handle = {
    stat: () => Promise.resolve({ size: data.length }),
    read: (buffer: Buffer, offset: number, length: number, position: number) => {
      buffers.push({ buffer, length: buffer.length });
      const n = Math.max(0, Math.min(length, data.length - position));
      if (n > 0) data.copy(buffer, offset, position, position + n);
      return Promise.resolve({ bytesRead: n, buffer });
    },
  };
  return { handle: handle as unknown as FileHandle, buffers };
}

test('the runtime frees buffers from Node 21 on (so Node 24 does)', () => {
  expect(CAN_RELEASE).toBe(Number(process.versions.node.split('.')[0]) >= 21);
});

/** The buffers of one chunk's size: the only ones readChunks() owns whole (Node 24 pools
 * allocations under 32 KiB, and a pooled buffer is never freed). */
const chunkSized = (buffers: { buffer: Buffer; length: number }[], size: number) => [
  ...new Set(buffers.filter((b) => b.length === size).map((b) => b.buffer)),
];

test.each([
  ['a small file', 64 * 1024, 1024 * 1024, 64 * 1024],
  ['a file of many chunks', 10 * 65536 + 5, 65536, 65536],
])('%s: every read buffer is freed once the file has been read', async (_, bytes, chunk, size) => {
  const data = randomBytes(bytes);
  const { handle, buffers } = noted(data);
  const copies: Buffer[] = [];
  for await (const c of readChunks(handle, chunk)) copies.push(Buffer.from(c));
  expect(Buffer.concat(copies).equals(data)).toBe(true);
  const made = chunkSized(buffers, size);
  expect(made.length).toBeGreaterThan(0);
  expect(made.map((b) => b.length)).toEqual(made.map(() => (CAN_RELEASE ? 0 : size)));
});

test('a chunk the consumer still holds when it stops early is not freed', async () => {
  const data = randomBytes(10 * 65536);
  const { handle, buffers } = noted(data);
  let held: Uint8Array | undefined;
  for await (const c of readChunks(handle, 65536)) {
    held = c;
    break;
  }
  expect(Buffer.from(held!).equals(data.subarray(0, 65536))).toBe(true);
  // The reads issued ahead of it are freed (where the runtime can).
  const others = chunkSized(buffers, 65536).filter((b) => b.buffer !== held!.buffer);
  expect(others.length).toBeGreaterThan(0);
  expect(others.map((b) => b.length)).toEqual(others.map(() => (CAN_RELEASE ? 0 : 65536)));
});
