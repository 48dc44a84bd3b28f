/**
 * Independent ciphers for tests: the OpenSSL CLI (a separate process and code path from
 * node:crypto's bindings) for CTR/CBC, and @noble/ciphers (pure JS, no OpenSSL) for every mode.
 * Our own cipher code must never be used to check its own output, and tests never decrypt
 * with node:crypto (the code under test uses it). Unit tests use the @noble functions: they
 * start no process.
 */
import { spawn } from 'node:child_process';
import { cbc, ctr, gcm } from '@noble/ciphers/aes.js';

export type Mode = 'AES_CTR' | 'AES_CBC' | 'AES_GCM';

/** The encryption context of every data key MediaConvert decrypts, as the contract writes it. */
export const MEDIACONVERT_CONTEXT = { service: 'mediaconvert.amazonaws.com' };

/**
 * The action's conventions, written independently: a 12-byte CTR IV is followed by a 32-bit
 * counter starting at 0; CBC pads with PKCS#7; GCM's 16-byte tag follows the ciphertext.
 */
function noble(mode: Mode, key: Uint8Array, iv: Uint8Array) {
  if (mode === 'AES_GCM') return gcm(key, iv);
  if (mode === 'AES_CBC') return cbc(key, iv);
  const counter = iv.length === 12 ? Buffer.concat([iv, Buffer.alloc(4)]) : iv;
  return ctr(key, counter);
}

/** Encrypts with @noble/ciphers: test inputs for the emulator's decryption. */
export function encrypt(mode: Mode, key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array) {
  return Buffer.from(noble(mode, key, iv).encrypt(plaintext));
}

/** Decrypts (and for GCM authenticates) with @noble/ciphers; throws on a bad tag or padding. */
export function decrypt(mode: Mode, key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array) {
  return Buffer.from(noble(mode, key, iv).decrypt(ciphertext));
}

/** Decrypts with `openssl enc -d`. A 12-byte CTR IV is passed as is: openssl pads it itself. */
export function opensslDecrypt(
  mode: 'AES_CTR' | 'AES_CBC',
  key: Uint8Array,
  iv: Uint8Array,
  ciphertext: Uint8Array,
): Promise<Buffer> {
  const algorithm = `-aes-${key.length * 8}-${mode === 'AES_CTR' ? 'ctr' : 'cbc'}`;
  const args = ['enc', '-d', algorithm, '-K', hex(key), '-iv', hex(iv), '-bufsize', '1048576'];
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    child.stderr.on('data', (d: Buffer) => stderr.push(d));
    child.on('error', reject);
    // openssl may exit early (bad padding) and close stdin; the exit code reports that.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(stdout));
      else reject(new Error(`openssl ${algorithm} exited ${code}: ${Buffer.concat(stderr)}`));
    });
    child.stdin.end(ciphertext);
  });
}

/** Decrypts and authenticates AES-GCM (no AAD); input is ciphertext followed by the 16-byte tag. */
export function nobleGcmDecrypt(
  key: Uint8Array,
  iv: Uint8Array,
  ciphertextWithTag: Uint8Array,
): Uint8Array {
  return gcm(key, iv).decrypt(ciphertextWithTag);
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
