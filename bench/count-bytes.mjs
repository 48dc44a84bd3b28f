// Preloaded into the packaged action by the cost suite (node --import): counts the bytes that
// go through each per-byte operation of the run, and writes them as JSON to $COUNT_BYTES_OUT
// at exit. Counted: every cipher's and hash's update() (by algorithm, SHA-256 also by caller),
// zlib.crc32, and every write to a socket, TLS or plain. Nothing else changes: each wrapper
// calls the original.
import crypto from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import zlib from 'node:zlib';

const counts = {};
const add = (name, bytes) => (counts[name] = (counts[name] ?? 0) + bytes);
const lengthOf = (data, encoding) =>
  typeof data === 'string' ? Buffer.byteLength(data, encoding) : (data?.byteLength ?? 0);

/**
 * Who asked for a SHA-256: the function names of the bundle survive ncc, so the nearest
 * known frame of the stack (async frames included) says whether it is the SDK's payload hash,
 * its hash of the canonical request, or the plaintext hash of the upload or of if-exists.
 */
const CALLERS = [
  [/\bgetPayloadHash\b/, 'SigV4 payload'],
  [/\b(createStringToSign|createCanonicalRequest|signRequest|getSigningKey)\b/, 'SigV4 request'],
  [/\bhashFile\b/, 'if-exists pre-read'],
  [/\bencryptReserved\b/, 'plaintext'],
];
function callerOf() {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 60;
  const frames = (new Error().stack ?? '').split('\n').slice(3);
  Error.stackTraceLimit = limit;
  for (const frame of frames) {
    const known = CALLERS.find(([pattern]) => pattern.test(frame));
    if (known) return known[1];
  }
  return 'other';
}

function counted(object, name) {
  const update = object.update;
  object.update = function (data, encoding, ...rest) {
    add(name, lengthOf(data, encoding));
    return update.call(this, data, encoding, ...rest);
  };
  return object;
}

const { createCipheriv, createHash, createHmac } = crypto;
crypto.createCipheriv = (algorithm, ...rest) =>
  counted(createCipheriv(algorithm, ...rest), `cipher ${algorithm}`);
crypto.createHash = (algorithm, ...rest) => {
  const name = algorithm === 'sha256' ? `sha256 (${callerOf()})` : algorithm;
  return counted(createHash(algorithm, ...rest), `hash ${name}`);
};
crypto.createHmac = (algorithm, ...rest) =>
  counted(createHmac(algorithm, ...rest), `hmac ${algorithm}`);

if (zlib.crc32) {
  const { crc32 } = zlib;
  zlib.crc32 = (data, value) => {
    add('crc32', lengthOf(data));
    return crc32(data, value);
  };
}

// A TLS socket is a net.Socket whose writes are encrypted into records; a plain one's are not.
const { write } = net.Socket.prototype;
net.Socket.prototype.write = function (data, encoding, ...rest) {
  add(this.encrypted ? 'socket write (TLS)' : 'socket write (plain)', lengthOf(data, encoding));
  return write.call(this, data, encoding, ...rest);
};

syncBuiltinESMExports();

process.on('exit', () => {
  writeFileSync(process.env.COUNT_BYTES_OUT, `${JSON.stringify(counts)}\n`);
});
