export const id = 680;
export const ids = [680];
export const modules = {

/***/ 36591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OL: () => (/* binding */ requestSignal),
/* harmony export */   Z5: () => (/* binding */ cleanupSignal),
/* harmony export */   lA: () => (/* binding */ abortWith)
/* harmony export */ });
/* unused harmony export CLEANUP_MS */
/**
 * How long a clean-up request (AbortMultipartUpload) may take, counted from the step's first
 * signal. Everything after it (manifest, outputs, summary, exit) must fit in what is left of
 * the 2 s the action promises, on a loaded runner too, where the signal itself, the report and
 * the exit each wait for the CPU; S3 answers an abort in well under 750 ms.
 */
const CLEANUP_MS = 750;
/**
 * Gives every request of these clients an abort signal of its own that fires with `signal`,
 * unless the call names one of its own (a clean-up request does). A request sent after the
 * signal fired fails at once without reaching the network; one in flight is cut off. Done
 * once here, at the client, so that no call site can forget it.
 */
function abortWith(clients, signal) {
    if (!signal)
        return clients;
    for (const client of Object.values(clients)) {
        const send = client.send.bind(client);
        client.send = (command, options) => send(command, { abortSignal: requestSignal(signal), ...options });
    }
    return clients;
}
/**
 * A signal for one request that fires when `cancel` does. The SDK adds an 'abort' listener
 * per request in flight (its retry and HTTP layers) and removes it when the request settles;
 * on one signal shared by the whole run, more than 10 parts in flight made Node print
 * MaxListenersExceededWarning, which reads as a leak. AbortSignal.any follows `cancel`
 * without a listener on it, so the run's signal carries none of them, however many requests
 * are in flight.
 */
function requestSignal(cancel) {
    return AbortSignal.any([cancel]);
}
/**
 * The abort signal of a clean-up request: fires CLEANUP_MS after `cancel` fires (or never),
 * so that clean-up gets its chance after a cancel but cannot hold the process past the
 * runner's grace, however slow the service is.
 */
function cleanupSignal(cancel) {
    const controller = new AbortController();
    let timer;
    const start = () => {
        timer = setTimeout(() => controller.abort(new Error(`clean-up took longer than ${CLEANUP_MS} ms`)), CLEANUP_MS);
    };
    if (cancel?.aborted)
        start();
    else
        cancel?.addEventListener('abort', start, { once: true });
    return {
        signal: controller.signal,
        dispose: () => {
            clearTimeout(timer);
            cancel?.removeEventListener('abort', start);
        },
    };
}


/***/ }),

/***/ 3510:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IZ: () => (/* binding */ counterBlock),
/* harmony export */   Js: () => (/* binding */ updates),
/* harmony export */   Ki: () => (/* binding */ CipherError),
/* harmony export */   V6: () => (/* binding */ ciphertextLength),
/* harmony export */   XB: () => (/* binding */ validateParams),
/* harmony export */   kc: () => (/* binding */ MODE_SUFFIX),
/* harmony export */   nu: () => (/* reexport safe */ _shared_free_buffer_js__WEBPACK_IMPORTED_MODULE_2__.n),
/* harmony export */   om: () => (/* binding */ AES_BLOCK_BYTES),
/* harmony export */   w: () => (/* binding */ encrypt),
/* harmony export */   zK: () => (/* binding */ TRANSIENT_UPDATE_BYTES)
/* harmony export */ });
/* unused harmony exports MAX_CHUNK_BYTES, ivLengthsFor, assertGcmSize */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59914);
/* harmony import */ var _shared_units_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(64886);
/* harmony import */ var _shared_free_buffer_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91742);
/**
 * Streaming AES for the three MediaConvert decryption modes (docs/design.md, "Crypto conventions").
 *
 * Speed comes from doing as little as possible between OpenSSL calls: large reads into a
 * small pool of reused buffers, one `cipher.update()` per chunk (per 64 KiB of it where the
 * consumer lets each output be freed at once), and plain async generators instead of the
 * stream.Transform machinery (which costs more than the AES itself).
 */




const AES_BLOCK_BYTES = 16;
const MODE_SUFFIX = {
    AES_CTR: 'ctr',
    AES_CBC: 'cbc',
    AES_GCM: 'gcm',
};
/** OpenSSL's update() takes an int length; stay far below it and keep buffers sane. */
const MAX_CHUNK_BYTES = 256 * _shared_units_js__WEBPACK_IMPORTED_MODULE_3__/* .MIB */ .D;
/** Every problem this module reports. Messages never contain key bytes. */
class CipherError extends Error {
    name = 'CipherError';
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
function assertMode(mode) {
    if (!(0,_mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .isMode */ .SF)(mode)) {
        // The value is a mode name, never key material, so it is safe to echo.
        throw new CipherError('MODE', `unsupported mode ${JSON.stringify(mode)}; accepted: ${Object.keys(_mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .IV_LENGTHS */ .o7).join(', ')}`);
    }
}
function ivLengthsFor(mode) {
    assertMode(mode);
    return IV_LENGTHS[mode];
}
function assertByteCount(what, bytes) {
    if (!Number.isSafeInteger(bytes) || bytes < 0) {
        throw new CipherError('ARGUMENT', `${what} must be a non-negative integer, got ${bytes}`);
    }
}
/** Size of what encrypt() yields in total for a plaintext of the given size. */
function ciphertextLength(mode, plaintextBytes) {
    assertMode(mode);
    assertByteCount('plaintext size', plaintextBytes);
    switch (mode) {
        case 'AES_CTR':
            return plaintextBytes;
        case 'AES_CBC':
            // PKCS#7 always adds 1..16 bytes, a whole block when the input is block-aligned.
            return (Math.floor(plaintextBytes / AES_BLOCK_BYTES) + 1) * AES_BLOCK_BYTES;
        case 'AES_GCM':
            return plaintextBytes + _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .GCM_TAG_BYTES */ .bR;
    }
}
/**
 * Throws when a GCM plaintext of `bytes` would exceed the limit. Callers check the file size
 * with this before any upload; encrypt() checks the running total again while streaming.
 */
function assertGcmSize(bytes, limit = _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .GCM_MAX_PLAINTEXT_BYTES */ .BL) {
    assertByteCount('plaintext size', bytes);
    if (bytes > limit) {
        throw new CipherError('GCM_TOO_LARGE', `AES_GCM plaintext of ${bytes} bytes exceeds the GCM limit of ${limit} bytes ` +
            `(2^36 - 32); use AES_CTR or AES_CBC for larger files`);
    }
}
/** Checks mode, key and IV lengths; decipher.ts checks its parameters the same way. */
function validateParams(params) {
    assertMode(params.mode);
    const { mode, key, iv } = params;
    // Only lengths are reported: key bytes never go into a message.
    if (!(key instanceof Uint8Array) || !_mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .KEY_LENGTHS */ .y$.includes(key.length)) {
        const got = key instanceof Uint8Array ? `${key.length} bytes` : 'not a byte array';
        throw new CipherError('KEY_LENGTH', `${mode} key must be 16, 24 or 32 bytes (AES-128/192/256); got ${got}`);
    }
    const ivLengths = _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .IV_LENGTHS */ .o7[mode];
    if (!(iv instanceof Uint8Array) || !ivLengths.includes(iv.length)) {
        const got = iv instanceof Uint8Array ? `${iv.length} bytes` : 'not a byte array';
        throw new CipherError('IV_LENGTH', `${mode} IV must be ${ivLengths.join(' or ')} bytes; got ${got}`);
    }
}
/** OpenSSL `enc` convention: a short CTR IV is right-padded with zeros to the counter block. */
function counterBlock(iv) {
    if (iv.length === AES_BLOCK_BYTES)
        return iv;
    const block = new Uint8Array(AES_BLOCK_BYTES);
    block.set(iv);
    return block;
}
/**
 * The OpenSSL context holds the expanded key; the returned object is its only reference and
 * is dropped when encryption ends. The caller's key buffer is neither kept nor modified.
 */
function createModeCipher(params) {
    const { mode, key, iv } = params;
    const algorithm = `aes-${key.length * 8}-${MODE_SUFFIX[mode]}`;
    switch (mode) {
        case 'AES_CTR':
            return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createCipheriv)(algorithm, key, counterBlock(iv));
        case 'AES_CBC':
            return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createCipheriv)(algorithm, key, iv); // PKCS#7 is node's (OpenSSL's) default
        case 'AES_GCM':
            // OpenSSL derives J0 via GHASH for IVs other than 96 bits, as SP 800-38D specifies.
            return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createCipheriv)(algorithm, key, iv, { authTagLength: _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .GCM_TAG_BYTES */ .bR });
    }
}
/**
 * update() input per call for transient chunks: each output is freed before the next is
 * allocated, and at this size the allocator hands the same memory out again. glibc gives free
 * memory at the top of its heap back to the system above 128 KiB, so a freed 256 KiB output
 * would be unmapped and the next one faulted in again: slower than leaving it to the GC.
 */
const TRANSIENT_UPDATE_BYTES = 64 * 1024;
/** Whether transient chunks can be freed here (else they are left to the GC, as before). */

/**
 * update() over one chunk, for encrypt() and decrypt() alike: in slices of
 * TRANSIENT_UPDATE_BYTES when `transient` (each output freed once the consumer asks for the
 * next), else whole (split only past update()'s int length, for a rare giant chunk).
 */
function* updates(cipher, chunk, transient) {
    const step = transient ? TRANSIENT_UPDATE_BYTES : MAX_CHUNK_BYTES;
    for (let offset = 0; offset < chunk.length; offset += step) {
        const piece = chunk.length <= step ? chunk : chunk.subarray(offset, offset + step);
        const out = cipher.update(piece);
        // CBC holds back a partial block; an empty yield would only cost the consumer a turn.
        if (out.length === 0)
            continue;
        yield out;
        // The consumer asked for the next chunk: it is done with this one.
        if (transient)
            (0,_shared_free_buffer_js__WEBPACK_IMPORTED_MODULE_2__/* .release */ ._)(out);
    }
}
/**
 * Encrypts a plaintext stream in one pass and yields the ciphertext.
 *
 * Parameters are checked and the cipher is keyed right here, before anything is read: a bad
 * key or IV throws CipherError from this call, and the caller may zero its key as soon as
 * this returns (OpenSSL has already expanded it into its own context).
 *
 * Every yielded Buffer is freshly allocated. Unless `options.transient`, it is never touched
 * again, so consumers may keep it; with it, it is valid until the consumer asks for the next
 * chunk. Input chunks are not retained past the next pull, which is what readChunks()
 * requires. For GCM the 16-byte tag is the last yield.
 */
function encrypt(source, params, options = {}) {
    validateParams(params);
    // A test may lower the GCM limit, nobody may raise it.
    const gcmLimit = Math.min(params.gcmMaxPlaintextBytes ?? Infinity, _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .GCM_MAX_PLAINTEXT_BYTES */ .BL);
    const cipher = createModeCipher(params);
    const transient = options.transient === true && _shared_free_buffer_js__WEBPACK_IMPORTED_MODULE_2__/* .CAN_RELEASE */ .n;
    return encryptChunks(source, cipher, params.mode === 'AES_GCM' ? gcmLimit : undefined, transient);
}
/** `gcmLimit` is set for GCM only: it then also means "append the tag". */
async function* encryptChunks(source, cipher, gcmLimit, transient) {
    let total = 0;
    for await (const chunk of source) {
        total += chunk.length;
        // Check before encrypting, so not one byte beyond the limit is ever emitted.
        if (gcmLimit !== undefined)
            assertGcmSize(total, gcmLimit);
        yield* updates(cipher, chunk, transient);
    }
    const last = cipher.final();
    if (gcmLimit !== undefined) {
        const tag = cipher.getAuthTag();
        yield last.length > 0 ? Buffer.concat([last, tag]) : tag;
    }
    else if (last.length > 0) {
        yield last;
    }
}


/***/ }),

/***/ 37794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FI: () => (/* binding */ withItsLog),
/* harmony export */   Tw: () => (/* binding */ logPathOf)
/* harmony export */ });
/* unused harmony exports readLogText, foldLog */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The manifest's log: what a run records between two whole writes of its manifest.
 *
 * Rewriting the whole manifest for every record made a batch write bytes in proportion to the
 * square of its files: 0.4 GB for 1,000 small files with jobs, 17.5 GB for 10,000. So, as a
 * database keeps a checkpoint and a log, a run now writes its manifest whole (a checkpoint)
 * only when the log has grown as large as the manifest, and in between appends each record
 * (what changed: files, jobs, failures, the run's state) to `MANIFEST.log` as one line of
 * JSON, flushed to disk before the side effect that depends on it.
 *
 * A checkpoint of a run in progress carries a mark, `"journal": {"id", "seq"}`: the log that
 * continues it (its lines carry the same id) and the last record it holds. A reader folds in
 * the lines of that id after that record, in order, and stops at a torn line (the last write
 * of a killed run, never acknowledged). The last checkpoint of a run carries no mark, so its
 * manifest is whole by itself and any log left beside it is not read.
 */

/** Where the log of the manifest at `manifestPath` is. */
function logPathOf(manifestPath) {
    return `${manifestPath}.log`;
}
/** A log bigger than this is not one of ours (it never outgrows its manifest for long). */
const MAX_LOG_BYTES = 256 * 1024 * 1024;
/**
 * The text of the log beside `manifestPath`; empty when there is none, or when it is not a
 * regular file (opening a FIFO would block) or far too big to be a log.
 */
async function readLogText(manifestPath) {
    const file = logPathOf(manifestPath);
    // Looked at before it is opened: opening a FIFO would wait for a writer, forever.
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file).catch(() => undefined);
    if (!info?.isFile() || info.size > MAX_LOG_BYTES)
        return '';
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8').catch(() => '');
}
/** The manifest read from `manifestPath`, with the log beside it folded in (foldLog). */
async function withItsLog(manifest, manifestPath) {
    return foldLog(manifest, await readLogText(manifestPath));
}
/**
 * The manifest with its log folded in: the records of the checkpoint's mark after its `seq`,
 * in order, each replacing entries by key (a file by `path`, a job by `id`, a failure by
 * `relativePath`) and appending new ones. A manifest without a mark is returned as it is.
 */
function foldLog(manifest, logText) {
    const mark = markOf(manifest.journal);
    if (!mark || logText === '')
        return manifest;
    const top = { ...manifest };
    const files = keyedList(manifest.files, 'path');
    const jobs = keyedList(manifest.jobs, 'id');
    const failures = keyedList(manifest.failures, 'relativePath');
    let seq = mark.seq;
    // Only whole lines: a line without its newline is a write the run never got to finish.
    const lines = logText.slice(0, logText.lastIndexOf('\n') + 1).split('\n');
    for (const line of lines) {
        if (line === '')
            continue;
        const record = recordOf(line);
        if (!record)
            break; // torn or foreign: nothing after it can be trusted
        if (record.id !== mark.id || record.seq <= seq)
            continue;
        seq = record.seq;
        if (record.top)
            Object.assign(top, record.top);
        files.apply(record.files);
        jobs.apply(record.jobs);
        failures.apply(record.failures);
    }
    // The members stay in the manifest's order; the mark now names the last record folded in.
    return {
        ...top,
        files: files.list(),
        jobs: jobs.list(),
        failures: failures.list(),
        journal: { id: mark.id, seq },
    };
}
function markOf(value) {
    const mark = value;
    return typeof mark?.id === 'string' && Number.isInteger(mark.seq)
        ? { id: mark.id, seq: mark.seq }
        : undefined;
}
function recordOf(line) {
    try {
        const record = JSON.parse(line);
        return typeof record?.id === 'string' && Number.isInteger(record.seq)
            ? record
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** Entries in order, replaced in place by a later entry of the same key. */
function keyedList(value, key) {
    const entries = Array.isArray(value) ? [...value] : [];
    const at = new Map();
    entries.forEach((entry, i) => at.set(entry?.[key], i));
    return {
        apply(changed) {
            if (!Array.isArray(changed))
                return;
            for (const entry of changed) {
                const name = entry?.[key];
                const i = at.get(name);
                if (i === undefined)
                    at.set(name, entries.push(entry) - 1);
                else
                    entries[i] = entry;
            }
        },
        list: () => entries,
    };
}


/***/ }),

/***/ 91742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ release),
/* harmony export */   n: () => (/* binding */ CAN_RELEASE)
/* harmony export */ });
/** Freeing a buffer's memory at once instead of leaving it to the garbage collector. */
/**
 * Frees a buffer's memory now, where the runtime can (ArrayBuffer.prototype.transfer: Node 21
 * and later, so on the runner's Node 24). Only a buffer that owns all of its ArrayBuffer is
 * freed; the buffer is empty afterwards. Call it only once nothing reads the buffer any more.
 */
function release(buffer) {
    const backing = buffer.buffer;
    if (buffer.byteOffset === 0 && backing.byteLength === buffer.length)
        backing.transfer?.(0);
}
/** Whether buffers can be freed here (else they are left to the GC). */
const CAN_RELEASE = typeof ArrayBuffer.prototype.transfer === 'function';


/***/ }),

/***/ 15135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ mapPool)
/* harmony export */ });
/**
 * Runs `work` over `items` with at most `limit` in flight, in item order of starting.
 * Failures are collected, not thrown; with `stopOnFailure` no new item starts after one fails.
 */
async function mapPool(items, limit, work, stopOnFailure = false) {
    const results = items.map(() => undefined);
    let next = 0;
    let failed = false;
    async function worker() {
        while (next < items.length && !(stopOnFailure && failed)) {
            const index = next++;
            try {
                results[index] = { ok: true, value: await work(items[index], index) };
            }
            catch (error) {
                failed = true;
                results[index] = { ok: false, error };
            }
        }
    }
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}


/***/ }),

/***/ 16602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ER: () => (/* binding */ InFlightWindow),
/* harmony export */   ND: () => (/* binding */ MemoryBudget)
/* harmony export */ });
/* unused harmony export BudgetError */
/* harmony import */ var _inputs_sizing_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61163);
/* harmony import */ var _shared_units_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64886);
/**
 * One memory budget for the whole run. Every part buffer of every file is leased from it, so
 * file concurrency and parts in flight multiply inside one bound instead of each other.
 */


/** A lease that can never be granted: it is larger than the whole budget. */
class BudgetError extends Error {
    constructor(message) {
        super(message);
        this.name = 'BudgetError';
    }
}
/** Buffers smaller than this are not kept for reuse: small files come in many sizes. */
const REUSE_FROM_BYTES = _shared_units_js__WEBPACK_IMPORTED_MODULE_1__/* .MIB */ .D;
/**
 * Leases part buffers within a fixed number of bytes. A returned buffer is kept (and still
 * counted) for the next lease of the same size, so a steady upload reuses the same few
 * buffers instead of leaving freed ones for the garbage collector while allocating new ones,
 * which would let the resident set grow past the budget. Leases wait first come, first served.
 */
class MemoryBudget {
    totalBytes;
    partsInFlight;
    used = 0;
    reserved = 0;
    peak = 0;
    idle = [];
    waiters = [];
    /** Uploads currently sharing the budget. */
    active = 0;
    /**
     * `totalBytes` for every buffer of the run; `partsInFlight` (parts-in-flight) for every
     * part on the wire at once, whatever holds its bytes.
     */
    constructor(totalBytes, partsInFlight = _inputs_sizing_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_PARTS_IN_FLIGHT */ .CT) {
        this.totalBytes = totalBytes;
        this.partsInFlight = partsInFlight;
        if (!(totalBytes > 0))
            throw new RangeError('a memory budget needs a positive size');
        if (!(partsInFlight >= 1))
            throw new RangeError('parts in flight must be at least 1');
    }
    /** Bytes leased or kept for reuse. */
    get usedBytes() {
        return this.used;
    }
    /** The most ever counted at once. */
    get peakBytes() {
        return this.peak;
    }
    get activeUploads() {
        return this.active;
    }
    /** Counts an upload as sharing the budget until the returned function is called. */
    join() {
        this.active += 1;
        let left = false;
        return () => {
            if (left)
                return;
            left = true;
            this.active -= 1;
        };
    }
    /**
     * One upload's share of the run's parts in flight (at least 1), split between the uploads;
     * `joining` counts uploads about to join as well.
     */
    fairShare(joining = 0) {
        return Math.max(1, Math.floor(this.partsInFlight / Math.max(1, this.active + joining)));
    }
    /**
     * Parts in flight one upload may have so that every active upload can still fill a part of
     * `partBytes` and keep one in flight: its share of the budget, less the part being filled.
     */
    fairInFlight(partBytes) {
        const parts = Math.floor((this.totalBytes - this.reserved) / partBytes);
        const buffers = Math.max(1, Math.floor(parts / Math.max(1, this.active)) - 1);
        return Math.min(buffers, this.fairShare());
    }
    /** A buffer of exactly `bytes`, once it fits (first come, first served). */
    async lease(bytes, signal) {
        return (await this.wait(bytes, false, 'part buffer', signal));
    }
    /**
     * Counts `bytes` that a file holds outside its parts (its read-ahead and cipher output),
     * once they fit; the returned function gives them back.
     */
    async reserve(bytes, signal) {
        await this.wait(bytes, true, 'stream buffer', signal);
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            this.used -= bytes;
            this.reserved -= bytes;
            this.grant();
        };
    }
    async wait(bytes, reservation, what, signal) {
        if (bytes > this.totalBytes) {
            throw new BudgetError(`a ${(0,_inputs_sizing_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMiB */ .av)(bytes)} ${what} does not fit in max-memory-mib (${(0,_inputs_sizing_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMiB */ .av)(this.totalBytes)})`);
        }
        signal?.throwIfAborted();
        if (this.waiters.length === 0 && this.fits(bytes))
            return this.take(bytes, reservation);
        // Each wait listens on a signal of its own that follows the run's (AbortSignal.any adds
        // no listener to its source), and drops its listener once granted: dozens of files wait at
        // once, and their listeners on the run's one signal would make Node print
        // MaxListenersExceededWarning past 10, or pile up there until the run ends.
        const own = signal && AbortSignal.any([signal]);
        return new Promise((resolve, reject) => {
            const onAbort = () => {
                const at = this.waiters.indexOf(waiter);
                if (at < 0)
                    return;
                this.waiters.splice(at, 1);
                reject(own.reason);
                this.grant();
            };
            const waiter = {
                bytes,
                reservation,
                resolve: (buffer) => {
                    own?.removeEventListener('abort', onAbort);
                    resolve(buffer);
                },
                reject,
            };
            this.waiters.push(waiter);
            own?.addEventListener('abort', onAbort, { once: true });
        });
    }
    /** Hands a leased buffer back. */
    give(buffer) {
        if (buffer.length >= REUSE_FROM_BYTES) {
            this.idle.push(buffer);
        }
        else {
            this.used -= buffer.length;
        }
        this.grant();
    }
    /** Drops the buffers kept for reuse (at the end of a run). */
    trim() {
        for (const buffer of this.idle.splice(0))
            this.used -= buffer.length;
        this.grant();
    }
    /** Whether `bytes` fit now, counting kept buffers as free. */
    fits(bytes) {
        const kept = this.idle.reduce((sum, b) => sum + b.length, 0);
        return this.used - kept + bytes <= this.totalBytes;
    }
    /**
     * For a buffer: a kept one of that size, or a new one (dropping kept ones to make room).
     * Call only when `fits(bytes)`.
     */
    take(bytes, reservation) {
        if (!reservation) {
            const at = this.idle.findIndex((b) => b.length === bytes);
            if (at >= 0)
                return this.idle.splice(at, 1)[0];
        }
        while (this.used + bytes > this.totalBytes)
            this.used -= this.idle.pop().length;
        this.used += bytes;
        this.peak = Math.max(this.peak, this.used);
        if (reservation) {
            this.reserved += bytes;
            return undefined;
        }
        return Buffer.allocUnsafe(bytes);
    }
    grant() {
        while (this.waiters.length > 0 && this.fits(this.waiters[0].bytes)) {
            const waiter = this.waiters.shift();
            waiter.resolve(this.take(waiter.bytes, waiter.reservation));
        }
    }
}
/**
 * Parts in flight for one upload, found the way a TCP sender finds its window: while every
 * slot is busy and throughput still rises by `rise` from one epoch to the next, the window
 * doubles; once it stops rising the window stays where it is. An epoch ends when as many parts as the window holds have completed. The window
 * never exceeds `ceiling()`, which shrinks as more uploads share the budget.
 */
class InFlightWindow {
    options;
    size;
    settled = false;
    previous;
    epochStart;
    epochBytes = 0;
    epochParts = 0;
    /** Whether a part had to wait for a free slot during this epoch: the window was the limit. */
    saturated = false;
    constructor(options) {
        this.options = options;
        this.size = Math.max(1, options.start ?? _inputs_sizing_js__WEBPACK_IMPORTED_MODULE_0__/* .MIN_PARTS_PER_FILE */ ["do"]);
    }
    /** Parts that may be in flight now. */
    get limit() {
        return Math.max(1, Math.min(this.size, this.options.ceiling()));
    }
    /** A part is about to be sent; `waited` when it had to wait for a slot. */
    sending(waited) {
        this.epochStart ??= this.options.now();
        if (waited)
            this.saturated = true;
    }
    /** A part of `bytes` was acknowledged. */
    completed(bytes) {
        if (this.epochStart === undefined)
            return;
        this.epochBytes += bytes;
        this.epochParts += 1;
        if (this.epochParts < this.limit)
            return;
        const elapsed = Math.max(1, this.options.now() - this.epochStart);
        const rate = this.epochBytes / elapsed;
        this.decide(rate);
        this.epochStart = this.options.now();
        this.epochBytes = 0;
        this.epochParts = 0;
        this.saturated = false;
    }
    decide(rate) {
        if (this.settled)
            return;
        const rise = this.options.rise ?? _inputs_sizing_js__WEBPACK_IMPORTED_MODULE_0__/* .WINDOW_RISE */ .Nd;
        if (this.previous && rate < this.previous.rate * rise) {
            // More parts in flight bought little: the link (or the source) is the limit, not
            // latency. Stay at this size rather than going back: one epoch's rate is a noisy
            // measure (a slow start, another process on the CPU), and going back on a bad sample
            // halves a window that was paying off. The buffers are inside the budget either way.
            this.settled = true;
            return;
        }
        this.previous = undefined;
        // Slots sat idle: the window was not what held throughput back (yet).
        if (!this.saturated)
            return;
        const current = this.limit;
        const next = Math.min(current * 2, this.options.ceiling());
        if (next <= current)
            return;
        this.previous = { size: current, rate };
        this.size = next;
    }
}


/***/ }),

/***/ 71706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fx: () => (/* binding */ MAX_METADATA_BYTES),
/* harmony export */   Lk: () => (/* binding */ metadataBytes),
/* harmony export */   MV: () => (/* binding */ METADATA),
/* harmony export */   XY: () => (/* binding */ readObjectMetadata),
/* harmony export */   dx: () => (/* binding */ objectMetadata)
/* harmony export */ });
/* harmony import */ var _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59914);

const METADATA = {
    mode: 'mediaconvert-decryption-mode',
    iv: 'mediaconvert-initialization-vector',
    key: 'mediaconvert-encrypted-decryption-key',
    region: 'mediaconvert-kms-key-region',
    sha256: 'mediaconvert-plaintext-sha256',
    head: 'mediaconvert-plaintext-head',
    bytes: 'mediaconvert-plaintext-bytes',
    run: 'mediaconvert-encrypt-run',
};
/** S3's limit on user metadata: keys and values, in UTF-8 bytes. */
const MAX_METADATA_BYTES = 2048;
function objectMetadata(fields) {
    const { decryption } = fields;
    const metadata = {
        [METADATA.mode]: decryption.DecryptionMode ?? '',
        [METADATA.iv]: decryption.InitializationVector ?? '',
        [METADATA.key]: decryption.EncryptedDecryptionKey ?? '',
        [METADATA.region]: fields.kmsKeyRegion,
    };
    if (fields.plaintext?.sha256 !== undefined)
        metadata[METADATA.sha256] = fields.plaintext.sha256;
    if (fields.plaintext)
        metadata[METADATA.bytes] = String(fields.plaintext.bytes);
    const head = fields.plaintext?.head;
    if (head !== undefined)
        metadata[METADATA.head] = `${head.bytes}:${head.sha256}`;
    if (fields.runKey !== undefined)
        metadata[METADATA.run] = fields.runKey;
    if (metadataBytes(metadata) > MAX_METADATA_BYTES) {
        // Only an encrypted key far beyond what KMS returns could get here.
        throw new Error(`object metadata would be ${metadataBytes(metadata)} bytes, over S3's ${MAX_METADATA_BYTES}`);
    }
    return metadata;
}
/** How S3 counts user metadata: the UTF-8 bytes of every key (without x-amz-meta-) and value. */
function metadataBytes(metadata) {
    return Object.entries(metadata).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
}
/** MediaConvert's pattern for KmsKeyRegion. */
const KMS_REGION = /^[a-z-]{2,6}-(east|west|central|((north|south)(east|west)?))-[1-9]{1,2}$/;
/**
 * Reads the metadata as S3 returns it (keys lower case). The decryption settings are taken
 * only when mode, IV and encrypted key are all there and well-formed; `jobRegion` decides
 * whether KmsKeyRegion is needed, as at upload.
 */
function readObjectMetadata(metadata, jobRegion) {
    const get = (name) => metadata?.[name];
    const stored = {};
    const mode = get(METADATA.mode);
    if ((0,_mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_0__/* .isMode */ .SF)(mode))
        stored.mode = mode;
    const sha256 = get(METADATA.sha256);
    if (sha256 !== undefined && /^[0-9a-f]{64}$/.test(sha256))
        stored.sha256 = sha256;
    const bytes = get(METADATA.bytes);
    if (bytes !== undefined && /^\d{1,16}$/.test(bytes))
        stored.bytes = Number(bytes);
    const head = /^(\d{1,16}):([0-9a-f]{64})$/.exec(get(METADATA.head) ?? '');
    if (head && !stored.sha256 && Number(head[1]) > 0) {
        stored.head = { bytes: Number(head[1]), sha256: head[2] };
    }
    const runKey = get(METADATA.run);
    if (runKey !== undefined && /^[0-9a-f]{32}$/.test(runKey))
        stored.runKey = runKey;
    const iv = get(METADATA.iv);
    const key = get(METADATA.key);
    const region = get(METADATA.region);
    if (stored.mode &&
        iv !== undefined &&
        /^[A-Za-z0-9+/]{22}==$|^[A-Za-z0-9+/]{16}$/.test(iv) &&
        key !== undefined &&
        key.length >= 24 &&
        key.length <= 512 &&
        /^[A-Za-z0-9+/]+={0,2}$/.test(key) &&
        (region === undefined || KMS_REGION.test(region))) {
        stored.decryption = {
            DecryptionMode: stored.mode,
            EncryptedDecryptionKey: key,
            InitializationVector: iv,
            ...(region && region !== jobRegion ? { KmsKeyRegion: region } : {}),
        };
    }
    return stored;
}


/***/ }),

/***/ 60850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ Progress)
/* harmony export */ });
/* harmony import */ var _shared_units_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64886);

/** Progress lines for long uploads: at most one every INTERVAL_MS per file. */
const INTERVAL_MS = 5000;
class Progress {
    file;
    log;
    clock;
    started;
    lastLine;
    constructor(
    /** A file, or anything read with a name and a size (an object read back). */
    file, log, clock) {
        this.file = file;
        this.log = log;
        this.clock = clock;
        this.started = clock.now();
        this.lastLine = this.started;
    }
    update(uploadedBytes) {
        if (this.log.progress) {
            this.log.progress(this.file.relativePath, uploadedBytes, this.file.bytes);
            return;
        }
        const now = this.clock.now();
        if (now - this.lastLine < INTERVAL_MS)
            return;
        this.lastLine = now;
        const percent = this.file.bytes > 0 ? Math.min(100, (uploadedBytes / this.file.bytes) * 100) : 100;
        this.log.info(`${this.file.relativePath}: ${(0,_shared_units_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z)(uploadedBytes)} of ${(0,_shared_units_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z)(this.file.bytes)} (${percent.toFixed(0)}%), ${this.rate(uploadedBytes, now)}`);
    }
    done(s3Uri) {
        const now = this.clock.now();
        this.log.info(`${this.file.relativePath}: ${(0,_shared_units_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z)(this.file.bytes)} encrypted to ${s3Uri} in ${((now - this.started) / 1000).toFixed(1)} s (${this.rate(this.file.bytes, now)})`);
    }
    rate(bytes, now) {
        const seconds = Math.max((now - this.started) / 1000, 0.001);
        return `${(bytes / 1048576 / seconds).toFixed(1)} MiB/s`;
    }
}


/***/ })

};
