/**
 * Encryption alone, timed inside a fresh process (start-up and module loading excluded).
 *
 *   ours MODE FILE     src/crypto/cipher.ts: encrypt(readChunks(FILE)), ciphertext discarded
 *   memory MODE BYTES  node:crypto update() over 1 MiB slices of a 64 MiB in-memory buffer
 *
 * Prints {"seconds": S, "bytes": N} on stdout.
 */
import { createCipheriv, randomBytes, randomFillSync } from 'node:crypto';
import { encrypt } from '../src/crypto/cipher.js';
import { readChunks } from '../src/files/read-chunks.js';
import type { Mode } from '../src/mediaconvert/decryption.js';
import { MIB } from '../src/shared/units.js';

const SUFFIX: Record<Mode, string> = { AES_CTR: 'ctr', AES_CBC: 'cbc', AES_GCM: 'gcm' };

const [kind, modeArg, target] = process.argv.slice(2);
const mode = modeArg as Mode;
if (!(mode in SUFFIX) || !target || (kind !== 'ours' && kind !== 'memory')) {
  throw new Error('usage: encrypt-only.ts ours|memory AES_CTR|AES_CBC|AES_GCM FILE|BYTES');
}
const key = randomBytes(32);
const iv = randomBytes(mode === 'AES_GCM' ? 12 : 16);

let bytes = 0;
let started: bigint;
if (kind === 'ours') {
  started = process.hrtime.bigint();
  for await (const out of encrypt(readChunks(target), { mode, key, iv })) bytes += out.length;
} else {
  const total = Number(target);
  const memory = randomFillSync(Buffer.allocUnsafe(64 * MIB));
  const cipher = createCipheriv(`aes-256-${SUFFIX[mode]}`, key, iv);
  started = process.hrtime.bigint();
  for (let done = 0; done < total; done += MIB) {
    const offset = done % memory.length;
    bytes += cipher.update(memory.subarray(offset, offset + MIB)).length;
  }
  bytes += cipher.final().length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(JSON.stringify({ seconds, bytes }));
