/**
 * `decrypt`: one uploaded object back to plaintext, for a person who must inspect a master.
 * Streaming, in the memory budget. A file is written under a temporary name beside the target
 * and renamed only once everything verified (GCM tag, CBC padding, the plaintext SHA-256 when
 * the metadata has one), so unauthenticated plaintext never sits under the name asked for.
 * To stdout the bytes go as they are decrypted: only the exit status says they verified.
 */
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { link, open, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { ReadConfig } from '../inputs/objects-config.js';
import { streamBytesFor } from '../inputs/sizing.js';
import { MemoryBudget } from '../upload/memory-budget.js';
import { Progress } from '../upload/progress.js';
import type { Mode } from '../mediaconvert/decryption.js';
import { headStored, MissingObjectError } from './stored-object.js';
import { DataKeyError, openObject } from './open-object.js';
import { CipherError } from '../crypto/cipher.js';
import { ObjectChangedError } from './object-reader.js';
import { DecipherError } from '../crypto/decipher.js';
import type { ObjectsDeps } from './run.js';

export interface DecryptRequest {
  bucket: string;
  key: string;
  /** A file path, or stdout. */
  out: { file: string; force: boolean } | { stream: Writable };
}

export interface Decrypted {
  s3Uri: string;
  bytes: number;
  plaintextSha256: string;
  /** What proved the plaintext right, in words. */
  verified: string;
  out: string;
}

export async function decryptObject(
  request: DecryptRequest,
  config: ReadConfig,
  deps: ObjectsDeps,
): Promise<Decrypted> {
  const s3Uri = `s3://${request.bucket}/${request.key}`;
  const object = await headStored(deps.s3, request, config.region, deps.signal).catch(
    (error: unknown) => {
      if (error instanceof MissingObjectError) throw new Error(`${s3Uri}: ${error.message}`);
      throw error;
    },
  );
  const decryption = object.stored.decryption;
  if (!decryption) {
    throw new Error(
      `${s3Uri}: its metadata lacks complete decryption settings (mode, IV, encrypted data key)`,
    );
  }
  const budget = new MemoryBudget(config.memoryBudgetBytes);
  const release = await budget.reserve(streamBytesFor(object.size), deps.signal);
  const progress = new Progress({ relativePath: s3Uri, bytes: object.size }, deps.log, deps.clock);
  const mode = decryption.DecryptionMode as Mode;
  const { stored } = object;
  const hash = createHash('sha256');
  let bytes = 0;
  async function* checked(plaintext: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of plaintext) {
      hash.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
    // Still inside the stream: a mismatch fails the write before the file is put in place.
    const sha256 = hash.copy().digest('hex');
    if (stored.sha256 !== undefined && (stored.sha256 !== sha256 || stored.bytes !== bytes)) {
      throw new Error(
        `decrypts to ${bytes} bytes with SHA-256 ${sha256}, not the ${stored.bytes} bytes with SHA-256 ${stored.sha256} its metadata records: the object, its key or IV was changed`,
      );
    }
  }
  try {
    const opened = await openObject(
      request,
      object,
      decryption,
      object.keyRegion ?? config.region,
      {
        s3: deps.s3,
        kms: deps.kms,
        budget,
        rangeBytes: config.rangeBytes,
        ...(deps.signal ? { signal: deps.signal } : {}),
        onProgress: (n) => progress.update(n),
      },
    );
    const plaintext = checked(opened.plaintext);
    const out =
      'file' in request.out
        ? await writeFileSafely(plaintext, request.out.file, request.out.force)
        : await writeStream(plaintext, request.out.stream);
    const verified = [
      stored.sha256 === undefined ? '' : 'plaintext SHA-256 matches its metadata',
      mode === 'AES_GCM' ? 'GCM tag verified' : mode === 'AES_CBC' ? 'CBC padding verified' : '',
    ].filter((s) => s !== '');
    return {
      s3Uri,
      bytes,
      plaintextSha256: hash.digest('hex'),
      verified:
        verified.join(', ') || 'nothing to check against (AES_CTR, no SHA-256 in its metadata)',
      out,
    };
  } catch (error) {
    if (deps.signal?.aborted) throw error;
    // What this tool found out about the object reads as a sentence about it; the rest (a
    // network failure) keeps its name.
    const own =
      [DecipherError, ObjectChangedError, DataKeyError, CipherError].some(
        (kind) => error instanceof kind,
      ) ||
      (error instanceof Error && error.constructor === Error);
    if (own) throw new Error(`${s3Uri}: ${(error as Error).message}`, { cause: error });
    throw error;
  } finally {
    release();
  }
}

async function writeStream(chunks: AsyncIterable<Buffer>, stream: Writable): Promise<string> {
  let failed: Error | undefined;
  const onError = (error: Error): void => {
    failed ??= error;
  };
  stream.on('error', onError);
  try {
    for await (const chunk of chunks) {
      if (failed) throw failed;
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
    }
    if (failed) throw failed;
  } finally {
    stream.off('error', onError);
  }
  return '-';
}

/**
 * Into a temporary file beside `target` (readable by its owner only), then moved to `target`
 * once every byte verified: by link() without `force`, which fails if a file appeared there
 * meanwhile, by rename() with it. On any failure the temporary file is removed.
 */
async function writeFileSafely(
  chunks: AsyncIterable<Buffer>,
  target: string,
  force: boolean,
): Promise<string> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`,
  );
  const handle = await open(temporary, 'wx', 0o600);
  try {
    try {
      // One write in flight while the next chunk is decrypted; each chunk is a fresh buffer.
      let writing: Promise<unknown> = Promise.resolve();
      for await (const chunk of chunks) {
        await writing;
        writing = handle.write(chunk);
      }
      await writing;
    } finally {
      await handle.close();
    }
    if (force) {
      await rename(temporary, target);
    } else {
      await link(temporary, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') {
          throw new Error(`${target} appeared while decrypting; not overwritten (use --force)`);
        }
        throw error;
      });
      await unlink(temporary);
    }
    return target;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
