export const id = 544;
export const ids = [544];
export const modules = {

/***/ 39119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KA: () => (/* binding */ PASSING)
/* harmony export */ });
/* unused harmony exports VERIFY_STATUSES, REWRAP_STATUSES */
const VERIFY_STATUSES = (/* unused pure expression or super */ null && ([
    'ok',
    'mismatch',
    'missing',
    'undecryptable',
    'unchecked',
    'error',
]));
const REWRAP_STATUSES = (/* unused pure expression or super */ null && (['rewrapped', 'unchanged', 'would-rewrap', 'failed']));
/** The statuses that do not fail the run. */
const PASSING = new Set([
    'ok',
    'rewrapped',
    'unchanged',
    'would-rewrap',
]);


/***/ }),

/***/ 72544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runObjects: () => (/* binding */ runObjects),
  totals: () => (/* binding */ totals)
});

// EXTERNAL MODULE: ./src/inputs/sizing.ts
var sizing = __webpack_require__(61163);
// EXTERNAL MODULE: ./src/crypto/cipher.ts
var cipher = __webpack_require__(3510);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/pool.ts
var pool = __webpack_require__(15135);
// EXTERNAL MODULE: ./src/shared/safe-text.ts
var safe_text = __webpack_require__(66054);
// EXTERNAL MODULE: ./src/upload/memory-budget.ts
var memory_budget = __webpack_require__(16602);
// EXTERNAL MODULE: ./src/upload/progress.ts
var upload_progress = __webpack_require__(60850);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
// EXTERNAL MODULE: ./src/shared/json-text.ts
var json_text = __webpack_require__(2583);
// EXTERNAL MODULE: ./src/report/manifest-log.ts
var manifest_log = __webpack_require__(37794);
// EXTERNAL MODULE: ./src/mediaconvert/decryption.ts
var mediaconvert_decryption = __webpack_require__(59914);
;// CONCATENATED MODULE: ./src/objects/object-source.ts
/**
 * The objects a `verify` or `rewrap` run takes: the files of a manifest (with what was
 * recorded at upload) or every object under an S3 prefix (with what its metadata says).
 */






async function listObjects(source, s3, signal) {
    if (source.kind === 'manifest')
        return readManifest(source.path);
    return { targets: await listPrefix(s3, source.bucket, source.prefix, signal), deleted: 0 };
}
const SHA256 = /^[0-9a-f]{64}$/;
/** Reads and checks a manifest an encrypt run wrote (docs/design.md, "The manifest"). */
async function readManifest(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* InputError */.dz('manifest', `'${path}' cannot be read (${(0,errors/* messageOf */.bD)(error)}); give the manifest an encrypt run wrote, or \`objects\``);
    }
    let json;
    try {
        json = (0,json_text/* parseJsonText */.l)(text);
    }
    catch (error) {
        throw new errors/* InputError */.dz('manifest', `'${path}' ${(0,errors/* messageOf */.bD)(error)}`);
    }
    const bad = (what) => new errors/* InputError */.dz('manifest', `'${path}' is not a manifest of this tool: ${what}`);
    if (typeof json !== 'object' || json === null || json.version !== 1) {
        throw bad('it has no "version": 1');
    }
    // A run killed while it wrote left its last records in the log beside the manifest. Folded
    // in, the manifest stands alone: without the mark, a rewrap's copy is not folded again.
    const whole = await (0,manifest_log/* withItsLog */.FI)(json, path);
    delete whole.journal;
    const manifest = whole;
    if (!Array.isArray(manifest.files))
        throw bad('it has no "files" array');
    const targets = [];
    let deleted = 0;
    manifest.files.forEach((entry, index) => {
        const where = `files[${index}]`;
        if (typeof entry !== 'object' || entry === null)
            throw bad(`${where} is not an object`);
        if (entry.deleted === true) {
            deleted += 1;
            return;
        }
        const { s3Uri, plaintextSha256, bytes, decryption } = entry;
        const location = typeof s3Uri === 'string' ? /^s3:\/\/([^/]+)\/(.+)$/.exec(s3Uri) : null;
        if (!location)
            throw bad(`${where}.s3Uri is not s3://bucket/key`);
        if (typeof plaintextSha256 !== 'string' || !SHA256.test(plaintextSha256)) {
            throw bad(`${where}.plaintextSha256 is not a SHA-256 in hex`);
        }
        if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0) {
            throw bad(`${where}.bytes is not a byte count`);
        }
        const settings = decryption;
        if (typeof settings !== 'object' ||
            settings === null ||
            !(0,mediaconvert_decryption/* isMode */.SF)(settings.DecryptionMode) ||
            typeof settings.EncryptedDecryptionKey !== 'string' ||
            typeof settings.InitializationVector !== 'string') {
            throw bad(`${where}.decryption lacks DecryptionMode, EncryptedDecryptionKey or InitializationVector`);
        }
        targets.push({
            s3Uri: s3Uri,
            bucket: location[1],
            key: location[2],
            recorded: { sha256: plaintextSha256, bytes, decryption: settings, index },
        });
    });
    const region = typeof manifest.region === 'string' ? manifest.region : undefined;
    return { targets, manifest: { path, json: manifest, ...(region ? { region } : {}) }, deleted };
}
/** Every object under the prefix (folder markers left out), in S3's key order. */
async function listPrefix(s3, bucket, prefix, signal) {
    const targets = [];
    let token;
    do {
        const page = await s3.send(new dist_cjs/* ListObjectsV2Command */.u6x({
            Bucket: bucket,
            Prefix: prefix,
            ...(token ? { ContinuationToken: token } : {}),
        }), signal ? { abortSignal: signal } : {});
        for (const object of page.Contents ?? []) {
            if (!object.Key || object.Key.endsWith('/'))
                continue;
            targets.push({
                s3Uri: `s3://${bucket}/${object.Key}`,
                bucket,
                key: object.Key,
                ...(object.Size === undefined ? {} : { listedBytes: object.Size }),
            });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    if (targets.length === 0) {
        throw new errors/* InputError */.dz('objects', `s3://${bucket}/${prefix} holds no object`);
    }
    return targets;
}

// EXTERNAL MODULE: ./src/objects/object-result.ts
var object_result = __webpack_require__(39119);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/crypto/decipher.ts
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
    const algorithm = `aes-${key.length * 8}-${cipher/* MODE_SUFFIX */.kc[mode]}`;
    switch (mode) {
        case 'AES_CTR':
            return (0,external_node_crypto_.createDecipheriv)(algorithm, key, (0,cipher/* counterBlock */.IZ)(iv));
        case 'AES_CBC':
            return (0,external_node_crypto_.createDecipheriv)(algorithm, key, iv); // checks and strips PKCS#7 in final()
        case 'AES_GCM':
            return (0,external_node_crypto_.createDecipheriv)(algorithm, key, iv, {
                authTagLength: mediaconvert_decryption/* GCM_TAG_BYTES */.bR,
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
    (0,cipher/* validateParams */.XB)(params);
    const decipher = createModeDecipher(params);
    const transient = options.transient === true && cipher/* CAN_RELEASE */.nu;
    return params.mode === 'AES_GCM'
        ? decryptGcm(source, decipher, transient)
        : decryptBlocks(source, decipher, params.mode, transient);
}
async function* decryptBlocks(source, decipher, mode, transient) {
    let total = 0;
    for await (const chunk of source) {
        total += chunk.length;
        yield* (0,cipher/* updates */.Js)(decipher, chunk, transient);
    }
    if (mode === 'AES_CBC' && (total === 0 || total % cipher/* AES_BLOCK_BYTES */.om !== 0)) {
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
        if (chunk.length >= mediaconvert_decryption/* GCM_TAG_BYTES */.bR) {
            // The held-back bytes are not the tag: the tag is in this chunk.
            if (tail.length > 0)
                yield* (0,cipher/* updates */.Js)(decipher, tail, transient);
            yield* (0,cipher/* updates */.Js)(decipher, chunk.subarray(0, chunk.length - mediaconvert_decryption/* GCM_TAG_BYTES */.bR), transient);
            tail = Buffer.from(chunk.subarray(chunk.length - mediaconvert_decryption/* GCM_TAG_BYTES */.bR));
        }
        else {
            const joined = Buffer.concat([tail, chunk]);
            const cut = Math.max(0, joined.length - mediaconvert_decryption/* GCM_TAG_BYTES */.bR);
            if (cut > 0)
                yield* (0,cipher/* updates */.Js)(decipher, joined.subarray(0, cut), transient);
            tail = joined.subarray(cut);
        }
    }
    if (tail.length < mediaconvert_decryption/* GCM_TAG_BYTES */.bR) {
        throw new DecipherError('TOO_SHORT', `AES_GCM ciphertext of ${tail.length} bytes is shorter than its ${mediaconvert_decryption/* GCM_TAG_BYTES */.bR}-byte tag: the object is truncated or is not AES_GCM`);
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

// EXTERNAL MODULE: ./src/shared/units.ts
var units = __webpack_require__(64886);
;// CONCATENATED MODULE: ./src/objects/object-reader.ts
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
    const limit = () => Math.max(1, Math.min(sizing/* MAX_RANGES_IN_FLIGHT */.nF, budget.fairInFlight(rangeBytes)));
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
                for (let offset = 0; offset < buffer.length; offset += sizing/* READ_CHUNK_BYTES */.Vn) {
                    yield buffer.subarray(offset, offset + sizing/* READ_CHUNK_BYTES */.Vn);
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
        super((0,errors/* messageOf */.bD)(cause));
        this.cause = cause;
    }
}
async function readRange(request, buffer, start, signal) {
    const end = start + buffer.length - 1;
    const where = `bytes ${start}-${end} of s3://${request.bucket}/${request.key}`;
    let out;
    try {
        out = await request.s3.send(new dist_cjs/* GetObjectCommand */.jLs({
            Bucket: request.bucket,
            Key: request.key,
            Range: `bytes=${start}-${end}`,
            ...(request.etag ? { IfMatch: request.etag } : {}),
        }), { abortSignal: signal });
    }
    catch (error) {
        const status = error.$metadata?.httpStatusCode;
        if (status === 412 || status === 404) {
            throw new ObjectChangedError(`s3://${request.bucket}/${request.key} changed or was deleted while it was being read (${(0,errors/* messageOf */.bD)(error)})`);
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-kms/dist-cjs/index.js
var client_kms_dist_cjs = __webpack_require__(92632);
;// CONCATENATED MODULE: ./src/objects/data-key.ts
/**
 * A stored data key opened again: KMS Decrypt under the context MediaConvert uses, so a key a
 * job could not decrypt fails here the same way. The plaintext lives only in memory and is
 * zeroed by destroy(); KMS errors pass through for the caller to explain (kms-reasons.ts).
 */


/** `encryptedBase64`: the EncryptedDecryptionKey of the decryption settings. */
async function openDataKey(kms, encryptedBase64) {
    const encrypted = Buffer.from(encryptedBase64, 'base64');
    const out = await kms.send(new client_kms_dist_cjs/* DecryptCommand */.vIm({
        CiphertextBlob: encrypted,
        EncryptionContext: { ...mediaconvert_decryption/* MEDIACONVERT_CONTEXT */.cQ },
    }));
    const plaintext = out.Plaintext;
    if (!plaintext || !out.KeyId) {
        plaintext?.fill(0);
        throw new Error('KMS Decrypt returned no key');
    }
    return { plaintext, encrypted, kmsKeyArn: out.KeyId, destroy: () => plaintext.fill(0) };
}

;// CONCATENATED MODULE: ./src/objects/kms-reasons.ts
/**
 * Why KMS would not open a data key, in words that say what it means for the object and its
 * MediaConvert jobs. The service's own message follows, on one line.
 */



const CONTEXT = JSON.stringify(mediaconvert_decryption/* MEDIACONVERT_CONTEXT */.cQ);
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
    return `${reason} (KMS ${operation} in ${region}: ${(0,safe_text/* oneLine */.TN)((0,errors/* messageOf */.bD)(error))})`;
}
/** Whether the error is KMS refusing this key (as opposed to the network or throttling). */
function isKeyRefusal(error) {
    return error instanceof Error && error.name in REASONS;
}

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
        if (isKeyRefusal(error)) {
            throw new DataKeyError(kmsReason('Decrypt', error, keyRegion), { cause: error });
        }
        throw error;
    }
    try {
        const ciphertext = readObject({
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
        const plaintext = decrypt(ciphertext, {
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

// EXTERNAL MODULE: ./src/upload/object-metadata.ts
var object_metadata = __webpack_require__(71706);
;// CONCATENATED MODULE: ./src/objects/stored-object.ts
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
        head = await s3.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: target.bucket, Key: target.key }), signal ? { abortSignal: signal } : {});
    }
    catch (error) {
        const status = error.$metadata?.httpStatusCode;
        if (status === 404 || error.name === 'NotFound') {
            throw new MissingObjectError('no such object (404)');
        }
        if (status === 403) {
            throw new MissingObjectError(`S3 answered 403 (${(0,errors/* messageOf */.bD)(error)}): s3:GetObject is needed, and s3:ListBucket for a missing object to answer 404`);
        }
        throw error;
    }
    const metadata = head.Metadata ?? {};
    const keyRegion = metadata[object_metadata/* METADATA */.MV.region];
    return {
        head,
        size: head.ContentLength ?? 0,
        ...(head.ETag ? { etag: head.ETag } : {}),
        metadata,
        stored: (0,object_metadata/* readObjectMetadata */.XY)(metadata, jobRegion),
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

;// CONCATENATED MODULE: ./src/objects/verify.ts
/**
 * `verify`: one object read back through KMS and decrypted as a MediaConvert job would, its
 * plaintext hashed and compared with what was recorded at upload. Every outcome is a result
 * with one line saying what was found; nothing here throws for a bad object.
 */








/** The region of the KMS key an object's data key is under. */
function keyRegionOf(object, target, context) {
    return (object.keyRegion ??
        target.recorded?.decryption.KmsKeyRegion ??
        context.manifestRegion ??
        context.region);
}
async function verifyObject(target, context) {
    const result = (status, message) => ({
        s3Uri: target.s3Uri,
        status,
        message,
    });
    let object;
    try {
        object = await headStored(context.s3, target, context.region, context.signal);
    }
    catch (error) {
        if (error instanceof MissingObjectError)
            return result('missing', error.message);
        return result('error', `could not be read: ${(0,errors/* messageOf */.bD)(error)}`);
    }
    const decryption = object.stored.decryption;
    if (!decryption) {
        return result('undecryptable', 'its metadata lacks complete decryption settings (mode, IV, encrypted data key): it was not uploaded by this tool, or its metadata was replaced');
    }
    const { recorded } = target;
    if (recorded) {
        const differing = differingFields(decryption, recorded.decryption);
        if (differing.length > 0) {
            const onlyKey = differing.length === 1 && differing[0] === 'encrypted data key';
            return result('mismatch', `its metadata's ${differing.join(', ')} differ${differing.length === 1 ? 's' : ''} from the manifest's: ${onlyKey ? 'it was re-wrapped and this manifest was not updated (rewrap with this manifest updates it)' : 'the object was overwritten, or its metadata changed, after this manifest was written'}`);
        }
    }
    const expected = recorded ?? storedExpectation(object);
    const mode = decryption.DecryptionMode;
    if (expected) {
        const size = (0,cipher/* ciphertextLength */.V6)(mode, expected.bytes);
        if (object.size !== size) {
            return result('mismatch', `the object is ${object.size} bytes, but ${expected.bytes} plaintext bytes encrypt to ${size} with ${mode}: it is ${object.size < size ? 'truncated' : 'longer than what was uploaded'}`);
        }
    }
    const keyRegion = keyRegionOf(object, target, context);
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    try {
        // Each chunk is hashed and dropped: it can be freed as soon as the next is asked for.
        const opened = await openObject(target, object, decryption, keyRegion, {
            ...context,
            transientPlaintext: true,
        });
        for await (const chunk of opened.plaintext) {
            hash.update(chunk);
            bytes += chunk.length;
        }
    }
    catch (error) {
        if (error instanceof DataKeyError)
            return result('undecryptable', error.message);
        if (error instanceof cipher/* CipherError */.Ki) {
            return result('undecryptable', `its decryption settings do not fit: ${error.message}`);
        }
        if (error instanceof DecipherError || error instanceof ObjectChangedError) {
            return result('mismatch', error.message);
        }
        if (context.signal?.aborted)
            throw error;
        return result('error', `could not be read: ${(0,errors/* messageOf */.bD)(error)}`);
    }
    const sha256 = hash.digest('hex');
    const checked = mode === 'AES_GCM' ? ', GCM tag verified' : mode === 'AES_CBC' ? ', CBC padding verified' : '';
    if (!expected) {
        return result('unchecked', `decrypted ${bytes} bytes${checked}, but no plaintext SHA-256 was recorded in its metadata to compare with: verify with the run's manifest instead (--manifest)`);
    }
    if (sha256 !== expected.sha256 || bytes !== expected.bytes) {
        return result('mismatch', `decrypts to ${bytes} bytes with SHA-256 ${sha256}, not the ${expected.bytes} bytes with SHA-256 ${expected.sha256} recorded at upload: the object was changed, or its key or IV`);
    }
    return result('ok', `decrypts to the plaintext recorded at upload (${(0,units/* formatBytes */.z)(bytes)}, SHA-256 ${sha256.slice(0, 16)}…${checked}, ${mode})`);
}
/** The plaintext SHA-256 and size in the object's metadata, when both are there. */
function storedExpectation(object) {
    const { sha256, bytes } = object.stored;
    return sha256 !== undefined && bytes !== undefined ? { sha256, bytes } : undefined;
}

// EXTERNAL MODULE: ./src/aws/abort.ts
var abort = __webpack_require__(36591);
;// CONCATENATED MODULE: ./src/objects/copy-in-place.ts
/**
 * Replacing an object's user metadata without sending its bytes: a copy of the object onto
 * itself (MetadataDirective REPLACE), or for objects over CopyObject's 5 GB a multipart upload
 * whose parts are UploadPartCopy ranges of the object itself. S3 copies inside S3; not one
 * byte of ciphertext passes through this process.
 *
 * What a copy does not carry over by itself is passed again from HeadObject: the content
 * headers, server-side encryption and storage class (and, for a multipart copy, the tags).
 * Every request names the ETag read before, so a concurrent writer's object is never
 * overwritten: the copy fails with 412 instead.
 */





/** Part copies at once: each is a request S3 serves inside S3, so a few keep it busy. */
const PART_COPIES_AT_ONCE = 4;
/** The object changed after it was read; it was left as the other writer made it. */
class ConcurrentWriteError extends Error {
    name = 'ConcurrentWriteError';
}
/** `bucket/key` for x-amz-copy-source: the key URL-encoded, its slashes kept. */
function copySource(bucket, key) {
    return `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
/** Copies the object onto itself; says how, in words for its result line. */
async function copyInPlace(copy) {
    const limit = copy.maxCopyObjectBytes ?? sizing/* MAX_COPY_OBJECT_BYTES */.rK;
    try {
        if (copy.object.size > limit)
            return await multipartCopy(copy);
        try {
            await copyObject(copy);
            return 'by CopyObject';
        }
        catch (error) {
            // A store whose copy limit is lower than S3's says so as S3 would: copy by parts then.
            if (!isOverCopyLimit(error))
                throw error;
            return await multipartCopy(copy);
        }
    }
    catch (error) {
        const status = error.$metadata?.httpStatusCode;
        if (status === 412 || status === 409) {
            throw new ConcurrentWriteError(`the object changed after it was read (${(0,errors/* messageOf */.bD)(error)}); it was left as it is now: run again to re-wrap what is there`, { cause: error });
        }
        throw error;
    }
}
/** S3's answer to a CopyObject whose source is over its limit (5 GB on S3). */
function isOverCopyLimit(error) {
    return (error instanceof Error &&
        error.name === 'InvalidRequest' &&
        /larger than the maximum allowable size for a copy source/.test(error.message));
}
/** The headers and settings a copy keeps only when they are sent again. */
function kept(object) {
    const { head } = object;
    return {
        ...(head.ContentType ? { ContentType: head.ContentType } : {}),
        ...(head.CacheControl ? { CacheControl: head.CacheControl } : {}),
        ...(head.ContentDisposition ? { ContentDisposition: head.ContentDisposition } : {}),
        ...(head.ContentEncoding ? { ContentEncoding: head.ContentEncoding } : {}),
        ...(head.ContentLanguage ? { ContentLanguage: head.ContentLanguage } : {}),
        ...(head.Expires ? { Expires: head.Expires } : {}),
        ...(head.WebsiteRedirectLocation
            ? { WebsiteRedirectLocation: head.WebsiteRedirectLocation }
            : {}),
        ...(head.ServerSideEncryption ? { ServerSideEncryption: head.ServerSideEncryption } : {}),
        ...(head.SSEKMSKeyId ? { SSEKMSKeyId: head.SSEKMSKeyId } : {}),
        ...(head.BucketKeyEnabled !== undefined ? { BucketKeyEnabled: head.BucketKeyEnabled } : {}),
        ...(head.StorageClass ? { StorageClass: head.StorageClass } : {}),
    };
}
async function copyObject(copy) {
    await copy.s3.send(new dist_cjs/* CopyObjectCommand */.s9Z({
        Bucket: copy.bucket,
        Key: copy.key,
        CopySource: copySource(copy.bucket, copy.key),
        ...(copy.object.etag ? { CopySourceIfMatch: copy.object.etag } : {}),
        MetadataDirective: 'REPLACE',
        Metadata: copy.metadata,
        // Tags are copied with the object (TaggingDirective COPY, the default).
        ...kept(copy.object),
    }), copy.signal ? { abortSignal: copy.signal } : {});
}
/**
 * The object's tags as a query string, for the multipart copy to set again (CopyObject copies
 * them by itself). Whether there are any is asked of a one-byte GET (x-amz-tagging-count,
 * s3:GetObject only); only then are they read, which needs s3:GetObjectTagging.
 */
async function tagsOf(copy, options) {
    const { bucket: Bucket, key: Key, object } = copy;
    const probe = await copy.s3.send(new dist_cjs/* GetObjectCommand */.jLs({
        Bucket,
        Key,
        Range: 'bytes=0-0',
        ...(object.etag ? { IfMatch: object.etag } : {}),
    }), options);
    await probe.Body?.transformToByteArray();
    if (!probe.TagCount)
        return '';
    const tags = await copy.s3.send(new dist_cjs/* GetObjectTaggingCommand */.u4b({ Bucket, Key }), options);
    return new URLSearchParams((tags.TagSet ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])).toString();
}
/**
 * CreateMultipartUpload with the new metadata, UploadPartCopy of every range of the object
 * as it was read, then CompleteMultipartUpload only if the object is still that one. The
 * object stays as it was until the completion; a failure aborts the upload.
 */
async function multipartCopy(copy) {
    const options = copy.signal ? { abortSignal: copy.signal } : {};
    const { bucket: Bucket, key: Key, object } = copy;
    const tagging = await tagsOf(copy, options);
    const created = await copy.s3.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4({
        Bucket,
        Key,
        Metadata: copy.metadata,
        ...kept(object),
        ...(tagging === '' ? {} : { Tagging: tagging }),
    }), options);
    const UploadId = created.UploadId;
    if (!UploadId)
        throw new Error('CreateMultipartUpload returned no UploadId');
    try {
        const partBytes = (0,sizing/* partSizeFor */.oV)(object.size, copy.copyPartBytes ?? sizing/* COPY_PART_BYTES */.Y$);
        const count = Math.ceil(object.size / partBytes);
        const numbers = Array.from({ length: count }, (_, i) => i + 1);
        const copied = await (0,pool/* mapPool */.P)(numbers, PART_COPIES_AT_ONCE, async (PartNumber) => {
            const start = (PartNumber - 1) * partBytes;
            const end = Math.min(object.size, start + partBytes) - 1;
            const out = await copy.s3.send(new dist_cjs/* UploadPartCopyCommand */.Xp2({
                Bucket,
                Key,
                UploadId,
                PartNumber,
                CopySource: copySource(Bucket, Key),
                CopySourceRange: `bytes=${start}-${end}`,
                ...(object.etag ? { CopySourceIfMatch: object.etag } : {}),
            }), options);
            const ETag = out.CopyPartResult?.ETag;
            if (!ETag)
                throw new Error(`UploadPartCopy ${PartNumber} returned no ETag`);
            return { PartNumber, ETag };
        }, true);
        const parts = [];
        for (const outcome of copied) {
            if (!outcome)
                throw new Error('a part copy was not started after another failed');
            if (!outcome.ok)
                throw outcome.error;
            parts.push(outcome.value);
        }
        await copy.s3.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({
            Bucket,
            Key,
            UploadId,
            MultipartUpload: { Parts: parts },
            // Only if the object is still the one read: else a concurrent write would be lost.
            ...(object.etag ? { IfMatch: object.etag } : {}),
        }), options);
        return `by a multipart copy of ${count} part(s)`;
    }
    catch (error) {
        const deadline = (0,abort/* cleanupSignal */.Z5)(copy.signal);
        try {
            await copy.s3.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket, Key, UploadId }), {
                abortSignal: deadline.signal,
            });
        }
        catch {
            // The failure that matters is the copy's; a lifecycle rule removes what is left.
        }
        finally {
            deadline.dispose();
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/objects/rewrap.ts
/**
 * `rewrap`: one object's data key re-encrypted to another KMS key with KMS ReEncrypt under the
 * same (MediaConvert) context, and the object's metadata replaced in place. The data key never
 * leaves KMS in plaintext, and no byte of ciphertext is read or sent. An object already under
 * the target key is left alone, so a second run changes nothing.
 */








async function rewrapObject(target, context) {
    const failed = (message, decryption) => ({
        s3Uri: target.s3Uri,
        status: 'failed',
        message,
        ...(decryption ? { decryption } : {}),
    });
    let object;
    try {
        object = await headStored(context.s3, target, context.region, context.signal);
    }
    catch (error) {
        if (error instanceof MissingObjectError)
            return failed(`missing: ${error.message}`);
        throw error;
    }
    const current = object.stored.decryption;
    if (!current) {
        return failed('its metadata lacks complete decryption settings (mode, IV, encrypted data key): not re-wrapped');
    }
    const recorded = target.recorded?.decryption;
    // The encrypted key may differ (a rewrap whose manifest update did not happen); mode and IV
    // may not: then the object is another upload than the manifest's.
    const differing = recorded
        ? differingFields(current, recorded).filter((f) => f !== 'encrypted data key')
        : [];
    if (differing.length > 0) {
        return failed(`its metadata's ${differing.join(', ')} differ from the manifest's: the object was overwritten after this manifest was written; not re-wrapped`, current);
    }
    const keyRegion = keyRegionOf(object, target, context);
    if (keyRegion !== context.target.region) {
        return failed(`its data key is under a KMS key in ${keyRegion} and to-kms-key-arn is in ${context.target.region}: KMS ReEncrypt works within one region`, current);
    }
    let wrapped;
    try {
        wrapped = await context.kms(keyRegion).send(new client_kms_dist_cjs/* ReEncryptCommand */.ku1({
            CiphertextBlob: Buffer.from(current.EncryptedDecryptionKey ?? '', 'base64'),
            SourceEncryptionContext: { ...mediaconvert_decryption/* MEDIACONVERT_CONTEXT */.cQ },
            DestinationKeyId: context.target.kmsKeyArn,
            DestinationEncryptionContext: { ...mediaconvert_decryption/* MEDIACONVERT_CONTEXT */.cQ },
        }));
    }
    catch (error) {
        if (isKeyRefusal(error))
            return failed(kmsReason('ReEncrypt', error, keyRegion), current);
        throw error;
    }
    const { SourceKeyId: from, KeyId: to, CiphertextBlob: blob } = wrapped;
    if (!from || !to || !blob)
        return failed('KMS ReEncrypt returned no key', current);
    if (from === to) {
        return {
            s3Uri: target.s3Uri,
            status: 'unchanged',
            message: `its data key is under ${to} already`,
            decryption: current,
        };
    }
    if (context.dryRun) {
        return {
            s3Uri: target.s3Uri,
            status: 'would-rewrap',
            message: `its data key would be re-wrapped from ${from} to ${to}`,
            decryption: current,
        };
    }
    const jobRegion = context.manifestRegion ?? context.region;
    const decryption = {
        DecryptionMode: current.DecryptionMode,
        EncryptedDecryptionKey: Buffer.from(blob).toString('base64'),
        InitializationVector: current.InitializationVector,
        ...(keyRegion === jobRegion ? {} : { KmsKeyRegion: keyRegion }),
    };
    const metadata = {
        ...object.metadata,
        [object_metadata/* METADATA */.MV.key]: decryption.EncryptedDecryptionKey,
        [object_metadata/* METADATA */.MV.region]: keyRegion,
    };
    if ((0,object_metadata/* metadataBytes */.Lk)(metadata) > object_metadata/* MAX_METADATA_BYTES */.Fx) {
        return failed(`its metadata with the new key would be ${(0,object_metadata/* metadataBytes */.Lk)(metadata)} bytes, over S3's ${object_metadata/* MAX_METADATA_BYTES */.Fx}`, current);
    }
    let how;
    try {
        how = await copyInPlace({
            s3: context.s3,
            bucket: target.bucket,
            key: target.key,
            object,
            metadata,
            ...(context.signal ? { signal: context.signal } : {}),
            ...context.copyLimits,
        });
    }
    catch (error) {
        if (context.signal?.aborted)
            throw error;
        return failed(`replacing its metadata failed: ${(0,errors/* messageOf */.bD)(error)}`, current);
    }
    return {
        s3Uri: target.s3Uri,
        status: 'rewrapped',
        message: `data key re-wrapped from ${from} to ${to}; metadata replaced in place ${how}, no ciphertext sent`,
        decryption,
    };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/objects/manifest-update.ts
/**
 * After a rewrap, the manifest names the new encrypted data keys, so jobs built from it use
 * them. Only `files[i].decryption` changes; the rest is written back as it was read (the jobs'
 * requests stay as they were sent). The file is replaced atomically: a new file beside it,
 * then a rename, so a reader never sees half a manifest. A killed run's log beside it was
 * folded in when it was read (object-source.ts): the manifest written stands alone, and the
 * log goes.
 */




/** Writes the new decryption settings of `results` into the manifest; returns how many changed. */
async function updateManifest(manifest, targets, results) {
    let changed = 0;
    results.forEach((result, i) => {
        const index = targets[i]?.recorded?.index;
        if (index === undefined || !result.decryption)
            return;
        if (result.status !== 'rewrapped' && result.status !== 'unchanged')
            return;
        const entry = manifest.json.files[index];
        if (JSON.stringify(entry.decryption) === JSON.stringify(result.decryption))
            return;
        entry.decryption = result.decryption;
        changed += 1;
    });
    if (changed > 0) {
        await writeAtomically(manifest.path, `${JSON.stringify(manifest.json, null, 2)}\n`);
        await (0,promises_.rm)((0,manifest_log/* logPathOf */.Tw)(manifest.path), { force: true });
    }
    return changed;
}
async function writeAtomically(file, text) {
    const temporary = external_node_path_default().join(external_node_path_default().dirname(file), `.${external_node_path_default().basename(file)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    try {
        await (0,promises_.writeFile)(temporary, text, { mode: 0o644, flag: 'wx', flush: true });
        await (0,promises_.rename)(temporary, file);
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true });
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/objects/run.ts












async function runObjects(config, deps) {
    const { log } = deps;
    const list = await listObjects(config.source, deps.s3, deps.signal);
    const from = config.source.kind === 'manifest'
        ? `the manifest ${config.source.path}`
        : `s3://${config.source.bucket}/${config.source.prefix}`;
    const verb = config.command === 'verify' ? 'verify' : config.dryRun ? 'check (dry run)' : 'rewrap';
    log.info(`${list.targets.length} object(s) to ${verb}, from ${from}`);
    if (list.deleted > 0) {
        log.info(`${list.deleted} manifest entr${list.deleted === 1 ? 'y' : 'ies'} left out: deleted by delete-inputs`);
    }
    const budget = new memory_budget/* MemoryBudget */.ND(config.memoryBudgetBytes);
    const concurrency = Math.min(list.targets.length, config.concurrency ??
        (0,sizing/* autoConcurrency */.VA)(list.targets.map(sizeOf), config.rangeBytes, config.memoryBudgetBytes));
    log.info(`${concurrency} object(s) at once${config.concurrency === undefined ? ' (auto)' : ''}, buffers within ${(0,sizing/* formatMiB */.av)(config.memoryBudgetBytes)} (max-memory-mib), ${(0,sizing/* formatMiB */.av)(config.rangeBytes)} ranges`);
    const settled = await (0,pool/* mapPool */.P)(list.targets, concurrency, async (target) => {
        deps.signal?.throwIfAborted();
        const result = await processObject(target, config, deps, list, budget);
        logResult(result, log);
        return result;
    }, config.failFast);
    const results = settled.map((outcome, i) => {
        const s3Uri = list.targets[i].s3Uri;
        const status = config.command === 'verify' ? 'error' : 'failed';
        if (outcome === undefined)
            return { s3Uri, status, message: 'not started: fail-fast stopped the run' };
        if (outcome.ok)
            return outcome.value;
        return {
            s3Uri,
            status,
            message: deps.signal?.aborted ? 'interrupted' : (0,errors/* messageOf */.bD)(outcome.error),
        };
    });
    const report = {
        command: config.command,
        results,
        dryRun: config.dryRun,
        ...(list.manifest ? { manifestPath: list.manifest.path } : {}),
    };
    if (config.command === 'rewrap' && list.manifest && !config.dryRun) {
        const changed = await updateManifest(list.manifest, list.targets, results);
        if (changed > 0)
            log.info(`manifest ${list.manifest.path}: ${changed} entr${changed === 1 ? 'y' : 'ies'} updated`);
    }
    const failed = results.filter((r) => !object_result/* PASSING */.KA.has(r.status));
    log.info(totals(results));
    if (failed.length === 0)
        return { report };
    const lines = failed.map((r) => `- ${(0,safe_text/* oneLine */.TN)(`${r.s3Uri}: ${r.status}: ${r.message}`)}`);
    return {
        report,
        failure: `${failed.length} of ${results.length} object(s) did not pass:\n${lines.join('\n')}`,
    };
}
async function processObject(target, config, deps, list, budget) {
    const progress = new upload_progress/* Progress */.k({ relativePath: target.s3Uri, bytes: sizeOf(target) }, deps.log, deps.clock);
    // The object's decrypt and hash buffers come out of the budget too, as an upload's do.
    const release = await budget.reserve((0,sizing/* streamBytesFor */.Jf)(sizeOf(target)), deps.signal);
    try {
        const context = {
            s3: deps.s3,
            kms: deps.kms,
            budget,
            rangeBytes: config.rangeBytes,
            region: config.region,
            ...(list.manifest?.region ? { manifestRegion: list.manifest.region } : {}),
            ...(deps.signal ? { signal: deps.signal } : {}),
            onProgress: (bytes) => progress.update(bytes),
        };
        if (config.command === 'verify')
            return await verifyObject(target, context);
        return await rewrapObject(target, {
            ...context,
            target: config.target,
            dryRun: config.dryRun,
        });
    }
    finally {
        release();
    }
}
/** The ciphertext size an object is expected to have, for sizing concurrency and progress. */
function sizeOf(target) {
    if (target.listedBytes !== undefined)
        return target.listedBytes;
    const recorded = target.recorded;
    if (!recorded)
        return 0;
    return (0,cipher/* ciphertextLength */.V6)(recorded.decryption.DecryptionMode, recorded.bytes);
}
/** Passing results as info, the others as warnings; each line starts with its status. */
function logResult(result, log) {
    const line = `${result.status}: ${result.s3Uri}: ${result.message}`;
    if (object_result/* PASSING */.KA.has(result.status))
        log.info(line);
    else
        log.warning(line);
}
function totals(results) {
    const counts = new Map();
    for (const r of results)
        counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    return [...counts].map(([status, n]) => `${n} ${status}`).join(', ') || 'no object';
}


/***/ })

};
