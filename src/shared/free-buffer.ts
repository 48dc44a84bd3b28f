/** Freeing a buffer's memory at once instead of leaving it to the garbage collector. */

type ArrayBufferWithTransfer = ArrayBuffer & { transfer?: (length?: number) => ArrayBuffer };

/**
 * Frees a buffer's memory now, where the runtime can (ArrayBuffer.prototype.transfer: Node 21
 * and later, so on the runner's Node 24). Only a buffer that owns all of its ArrayBuffer is
 * freed; the buffer is empty afterwards. Call it only once nothing reads the buffer any more.
 */
export function release(buffer: Buffer): void {
  const backing = buffer.buffer as ArrayBufferWithTransfer;
  if (buffer.byteOffset === 0 && backing.byteLength === buffer.length) backing.transfer?.(0);
}

/** Whether buffers can be freed here (else they are left to the GC). */
export const CAN_RELEASE =
  typeof (ArrayBuffer.prototype as ArrayBufferWithTransfer).transfer === 'function';
