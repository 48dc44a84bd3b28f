export const id = 637;
export const ids = [637];
export const modules = {

/***/ 4785:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ decrypt),
/* harmony export */   n: () => (/* binding */ DecipherError)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9914);
/* harmony import */ var _cipher_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3510);
/**
 * Streaming AES decryption, the counterpart of cipher.ts by the same conventions (docs/design.md,
 * "Crypto conventions"): CTR with OpenSSL's counter block, CBC with PKCS#7 padding checked,
 * GCM with the 16-byte tag after the last ciphertext byte, checked at the end.
 *
 * Plaintext is yielded as it is decrypted. For CBC and GCM it is only known to be right once
 * the stream has ended without an error: a consumer that writes it somewhere must keep it away
 * from its final place until then (objects/decrypt.ts writes to a temporary file).
 */



/** The ciphertext is not what the key and IV encrypted. Messages never contain key bytes. */
class DecipherError extends Error {
    name = 'DecipherError';
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
function createModeDecipher({ mode, key, iv }) {
    const algorithm = `aes-${key.length * 8}-${_cipher_js__WEBPACK_IMPORTED_MODULE_2__/* .MODE_SUFFIX */ .kc[mode]}`;
    switch (mode) {
        case 'AES_CTR':
            return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createDecipheriv)(algorithm, key, (0,_cipher_js__WEBPACK_IMPORTED_MODULE_2__/* .counterBlock */ .IZ)(iv));
        case 'AES_CBC':
            return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createDecipheriv)(algorithm, key, iv); // checks and strips PKCS#7 in final()
        case 'AES_GCM':
            return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createDecipheriv)(algorithm, key, iv, {
                authTagLength: _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .GCM_TAG_BYTES */ .bR,
            });
    }
}
/**
 * Decrypts a ciphertext stream in one pass and yields the plaintext; throws DecipherError at
 * the end when a GCM tag or CBC padding does not verify, or the ciphertext is too short for
 * its mode. Parameters are checked and the decipher keyed in this call, so the caller may zero
 * its key as soon as it returns. Input chunks are not kept past the next pull (readChunks()'s
 * contract); every yielded Buffer is fresh, and with `options.transient` valid only until the
 * consumer asks for the next one (objects/verify.ts, which only hashes it).
 */
function decrypt(source, params, options = {}) {
    (0,_cipher_js__WEBPACK_IMPORTED_MODULE_2__/* .validateParams */ .XB)(params);
    const decipher = createModeDecipher(params);
    const transient = options.transient === true && _cipher_js__WEBPACK_IMPORTED_MODULE_2__/* .CAN_RELEASE */ .nu;
    return params.mode === 'AES_GCM'
        ? decryptGcm(source, decipher, transient)
        : decryptBlocks(source, decipher, params.mode, transient);
}
async function* decryptBlocks(source, decipher, mode, transient) {
    let total = 0;
    for await (const chunk of source) {
        total += chunk.length;
        yield* (0,_cipher_js__WEBPACK_IMPORTED_MODULE_2__/* .updates */ .Js)(decipher, chunk, transient);
    }
    if (mode === 'AES_CBC' && (total === 0 || total % _cipher_js__WEBPACK_IMPORTED_MODULE_2__/* .AES_BLOCK_BYTES */ .om !== 0)) {
        throw new DecipherError('CBC_LENGTH', `AES_CBC ciphertext of ${total} bytes is not a whole number of 16-byte blocks (at least one): the object is truncated or is not AES_CBC`);
    }
    let last;
    try {
        last = decipher.final();
    }
    catch {
        throw new DecipherError('CBC_PADDING', 'AES_CBC padding does not verify: wrong data key or IV, or the object was changed or truncated');
    }
    if (last.length > 0)
        yield last;
}
/**
 * GCM: the last GCM_TAG_BYTES of the stream are the tag, so that many bytes are always held
 * back (copied: the source may reuse its buffer) until the next chunk or the end shows whether
 * they are ciphertext or tag.
 */
async function* decryptGcm(source, decipher, transient) {
    let tail = Buffer.alloc(0);
    for await (const chunk of source) {
        if (chunk.length >= _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .GCM_TAG_BYTES */ .bR) {
            // The held-back bytes are not the tag: the tag is in this chunk.
            if (tail.length > 0)
                yield* (0,_cipher_js__WEBPACK_IMPORTED_MODULE_2__/* .updates */ .Js)(decipher, tail, transient);
            yield* (0,_cipher_js__WEBPACK_IMPORTED_MODULE_2__/* .updates */ .Js)(decipher, chunk.subarray(0, chunk.length - _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .GCM_TAG_BYTES */ .bR), transient);
            tail = Buffer.from(chunk.subarray(chunk.length - _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .GCM_TAG_BYTES */ .bR));
        }
        else {
            const joined = Buffer.concat([tail, chunk]);
            const cut = Math.max(0, joined.length - _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .GCM_TAG_BYTES */ .bR);
            if (cut > 0)
                yield* (0,_cipher_js__WEBPACK_IMPORTED_MODULE_2__/* .updates */ .Js)(decipher, joined.subarray(0, cut), transient);
            tail = joined.subarray(cut);
        }
    }
    if (tail.length < _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .GCM_TAG_BYTES */ .bR) {
        throw new DecipherError('TOO_SHORT', `AES_GCM ciphertext of ${tail.length} bytes is shorter than its ${_mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_1__/* .GCM_TAG_BYTES */ .bR}-byte tag: the object is truncated or is not AES_GCM`);
    }
    decipher.setAuthTag(tail);
    let last;
    try {
        last = decipher.final();
    }
    catch {
        throw new DecipherError('GCM_TAG', 'AES_GCM authentication tag does not verify: wrong data key or IV, or the object was changed or truncated');
    }
    if (last.length > 0)
        yield last;
}


/***/ }),

/***/ 5637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   decryptObject: () => (/* binding */ decryptObject)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _inputs_sizing_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1163);
/* harmony import */ var _upload_memory_budget_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6602);
/* harmony import */ var _upload_progress_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(850);
/* harmony import */ var _stored_object_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5101);
/* harmony import */ var _open_object_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3635);
/* harmony import */ var _crypto_cipher_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3510);
/* harmony import */ var _object_reader_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6817);
/* harmony import */ var _crypto_decipher_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4785);
/**
 * `decrypt`: one uploaded object back to plaintext, for a person who must inspect a master.
 * Streaming, in the memory budget. A file is written under a temporary name beside the target
 * and renamed only once everything verified (GCM tag, CBC padding, the plaintext SHA-256 when
 * the metadata has one), so unauthenticated plaintext never sits under the name asked for.
 * To stdout the bytes go as they are decrypted: only the exit status says they verified.
 */












async function decryptObject(request, config, deps) {
    const s3Uri = `s3://${request.bucket}/${request.key}`;
    const object = await (0,_stored_object_js__WEBPACK_IMPORTED_MODULE_6__/* .headStored */ .EF)(deps.s3, request, config.region, deps.signal).catch((error) => {
        if (error instanceof _stored_object_js__WEBPACK_IMPORTED_MODULE_6__/* .MissingObjectError */ .S3)
            throw new Error(`${s3Uri}: ${error.message}`);
        throw error;
    });
    const decryption = object.stored.decryption;
    if (!decryption) {
        throw new Error(`${s3Uri}: its metadata lacks complete decryption settings (mode, IV, encrypted data key)`);
    }
    const budget = new _upload_memory_budget_js__WEBPACK_IMPORTED_MODULE_5__/* .MemoryBudget */ .ND(config.memoryBudgetBytes);
    const release = await budget.reserve((0,_inputs_sizing_js__WEBPACK_IMPORTED_MODULE_4__/* .streamBytesFor */ .Jf)(object.size), deps.signal);
    const progress = new _upload_progress_js__WEBPACK_IMPORTED_MODULE_11__/* .Progress */ .k({ relativePath: s3Uri, bytes: object.size }, deps.log, deps.clock);
    const mode = decryption.DecryptionMode;
    const { stored } = object;
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    let bytes = 0;
    async function* checked(plaintext) {
        for await (const chunk of plaintext) {
            hash.update(chunk);
            bytes += chunk.length;
            yield chunk;
        }
        // Still inside the stream: a mismatch fails the write before the file is put in place.
        const sha256 = hash.copy().digest('hex');
        if (stored.sha256 !== undefined && (stored.sha256 !== sha256 || stored.bytes !== bytes)) {
            throw new Error(`decrypts to ${bytes} bytes with SHA-256 ${sha256}, not the ${stored.bytes} bytes with SHA-256 ${stored.sha256} its metadata records: the object, its key or IV was changed`);
        }
    }
    try {
        const opened = await (0,_open_object_js__WEBPACK_IMPORTED_MODULE_7__/* .openObject */ .M)(request, object, decryption, object.keyRegion ?? config.region, {
            s3: deps.s3,
            kms: deps.kms,
            budget,
            rangeBytes: config.rangeBytes,
            ...(deps.signal ? { signal: deps.signal } : {}),
            onProgress: (n) => progress.update(n),
        });
        const plaintext = checked(opened.plaintext);
        const out = 'file' in request.out
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
            verified: verified.join(', ') || 'nothing to check against (AES_CTR, no SHA-256 in its metadata)',
            out,
        };
    }
    catch (error) {
        if (deps.signal?.aborted)
            throw error;
        // What this tool found out about the object reads as a sentence about it; the rest (a
        // network failure) keeps its name.
        const own = [_crypto_decipher_js__WEBPACK_IMPORTED_MODULE_10__/* .DecipherError */ .n, _object_reader_js__WEBPACK_IMPORTED_MODULE_9__/* .ObjectChangedError */ ._, _open_object_js__WEBPACK_IMPORTED_MODULE_7__/* .DataKeyError */ .g, _crypto_cipher_js__WEBPACK_IMPORTED_MODULE_8__/* .CipherError */ .Ki].some((kind) => error instanceof kind) ||
            (error instanceof Error && error.constructor === Error);
        if (own)
            throw new Error(`${s3Uri}: ${error.message}`, { cause: error });
        throw error;
    }
    finally {
        release();
    }
}
async function writeStream(chunks, stream) {
    let failed;
    const onError = (error) => {
        failed ??= error;
    };
    stream.on('error', onError);
    try {
        for await (const chunk of chunks) {
            if (failed)
                throw failed;
            if (!stream.write(chunk))
                await Promise.race([(0,node_events__WEBPACK_IMPORTED_MODULE_1__.once)(stream, 'drain'), (0,node_events__WEBPACK_IMPORTED_MODULE_1__.once)(stream, 'error')]);
        }
        if (failed)
            throw failed;
    }
    finally {
        stream.off('error', onError);
    }
    return '-';
}
/**
 * Into a temporary file beside `target` (readable by its owner only), then moved to `target`
 * once every byte verified: by link() without `force`, which fails if a file appeared there
 * meanwhile, by rename() with it. On any failure the temporary file is removed.
 */
async function writeFileSafely(chunks, target, force) {
    const temporary = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target), `.${node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(target)}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.partial`);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(temporary, 'wx', 0o600);
    try {
        try {
            // One write in flight while the next chunk is decrypted; each chunk is a fresh buffer.
            let writing = Promise.resolve();
            for await (const chunk of chunks) {
                await writing;
                writing = handle.write(chunk);
            }
            await writing;
        }
        finally {
            await handle.close();
        }
        if (force) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temporary, target);
        }
        else {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.link)(temporary, target).catch((error) => {
                if (error.code === 'EEXIST') {
                    throw new Error(`${target} appeared while decrypting; not overwritten (use --force)`);
                }
                throw error;
            });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(temporary);
        }
        return target;
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temporary, { force: true });
        throw error;
    }
}


/***/ }),

/***/ 1493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ isKeyRefusal),
/* harmony export */   o: () => (/* binding */ kmsReason)
/* harmony export */ });
/* harmony import */ var _mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9914);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);
/* harmony import */ var _shared_safe_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6054);
/**
 * Why KMS would not open a data key, in words that say what it means for the object and its
 * MediaConvert jobs. The service's own message follows, on one line.
 */



const CONTEXT = JSON.stringify(_mediaconvert_decryption_js__WEBPACK_IMPORTED_MODULE_0__/* .MEDIACONVERT_CONTEXT */ .cQ);
const REASONS = {
    InvalidCiphertextException: `KMS cannot decrypt the data key under the encryption context ${CONTEXT}: it was made under another context or is not a KMS ciphertext of this account, or it was changed. A MediaConvert job could not decrypt it either`,
    DisabledException: 'the KMS key of the data key is disabled: neither this tool nor a MediaConvert job can decrypt it until the key is enabled',
    KMSInvalidStateException: 'the KMS key of the data key cannot be used now (pending deletion, or waiting for key material)',
    AccessDeniedException: `kms:Decrypt on the data key's KMS key was denied to these credentials (with the context ${CONTEXT}): see docs/after-upload.md, IAM`,
    NotFoundException: 'the KMS key of the data key does not exist in that region',
};
/** One line: what the KMS failure means, then KMS's own words. */
function kmsReason(operation, error, region) {
    const name = error instanceof Error ? error.name : '';
    const reason = REASONS[name] ?? `KMS ${operation} failed`;
    return `${reason} (KMS ${operation} in ${region}: ${(0,_shared_safe_text_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)((0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error))})`;
}
/** Whether the error is KMS refusing this key (as opposed to the network or throttling). */
function isKeyRefusal(error) {
    return error instanceof Error && error.name in REASONS;
}


/***/ }),

/***/ 6817:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ readObject),
/* harmony export */   _: () => (/* binding */ ObjectChangedError)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3711);
/* harmony import */ var _inputs_sizing_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1163);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);
/**
 * Reading an object back in order, with ranged GETs issued ahead of the consumer: each range
 * is one buffer leased from the run's memory budget, so objects at once and ranges in flight
 * per object live inside one bound, as the upload's parts do (upload/memory-budget.ts). A
 * connection cut in the middle of a range costs that range, not the object.
 */



/** Reads of one range, counting the first: a body cut short is read again this often. */
const RANGE_ATTEMPTS = 3;
/** The object changed (or went away) between the HeadObject and a ranged GET. */
class ObjectChangedError extends Error {
    name = 'ObjectChangedError';
}
/**
 * Yields the object's bytes in order, in chunks of at most READ_CHUNK_BYTES. A chunk is valid
 * until the consumer asks for the next (its range buffer then goes back to the budget), as
 * with files/read-chunks.ts. Stopping early cuts the ranges in flight and gives back their
 * buffers before the generator returns.
 */
async function* readObject(request) {
    const { size, rangeBytes, budget } = request;
    const count = Math.ceil(size / rangeBytes);
    const stop = new AbortController();
    const signal = request.signal ? AbortSignal.any([request.signal, stop.signal]) : stop.signal;
    const leave = budget.join();
    const pending = [];
    const limit = () => Math.max(1, Math.min(_inputs_sizing_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_RANGES_IN_FLIGHT */ .nF, budget.fairInFlight(rangeBytes)));
    let launched = 0;
    let done = 0;
    try {
        for (let index = 0; index < count; index++) {
            while (launched < count && pending.length < limit()) {
                const fetched = fetchRange(request, launched++, signal);
                // A range failing while the consumer holds an earlier one is reported when its turn
                // comes (or dropped when the consumer stops); never as an unhandled rejection.
                fetched.catch(() => undefined);
                pending.push(fetched);
            }
            const buffer = await pending.shift();
            try {
                for (let offset = 0; offset < buffer.length; offset += _inputs_sizing_js__WEBPACK_IMPORTED_MODULE_0__/* .READ_CHUNK_BYTES */ .Vn) {
                    yield buffer.subarray(offset, offset + _inputs_sizing_js__WEBPACK_IMPORTED_MODULE_0__/* .READ_CHUNK_BYTES */ .Vn);
                }
            }
            finally {
                budget.give(buffer);
            }
            done += buffer.length;
            request.onProgress?.(done);
        }
    }
    finally {
        stop.abort(new Error('reading stopped'));
        for (const outcome of await Promise.allSettled(pending)) {
            if (outcome.status === 'fulfilled')
                budget.give(outcome.value);
        }
        leave();
    }
}
/** One range into a buffer leased for it; the buffer goes back to the budget on failure. */
async function fetchRange(request, index, signal) {
    const start = index * request.rangeBytes;
    const length = Math.min(request.size, start + request.rangeBytes) - start;
    const buffer = await request.budget.lease(length, signal);
    try {
        for (let attempt = 1;; attempt++) {
            try {
                await readRange(request, buffer, start, signal);
                return buffer;
            }
            catch (error) {
                // The SDK retried the request itself; what comes here failed in the body.
                if (!(error instanceof BodyError) || attempt >= RANGE_ATTEMPTS || signal.aborted) {
                    throw error instanceof BodyError ? error.cause : error;
                }
            }
        }
    }
    catch (error) {
        request.budget.give(buffer);
        throw error;
    }
}
/** A failure while reading a response body: the range may be asked for again. */
class BodyError extends Error {
    cause;
    constructor(cause) {
        super((0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(cause));
        this.cause = cause;
    }
}
async function readRange(request, buffer, start, signal) {
    const end = start + buffer.length - 1;
    const where = `bytes ${start}-${end} of s3://${request.bucket}/${request.key}`;
    let out;
    try {
        out = await request.s3.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__/* .GetObjectCommand */ .jLs({
            Bucket: request.bucket,
            Key: request.key,
            Range: `bytes=${start}-${end}`,
            ...(request.etag ? { IfMatch: request.etag } : {}),
        }), { abortSignal: signal });
    }
    catch (error) {
        const status = error.$metadata?.httpStatusCode;
        if (status === 412 || status === 404) {
            throw new ObjectChangedError(`s3://${request.bucket}/${request.key} changed or was deleted while it was being read (${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)})`);
        }
        throw error;
    }
    const body = out.Body;
    if (!body)
        throw new Error(`GetObject of ${where} returned no body`);
    let offset = 0;
    try {
        for await (const chunk of body) {
            if (offset + chunk.length > buffer.length) {
                throw new ObjectChangedError(`GetObject of ${where} returned more bytes than asked for`);
            }
            buffer.set(chunk, offset);
            offset += chunk.length;
        }
    }
    catch (error) {
        if (error instanceof ObjectChangedError)
            throw error;
        throw new BodyError(error);
    }
    if (offset !== buffer.length) {
        throw new BodyError(new Error(`GetObject of ${where} ended after ${offset} bytes`));
    }
}


/***/ }),

/***/ 3635:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ DataKeyError),
  M: () => (/* binding */ openObject)
});

// EXTERNAL MODULE: ./src/crypto/decipher.ts
var decipher = __webpack_require__(4785);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-kms/dist-cjs/index.js
var dist_cjs = __webpack_require__(2632);
// EXTERNAL MODULE: ./src/mediaconvert/decryption.ts
var decryption = __webpack_require__(9914);
;// CONCATENATED MODULE: ./src/objects/data-key.ts
/**
 * A stored data key opened again: KMS Decrypt under the context MediaConvert uses, so a key a
 * job could not decrypt fails here the same way. The plaintext lives only in memory and is
 * zeroed by destroy(); KMS errors pass through for the caller to explain (kms-reasons.ts).
 */


/** `encryptedBase64`: the EncryptedDecryptionKey of the decryption settings. */
async function openDataKey(kms, encryptedBase64) {
    const encrypted = Buffer.from(encryptedBase64, 'base64');
    const out = await kms.send(new dist_cjs/* DecryptCommand */.vIm({
        CiphertextBlob: encrypted,
        EncryptionContext: { ...decryption/* MEDIACONVERT_CONTEXT */.cQ },
    }));
    const plaintext = out.Plaintext;
    if (!plaintext || !out.KeyId) {
        plaintext?.fill(0);
        throw new Error('KMS Decrypt returned no key');
    }
    return { plaintext, encrypted, kmsKeyArn: out.KeyId, destroy: () => plaintext.fill(0) };
}

// EXTERNAL MODULE: ./src/objects/kms-reasons.ts
var kms_reasons = __webpack_require__(1493);
// EXTERNAL MODULE: ./src/objects/object-reader.ts
var object_reader = __webpack_require__(6817);
;// CONCATENATED MODULE: ./src/objects/open-object.ts




/** KMS would not open the data key: the message says why and what it means for jobs. */
class DataKeyError extends Error {
    name = 'DataKeyError';
}
/**
 * Decrypts the data key and starts the decrypting read. The plaintext key is zeroed before
 * this returns: the decipher holds its own expanded copy. Throws DataKeyError when KMS
 * refuses the key, CipherError when the settings do not fit the mode (an IV of the wrong size).
 */
async function openObject(target, object, decryption, keyRegion, deps) {
    let dataKey;
    try {
        dataKey = await openDataKey(deps.kms(keyRegion), decryption.EncryptedDecryptionKey ?? '');
    }
    catch (error) {
        if ((0,kms_reasons/* isKeyRefusal */.U)(error)) {
            throw new DataKeyError((0,kms_reasons/* kmsReason */.o)('Decrypt', error, keyRegion), { cause: error });
        }
        throw error;
    }
    try {
        const ciphertext = (0,object_reader/* readObject */.A)({
            s3: deps.s3,
            bucket: target.bucket,
            key: target.key,
            size: object.size,
            ...(object.etag ? { etag: object.etag } : {}),
            rangeBytes: deps.rangeBytes,
            budget: deps.budget,
            ...(deps.signal ? { signal: deps.signal } : {}),
            ...(deps.onProgress ? { onProgress: (n) => deps.onProgress(n, object.size) } : {}),
        });
        const plaintext = (0,decipher/* decrypt */.Y)(ciphertext, {
            mode: decryption.DecryptionMode,
            key: dataKey.plaintext,
            iv: Buffer.from(decryption.InitializationVector ?? '', 'base64'),
        }, { transient: deps.transientPlaintext === true });
        return { plaintext, kmsKeyArn: dataKey.kmsKeyArn };
    }
    finally {
        dataKey.destroy();
    }
}


/***/ }),

/***/ 5101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EF: () => (/* binding */ headStored),
/* harmony export */   S3: () => (/* binding */ MissingObjectError),
/* harmony export */   W1: () => (/* binding */ differingFields)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3711);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/* harmony import */ var _upload_object_metadata_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1706);
/**
 * What an object says about itself before it is read or rewritten: HeadObject's answer, and
 * the decryption settings its metadata carries (upload/object-metadata.ts).
 */



/** The object is not there, or S3 will not say (403 without s3:ListBucket). */
class MissingObjectError extends Error {
    name = 'MissingObjectError';
}
async function headStored(s3, target, jobRegion, signal) {
    let head;
    try {
        head = await s3.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__/* .HeadObjectCommand */ .l81({ Bucket: target.bucket, Key: target.key }), signal ? { abortSignal: signal } : {});
    }
    catch (error) {
        const status = error.$metadata?.httpStatusCode;
        if (status === 404 || error.name === 'NotFound') {
            throw new MissingObjectError('no such object (404)');
        }
        if (status === 403) {
            throw new MissingObjectError(`S3 answered 403 (${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}): s3:GetObject is needed, and s3:ListBucket for a missing object to answer 404`);
        }
        throw error;
    }
    const metadata = head.Metadata ?? {};
    const keyRegion = metadata[_upload_object_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .METADATA */ .MV.region];
    return {
        head,
        size: head.ContentLength ?? 0,
        ...(head.ETag ? { etag: head.ETag } : {}),
        metadata,
        stored: (0,_upload_object_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .readObjectMetadata */ .XY)(metadata, jobRegion),
        ...(keyRegion ? { keyRegion } : {}),
    };
}
const FIELDS = [
    ['DecryptionMode', 'mode'],
    ['InitializationVector', 'IV'],
    ['EncryptedDecryptionKey', 'encrypted data key'],
];
/** The decryption settings fields in which the object's metadata and the manifest differ. */
function differingFields(stored, recorded) {
    return FIELDS.filter(([field]) => stored[field] !== recorded[field]).map(([, name]) => name);
}


/***/ })

};
