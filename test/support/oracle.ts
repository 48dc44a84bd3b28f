/**
 * Independent decryptors for tests: the OpenSSL CLI (a separate process and code path from
 * node:crypto's bindings) for CTR/CBC, and @noble/ciphers (pure JS, no OpenSSL) for GCM.
 * Our own cipher code must never be used to check its own output.
 */
import { spawn } from 'node:child_process';
import { gcm } from '@noble/ciphers/aes.js';

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
