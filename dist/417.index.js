export const id = 417;
export const ids = [417];
export const modules = {

/***/ 15714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R2: () => (/* binding */ warmForBucket),
/* harmony export */   VR: () => (/* binding */ warmForParts),
/* harmony export */   Vj: () => (/* binding */ sendsOverTls),
/* harmony export */   _: () => (/* binding */ addConnectionWarmup)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(53711);
/**
 * Connections opened before the requests that will use them (aws/warm-agents.ts), so that
 * those requests do not pay a TCP and a TLS handshake (two round trips) first:
 * - a multipart upload's first round of parts gets its connections while its
 *   CreateMultipartUpload is on its way. The upload says how many parts it will send at once;
 *   the Create's own request tells where they go, as the SDK resolved it (path-style or
 *   virtual-hosted, FIPS, dual-stack, a custom endpoint).
 * - a bucket the S3 client has no connection to yet gets one while KMS makes a file's data
 *   key, for the file's first request (its Create or PutObject). Where requests for the
 *   bucket go is found the same way: a request is built by the SDK and stopped before it is
 *   signed or sent.
 *
 * MediaConvert gets none: the run looks its job resources up at the start (GetJobTemplate,
 * GetQueue), and CreateJob finds that connection kept alive unless the upload outlasted the
 * service's idle timeout, where two round trips at the end are small beside the upload.
 */

const warmups = new WeakMap();
/** Where each client's requests for each bucket go: found once, by a request never sent. */
const destinations = new WeakMap();
function destinationFor(s3, bucket) {
    let byBucket = destinations.get(s3);
    if (!byBucket)
        destinations.set(s3, (byBucket = new Map()));
    let destination = byBucket.get(bucket);
    if (!destination)
        byBucket.set(bucket, (destination = whereRequestsGo(s3, bucket)));
    return destination;
}
function destinationOf(request) {
    const { protocol, hostname, port } = request;
    if (!hostname)
        return undefined;
    const secure = protocol === 'https:';
    return { secure, hostname, port: port ?? (secure ? 443 : 80) };
}
function warm(agents, to, count, busy) {
    const agent = to.secure ? agents.httpsAgent : agents.httpAgent;
    agent.warm(to.hostname, to.port, count, busy);
}
/**
 * Lets uploads through `s3` have connections opened ahead on `agents`, the client's own (a
 * client through a proxy has none); its CreateMultipartUpload opens what uploads asked for.
 */
function addConnectionWarmup(s3, agents) {
    const warmup = { agents, wanted: 0 };
    warmups.set(s3, warmup);
    s3.middlewareStack.add((next, context) => (args) => {
        if (context.commandName === 'CreateMultipartUploadCommand' && warmup.wanted > 0) {
            const to = destinationOf(args.request);
            // The Create itself takes one of them (it asks for its connection after this).
            if (to)
                warm(agents, to, warmup.wanted + 1);
            warmup.wanted = 0;
        }
        return next(args);
    }, { step: 'finalizeRequest', name: 'warmPartConnections' });
}
/**
 * Asks for `count` connections besides the one CreateMultipartUpload uses (its first part
 * takes that one when it is answered), opened when the Create goes out. A client this tool
 * did not make (a test's mock) has none to open.
 */
function warmForParts(s3, count) {
    const warmup = warmups.get(s3);
    if (warmup && count > 0)
        warmup.wanted += count;
}
/**
 * Opens one connection to where `bucket`'s requests go, unless the client has one there
 * already (idle, busy or opened ahead): called as a file's data key is asked for. Never fails:
 * where requests cannot be worked out, the request itself dials and reports why.
 */
async function warmForBucket(s3, bucket) {
    const warmup = warmups.get(s3);
    if (!warmup)
        return;
    try {
        const to = await destinationFor(s3, bucket);
        if (to)
            warm(warmup.agents, to, 1, 'count busy');
    }
    catch {
        // Left to the request itself.
    }
}
/**
 * Whether requests for `bucket` go over https, as the client's own endpoint rules say (found
 * once per client and bucket by a request never sent). False where that cannot be found: a
 * client this tool did not make (a test's mock) answers no request that way.
 */
async function sendsOverTls(s3, bucket) {
    try {
        return (await destinationFor(s3, bucket))?.secure === true;
    }
    catch {
        return false;
    }
}
/** Thrown by the request that is only built: it carries where the request would go. */
class Built extends Error {
    destination;
    constructor(destination) {
        super('built, not sent');
        this.destination = destination;
    }
}
/**
 * Sends a HeadObject for `bucket` through the client's own middleware (endpoint rules,
 * path-style, a custom endpoint) and stops it in the build step: before credentials are asked
 * for, before it is signed, before anything is sent. A HeadObject only reads, so even one
 * that got past the stop would change nothing.
 */
async function whereRequestsGo(s3, bucket) {
    const command = new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_0__/* .HeadObjectCommand */ .l81({ Bucket: bucket, Key: 'x' });
    command.middlewareStack.add(() => (args) => Promise.reject(new Built(destinationOf(args.request))), { step: 'build', priority: 'low', name: 'stopAfterBuild' });
    try {
        await s3.send(command);
        return undefined;
    }
    catch (error) {
        return error instanceof Built ? error.destination : undefined;
    }
}


/***/ }),

/***/ 609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ chunkStream),
/* harmony export */   k: () => (/* binding */ ReopenableBody)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_free_buffer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91742);
/**
 * A request body that is made anew for every attempt, instead of one held in memory for as
 * long as the request may be retried. The SDK passes it through untouched: its length is
 * known (`byteLength`, and the request carries a Content-Length), its checksum travels in a
 * header, and over https the payload is not hashed for the signature (clients.ts). The request
 * handler opens it once per attempt (paced-body.ts), so a retry sends a fresh stream of the
 * same bytes.
 */


class ReopenableBody {
    byteLength;
    #open;
    /** `open` gives a stream of exactly `byteLength` bytes, or one that fails. */
    constructor(byteLength, open) {
        this.byteLength = byteLength;
        this.#open = open;
    }
    open() {
        return this.#open();
    }
}
/** Chunks written and not yet taken by the socket, per body piped by chunkStream(). */
const OUTSTANDING_WRITES = 4;
/**
 * A stream of `chunks` (each a buffer nothing else holds) for a ReopenableBody. Piped into a
 * request, as the SDK's handler does, it writes each chunk itself and frees its memory as
 * soon as the socket has taken it (over TLS: encrypted it), with OUTSTANDING_WRITES chunks
 * written ahead; the garbage collector would otherwise find every byte of every part as
 * dead buffers (on Node 24, a fifth of the CPU of a 1 GiB upload). Read any other way, it is
 * a plain stream of the chunks. A chunk source that fails destroys the stream with its error;
 * a request that fails only stops the writing, and reports its own error.
 */
function chunkStream(chunks) {
    return new ChunkStream(chunks[Symbol.asyncIterator]());
}
class ChunkStream extends node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable {
    chunks;
    constructor(chunks) {
        super();
        this.chunks = chunks;
    }
    _read() {
        this.chunks.next().then(({ value, done }) => this.push(done === true ? null : value), (error) => this.destroy(error));
    }
    pipe(destination) {
        void this.writeAll(destination);
        return destination;
    }
    async writeAll(destination) {
        const pending = new Set();
        let failed = false;
        const write = (chunk) => {
            const written = new Promise((resolve) => {
                destination.write(chunk, (error) => {
                    if (error)
                        failed = true;
                    else if (_shared_free_buffer_js__WEBPACK_IMPORTED_MODULE_1__/* .CAN_RELEASE */ .n)
                        (0,_shared_free_buffer_js__WEBPACK_IMPORTED_MODULE_1__/* .release */ ._)(chunk);
                    resolve(!error);
                });
            });
            pending.add(written);
            void written.then(() => pending.delete(written));
        };
        try {
            for (;;) {
                const { value, done } = await this.chunks.next();
                if (done === true || failed || this.destroyed)
                    break;
                write(value);
                while (pending.size >= OUTSTANDING_WRITES)
                    await Promise.race(pending);
            }
            await Promise.all(pending);
            if (!failed && !this.destroyed)
                destination.end();
        }
        catch (error) {
            this.destroy(error);
        }
    }
}


/***/ }),

/***/ 34622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MG: () => (/* binding */ BoundedHandler),
  ku: () => (/* binding */ nameTimeouts),
  jq: () => (/* binding */ opensReopenableBodies)
});

// UNUSED EXPORTS: MIN_BYTES_PER_SECOND, attemptLimitMs, bodyLength, describeTimeout

// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-cjs/index.js
var dist_cjs = __webpack_require__(61279);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/aws/reopenable-body.ts
var reopenable_body = __webpack_require__(609);
;// CONCATENATED MODULE: ./src/aws/paced-body.ts
/**
 * Over https, a request body handed to the socket in one write is encrypted in one go: Node's
 * TLS layer turns the whole buffer into TLS records at once and holds them in native memory
 * until the network has taken them. A 5 MiB part costs 5 MiB more for as long as it is on the
 * wire, outside the memory budget and invisible to it; with 11 parts in flight on a slow link
 * that was about 60 MiB of peak RSS more than over http (216-229 against 156-171 MiB for
 * 256 MiB). Handed over in slices with backpressure instead, the socket holds at most a slice
 * or two of ciphertext, and the part's own buffer is the only copy.
 *
 * Over plain http a whole-buffer write costs nothing extra (the kernel reads the buffer
 * itself), so those bodies are left as they are. The request handler runs once per attempt,
 * after signing: the payload hash and the checksums have seen the buffer, and every retry
 * gets a fresh stream over the same bytes.
 */


/**
 * Bytes per write to a TLS socket: the most ciphertext a connection holds besides the kernel's
 * buffer. Smaller slices cost CPU in the stream machinery: PUTs of 5 MiB bodies over loopback
 * https took 0.91 CPU-s per GiB written whole, 0.92 in 256 KiB slices and 1.02 in 64 KiB ones
 * (medians of 8).
 */
const SLICE_BYTES = 256 * 1024;
/**
 * `request` with its body as a stream of slices of the same bytes (no copy) when it goes over
 * https and is a byte buffer larger than one slice, or as a fresh stream when it is a
 * ReopenableBody (over either protocol); else `request` itself.
 */
function pacedRequest(request) {
    const { body } = request;
    if (body instanceof reopenable_body/* ReopenableBody */.k)
        return withBody(request, body.open());
    if (request.protocol !== 'https:' || !(body instanceof Uint8Array))
        return request;
    if (body.byteLength <= SLICE_BYTES)
        return request;
    return withBody(request, slices(body));
}
/** A copy of the request: the SDK resends the original on a retry, so its body stays as it is. */
function withBody(request, body) {
    return Object.assign(Object.create(Object.getPrototypeOf(request)), request, {
        body,
    });
}
/** A readable stream of `bytes` in SLICE_BYTES views; it reads the next one when asked. */
function slices(bytes) {
    let offset = 0;
    return new external_node_stream_.Readable({
        // One slice buffered ahead: the socket asks for the next when it has taken this one.
        highWaterMark: SLICE_BYTES,
        read() {
            if (offset >= bytes.byteLength) {
                this.push(null);
                return;
            }
            const end = Math.min(offset + SLICE_BYTES, bytes.byteLength);
            const view = Buffer.from(bytes.buffer, bytes.byteOffset + offset, end - offset);
            offset = end;
            this.push(view);
        },
    });
}

;// CONCATENATED MODULE: ./src/aws/timeouts.ts
/**
 * Time limits on every AWS request (`request-timeout`). Without them a request that the
 * service, a proxy or the network never answers holds the step until the runner's 6-hour job
 * limit. Two limits apply to each attempt, and an attempt that passes either is given up as
 * a TimeoutError, which the SDK's retry policy retries like a dropped connection:
 * - idle: the connection moves no byte for `request-timeout` (connecting, sending or
 *   receiving), the SDK handler's own connection and socket timeouts;
 * - total: the attempt has not ended after twice `request-timeout` plus one second per
 *   MIN_BYTES_PER_SECOND it sends. An answer trickling a byte a second is never idle; this
 *   ends it, while a 5 MiB part on a slow but working link keeps its time. (Twice: a silent
 *   connection is then always reported by the idle limit, which says what happened.)
 * When the last attempt times out too, the error names the operation and the limit.
 */




/** The slowest upload rate an attempt is granted time for, on top of the idle limit. */
const MIN_BYTES_PER_SECOND = 16 * 1024;
/** How long one attempt that sends `bodyBytes` may take in all. */
function attemptLimitMs(idleMs, bodyBytes) {
    return 2 * idleMs + Math.ceil((bodyBytes / MIN_BYTES_PER_SECOND) * 1000);
}
/** The request's body size: its content-length, else the size of a buffer or string body. */
function bodyLength(request) {
    const header = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'content-length')?.[1];
    if (header !== undefined && /^\d+$/.test(header))
        return Number(header);
    const { body } = request;
    if (typeof body === 'string')
        return Buffer.byteLength(body);
    if (body instanceof Uint8Array)
        return body.length;
    return 0;
}
const TOTAL_MESSAGE = 'the attempt did not end within';
function totalTimeout(limitMs) {
    return Object.assign(new Error(`${TOTAL_MESSAGE} ${formatSeconds(limitMs)}`), {
        name: 'TimeoutError',
    });
}
/**
 * The SDK's Node.js handler with the idle limits set, wrapped so that each attempt also has
 * its total limit. The step's cancel still cuts an attempt at once: its signal is passed on.
 * Large https bodies go to the socket in slices (paced-body.ts).
 */
class BoundedHandler {
    idleMs;
    metadata = { handlerProtocol: 'http/1.1' };
    inner;
    constructor(idleMs, options = {}) {
        this.idleMs = idleMs;
        this.inner = new dist_cjs.NodeHttpHandler({
            ...options,
            connectionTimeout: idleMs,
            socketTimeout: idleMs,
        });
    }
    async handle(request, options = {}) {
        const limitMs = attemptLimitMs(this.idleMs, bodyLength(request));
        const controller = new AbortController();
        const outer = options.abortSignal;
        const onOuter = () => controller.abort(outer?.reason);
        if (outer?.aborted)
            onOuter();
        else
            outer?.addEventListener('abort', onOuter, { once: true });
        let body;
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            const error = totalTimeout(limitMs);
            controller.abort(error);
            body?.destroy(error);
        }, limitMs);
        // A timer must not hold the process open once everything else is done.
        timer.unref();
        const release = () => {
            clearTimeout(timer);
            outer?.removeEventListener('abort', onOuter);
        };
        const sent = pacedRequest(request);
        // A body made for this attempt that fails (its file changed or could not be read) ends
        // the attempt with its own error; else the request would wait for bytes that never come.
        const made = request.body instanceof reopenable_body/* ReopenableBody */.k ? sent.body : undefined;
        let bodyError;
        made?.once('error', (error) => {
            bodyError ??= { error };
            controller.abort(error);
        });
        try {
            const result = await this.inner.handle(sent, {
                ...options,
                abortSignal: controller.signal,
            });
            const stream = result.response.body;
            if (stream && typeof stream.destroy === 'function' && typeof stream.on === 'function') {
                // The limit runs on while the answer's body is read, until it ends one way or another.
                body = stream;
                (0,external_node_stream_.finished)(stream, release);
            }
            else {
                release();
            }
            return result;
        }
        catch (error) {
            release();
            made?.destroy();
            if (timedOut)
                throw totalTimeout(limitMs);
            if (bodyError)
                throw bodyError.error;
            throw error;
        }
    }
    updateHttpClientConfig(key, value) {
        this.inner.updateHttpClientConfig(key, value);
    }
    httpHandlerConfigs() {
        return this.inner.httpHandlerConfigs();
    }
    destroy() {
        this.inner.destroy();
    }
}
/**
 * Whether a client sends its requests through a BoundedHandler, and so opens a
 * ReopenableBody for each attempt (a client this tool did not make would send its bytes as
 * they are, not the stream they stand for).
 */
function opensReopenableBodies(client) {
    return client.config.requestHandler instanceof BoundedHandler;
}
/**
 * Turns the TimeoutError of a request whose every attempt timed out into one that names the
 * operation, what ran out, the limit and the attempts. Added outside the retry loop: it sees
 * only the final error.
 */
function nameTimeouts(client, idleMs) {
    client.middlewareStack.add((next, context) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            if (!(error instanceof Error) || error.name !== 'TimeoutError')
                throw error;
            const operation = context.commandName?.replace(/Command$/, '') ?? 'request';
            throw Object.assign(new Error(describeTimeout(operation, error, idleMs), { cause: error }), {
                name: 'TimeoutError',
                $metadata: error.$metadata,
            });
        }
    }, { step: 'initialize', priority: 'high', name: 'mediaconvertEncryptTimeouts' });
}
/** "UploadPart timed out: the connection moved no byte for 30 s (request-timeout 30 s, 6 attempts)". */
function describeTimeout(operation, error, idleMs) {
    const attempts = error.$metadata?.attempts;
    const message = error.message.split('\n')[0] ?? '';
    let what;
    if (message.startsWith(TOTAL_MESSAGE))
        what = message;
    else if (/did not establish a connection/.test(message)) {
        what = `no connection within ${formatSeconds(idleMs)}`;
    }
    else if (/of inactivity/.test(message)) {
        what = `the connection moved no byte for ${formatSeconds(idleMs)}`;
    }
    else
        what = message;
    const tries = attempts === undefined ? '' : `, ${attempts} attempt${attempts === 1 ? '' : 's'}`;
    return `${operation} timed out: ${what} (request-timeout ${formatSeconds(idleMs)}${tries})`;
}
function formatSeconds(ms) {
    return `${Number((ms / 1000).toFixed(2))} s`;
}


/***/ }),

/***/ 98662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ie: () => (/* binding */ runIdentityFrom),
/* harmony export */   o3: () => (/* binding */ freshRun)
/* harmony export */ });
/* unused harmony exports resumedRun, isRunKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Which run this is, across its attempts. The key is the seed of every ClientRequestToken and
 * is written on every object (S3 metadata) and job (UserMetadata) the run makes, so that a
 * later attempt of the same run can tell its own earlier work from anything else and pick it
 * up (pipeline/resume.ts).
 */

/** In GitHub Actions: the step of this workflow run, whatever the attempt. */
function runIdentityFrom(env, now) {
    const { GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_JOB, GITHUB_ACTION } = env;
    if (!GITHUB_RUN_ID)
        return freshRun(now);
    const attempt = Math.max(1, Number.parseInt(GITHUB_RUN_ATTEMPT ?? '1', 10) || 1);
    const parts = ['github', GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_JOB, GITHUB_ACTION];
    return { key: keyOf(parts.join('\n')), attempt, startedAt: now, resuming: attempt > 1 };
}
/** A run of its own (the CLI without --resume): a random key. */
function freshRun(now) {
    return { key: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex'), attempt: 1, startedAt: now, resuming: false };
}
/** The CLI's --resume: the run the manifest names, one attempt later. */
function resumedRun(key, attempt, now) {
    return { key, attempt: attempt + 1, startedAt: now, resuming: true };
}
/** A run key as the manifest holds it. */
function isRunKey(value) {
    return typeof value === 'string' && /^[0-9a-f]{32}$/.test(value);
}
function keyOf(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, 32);
}


/***/ }),

/***/ 87417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPipeline: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(88701);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
;// CONCATENATED MODULE: ./src/files/artifact.ts





/**
 * Downloads the named artifact of this run (or of `source`'s run) into a new folder under
 * `tempDir`, checked against the digest its listing gives, and returns the folder the files
 * are in. A disk without room for it is named at once: before the download when the listed
 * size does not fit, and as soon as the disk is full while it runs.
 */
async function downloadArtifact(client, name, tempDir, options = {}) {
    const find = options.source ? { findBy: options.source } : {};
    const where = options.source
        ? `workflow run ${options.source.workflowRunId} of ${options.source.repositoryOwner}/${options.source.repositoryName}`
        : 'this workflow run';
    let listed;
    try {
        listed = (await client.getArtifact(name, find)).artifact;
    }
    catch (error) {
        throw new Error(`artifact '${name}' was not found in ${where}: ${(0,errors/* messageOf */.bD)(error)}`, {
            cause: error,
        });
    }
    const freeSpace = options.freeSpace ?? freeBytes;
    const free = await freeSpace(tempDir);
    if (listed.size !== undefined && free !== undefined && free < listed.size) {
        throw new Error(`artifact '${name}' is ${listed.size} bytes zipped, but the disk holding ${tempDir} has ${free} bytes free: no space left on device (ENOSPC); free space on the runner or use a smaller artifact`);
    }
    if (!listed.digest) {
        options.onWarning?.(`artifact '${name}' has no digest in its listing (uploaded by actions/upload-artifact before v4?): its download cannot be checked`);
    }
    const target = await (0,promises_.mkdtemp)(external_node_path_default().join(tempDir, 'mediaconvert-encrypt-artifact-'));
    options.onFolder?.(target);
    const stop = new AbortController();
    try {
        const result = await Promise.race([
            client.downloadArtifact(listed.id, {
                path: target,
                ...(listed.digest ? { expectedHash: listed.digest } : {}),
                ...find,
            }),
            untilDiskFull(name, target, { pollMs: options.pollMs ?? 100, freeSpace }, stop.signal),
        ]);
        if (result.digestMismatch) {
            throw new Error(`artifact '${name}' does not match the digest its listing gives (${listed.digest}): it was changed or damaged after upload, and nothing from it is used`);
        }
        return result.downloadPath ?? target;
    }
    finally {
        stop.abort();
    }
}
/** Bytes an unprivileged writer may still use on the disk holding `dir`, if it can be told. */
async function freeBytes(dir) {
    try {
        const info = await (0,promises_.statfs)(dir);
        return info.bavail * info.bsize;
    }
    catch {
        return undefined;
    }
}
/**
 * Rejects once the disk holding `dir` has no space left. @actions/artifact retries a failed
 * download 5 times, 5 s apart, whatever the error, and tells the cause only in debug lines;
 * a full disk does not empty itself, so the run stops at once and says so. The download is
 * left running: AbandonedWorkError tells the caller to end the process once its report is
 * out.
 */
async function untilDiskFull(name, dir, watch, signal) {
    for (;;) {
        try {
            await (0,external_node_timers_promises_.setTimeout)(watch.pollMs, undefined, { signal });
        }
        catch {
            // The download ended first: nothing left to watch, and nothing to settle.
            return new Promise(() => undefined);
        }
        if ((await watch.freeSpace(dir)) === 0) {
            throw new errors/* AbandonedWorkError */.Og(`artifact '${name}' does not fit: the disk holding ${dir} is full (no space left on device, ENOSPC) while downloading; free space on the runner or use a smaller artifact`);
        }
    }
}
/**
 * Removes downloaded artifact folders (plaintext media) at the end of a run, whatever its
 * outcome. A folder that cannot be removed is a warning, not a failure of the run.
 */
async function removeDownloads(folders, log) {
    for (const folder of folders) {
        try {
            await (0,io/* rmRF */.Yz)(folder);
            log.info(`removed the downloaded artifact from ${folder}`);
        }
        catch (error) {
            log.warning(`could not remove the downloaded artifact at ${folder}: ${(0,errors/* messageOf */.bD)(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/inputs/doubtful.ts
/** The warnings `config` deserves, each one line. */
function doubtfulChoices(config) {
    const warnings = [];
    if (config.mode === 'AES_CTR' && config.ivBytes === 12) {
        // docs/ctr-12-byte-iv.md: the two conventions, and why neither is proven.
        warnings.push("iv-length 12 with AES_CTR: how MediaConvert turns a 12-byte CTR IV into its 16-byte counter is not documented. This tool appends four zero bytes, so the counter starts at IV || 00000000 (as openssl enc does); the AWS S3 encryption client starts at IV || 00000002 (GCM's J0 = IV || 00000001, incremented once). If MediaConvert does the latter, every job decrypts to noise. Use the default 16-byte IV, which leaves nothing to interpretation (docs/ctr-12-byte-iv.md).");
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/mediaconvert/file-input.ts
/**
 * Which encrypted files MediaConvert cannot take as a job's FileInput, by name, so that they
 * are refused before anything is encrypted or uploaded.
 *
 * The service model's FileInput rule is no help here any more: the model in Debian's awscli
 * 2.9 (settings-model.generated.ts) still lists the accepted extensions, but the newest model
 * found (botocore 1.43.11) accepts any name under `s3://bucket/` of up to 2048 characters,
 * which every object key of this action (at most 1024 bytes) fits. What remains is a fact of
 * the service: it does not decrypt HLS inputs.
 */
/**
 * Why MediaConvert cannot use the encrypted object at `key` as a job input, or undefined.
 * An HLS playlist names its segments as separate objects; MediaConvert reads HLS inputs only
 * unencrypted (its HLS input requirements: no EXT-X-KEY, "MediaConvert does not support HLS
 * encrypted inputs"), so encrypted segments would reach it as ciphertext.
 */
function encryptedInputProblem(key) {
    if (/\.m3u8$/i.test(key)) {
        return 'is an HLS playlist (.m3u8): MediaConvert does not decrypt HLS inputs, so its segments would reach the job as ciphertext; give the media files themselves, or set create-job: false to encrypt and upload only';
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
// EXTERNAL MODULE: ./src/crypto/cipher.ts
var crypto_cipher = __webpack_require__(3510);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/@actions/glob/lib/glob.js + 17 modules
var glob = __webpack_require__(42377);
// EXTERNAL MODULE: ./src/mediaconvert/decryption.ts
var decryption = __webpack_require__(59914);
;// CONCATENATED MODULE: ./src/files/undecodable.ts
/**
 * File names that are not UTF-8. Node reads directory entries as UTF-8 and puts U+FFFD where
 * a byte does not decode, so such a name comes back as a path that does not exist (ENOENT on
 * the next lstat). S3 keys are UTF-8: the file cannot be uploaded under its name at all.
 */


const strict = new TextDecoder('utf-8', { fatal: true });
/**
 * `bytes` as text: every valid UTF-8 sequence decoded, every other byte as `\xHH`, so a name
 * can be shown as it is on disk.
 */
function escapeNonUtf8(bytes) {
    let out = '';
    let i = 0;
    while (i < bytes.length) {
        let decoded;
        let used = 1;
        for (let n = 1; n <= 4 && i + n <= bytes.length && decoded === undefined; n++) {
            try {
                decoded = strict.decode(bytes.subarray(i, i + n));
                used = n;
            }
            catch {
                // An incomplete or invalid sequence: try one byte more.
            }
        }
        out += decoded ?? `\\x${bytes[i].toString(16).toUpperCase().padStart(2, '0')}`;
        i += used;
    }
    return out;
}
/**
 * When `missing` (a path a directory listing gave, which lstat no longer finds) stands for an
 * entry whose real name is not UTF-8: that name, escaped, relative to `root`. Otherwise
 * undefined (the file really went away).
 */
async function undecodableName(root, missing) {
    if (!missing.includes('\uFFFD'))
        return undefined;
    const dir = external_node_path_default().dirname(missing);
    const entries = await (0,promises_.readdir)(dir, { encoding: 'buffer' }).catch(() => []);
    const raw = entries.find((name) => name.toString('utf8') === external_node_path_default().basename(missing) &&
        !Buffer.from(name.toString('utf8'), 'utf8').equals(name));
    if (raw === undefined)
        return undefined;
    const parent = external_node_path_default().relative(root, dir).split((external_node_path_default()).sep).join('/');
    return `${parent === '' ? '' : `${parent}/`}${escapeNonUtf8(raw)}`;
}

;// CONCATENATED MODULE: ./src/files/listing.ts








function identityOf(info) {
    const { dev, ino, size, mtimeMs, ctimeMs } = info;
    return { dev, ino, size, mtimeMs, ctimeMs };
}
/** S3 refuses keys longer than this many UTF-8 bytes. */
const MAX_KEY_BYTES = 1024;
/**
 * Expands the globs under `root`, checks every match is a readable, non-empty regular file
 * inside the root, maps it to its object key and returns the sorted list (this shard's share).
 */
async function findFiles(query) {
    const root = await (0,promises_.realpath)(query.root);
    const matched = await expandPatterns(root, query);
    const all = [];
    const keys = new Map();
    for (const absolutePath of matched) {
        const file = await describeFile(root, absolutePath, query);
        const other = keys.get(file.key);
        if (other !== undefined) {
            throw new errors/* InputError */.dz('files', `'${other}' and '${file.relativePath}' both map to object key '${file.key}'`);
        }
        keys.set(file.key, file.relativePath);
        all.push(file);
    }
    all.sort((a, b) => a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0);
    return query.shard
        ? all.filter((f) => shardOf(f.relativePath, query.shard.count) === query.shard.index)
        : all;
}
/**
 * Which shard (1-based) of `count` a path belongs to. Hash-based, so adding or removing a file
 * never moves another file to a different shard.
 */
function shardOf(relativePath, count) {
    const digest = (0,external_node_crypto_.createHash)('sha256').update(relativePath).digest();
    return (digest.readUInt32BE(0) % count) + 1;
}
/** A path with a file or folder name starting with `.` below the root. */
function isHidden(root, absolutePath) {
    return external_node_path_default().relative(root, absolutePath)
        .split((external_node_path_default()).sep)
        .some((name) => name.startsWith('.'));
}
async function expandPatterns(root, query) {
    const { patterns } = query;
    const includeHidden = query.includeHidden ?? false;
    const negations = patterns.filter((p) => p.startsWith('!'));
    const found = new Set();
    for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
        const lines = [pattern, ...negations].map((p) => p.startsWith('!') ? `!${external_node_path_default().join(root, p.slice(1))}` : external_node_path_default().join(root, p));
        const globOf = async (followSymbolicLinks) => {
            const globber = await glob/* create */.v(lines.join('\n'), {
                matchDirectories: false,
                implicitDescendants: false,
                followSymbolicLinks,
            });
            // A symlink loop, an unreadable directory or a name that is not UTF-8 makes the glob
            // itself fail.
            return globber.glob().catch(async (error) => {
                const missing = error.path;
                const name = missing === undefined ? undefined : await undecodableName(root, missing);
                if (name !== undefined) {
                    throw new errors/* InputError */.dz('files', `'${pattern}' reaches '${name}', whose name is not valid UTF-8 (the bytes shown as \\xHH): S3 object keys are UTF-8, so it cannot be uploaded under its name; rename it (e.g. convmv -f latin1 -t utf-8 --notest) or use patterns that do not reach it (a '!' pattern does not keep the search from reading it)`);
                }
                throw new errors/* InputError */.dz('files', `'${pattern}' cannot be expanded: ${error.message}`);
            });
        };
        const matches = await globOf(true);
        // The glob drops a symbolic link whose target does not exist without a word; say so.
        const dangling = (await danglingLinks(await globOf(false), new Set(matches))).filter((m) => includeHidden || !isHidden(root, m));
        const relative = (m) => external_node_path_default().relative(root, m).split((external_node_path_default()).sep).join('/');
        if (matches.length === 0 && dangling.length > 0) {
            throw new errors/* InputError */.dz('files', `'${pattern}' matches only symbolic links whose target does not exist: ${dangling.map((m) => `'${relative(m)}'`).join(', ')}`);
        }
        if (dangling.length > 0) {
            query.onWarning?.(`'${pattern}': ${dangling.length} symbolic link(s) whose target does not exist skipped: ${dangling.map((m) => `'${relative(m)}'`).join(', ')}`);
        }
        if (matches.length === 0)
            await explainNoMatch(root, pattern, negations);
        // As actions/upload-artifact: `**` must not sweep up .git/config or a .env file.
        const taken = includeHidden ? matches : matches.filter((m) => !isHidden(root, m));
        if (taken.length === 0) {
            throw new errors/* InputError */.dz('files', `'${pattern}' matches only hidden files or folders (names starting with '.'); set include-hidden-files: true to take them`);
        }
        for (const match of taken)
            found.add(match);
    }
    return [...found];
}
/** Of the paths a glob found without following links, the links that lead nowhere. */
async function danglingLinks(unfollowed, taken) {
    const out = [];
    for (const candidate of unfollowed) {
        if (taken.has(candidate))
            continue;
        const info = await (0,promises_.lstat)(candidate).catch(() => undefined);
        if (!info?.isSymbolicLink())
            continue;
        const target = await (0,promises_.stat)(candidate).catch((error) => error.code);
        if (target === 'ENOENT' || target === 'ENOTDIR')
            out.push(candidate);
    }
    return out.sort();
}
async function explainNoMatch(root, pattern, negations) {
    const literal = external_node_path_default().join(root, pattern);
    const info = await (0,promises_.stat)(literal).catch(() => undefined);
    if (info?.isDirectory()) {
        throw new errors/* InputError */.dz('files', `'${pattern}' is a directory; use '${pattern.replace(/\/+$/, '')}/**' to take the files in it`);
    }
    if (negations.length > 0) {
        // Matched without the negations: they took every file out.
        const globber = await glob/* create */.v(external_node_path_default().join(root, pattern), {
            matchDirectories: false,
            implicitDescendants: false,
        });
        const excluded = await globber.glob().catch(() => []);
        if (excluded.length > 0) {
            const first = external_node_path_default().relative(root, excluded.sort()[0]).split((external_node_path_default()).sep).join('/');
            throw new errors/* InputError */.dz('files', `'${pattern}' matches ${excluded.length} file(s), all excluded by ${negations.map((n) => `'${n}'`).join(', ')} (e.g. '${first}'); change the pattern or the negation`);
        }
    }
    throw new errors/* InputError */.dz('files', `'${pattern}' matches no file under ${root}`);
}
async function describeFile(root, absolutePath, query) {
    const relativePath = external_node_path_default().relative(root, absolutePath).split((external_node_path_default()).sep).join('/');
    const real = await (0,promises_.realpath)(absolutePath).catch((error) => {
        throw new errors/* InputError */.dz('files', `'${relativePath}' cannot be resolved: ${error.message}`);
    });
    if (real !== root && !real.startsWith(root + (external_node_path_default()).sep)) {
        throw new errors/* InputError */.dz('files', `'${relativePath}' is a symbolic link that leads outside ${root}`);
    }
    const info = await (0,promises_.stat)(real);
    if (!info.isFile())
        throw new errors/* InputError */.dz('files', `'${relativePath}' is not a regular file`);
    try {
        await (0,promises_.access)(real, external_node_fs_.constants.R_OK);
    }
    catch {
        throw new errors/* InputError */.dz('files', `'${relativePath}' is not readable`);
    }
    if (info.size === 0)
        throw new errors/* InputError */.dz('files', `'${relativePath}' is empty: nothing to transcode`);
    if (query.mode === 'AES_GCM' && info.size > decryption/* GCM_MAX_PLAINTEXT_BYTES */.BL) {
        throw new errors/* InputError */.dz('mode', `'${relativePath}' is ${info.size} bytes, over AES_GCM's limit of ${decryption/* GCM_MAX_PLAINTEXT_BYTES */.BL}; use AES_CTR or AES_CBC`);
    }
    const key = (query.destination.prefix + relativePath).normalize('NFC');
    if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
        throw new errors/* InputError */.dz('files', `object key for '${relativePath}' is longer than ${MAX_KEY_BYTES} bytes`);
    }
    return {
        absolutePath: real,
        relativePath,
        bytes: info.size,
        bucket: query.destination.bucket,
        key,
        listed: identityOf(info),
    };
}

// EXTERNAL MODULE: ./src/shared/free-buffer.ts
var free_buffer = __webpack_require__(91742);
// EXTERNAL MODULE: ./src/shared/units.ts
var units = __webpack_require__(64886);
;// CONCATENATED MODULE: ./src/files/read-chunks.ts
/**
 * Reading a file in large chunks, with reads issued ahead of the consumer into a few reused
 * buffers: the one reader the cipher, the hash of `if-exists` and the benchmarks share.
 */



const DEFAULT_CHUNK_BYTES = units/* MIB */.D;
/** OpenSSL's update() takes an int length; stay far below it and keep buffers sane. */
const MAX_CHUNK_BYTES = 256 * units/* MIB */.D;
function assertChunkBytes(chunkBytes) {
    if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) {
        throw new RangeError(`chunk size must be an integer from 1 to ${MAX_CHUNK_BYTES} bytes, got ${chunkBytes}`);
    }
}
/**
 * Reads a file in large chunks as an async iterable.
 *
 * READ_AHEAD reads run in the libuv thread pool ahead of the consumer, into a few buffers
 * allocated as needed and reused, so disk I/O overlaps with encryption and the reading
 * thread never waits for the encrypting one to ask. They are freed once the file has been read
 * (where the runtime can). Consequence: a yielded chunk is valid only until the consumer asks
 * for the next one. encrypt() honours that (update() copies into a fresh output buffer);
 * anyone who keeps a chunk must copy it.
 */
function readChunks(source, chunkBytes = DEFAULT_CHUNK_BYTES) {
    assertChunkBytes(chunkBytes);
    return readChunksGenerator(source, chunkBytes);
}
/**
 * Reads issued ahead of the chunk the consumer holds. Two instead of one: encryption alone of
 * 1 GiB (AES_CTR, page cache) went from about 1570 to 1750 MiB/s here.
 */
const READ_AHEAD = 2;
/**
 * Where the file's length as first seen is reached, the read that finds its end goes into a
 * small buffer: a file of one chunk (a batch's small file) then takes one chunk's buffer, not
 * three.
 */
const END_PROBE_BYTES = 4096;
/** A path is opened and closed here; a handle given by the caller stays the caller's to close. */
async function* readChunksGenerator(source, chunkBytes) {
    const handle = typeof source === 'string' ? await (0,promises_.open)(source, 'r') : source;
    const inFlight = [];
    /** Buffers neither being read into nor held by the consumer. */
    const free = [];
    try {
        // A small file gets small buffers (a batch of small files would otherwise allocate whole
        // chunks per file); a file that grows meanwhile is still read to its end.
        let knownEnd = (await handle.stat()).size;
        const size = Math.max(1, Math.min(chunkBytes, knownEnd));
        let nextPosition = 0;
        const readAhead = () => {
            const position = nextPosition;
            const probe = position >= knownEnd && size > END_PROBE_BYTES;
            const buffer = probe
                ? Buffer.allocUnsafe(END_PROBE_BYTES)
                : (free.pop() ?? Buffer.allocUnsafe(size));
            nextPosition += buffer.length;
            const bytesRead = handle.read(buffer, 0, buffer.length, position).then((r) => r.bytesRead);
            // A read failing while we are suspended at `yield` must not be reported as an unhandled
            // rejection; awaiting it below still throws.
            bytesRead.catch(() => undefined);
            inFlight.push({ buffer, position, bytesRead });
        };
        /** Only chunk-sized buffers are reused. */
        const keep = (buffer) => {
            if (buffer.length === size)
                free.push(buffer);
        };
        for (let i = 0; i < READ_AHEAD; i++)
            readAhead();
        for (;;) {
            const read = inFlight.shift();
            const bytesRead = await read.bytesRead;
            if (bytesRead === 0) {
                keep(read.buffer);
                return;
            }
            // The file grew past the length first seen: read on in whole chunks.
            if (read.position + bytesRead > knownEnd)
                knownEnd = Infinity;
            if (bytesRead < read.buffer.length) {
                // A short read (the end of the file, or a file system that returns less): the reads
                // issued after it start at the wrong offsets. Drop them; go on where this one ended.
                const dropped = inFlight.splice(0);
                await Promise.allSettled(dropped.map((d) => d.bytesRead));
                for (const d of dropped)
                    keep(d.buffer);
                nextPosition = read.position + bytesRead;
            }
            while (inFlight.length < READ_AHEAD)
                readAhead();
            yield read.buffer.subarray(0, bytesRead);
            // The consumer asked for the next chunk, so it is done with this one.
            keep(read.buffer);
        }
    }
    finally {
        // The consumer stopped early (or a read failed): let reads in flight settle before
        // closing the handle under them. Their outcome no longer matters.
        await Promise.allSettled(inFlight.map((r) => r.bytesRead));
        // No one reads these any more (a chunk the consumer still holds is in neither list): their
        // memory goes back now, where the runtime can, instead of at the next full collection.
        for (const { buffer } of inFlight.splice(0))
            (0,free_buffer/* release */._)(buffer);
        for (const buffer of free.splice(0))
            (0,free_buffer/* release */._)(buffer);
        if (typeof source === 'string')
            await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/files/listed-file.ts
/**
 * Reading a listed file: opened once, never through a symbolic link put at its path since
 * listing, and checked through the open descriptor (fstat) against what was listed, so what
 * is checked is what is read.
 */




/**
 * Opens the listed file for reading without following a symbolic link in its place (its path
 * is the resolved one, so a link there now was put there after listing) and without blocking
 * on a FIFO swapped in.
 */
async function openListed(file) {
    try {
        return await (0,promises_.open)(file.absolutePath, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ELOOP') {
            throw new Error('file was replaced since it was listed (a symbolic link is at its path now)');
        }
        if (code === 'ENOENT')
            throw new Error('file was removed since it was listed');
        throw error;
    }
}
/**
 * Fails when the open file is not the one listed or has changed: another device or inode
 * (replaced, or swapped for another file), size, modification or change time. The open file
 * itself is asked (fstat), so what is checked is what is read.
 */
async function expectUnchanged(handle, file, when) {
    if (!file.listed)
        return;
    const info = await handle.stat();
    const listed = file.listed;
    if (info.dev !== listed.dev || info.ino !== listed.ino) {
        throw new Error(`file was replaced ${when} (another file is at its path now)`);
    }
    if (!info.isFile())
        throw new Error(`file is no longer a regular file`);
    const now = identityOf(info);
    const changed = ['size', 'mtimeMs', 'ctimeMs'].filter((k) => now[k] !== listed[k]);
    if (changed.length > 0) {
        throw new Error(`file changed ${when} (${changed.map((k) => k.replace('Ms', '')).join(', ')} differ): its ciphertext would not match any one version of it`);
    }
}
/**
 * The one way a listed file is read: opened once (openListed), checked against what was listed
 * before the first byte and after the last (expectUnchanged), and refused when it yields a
 * different number of bytes than was listed. Chunks are valid until the next is asked for.
 */
async function* readListed(file, chunkBytes) {
    const handle = await openListed(file);
    try {
        // Still the file that was listed (not swapped for a link elsewhere, not rewritten since)?
        await expectUnchanged(handle, file, 'since it was listed');
        let bytes = 0;
        for await (const chunk of readChunks(handle, chunkBytes)) {
            bytes += chunk.length;
            yield chunk;
        }
        if (bytes !== file.bytes) {
            throw new Error(`file changed while being read: ${file.bytes} bytes listed, ${bytes} read`);
        }
        await expectUnchanged(handle, file, 'while being read');
    }
    finally {
        await handle.close();
    }
}

// EXTERNAL MODULE: ./src/upload/object-metadata.ts
var object_metadata = __webpack_require__(71706);
// EXTERNAL MODULE: ./src/aws/abort.ts
var abort = __webpack_require__(36591);
;// CONCATENATED MODULE: ./src/upload/if-exists.ts
/**
 * `if-exists`: what happens when an object already exists at a file's key. Decided per file
 * before its data key is made, so a skipped or refused file costs one HeadObject (and, for
 * skip, one local read to hash it) and nothing else.
 */







/**
 * HeadObject: the object's metadata, size and time, or undefined when there is none (404).
 * `purpose` names what looks, in the error: `if-exists`, or `resume`.
 */
async function headObject(s3, file, signal, purpose = 'if-exists') {
    try {
        const out = await s3.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: file.bucket, Key: file.key }), signal ? { abortSignal: (0,abort/* requestSignal */.OL)(signal) } : {});
        return {
            metadata: out.Metadata ?? {},
            ...(out.ContentLength === undefined ? {} : { contentLength: out.ContentLength }),
            ...(out.LastModified === undefined ? {} : { lastModified: out.LastModified }),
        };
    }
    catch (error) {
        const status = error.$metadata?.httpStatusCode;
        if (status === 404 || error.name === 'NotFound')
            return undefined;
        const hint = status === 403
            ? ` (${purpose} needs s3:GetObject on the destination, and s3:ListBucket for a missing object to answer 404 rather than 403)`
            : '';
        throw new Error(`checking s3://${file.bucket}/${file.key} (${purpose}) failed: ${(0,errors/* messageOf */.bD)(error)}${hint}`, { cause: error });
    }
}
/**
 * SHA-256 and size of a listed file, in one read of the open file checked against what was
 * listed (as the encrypting pass does).
 */
async function hashFile(file, headBytes) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    let head;
    for await (const chunk of readListed(file)) {
        // With `headBytes`, also the SHA-256 of the first that many bytes, in the same read.
        const cut = headBytes !== undefined && head === undefined ? headBytes - bytes : Infinity;
        if (cut <= chunk.length) {
            hash.update(chunk.subarray(0, cut));
            head = hash.copy().digest('hex');
            hash.update(chunk.subarray(cut));
        }
        else {
            hash.update(chunk);
        }
        bytes += chunk.length;
    }
    return { sha256: hash.digest('hex'), bytes, ...(head === undefined ? {} : { head }) };
}
/**
 * `overwrite`: upload, no request. `fail`: throws, naming the file and the object, when the
 * object exists. `skip`: hashes the file and reads the object's metadata (both at once); the
 * upload is skipped when the object holds this plaintext (same SHA-256 and size) in the
 * configured mode, with complete decryption settings and the ciphertext size that implies.
 */
async function decideUpload(file, config, s3, signal) {
    const s3Uri = `s3://${file.bucket}/${file.key}`;
    if (config.ifExists === 'overwrite')
        return { upload: true };
    if (config.ifExists === 'fail') {
        if (await headObject(s3, file, signal)) {
            throw new Error(`${file.relativePath}: ${s3Uri} already exists and if-exists is fail; nothing was uploaded (use overwrite to replace it, skip to keep it when unchanged)`);
        }
        return { upload: true };
    }
    const [local, existing] = await Promise.all([hashFile(file), headObject(s3, file, signal)]);
    if (!existing)
        return { upload: true, plaintextSha256: local.sha256 };
    const why = differs(existing, local, config);
    if (why !== undefined)
        return { upload: true, plaintextSha256: local.sha256, replacing: why };
    const stored = (0,object_metadata/* readObjectMetadata */.XY)(existing.metadata, config.region);
    return {
        upload: false,
        result: {
            relativePath: file.relativePath,
            bytes: local.bytes,
            plaintextSha256: local.sha256,
            s3Uri,
            decryption: stored.decryption,
            skipped: true,
        },
    };
}
/** Why the existing object is not this file's ciphertext, or undefined when it is. */
function differs(existing, local, config) {
    const stored = (0,object_metadata/* readObjectMetadata */.XY)(existing.metadata, config.region);
    if (stored.sha256 === undefined || stored.bytes === undefined) {
        return 'its metadata has no plaintext SHA-256 and size (uploaded before if-exists: skip was used)';
    }
    if (stored.sha256 !== local.sha256 || stored.bytes !== local.bytes)
        return 'the file changed';
    if (stored.mode !== config.mode)
        return `it was encrypted with ${stored.mode ?? 'another mode'}`;
    if (!stored.decryption)
        return 'its decryption settings in the metadata are incomplete';
    const expected = (0,crypto_cipher/* ciphertextLength */.V6)(config.mode, local.bytes);
    if (existing.contentLength !== undefined && existing.contentLength !== expected) {
        return `its size is ${existing.contentLength} bytes, not the ${expected} this file encrypts to`;
    }
    return undefined;
}
/** The log lines of a skipped file, inside its group. */
function logSkipped(result, log) {
    log.info(`unchanged, not uploaded (if-exists: skip): ${result.s3Uri}`);
    log.info(`plaintext SHA-256 ${result.plaintextSha256}, decryption settings from the object's metadata`);
}

// EXTERNAL MODULE: ./src/inputs/sizing.ts
var sizing = __webpack_require__(61163);
// EXTERNAL MODULE: ./src/shared/pool.ts
var pool = __webpack_require__(15135);
;// CONCATENATED MODULE: ./src/pipeline/dry-run.ts




async function planDryRun(files, config, plan, s3, signal) {
    // HEAD requests hold no buffers: with `concurrency: auto`, as many as small files get.
    const settled = await (0,pool/* mapPool */.P)(files, config.concurrency ?? sizing/* AUTO_CONCURRENCY */.oi.max, async (file) => decideUpload(file, config, s3, signal));
    const planned = files.map((file, i) => {
        const base = {
            path: file.relativePath,
            bytes: file.bytes,
            s3Uri: `s3://${file.bucket}/${file.key}`,
        };
        const outcome = settled[i];
        if (outcome?.ok)
            return { ...base, action: outcome.value.upload ? 'upload' : 'skip' };
        const reason = outcome
            ? (0,errors/* messageOf */.bD)(outcome.error).replace(`${file.relativePath}: `, '')
            : 'not checked';
        return { ...base, action: 'fail', reason };
    });
    const uploads = planned.filter((f) => f.action === 'upload');
    const usable = planned.filter((f) => f.action !== 'fail');
    let jobs = 0;
    if (plan && usable.length > 0) {
        if (plan.layout === 'per-file')
            jobs = usable.length;
        else if (usable.length === planned.length)
            jobs = 1;
    }
    return {
        files: planned,
        bytes: planned.reduce((sum, f) => sum + f.bytes, 0),
        uploadBytes: uploads.reduce((sum, f) => sum + f.bytes, 0),
        dataKeys: uploads.length,
        jobs,
    };
}

// EXTERNAL MODULE: ./src/report/plan.ts
var report_plan = __webpack_require__(51307);
// EXTERNAL MODULE: ./src/shared/json-text.ts
var json_text = __webpack_require__(2583);
;// CONCATENATED MODULE: ./src/shared/closest.ts
/** "Did you mean": the known name nearest to a misspelt one (job settings members, CLI flags). */
/**
 * The known name closest to a misspelt one, for a "did you mean" hint: the same name in
 * another case, else the nearest by edit distance (letters added, dropped, changed or swapped,
 * case ignored), if it is near enough to be a typo and nearer than any other.
 */
function closest(key, members) {
    const lower = key.toLowerCase();
    const sameCase = members.find((m) => m.toLowerCase() === lower);
    if (sameCase !== undefined)
        return sameCase;
    const allowed = lower.length <= 4 ? 1 : lower.length <= 8 ? 2 : 3;
    let best;
    let bestDistance = allowed + 1;
    let tie = false;
    for (const member of members) {
        const d = editDistance(lower, member.toLowerCase(), allowed + 1);
        if (d > allowed)
            continue;
        if (d < bestDistance) {
            best = member;
            bestDistance = d;
            tie = false;
        }
        else if (d === bestDistance) {
            tie = true;
        }
    }
    return tie ? undefined : best;
}
/** Optimal string alignment distance, or `cap` once it cannot be below `cap`. */
function editDistance(a, b, cap) {
    if (Math.abs(a.length - b.length) >= cap)
        return cap;
    let prev2 = [];
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d = Math.min(d, prev2[j - 2] + 1);
            }
            row.push(d);
            rowMin = Math.min(rowMin, d);
        }
        if (rowMin >= cap)
            return cap;
        prev2 = prev;
        prev = row;
    }
    return Math.min(prev[b.length], cap);
}

;// CONCATENATED MODULE: ./src/mediaconvert/settings-model.ts
/**
 * Checks job settings against the MediaConvert API model, as the service does at CreateJob:
 * unknown members, required members, types, enums, numeric ranges, lengths and patterns.
 * The table is generated (settings-model.generated.ts); this module only walks it. The action
 * checks `job-settings` with it before any AWS call; the local MediaConvert checks CreateJob.
 */

/** Every violation of `value` against the model's shape `shapeName` (e.g. `JobSettings`). */
function checkAgainstModel(model, shapeName, value, options) {
    const found = [];
    const limit = options.limit ?? 20;
    const patterns = new Map();
    const visit = (name, v, path) => {
        if (found.length >= limit || name === '' || options.skip?.(path))
            return;
        const shape = model.shapes[name];
        if (!shape)
            return;
        const fail = (message, rule = message, member) => {
            if (found.length < limit) {
                found.push({ path, message, rule, ...(member ? { member } : {}) });
            }
        };
        switch (shape.t) {
            case 'o': {
                if (!isRecord(v))
                    return fail('should be an object', `should be an object, not ${kindOf(v)}`);
                const byKey = new Map(Object.keys(shape.m).map((member) => [memberKey(member, options.casing), member]));
                for (const required of shape.r ?? []) {
                    const name = memberKey(required, options.casing);
                    if (v[name] === undefined) {
                        fail(`${name} is a required property`, undefined, { name, problem: 'required' });
                    }
                }
                for (const [key, child] of Object.entries(v)) {
                    const member = byKey.get(key);
                    if (member === undefined) {
                        const hint = closest(key, [...byKey.keys()]);
                        fail(`should NOT have additional properties: ${JSON.stringify(key)} is not a member${hint ? ` (did you mean ${hint}?)` : ''}`, undefined, { name: key, problem: 'unknown', ...(hint ? { suggestion: hint } : {}) });
                        continue;
                    }
                    if (child === null || child === undefined)
                        continue;
                    visit(shape.m[member] ?? '', child, [...path, key]);
                }
                return;
            }
            case 'l': {
                if (!Array.isArray(v))
                    return fail('should be a list', `should be a list, not ${kindOf(v)}`);
                if (shape.min !== undefined && v.length < shape.min) {
                    fail(`Should have at least ${shape.min} items`);
                }
                if (shape.max !== undefined && v.length > shape.max) {
                    fail(`Should have at most ${shape.max} items`);
                }
                v.forEach((item, i) => visit(shape.v, item, [...path, i]));
                return;
            }
            case 'm': {
                if (!isRecord(v))
                    return fail('should be an object', `should be an object, not ${kindOf(v)}`);
                for (const [key, child] of Object.entries(v))
                    visit(shape.v, child, [...path, key]);
                return;
            }
            case 's': {
                if (typeof v !== 'string') {
                    return fail(`should be a string, got ${describe(v)}`, `should be a string, not ${kindOf(v)}`);
                }
                if (shape.e && !shape.e.includes(v)) {
                    const allowed = `should be equal to one of the allowed values: ${shape.e.join(', ')}`;
                    return fail(`${JSON.stringify(v)} ${allowed}`, allowed);
                }
                if (shape.min !== undefined && v.length < shape.min) {
                    return fail(`should NOT be shorter than ${shape.min} characters`);
                }
                if (shape.max !== undefined && v.length > shape.max) {
                    return fail(`should NOT be longer than ${shape.max} characters`);
                }
                if (shape.p !== undefined) {
                    let re = patterns.get(shape.p);
                    if (!re) {
                        re = new RegExp(shape.p);
                        patterns.set(shape.p, re);
                    }
                    if (!re.test(v)) {
                        // Some model patterns run to hundreds of characters (FileInput's extension list).
                        const shown = shape.p.length <= 120 ? `"${shape.p}"` : 'of this member in the API model';
                        fail(`${JSON.stringify(v)} should match the pattern ${shown}`, `should match the pattern ${shown}`);
                    }
                }
                return;
            }
            case 'i':
            case 'n': {
                if (typeof v !== 'number' || !Number.isFinite(v)) {
                    const wanted = shape.t === 'i' ? 'an integer' : 'a number';
                    return fail(`should be ${wanted}, got ${describe(v)}`, `should be ${wanted}, not ${kindOf(v)}`);
                }
                if (shape.t === 'i' && !Number.isInteger(v)) {
                    return fail(`should be an integer, got ${v}`, 'should be an integer, not a fraction');
                }
                if (shape.min !== undefined && v < shape.min) {
                    return fail(`${v} should be >= ${shape.min}`, `should be >= ${shape.min}`);
                }
                if (shape.max !== undefined && v > shape.max) {
                    return fail(`${v} should be <= ${shape.max}`, `should be <= ${shape.max}`);
                }
                return;
            }
            case 'b':
                if (typeof v !== 'boolean') {
                    fail(`should be a boolean, got ${describe(v)}`, `should be a boolean, not ${kindOf(v)}`);
                }
                return;
            default:
                return;
        }
    };
    visit(shapeName, value, []);
    return found;
}
/**
 * Rules the service applies beyond the model (its CreateJob answers say so, the model does not
 * mark them): each output group needs `OutputGroupSettings.Type` and at least one output, each
 * output `ContainerSettings` unless it names a preset; and containers by output group type
 * (enforced since November 2020: HLS takes M3U8 or RAW, DASH ISO MPD or CMFC, CMAF CMFC,
 * Microsoft Smooth ISMV). Paths are relative to the job settings.
 */
function checkServiceRules(settings, casing) {
    const allowed = {
        HLS_GROUP_SETTINGS: ['M3U8', 'RAW'],
        DASH_ISO_GROUP_SETTINGS: ['MPD', 'CMFC'],
        CMAF_GROUP_SETTINGS: ['CMFC'],
        MS_SMOOTH_GROUP_SETTINGS: ['ISMV'],
    };
    const k = (name) => memberKey(name, casing);
    const found = [];
    const groups = isRecord(settings) ? settings[k('OutputGroups')] : undefined;
    (Array.isArray(groups) ? groups : []).forEach((group, g) => {
        if (!isRecord(group))
            return;
        const at = [k('OutputGroups'), g];
        const groupSettings = group[k('OutputGroupSettings')];
        if (!isRecord(groupSettings)) {
            const message = `${k('OutputGroupSettings')} is a required property`;
            found.push({
                path: at,
                message,
                rule: message,
                member: { name: k('OutputGroupSettings'), problem: 'required' },
            });
            return;
        }
        const type = groupSettings[k('Type')];
        if (type === undefined) {
            const message = `${k('Type')} is a required property`;
            found.push({
                path: [...at, k('OutputGroupSettings')],
                message,
                rule: message,
                member: { name: k('Type'), problem: 'required' },
            });
        }
        const outputs = group[k('Outputs')];
        if (!Array.isArray(outputs) || outputs.length === 0) {
            const message = 'Should have at least 1 items';
            found.push({ path: [...at, k('Outputs')], message, rule: message });
            return;
        }
        const accepted = typeof type === 'string' ? allowed[type] : undefined;
        outputs.forEach((output, o) => {
            if (!isRecord(output))
                return;
            const container = output[k('ContainerSettings')];
            if (!isRecord(container)) {
                if (output[k('Preset')] === undefined) {
                    const message = `${k('ContainerSettings')} is a required property`;
                    found.push({
                        path: [...at, k('Outputs'), o],
                        message,
                        rule: message,
                        member: { name: k('ContainerSettings'), problem: 'required' },
                    });
                }
                return;
            }
            const value = container[k('Container')];
            if (accepted && typeof value === 'string' && !accepted.includes(value)) {
                const rule = `is not valid in a ${String(type)} output group: use ${accepted.join(' or ')}`;
                found.push({
                    path: [...at, k('Outputs'), o, k('ContainerSettings'), k('Container')],
                    message: `${value} ${rule}`,
                    rule,
                });
            }
        });
    });
    return found;
}
function memberKey(member, casing) {
    return casing === 'sdk' ? member : member.charAt(0).toLowerCase() + member.slice(1);
}
/** `/outputGroups/0/outputs` (the service's style). */
function wirePath(path) {
    return path.map((p) => `/${p}`).join('');
}
/** `Settings.OutputGroups[0].Outputs` (how SDK users write it). */
function sdkPath(root, path) {
    return path.reduce((text, p) => typeof p === 'number'
        ? `${text}[${p}]`
        : /^[A-Za-z_]\w*$/.test(p)
            ? `${text}.${p}`
            : `${text}[${JSON.stringify(p)}]`, root);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function describe(value) {
    if (Array.isArray(value))
        return 'a list';
    if (value === null)
        return 'null';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'number')
        return String(value);
    return JSON.stringify(value);
}
/** What kind of JSON value `value` is, never the value itself. */
function kindOf(value) {
    if (Array.isArray(value))
        return 'a list';
    if (value === null)
        return 'null';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string')
        return 'a string';
    if (typeof value === 'number')
        return 'a number';
    if (typeof value === 'boolean')
        return 'a boolean';
    return typeof value;
}

;// CONCATENATED MODULE: ./src/mediaconvert/settings-model.generated.ts
// prettier-ignore
const SETTINGS_MODEL = { "source": "Debian awscli 2.9.19-1: awscli/botocore/data/mediaconvert/2017-08-29/service-2.json", "modelVersion": "mediaconvert-2017-08-29", "sdkVersion": "3.1169.0", "shapes": { "CreateJobRequest": { "t": "o", "m": { "AccelerationSettings": "AccelerationSettings", "BillingTagsSource": "BillingTagsSource", "ClientRequestToken": "__string", "HopDestinations": "__listOfHopDestination", "JobTemplate": "__string", "Priority": "__integerMinNegative50Max50", "Queue": "__string", "Role": "__string", "Settings": "JobSettings", "SimulateReservedQueue": "SimulateReservedQueue", "StatusUpdateInterval": "StatusUpdateInterval", "Tags": "__mapOf__string", "UserMetadata": "__mapOf__string", "ElementalInferenceSettings": "", "JobEngineVersion": "" }, "r": ["Role", "Settings"] }, "CreateJobTemplateRequest": { "t": "o", "m": { "AccelerationSettings": "AccelerationSettings", "Category": "__string", "Description": "__string", "HopDestinations": "__listOfHopDestination", "Name": "__string", "Priority": "__integerMinNegative50Max50", "Queue": "__string", "Settings": "JobTemplateSettings", "StatusUpdateInterval": "StatusUpdateInterval", "Tags": "__mapOf__string", "ElementalInferenceSettings": "" }, "r": ["Settings", "Name"] }, "AccelerationSettings": { "t": "o", "m": { "Mode": "AccelerationMode" }, "r": ["Mode"] }, "BillingTagsSource": { "t": "s", "e": ["QUEUE", "PRESET", "JOB_TEMPLATE", "JOB"] }, "__string": { "t": "s" }, "__listOfHopDestination": { "t": "l", "v": "HopDestination" }, "__integerMinNegative50Max50": { "t": "i", "min": -50, "max": 50 }, "JobSettings": { "t": "o", "m": { "AdAvailOffset": "__integerMinNegative1000Max1000", "AvailBlanking": "AvailBlanking", "Esam": "EsamSettings", "ExtendedDataServices": "ExtendedDataServices", "Inputs": "__listOfInput", "KantarWatermark": "KantarWatermarkSettings", "MotionImageInserter": "MotionImageInserter", "NielsenConfiguration": "NielsenConfiguration", "NielsenNonLinearWatermark": "NielsenNonLinearWatermarkSettings", "OutputGroups": "__listOfOutputGroup", "TimecodeConfig": "TimecodeConfig", "TimedMetadataInsertion": "TimedMetadataInsertion", "ColorConversion3DLUTSettings": "", "FollowSource": "", "MotionImageInserters": "" } }, "SimulateReservedQueue": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "StatusUpdateInterval": { "t": "s", "e": ["SECONDS_10", "SECONDS_12", "SECONDS_15", "SECONDS_20", "SECONDS_30", "SECONDS_60", "SECONDS_120", "SECONDS_180", "SECONDS_240", "SECONDS_300", "SECONDS_360", "SECONDS_420", "SECONDS_480", "SECONDS_540", "SECONDS_600"] }, "__mapOf__string": { "t": "m", "v": "__string" }, "JobTemplateSettings": { "t": "o", "m": { "AdAvailOffset": "__integerMinNegative1000Max1000", "AvailBlanking": "AvailBlanking", "Esam": "EsamSettings", "ExtendedDataServices": "ExtendedDataServices", "Inputs": "__listOfInputTemplate", "KantarWatermark": "KantarWatermarkSettings", "MotionImageInserter": "MotionImageInserter", "NielsenConfiguration": "NielsenConfiguration", "NielsenNonLinearWatermark": "NielsenNonLinearWatermarkSettings", "OutputGroups": "__listOfOutputGroup", "TimecodeConfig": "TimecodeConfig", "TimedMetadataInsertion": "TimedMetadataInsertion", "ColorConversion3DLUTSettings": "", "FollowSource": "", "MotionImageInserters": "" } }, "AccelerationMode": { "t": "s", "e": ["DISABLED", "ENABLED", "PREFERRED"] }, "HopDestination": { "t": "o", "m": { "Priority": "__integerMinNegative50Max50", "Queue": "__string", "WaitMinutes": "__integer" } }, "__integerMinNegative1000Max1000": { "t": "i", "min": -1000, "max": 1000 }, "AvailBlanking": { "t": "o", "m": { "AvailBlankingImage": "__stringMin14PatternS3BmpBMPPngPNGHttpsBmpBMPPngPNG" } }, "EsamSettings": { "t": "o", "m": { "ManifestConfirmConditionNotification": "EsamManifestConfirmConditionNotification", "ResponseSignalPreroll": "__integerMin0Max30000", "SignalProcessingNotification": "EsamSignalProcessingNotification" } }, "ExtendedDataServices": { "t": "o", "m": { "CopyProtectionAction": "CopyProtectionAction", "VchipAction": "VchipAction" } }, "__listOfInput": { "t": "l", "v": "Input" }, "KantarWatermarkSettings": { "t": "o", "m": { "ChannelName": "__stringMin1Max20", "ContentReference": "__stringMin1Max50PatternAZAZ09", "CredentialsSecretName": "__stringMin1Max512PatternAZAZ09", "FileOffset": "__doubleMin0", "KantarLicenseId": "__integerMin0Max2147483647", "KantarServerUrl": "__stringPatternHttpsKantarmediaCom", "LogDestination": "__stringPatternS3", "Metadata3": "__stringMin1Max50", "Metadata4": "__stringMin1Max50", "Metadata5": "__stringMin1Max50", "Metadata6": "__stringMin1Max50", "Metadata7": "__stringMin1Max50", "Metadata8": "__stringMin1Max50" } }, "MotionImageInserter": { "t": "o", "m": { "Framerate": "MotionImageInsertionFramerate", "Input": "__stringMin14PatternS3Mov09PngHttpsMov09Png", "InsertionMode": "MotionImageInsertionMode", "Offset": "MotionImageInsertionOffset", "Playback": "MotionImagePlayback", "StartTime": "__stringMin11Max11Pattern01D20305D205D" } }, "NielsenConfiguration": { "t": "o", "m": { "BreakoutCode": "__integerMin0Max0", "DistributorId": "__string" } }, "NielsenNonLinearWatermarkSettings": { "t": "o", "m": { "ActiveWatermarkProcess": "NielsenActiveWatermarkProcessType", "AdiFilename": "__stringPatternS3", "AssetId": "__stringMin1Max20", "AssetName": "__stringMin1Max50", "CbetSourceId": "__stringPattern0xAFaF0908190908", "EpisodeId": "__stringMin1Max20", "MetadataDestination": "__stringPatternS3", "SourceId": "__integerMin0Max65534", "SourceWatermarkStatus": "NielsenSourceWatermarkStatusType", "TicServerUrl": "__stringPatternHttps", "UniqueTicPerAudioTrack": "NielsenUniqueTicPerAudioTrackType" } }, "__listOfOutputGroup": { "t": "l", "v": "OutputGroup" }, "TimecodeConfig": { "t": "o", "m": { "Anchor": "__stringPattern010920405090509092", "Source": "TimecodeSource", "Start": "__stringPattern010920405090509092", "TimestampOffset": "__stringPattern0940191020191209301" } }, "TimedMetadataInsertion": { "t": "o", "m": { "Id3Insertions": "__listOfId3Insertion" } }, "__listOfInputTemplate": { "t": "l", "v": "InputTemplate" }, "__integer": { "t": "i" }, "__stringMin14PatternS3BmpBMPPngPNGHttpsBmpBMPPngPNG": { "t": "s", "min": 14, "p": "^((s3://(.*?)\\.(bmp|BMP|png|PNG))|(https?://(.*?)\\.(bmp|BMP|png|PNG)(\\?([^&=]+=[^&]+&)*[^&=]+=[^&]+)?))$" }, "EsamManifestConfirmConditionNotification": { "t": "o", "m": { "MccXml": "__stringPatternSNManifestConfirmConditionNotificationNS" } }, "__integerMin0Max30000": { "t": "i", "min": 0, "max": 30000 }, "EsamSignalProcessingNotification": { "t": "o", "m": { "SccXml": "__stringPatternSNSignalProcessingNotificationNS" } }, "CopyProtectionAction": { "t": "s", "e": ["PASSTHROUGH", "STRIP"] }, "VchipAction": { "t": "s", "e": ["PASSTHROUGH", "STRIP"] }, "Input": { "t": "o", "m": { "AudioSelectorGroups": "__mapOfAudioSelectorGroup", "AudioSelectors": "__mapOfAudioSelector", "CaptionSelectors": "__mapOfCaptionSelector", "Crop": "Rectangle", "DeblockFilter": "InputDeblockFilter", "DecryptionSettings": "InputDecryptionSettings", "DenoiseFilter": "InputDenoiseFilter", "DolbyVisionMetadataXml": "__stringMin14PatternS3XmlXMLHttpsXmlXML", "FileInput": "__stringPatternS3MM2PPMM2VVMMPPEEGGMMPP3AAVVIIMMPP4FFLLVVMMPPTTMMPPGGMM4VVTTRRPPFF4VVMM2TTSSTTSS264HH264MMKKVVMMKKAAMMOOVVMMTTSSMM2TTWWMMVVaAAASSFFVVOOBB3GGPP3GGPPPPMMXXFFDDIIVVXXXXVVIIDDRRAAWWDDVVGGXXFFMM1VV3GG2VVMMFFMM3UU8WWEEBBMMLLCCHHGGXXFFMMPPEEGG2MMXXFFMMPPEEGG2MMXXFFHHDDWWAAVVYY4MMXXMMLLOOGGGGaAAATTMMOOSSHttpsMM2VVMMPPEEGGMMPP3AAVVIIMMPP4FFLLVVMMPPTTMMPPGGMM4VVTTRRPPFF4VVMM2TTSSTTSS264HH264MMKKVVMMKKAAMMOOVVMMTTSSMM2TTWWMMVVaAAASSFFVVOOBB3GGPP3GGPPPPMMXXFFDDIIVVXXXXVVIIDDRRAAWWDDVVGGXXFFMM1VV3GG2VVMMFFMM3UU8WWEEBBMMLLCCHHGGXXFFMMPPEEGG2MMXXFFMMPPEEGG2MMXXFFHHDDWWAAVVYY4MMXXMMLLOOGGGGaAAATTMMOOSS", "FilterEnable": "InputFilterEnable", "FilterStrength": "__integerMinNegative5Max5", "ImageInserter": "ImageInserter", "InputClippings": "__listOfInputClipping", "InputScanType": "InputScanType", "Position": "Rectangle", "ProgramNumber": "__integerMin1Max2147483647", "PsiControl": "InputPsiControl", "SupplementalImps": "__listOf__stringPatternS3ASSETMAPXml", "TimecodeSource": "InputTimecodeSource", "TimecodeStart": "__stringMin11Max11Pattern01D20305D205D", "VideoGenerator": "InputVideoGenerator", "VideoSelector": "VideoSelector", "AdvancedInputFilter": "", "AdvancedInputFilterSettings": "", "DynamicAudioSelectors": "", "MultiViewSettings": "", "TamsSettings": "", "VideoOverlays": "" } }, "__stringMin1Max20": { "t": "s", "min": 1, "max": 20 }, "__stringMin1Max50PatternAZAZ09": { "t": "s", "min": 1, "max": 50, "p": "^[a-zA-Z0-9_\\/_+=.@-]*$" }, "__stringMin1Max512PatternAZAZ09": { "t": "s", "min": 1, "max": 512, "p": "^[a-zA-Z0-9_\\/_+=.@-]*$" }, "__doubleMin0": { "t": "n" }, "__integerMin0Max2147483647": { "t": "i", "min": 0, "max": 2147483647 }, "__stringPatternHttpsKantarmediaCom": { "t": "s", "p": "^https:\\/\\/.*.kantarmedia.com$" }, "__stringPatternS3": { "t": "s", "p": "^s3:\\/\\/" }, "__stringMin1Max50": { "t": "s", "min": 1, "max": 50 }, "MotionImageInsertionFramerate": { "t": "o", "m": { "FramerateDenominator": "__integerMin1Max17895697", "FramerateNumerator": "__integerMin1Max2147483640" } }, "__stringMin14PatternS3Mov09PngHttpsMov09Png": { "t": "s", "min": 14, "p": "^((s3://(.*)(\\.mov|[0-9]+\\.png))|(https?://(.*)(\\.mov|[0-9]+\\.png)(\\?([^&=]+=[^&]+&)*[^&=]+=[^&]+)?))$" }, "MotionImageInsertionMode": { "t": "s", "e": ["MOV", "PNG"] }, "MotionImageInsertionOffset": { "t": "o", "m": { "ImageX": "__integerMin0Max2147483647", "ImageY": "__integerMin0Max2147483647" } }, "MotionImagePlayback": { "t": "s", "e": ["ONCE", "REPEAT"] }, "__stringMin11Max11Pattern01D20305D205D": { "t": "s", "min": 11, "max": 11, "p": "^((([0-1]\\d)|(2[0-3]))(:[0-5]\\d){2}([:;][0-5]\\d))$" }, "__integerMin0Max0": { "t": "i", "min": 0, "max": 0 }, "NielsenActiveWatermarkProcessType": { "t": "s", "e": ["NAES2_AND_NW", "CBET", "NAES2_AND_NW_AND_CBET"] }, "__stringPattern0xAFaF0908190908": { "t": "s", "p": "(^0x[A-Fa-f0-9]{0,8}$|^[1-9][0-9]{0,8}$)" }, "__integerMin0Max65534": { "t": "i", "min": 0, "max": 65534 }, "NielsenSourceWatermarkStatusType": { "t": "s", "e": ["CLEAN", "WATERMARKED"] }, "__stringPatternHttps": { "t": "s", "p": "^https:\\/\\/" }, "NielsenUniqueTicPerAudioTrackType": { "t": "s", "e": ["RESERVE_UNIQUE_TICS_PER_TRACK", "SAME_TICS_PER_TRACK"] }, "OutputGroup": { "t": "o", "m": { "AutomatedEncodingSettings": "AutomatedEncodingSettings", "CustomName": "__string", "Name": "__string", "OutputGroupSettings": "OutputGroupSettings", "Outputs": "__listOfOutput" } }, "__stringPattern010920405090509092": { "t": "s", "p": "^([01][0-9]|2[0-4]):[0-5][0-9]:[0-5][0-9][:;][0-9]{2}$" }, "TimecodeSource": { "t": "s", "e": ["EMBEDDED", "ZEROBASED", "SPECIFIEDSTART"] }, "__stringPattern0940191020191209301": { "t": "s", "p": "^([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" }, "__listOfId3Insertion": { "t": "l", "v": "Id3Insertion" }, "InputTemplate": { "t": "o", "m": { "AudioSelectorGroups": "__mapOfAudioSelectorGroup", "AudioSelectors": "__mapOfAudioSelector", "CaptionSelectors": "__mapOfCaptionSelector", "Crop": "Rectangle", "DeblockFilter": "InputDeblockFilter", "DenoiseFilter": "InputDenoiseFilter", "DolbyVisionMetadataXml": "__stringMin14PatternS3XmlXMLHttpsXmlXML", "FilterEnable": "InputFilterEnable", "FilterStrength": "__integerMinNegative5Max5", "ImageInserter": "ImageInserter", "InputClippings": "__listOfInputClipping", "InputScanType": "InputScanType", "Position": "Rectangle", "ProgramNumber": "__integerMin1Max2147483647", "PsiControl": "InputPsiControl", "TimecodeSource": "InputTimecodeSource", "TimecodeStart": "__stringMin11Max11Pattern01D20305D205D", "VideoSelector": "VideoSelector", "AdvancedInputFilter": "", "AdvancedInputFilterSettings": "", "DynamicAudioSelectors": "", "MultiViewSettings": "", "VideoOverlays": "" } }, "__stringPatternSNManifestConfirmConditionNotificationNS": { "t": "s", "p": "^\\s*<(.|\\n)*ManifestConfirmConditionNotification(.|\\n)*>\\s*$" }, "__stringPatternSNSignalProcessingNotificationNS": { "t": "s", "p": "^\\s*<(.|\\n)*SignalProcessingNotification(.|\\n)*>\\s*$" }, "__mapOfAudioSelectorGroup": { "t": "m", "v": "AudioSelectorGroup" }, "__mapOfAudioSelector": { "t": "m", "v": "AudioSelector" }, "__mapOfCaptionSelector": { "t": "m", "v": "CaptionSelector" }, "Rectangle": { "t": "o", "m": { "Height": "__integerMin2Max2147483647", "Width": "__integerMin2Max2147483647", "X": "__integerMin0Max2147483647", "Y": "__integerMin0Max2147483647" } }, "InputDeblockFilter": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "InputDecryptionSettings": { "t": "o", "m": { "DecryptionMode": "DecryptionMode", "EncryptedDecryptionKey": "__stringMin24Max512PatternAZaZ0902", "InitializationVector": "__stringMin16Max24PatternAZaZ0922AZaZ0916", "KmsKeyRegion": "__stringMin9Max19PatternAZ26EastWestCentralNorthSouthEastWest1912" } }, "InputDenoiseFilter": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "__stringMin14PatternS3XmlXMLHttpsXmlXML": { "t": "s", "min": 14, "p": "^((s3://(.*?)\\.(xml|XML))|(https?://(.*?)\\.(xml|XML)(\\?([^&=]+=[^&]+&)*[^&=]+=[^&]+)?))$" }, "__stringPatternS3MM2PPMM2VVMMPPEEGGMMPP3AAVVIIMMPP4FFLLVVMMPPTTMMPPGGMM4VVTTRRPPFF4VVMM2TTSSTTSS264HH264MMKKVVMMKKAAMMOOVVMMTTSSMM2TTWWMMVVaAAASSFFVVOOBB3GGPP3GGPPPPMMXXFFDDIIVVXXXXVVIIDDRRAAWWDDVVGGXXFFMM1VV3GG2VVMMFFMM3UU8WWEEBBMMLLCCHHGGXXFFMMPPEEGG2MMXXFFMMPPEEGG2MMXXFFHHDDWWAAVVYY4MMXXMMLLOOGGGGaAAATTMMOOSSHttpsMM2VVMMPPEEGGMMPP3AAVVIIMMPP4FFLLVVMMPPTTMMPPGGMM4VVTTRRPPFF4VVMM2TTSSTTSS264HH264MMKKVVMMKKAAMMOOVVMMTTSSMM2TTWWMMVVaAAASSFFVVOOBB3GGPP3GGPPPPMMXXFFDDIIVVXXXXVVIIDDRRAAWWDDVVGGXXFFMM1VV3GG2VVMMFFMM3UU8WWEEBBMMLLCCHHGGXXFFMMPPEEGG2MMXXFFMMPPEEGG2MMXXFFHHDDWWAAVVYY4MMXXMMLLOOGGGGaAAATTMMOOSS": { "t": "s", "p": "^((s3://([^\\/]+\\/+)+([^\\/\\.]+|(([^\\/]*)\\.([mM]2[pP]|[mM]2[vV]|[mM][pP][eE][gG]|[mM][pP]3|[aA][vV][iI]|[mM][pP]4|[fF][lL][vV]|[mM][pP][tT]|[mM][pP][gG]|[mM]4[vV]|[tT][rR][pP]|[fF]4[vV]|[mM]2[tT][sS]|[tT][sS]|264|[hH]264|[mM][kK][vV]|[mM][kK][aA]|[mM][oO][vV]|[mM][tT][sS]|[mM]2[tT]|[wW][mM][vVaA]|[aA][sS][fF]|[vV][oO][bB]|3[gG][pP]|3[gG][pP][pP]|[mM][xX][fF]|[dD][iI][vV][xX]|[xX][vV][iI][dD]|[rR][aA][wW]|[dD][vV]|[gG][xX][fF]|[mM]1[vV]|3[gG]2|[vV][mM][fF]|[mM]3[uU]8|[wW][eE][bB][mM]|[lL][cC][hH]|[gG][xX][fF]_[mM][pP][eE][gG]2|[mM][xX][fF]_[mM][pP][eE][gG]2|[mM][xX][fF][hH][dD]|[wW][aA][vV]|[yY]4[mM]|[xX][mM][lL]|[oO][gG][gGaA]|[aA][tT][mM][oO][sS]))))|(https?://([^\\/]+\\/+)+([^\\/\\.]+|(([^\\/]*)\\.([mM]2[vV]|[mM][pP][eE][gG]|[mM][pP]3|[aA][vV][iI]|[mM][pP]4|[fF][lL][vV]|[mM][pP][tT]|[mM][pP][gG]|[mM]4[vV]|[tT][rR][pP]|[fF]4[vV]|[mM]2[tT][sS]|[tT][sS]|264|[hH]264|[mM][kK][vV]|[mM][kK][aA]|[mM][oO][vV]|[mM][tT][sS]|[mM]2[tT]|[wW][mM][vVaA]|[aA][sS][fF]|[vV][oO][bB]|3[gG][pP]|3[gG][pP][pP]|[mM][xX][fF]|[dD][iI][vV][xX]|[xX][vV][iI][dD]|[rR][aA][wW]|[dD][vV]|[gG][xX][fF]|[mM]1[vV]|3[gG]2|[vV][mM][fF]|[mM]3[uU]8|[wW][eE][bB][mM]|[lL][cC][hH]|[gG][xX][fF]_[mM][pP][eE][gG]2|[mM][xX][fF]_[mM][pP][eE][gG]2|[mM][xX][fF][hH][dD]|[wW][aA][vV]|[yY]4[mM]|[xX][mM][lL]|[oO][gG][gGaA]|[aA][tT][mM][oO][sS])))(\\?([^&=]+=[^&]+&)*[^&=]+=[^&]+)?))$" }, "InputFilterEnable": { "t": "s", "e": ["AUTO", "DISABLE", "FORCE"] }, "__integerMinNegative5Max5": { "t": "i", "min": -5, "max": 5 }, "ImageInserter": { "t": "o", "m": { "InsertableImages": "__listOfInsertableImage", "SdrReferenceWhiteLevel": "__integerMin100Max1000" } }, "__listOfInputClipping": { "t": "l", "v": "InputClipping" }, "InputScanType": { "t": "s", "e": ["AUTO", "PSF"] }, "__integerMin1Max2147483647": { "t": "i", "min": 1, "max": 2147483647 }, "InputPsiControl": { "t": "s", "e": ["IGNORE_PSI", "USE_PSI"] }, "__listOf__stringPatternS3ASSETMAPXml": { "t": "l", "v": "__stringPatternS3ASSETMAPXml" }, "InputTimecodeSource": { "t": "s", "e": ["EMBEDDED", "ZEROBASED", "SPECIFIEDSTART"] }, "InputVideoGenerator": { "t": "o", "m": { "Duration": "__integerMin50Max86400000", "Channels": "", "FramerateDenominator": "", "FramerateNumerator": "", "Height": "", "ImageInput": "", "SampleRate": "", "Width": "" } }, "VideoSelector": { "t": "o", "m": { "AlphaBehavior": "AlphaBehavior", "ColorSpace": "ColorSpace", "ColorSpaceUsage": "ColorSpaceUsage", "EmbeddedTimecodeOverride": "EmbeddedTimecodeOverride", "Hdr10Metadata": "Hdr10Metadata", "PadVideo": "PadVideo", "Pid": "__integerMin1Max2147483647", "ProgramNumber": "__integerMinNegative2147483648Max2147483647", "Rotate": "InputRotate", "SampleRange": "InputSampleRange", "MaxLuminance": "", "SelectorType": "", "Streams": "" } }, "__integerMin1Max17895697": { "t": "i", "min": 1, "max": 17895697 }, "__integerMin1Max2147483640": { "t": "i", "min": 1, "max": 2147483640 }, "AutomatedEncodingSettings": { "t": "o", "m": { "AbrSettings": "AutomatedAbrSettings" } }, "OutputGroupSettings": { "t": "o", "m": { "CmafGroupSettings": "CmafGroupSettings", "DashIsoGroupSettings": "DashIsoGroupSettings", "FileGroupSettings": "FileGroupSettings", "HlsGroupSettings": "HlsGroupSettings", "MsSmoothGroupSettings": "MsSmoothGroupSettings", "Type": "OutputGroupType", "PerFrameMetrics": "" } }, "__listOfOutput": { "t": "l", "v": "Output" }, "Id3Insertion": { "t": "o", "m": { "Id3": "__stringPatternAZaZ0902", "Timecode": "__stringPattern010920405090509092" } }, "AudioSelectorGroup": { "t": "o", "m": { "AudioSelectorNames": "__listOf__stringMin1" } }, "AudioSelector": { "t": "o", "m": { "AudioDurationCorrection": "AudioDurationCorrection", "CustomLanguageCode": "__stringMin3Max3PatternAZaZ3", "DefaultSelection": "AudioDefaultSelection", "ExternalAudioFileInput": "__stringPatternS3MM2PPWWEEBBMMMM2VVMMPPEEGGMMPP3AAVVIIMMPP4FFLLVVMMPPTTMMPPGGMM4VVTTRRPPFF4VVMM2TTSSTTSS264HH264MMKKVVMMKKAAMMOOVVMMTTSSMM2TTWWMMVVaAAASSFFVVOOBB3GGPP3GGPPPPMMXXFFDDIIVVXXXXVVIIDDRRAAWWDDVVGGXXFFMM1VV3GG2VVMMFFMM3UU8LLCCHHGGXXFFMMPPEEGG2MMXXFFMMPPEEGG2MMXXFFHHDDWWAAVVYY4MMAAAACCAAIIFFFFMMPP2AACC3EECC3DDTTSSEEAATTMMOOSSOOGGGGaAHttpsMM2VVMMPPEEGGMMPP3AAVVIIMMPP4FFLLVVMMPPTTMMPPGGMM4VVTTRRPPFF4VVMM2TTSSTTSS264HH264MMKKVVMMKKAAMMOOVVMMTTSSMM2TTWWMMVVaAAASSFFVVOOBB3GGPP3GGPPPPMMXXFFDDIIVVXXXXVVIIDDRRAAWWDDVVGGXXFFMM1VV3GG2VVMMFFMM3UU8LLCCHHGGXXFFMMPPEEGG2MMXXFFMMPPEEGG2MMXXFFHHDDWWAAVVYY4MMAAAACCAAIIFFFFMMPP2AACC3EECC3DDTTSSEEAATTMMOOSSOOGGGGaA", "HlsRenditionGroupSettings": "HlsRenditionGroupSettings", "LanguageCode": "LanguageCode", "Offset": "__integerMinNegative2147483648Max2147483647", "Pids": "__listOf__integerMin1Max2147483647", "ProgramSelection": "__integerMin0Max8", "RemixSettings": "RemixSettings", "SelectorType": "AudioSelectorType", "Tracks": "__listOf__integerMin1Max2147483647", "Smpte337Passthrough": "", "Streams": "" } }, "CaptionSelector": { "t": "o", "m": { "CustomLanguageCode": "__stringMin3Max3PatternAZaZ3", "LanguageCode": "LanguageCode", "SourceSettings": "CaptionSourceSettings" } }, "__integerMin2Max2147483647": { "t": "i", "min": 2, "max": 2147483647 }, "DecryptionMode": { "t": "s", "e": ["AES_CTR", "AES_CBC", "AES_GCM"] }, "__stringMin24Max512PatternAZaZ0902": { "t": "s", "min": 24, "max": 512, "p": "^[A-Za-z0-9+\\/]+={0,2}$" }, "__stringMin16Max24PatternAZaZ0922AZaZ0916": { "t": "s", "min": 16, "max": 24, "p": "^[A-Za-z0-9+\\/]{22}==$|^[A-Za-z0-9+\\/]{16}$" }, "__stringMin9Max19PatternAZ26EastWestCentralNorthSouthEastWest1912": { "t": "s", "min": 9, "max": 19, "p": "^[a-z-]{2,6}-(east|west|central|((north|south)(east|west)?))-[1-9]{1,2}$" }, "__listOfInsertableImage": { "t": "l", "v": "InsertableImage" }, "__integerMin100Max1000": { "t": "i", "min": 100, "max": 1000 }, "InputClipping": { "t": "o", "m": { "EndTimecode": "__stringPattern010920405090509092", "StartTimecode": "__stringPattern010920405090509092" } }, "__stringPatternS3ASSETMAPXml": { "t": "s", "p": "^s3:\\/\\/.*\\/(ASSETMAP.xml)?$" }, "__integerMin50Max86400000": { "t": "i", "min": 50, "max": 86400000 }, "AlphaBehavior": { "t": "s", "e": ["DISCARD", "REMAP_TO_LUMA"] }, "ColorSpace": { "t": "s", "e": ["FOLLOW", "REC_601", "REC_709", "HDR10", "HLG_2020", "P3DCI", "P3D65_SDR", "P3D65_HDR"] }, "ColorSpaceUsage": { "t": "s", "e": ["FORCE", "FALLBACK"] }, "EmbeddedTimecodeOverride": { "t": "s", "e": ["NONE", "USE_MDPM"] }, "Hdr10Metadata": { "t": "o", "m": { "BluePrimaryX": "__integerMin0Max50000", "BluePrimaryY": "__integerMin0Max50000", "GreenPrimaryX": "__integerMin0Max50000", "GreenPrimaryY": "__integerMin0Max50000", "MaxContentLightLevel": "__integerMin0Max65535", "MaxFrameAverageLightLevel": "__integerMin0Max65535", "MaxLuminance": "__integerMin0Max2147483647", "MinLuminance": "__integerMin0Max2147483647", "RedPrimaryX": "__integerMin0Max50000", "RedPrimaryY": "__integerMin0Max50000", "WhitePointX": "__integerMin0Max50000", "WhitePointY": "__integerMin0Max50000" } }, "PadVideo": { "t": "s", "e": ["DISABLED", "BLACK"] }, "__integerMinNegative2147483648Max2147483647": { "t": "i", "min": -2147483648, "max": 2147483647 }, "InputRotate": { "t": "s", "e": ["DEGREE_0", "DEGREES_90", "DEGREES_180", "DEGREES_270", "AUTO"] }, "InputSampleRange": { "t": "s", "e": ["FOLLOW", "FULL_RANGE", "LIMITED_RANGE"] }, "AutomatedAbrSettings": { "t": "o", "m": { "MaxAbrBitrate": "__integerMin100000Max100000000", "MaxRenditions": "__integerMin3Max15", "MinAbrBitrate": "__integerMin100000Max100000000", "Rules": "__listOfAutomatedAbrRule", "MaxQualityLevel": "" } }, "CmafGroupSettings": { "t": "o", "m": { "AdditionalManifests": "__listOfCmafAdditionalManifest", "BaseUrl": "__string", "ClientCache": "CmafClientCache", "CodecSpecification": "CmafCodecSpecification", "DashManifestStyle": "DashManifestStyle", "Destination": "__stringPatternS3", "DestinationSettings": "DestinationSettings", "Encryption": "CmafEncryptionSettings", "FragmentLength": "__integerMin1Max2147483647", "ImageBasedTrickPlay": "CmafImageBasedTrickPlay", "ImageBasedTrickPlaySettings": "CmafImageBasedTrickPlaySettings", "ManifestCompression": "CmafManifestCompression", "ManifestDurationFormat": "CmafManifestDurationFormat", "MinBufferTime": "__integerMin0Max2147483647", "MinFinalSegmentLength": "__doubleMin0Max2147483647", "MpdManifestBandwidthType": "CmafMpdManifestBandwidthType", "MpdProfile": "CmafMpdProfile", "PtsOffsetHandlingForBFrames": "CmafPtsOffsetHandlingForBFrames", "SegmentControl": "CmafSegmentControl", "SegmentLength": "__integerMin1Max2147483647", "SegmentLengthControl": "CmafSegmentLengthControl", "StreamInfResolution": "CmafStreamInfResolution", "TargetDurationCompatibilityMode": "CmafTargetDurationCompatibilityMode", "VideoCompositionOffsets": "CmafVideoCompositionOffsets", "WriteDashManifest": "CmafWriteDASHManifest", "WriteHlsManifest": "CmafWriteHLSManifest", "WriteSegmentTimelineInRepresentation": "CmafWriteSegmentTimelineInRepresentation", "DashAdaptationSetGrouping": "", "DashIFrameTrickPlayNameModifier": "", "ImageBasedTrickPlayVariants": "" } }, "DashIsoGroupSettings": { "t": "o", "m": { "AdditionalManifests": "__listOfDashAdditionalManifest", "AudioChannelConfigSchemeIdUri": "DashIsoGroupAudioChannelConfigSchemeIdUri", "BaseUrl": "__string", "DashManifestStyle": "DashManifestStyle", "Destination": "__stringPatternS3", "DestinationSettings": "DestinationSettings", "Encryption": "DashIsoEncryptionSettings", "FragmentLength": "__integerMin1Max2147483647", "HbbtvCompliance": "DashIsoHbbtvCompliance", "ImageBasedTrickPlay": "DashIsoImageBasedTrickPlay", "ImageBasedTrickPlaySettings": "DashIsoImageBasedTrickPlaySettings", "MinBufferTime": "__integerMin0Max2147483647", "MinFinalSegmentLength": "__doubleMin0Max2147483647", "MpdManifestBandwidthType": "DashIsoMpdManifestBandwidthType", "MpdProfile": "DashIsoMpdProfile", "PtsOffsetHandlingForBFrames": "DashIsoPtsOffsetHandlingForBFrames", "SegmentControl": "DashIsoSegmentControl", "SegmentLength": "__integerMin1Max2147483647", "SegmentLengthControl": "DashIsoSegmentLengthControl", "VideoCompositionOffsets": "DashIsoVideoCompositionOffsets", "WriteSegmentTimelineInRepresentation": "DashIsoWriteSegmentTimelineInRepresentation", "DashAdaptationSetGrouping": "", "DashIFrameTrickPlayNameModifier": "", "ImageBasedTrickPlayVariants": "" } }, "FileGroupSettings": { "t": "o", "m": { "Destination": "__stringPatternS3", "DestinationSettings": "DestinationSettings" } }, "HlsGroupSettings": { "t": "o", "m": { "AdMarkers": "__listOfHlsAdMarkers", "AdditionalManifests": "__listOfHlsAdditionalManifest", "AudioOnlyHeader": "HlsAudioOnlyHeader", "BaseUrl": "__string", "CaptionLanguageMappings": "__listOfHlsCaptionLanguageMapping", "CaptionLanguageSetting": "HlsCaptionLanguageSetting", "CaptionSegmentLengthControl": "HlsCaptionSegmentLengthControl", "ClientCache": "HlsClientCache", "CodecSpecification": "HlsCodecSpecification", "Destination": "__stringPatternS3", "DestinationSettings": "DestinationSettings", "DirectoryStructure": "HlsDirectoryStructure", "Encryption": "HlsEncryptionSettings", "ImageBasedTrickPlay": "HlsImageBasedTrickPlay", "ImageBasedTrickPlaySettings": "HlsImageBasedTrickPlaySettings", "ManifestCompression": "HlsManifestCompression", "ManifestDurationFormat": "HlsManifestDurationFormat", "MinFinalSegmentLength": "__doubleMin0Max2147483647", "MinSegmentLength": "__integerMin0Max2147483647", "OutputSelection": "HlsOutputSelection", "ProgramDateTime": "HlsProgramDateTime", "ProgramDateTimePeriod": "__integerMin0Max3600", "SegmentControl": "HlsSegmentControl", "SegmentLength": "__integerMin1Max2147483647", "SegmentLengthControl": "HlsSegmentLengthControl", "SegmentsPerSubdirectory": "__integerMin1Max2147483647", "StreamInfResolution": "HlsStreamInfResolution", "TargetDurationCompatibilityMode": "HlsTargetDurationCompatibilityMode", "TimedMetadataId3Frame": "HlsTimedMetadataId3Frame", "TimedMetadataId3Period": "__integerMinNegative2147483648Max2147483647", "TimestampDeltaMilliseconds": "__integerMinNegative2147483648Max2147483647", "ImageBasedTrickPlayVariants": "", "ProgressiveWriteHlsManifest": "" } }, "MsSmoothGroupSettings": { "t": "o", "m": { "AdditionalManifests": "__listOfMsSmoothAdditionalManifest", "AudioDeduplication": "MsSmoothAudioDeduplication", "Destination": "__stringPatternS3", "DestinationSettings": "DestinationSettings", "Encryption": "MsSmoothEncryptionSettings", "FragmentLength": "__integerMin1Max2147483647", "FragmentLengthControl": "MsSmoothFragmentLengthControl", "ManifestEncoding": "MsSmoothManifestEncoding" } }, "OutputGroupType": { "t": "s", "e": ["HLS_GROUP_SETTINGS", "DASH_ISO_GROUP_SETTINGS", "FILE_GROUP_SETTINGS", "MS_SMOOTH_GROUP_SETTINGS", "CMAF_GROUP_SETTINGS"] }, "Output": { "t": "o", "m": { "AudioDescriptions": "__listOfAudioDescription", "CaptionDescriptions": "__listOfCaptionDescription", "ContainerSettings": "ContainerSettings", "Extension": "__string", "NameModifier": "__stringMin1", "OutputSettings": "OutputSettings", "Preset": "__stringMin0", "VideoDescription": "VideoDescription" } }, "__stringPatternAZaZ0902": { "t": "s", "p": "^[A-Za-z0-9+\\/]+={0,2}$" }, "__listOf__stringMin1": { "t": "l", "v": "__stringMin1" }, "AudioDurationCorrection": { "t": "s", "e": ["DISABLED", "AUTO", "TRACK", "FRAME", "FORCE"] }, "__stringMin3Max3PatternAZaZ3": { "t": "s", "min": 3, "max": 3, "p": "^[A-Za-z]{3}$" }, "AudioDefaultSelection": { "t": "s", "e": ["DEFAULT", "NOT_DEFAULT"] }, "__stringPatternS3MM2PPWWEEBBMMMM2VVMMPPEEGGMMPP3AAVVIIMMPP4FFLLVVMMPPTTMMPPGGMM4VVTTRRPPFF4VVMM2TTSSTTSS264HH264MMKKVVMMKKAAMMOOVVMMTTSSMM2TTWWMMVVaAAASSFFVVOOBB3GGPP3GGPPPPMMXXFFDDIIVVXXXXVVIIDDRRAAWWDDVVGGXXFFMM1VV3GG2VVMMFFMM3UU8LLCCHHGGXXFFMMPPEEGG2MMXXFFMMPPEEGG2MMXXFFHHDDWWAAVVYY4MMAAAACCAAIIFFFFMMPP2AACC3EECC3DDTTSSEEAATTMMOOSSOOGGGGaAHttpsMM2VVMMPPEEGGMMPP3AAVVIIMMPP4FFLLVVMMPPTTMMPPGGMM4VVTTRRPPFF4VVMM2TTSSTTSS264HH264MMKKVVMMKKAAMMOOVVMMTTSSMM2TTWWMMVVaAAASSFFVVOOBB3GGPP3GGPPPPMMXXFFDDIIVVXXXXVVIIDDRRAAWWDDVVGGXXFFMM1VV3GG2VVMMFFMM3UU8LLCCHHGGXXFFMMPPEEGG2MMXXFFMMPPEEGG2MMXXFFHHDDWWAAVVYY4MMAAAACCAAIIFFFFMMPP2AACC3EECC3DDTTSSEEAATTMMOOSSOOGGGGaA": { "t": "s", "p": "^((s3://([^\\/]+\\/+)+([^\\/\\.]+|(([^\\/]*)\\.([mM]2[pP]|[wW][eE][bB][mM]|[mM]2[vV]|[mM][pP][eE][gG]|[mM][pP]3|[aA][vV][iI]|[mM][pP]4|[fF][lL][vV]|[mM][pP][tT]|[mM][pP][gG]|[mM]4[vV]|[tT][rR][pP]|[fF]4[vV]|[mM]2[tT][sS]|[tT][sS]|264|[hH]264|[mM][kK][vV]|[mM][kK][aA]|[mM][oO][vV]|[mM][tT][sS]|[mM]2[tT]|[wW][mM][vVaA]|[aA][sS][fF]|[vV][oO][bB]|3[gG][pP]|3[gG][pP][pP]|[mM][xX][fF]|[dD][iI][vV][xX]|[xX][vV][iI][dD]|[rR][aA][wW]|[dD][vV]|[gG][xX][fF]|[mM]1[vV]|3[gG]2|[vV][mM][fF]|[mM]3[uU]8|[lL][cC][hH]|[gG][xX][fF]_[mM][pP][eE][gG]2|[mM][xX][fF]_[mM][pP][eE][gG]2|[mM][xX][fF][hH][dD]|[wW][aA][vV]|[yY]4[mM]|[aA][aA][cC]|[aA][iI][fF][fF]|[mM][pP]2|[aA][cC]3|[eE][cC]3|[dD][tT][sS][eE]|[aA][tT][mM][oO][sS]|[oO][gG][gGaA]))))|(https?://([^\\/]+\\/+)+([^\\/\\.]+|(([^\\/]*)\\.([mM]2[vV]|[mM][pP][eE][gG]|[mM][pP]3|[aA][vV][iI]|[mM][pP]4|[fF][lL][vV]|[mM][pP][tT]|[mM][pP][gG]|[mM]4[vV]|[tT][rR][pP]|[fF]4[vV]|[mM]2[tT][sS]|[tT][sS]|264|[hH]264|[mM][kK][vV]|[mM][kK][aA]|[mM][oO][vV]|[mM][tT][sS]|[mM]2[tT]|[wW][mM][vVaA]|[aA][sS][fF]|[vV][oO][bB]|3[gG][pP]|3[gG][pP][pP]|[mM][xX][fF]|[dD][iI][vV][xX]|[xX][vV][iI][dD]|[rR][aA][wW]|[dD][vV]|[gG][xX][fF]|[mM]1[vV]|3[gG]2|[vV][mM][fF]|[mM]3[uU]8|[lL][cC][hH]|[gG][xX][fF]_[mM][pP][eE][gG]2|[mM][xX][fF]_[mM][pP][eE][gG]2|[mM][xX][fF][hH][dD]|[wW][aA][vV]|[yY]4[mM]|[aA][aA][cC]|[aA][iI][fF][fF]|[mM][pP]2|[aA][cC]3|[eE][cC]3|[dD][tT][sS][eE]|[aA][tT][mM][oO][sS]|[oO][gG][gGaA])))(\\?([^&=]+=[^&]+&)*[^&=]+=[^&]+)?))$" }, "HlsRenditionGroupSettings": { "t": "o", "m": { "RenditionGroupId": "__string", "RenditionLanguageCode": "LanguageCode", "RenditionName": "__string" } }, "LanguageCode": { "t": "s", "e": ["ENG", "SPA", "FRA", "DEU", "GER", "ZHO", "ARA", "HIN", "JPN", "RUS", "POR", "ITA", "URD", "VIE", "KOR", "PAN", "ABK", "AAR", "AFR", "AKA", "SQI", "AMH", "ARG", "HYE", "ASM", "AVA", "AVE", "AYM", "AZE", "BAM", "BAK", "EUS", "BEL", "BEN", "BIH", "BIS", "BOS", "BRE", "BUL", "MYA", "CAT", "KHM", "CHA", "CHE", "NYA", "CHU", "CHV", "COR", "COS", "CRE", "HRV", "CES", "DAN", "DIV", "NLD", "DZO", "ENM", "EPO", "EST", "EWE", "FAO", "FIJ", "FIN", "FRM", "FUL", "GLA", "GLG", "LUG", "KAT", "ELL", "GRN", "GUJ", "HAT", "HAU", "HEB", "HER", "HMO", "HUN", "ISL", "IDO", "IBO", "IND", "INA", "ILE", "IKU", "IPK", "GLE", "JAV", "KAL", "KAN", "KAU", "KAS", "KAZ", "KIK", "KIN", "KIR", "KOM", "KON", "KUA", "KUR", "LAO", "LAT", "LAV", "LIM", "LIN", "LIT", "LUB", "LTZ", "MKD", "MLG", "MSA", "MAL", "MLT", "GLV", "MRI", "MAR", "MAH", "MON", "NAU", "NAV", "NDE", "NBL", "NDO", "NEP", "SME", "NOR", "NOB", "NNO", "OCI", "OJI", "ORI", "ORM", "OSS", "PLI", "FAS", "POL", "PUS", "QUE", "QAA", "RON", "ROH", "RUN", "SMO", "SAG", "SAN", "SRD", "SRB", "SNA", "III", "SND", "SIN", "SLK", "SLV", "SOM", "SOT", "SUN", "SWA", "SSW", "SWE", "TGL", "TAH", "TGK", "TAM", "TAT", "TEL", "THA", "BOD", "TIR", "TON", "TSO", "TSN", "TUR", "TUK", "TWI", "UIG", "UKR", "UZB", "VEN", "VOL", "WLN", "CYM", "FRY", "WOL", "XHO", "YID", "YOR", "ZHA", "ZUL", "ORJ", "QPC", "TNG", "SRP"] }, "__listOf__integerMin1Max2147483647": { "t": "l", "v": "__integerMin1Max2147483647" }, "__integerMin0Max8": { "t": "i", "min": 0, "max": 8 }, "RemixSettings": { "t": "o", "m": { "ChannelMapping": "ChannelMapping", "ChannelsIn": "__integerMin1Max64", "ChannelsOut": "__integerMin1Max64", "AudioDescriptionAudioChannel": "", "AudioDescriptionDataChannel": "" } }, "AudioSelectorType": { "t": "s", "e": ["PID", "TRACK", "LANGUAGE_CODE", "HLS_RENDITION_GROUP", "ALL_PCM", "STREAM"] }, "CaptionSourceSettings": { "t": "o", "m": { "AncillarySourceSettings": "AncillarySourceSettings", "DvbSubSourceSettings": "DvbSubSourceSettings", "EmbeddedSourceSettings": "EmbeddedSourceSettings", "FileSourceSettings": "FileSourceSettings", "SourceType": "CaptionSourceType", "TeletextSourceSettings": "TeletextSourceSettings", "TrackSourceSettings": "TrackSourceSettings", "WebvttHlsSourceSettings": "WebvttHlsSourceSettings" } }, "InsertableImage": { "t": "o", "m": { "Duration": "__integerMin0Max2147483647", "FadeIn": "__integerMin0Max2147483647", "FadeOut": "__integerMin0Max2147483647", "Height": "__integerMin0Max2147483647", "ImageInserterInput": "__stringMin14PatternS3BmpBMPPngPNGTgaTGAHttpsBmpBMPPngPNGTgaTGA", "ImageX": "__integerMin0Max2147483647", "ImageY": "__integerMin0Max2147483647", "Layer": "__integerMin0Max99", "Opacity": "__integerMin0Max100", "StartTime": "__stringPattern01D20305D205D", "Width": "__integerMin0Max2147483647" } }, "__integerMin0Max50000": { "t": "i", "min": 0, "max": 50000 }, "__integerMin0Max65535": { "t": "i", "min": 0, "max": 65535 }, "__integerMin100000Max100000000": { "t": "i", "min": 100000, "max": 100000000 }, "__integerMin3Max15": { "t": "i", "min": 3, "max": 15 }, "__listOfAutomatedAbrRule": { "t": "l", "v": "AutomatedAbrRule" }, "__listOfCmafAdditionalManifest": { "t": "l", "v": "CmafAdditionalManifest" }, "CmafClientCache": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "CmafCodecSpecification": { "t": "s", "e": ["RFC_6381", "RFC_4281"] }, "DashManifestStyle": { "t": "s", "e": ["BASIC", "COMPACT", "DISTINCT", "FULL"] }, "DestinationSettings": { "t": "o", "m": { "S3Settings": "S3DestinationSettings" } }, "CmafEncryptionSettings": { "t": "o", "m": { "ConstantInitializationVector": "__stringMin32Max32Pattern09aFAF32", "EncryptionMethod": "CmafEncryptionType", "InitializationVectorInManifest": "CmafInitializationVectorInManifest", "SpekeKeyProvider": "SpekeKeyProviderCmaf", "StaticKeyProvider": "StaticKeyProvider", "Type": "CmafKeyProviderType", "ClearLeadSegments": "" } }, "CmafImageBasedTrickPlay": { "t": "s", "e": ["NONE", "THUMBNAIL", "THUMBNAIL_AND_FULLFRAME", "ADVANCED", "VARIANTS"] }, "CmafImageBasedTrickPlaySettings": { "t": "o", "m": { "IntervalCadence": "CmafIntervalCadence", "ThumbnailHeight": "__integerMin2Max4096", "ThumbnailInterval": "__doubleMin0Max2147483647", "ThumbnailWidth": "__integerMin8Max4096", "TileHeight": "__integerMin1Max2048", "TileWidth": "__integerMin1Max512" } }, "CmafManifestCompression": { "t": "s", "e": ["GZIP", "NONE"] }, "CmafManifestDurationFormat": { "t": "s", "e": ["FLOATING_POINT", "INTEGER"] }, "__doubleMin0Max2147483647": { "t": "n" }, "CmafMpdManifestBandwidthType": { "t": "s", "e": ["AVERAGE", "MAX"] }, "CmafMpdProfile": { "t": "s", "e": ["MAIN_PROFILE", "ON_DEMAND_PROFILE"] }, "CmafPtsOffsetHandlingForBFrames": { "t": "s", "e": ["ZERO_BASED", "MATCH_INITIAL_PTS"] }, "CmafSegmentControl": { "t": "s", "e": ["SINGLE_FILE", "SEGMENTED_FILES"] }, "CmafSegmentLengthControl": { "t": "s", "e": ["EXACT", "GOP_MULTIPLE", "MATCH"] }, "CmafStreamInfResolution": { "t": "s", "e": ["INCLUDE", "EXCLUDE"] }, "CmafTargetDurationCompatibilityMode": { "t": "s", "e": ["LEGACY", "SPEC_COMPLIANT"] }, "CmafVideoCompositionOffsets": { "t": "s", "e": ["SIGNED", "UNSIGNED"] }, "CmafWriteDASHManifest": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "CmafWriteHLSManifest": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "CmafWriteSegmentTimelineInRepresentation": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "__listOfDashAdditionalManifest": { "t": "l", "v": "DashAdditionalManifest" }, "DashIsoGroupAudioChannelConfigSchemeIdUri": { "t": "s", "e": ["MPEG_CHANNEL_CONFIGURATION", "DOLBY_CHANNEL_CONFIGURATION"] }, "DashIsoEncryptionSettings": { "t": "o", "m": { "PlaybackDeviceCompatibility": "DashIsoPlaybackDeviceCompatibility", "SpekeKeyProvider": "SpekeKeyProvider" } }, "DashIsoHbbtvCompliance": { "t": "s", "e": ["HBBTV_1_5", "NONE"] }, "DashIsoImageBasedTrickPlay": { "t": "s", "e": ["NONE", "THUMBNAIL", "THUMBNAIL_AND_FULLFRAME", "ADVANCED", "VARIANTS"] }, "DashIsoImageBasedTrickPlaySettings": { "t": "o", "m": { "IntervalCadence": "DashIsoIntervalCadence", "ThumbnailHeight": "__integerMin1Max4096", "ThumbnailInterval": "__doubleMin0Max2147483647", "ThumbnailWidth": "__integerMin8Max4096", "TileHeight": "__integerMin1Max2048", "TileWidth": "__integerMin1Max512" } }, "DashIsoMpdManifestBandwidthType": { "t": "s", "e": ["AVERAGE", "MAX"] }, "DashIsoMpdProfile": { "t": "s", "e": ["MAIN_PROFILE", "ON_DEMAND_PROFILE"] }, "DashIsoPtsOffsetHandlingForBFrames": { "t": "s", "e": ["ZERO_BASED", "MATCH_INITIAL_PTS"] }, "DashIsoSegmentControl": { "t": "s", "e": ["SINGLE_FILE", "SEGMENTED_FILES"] }, "DashIsoSegmentLengthControl": { "t": "s", "e": ["EXACT", "GOP_MULTIPLE", "MATCH"] }, "DashIsoVideoCompositionOffsets": { "t": "s", "e": ["SIGNED", "UNSIGNED"] }, "DashIsoWriteSegmentTimelineInRepresentation": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "__listOfHlsAdMarkers": { "t": "l", "v": "HlsAdMarkers" }, "__listOfHlsAdditionalManifest": { "t": "l", "v": "HlsAdditionalManifest" }, "HlsAudioOnlyHeader": { "t": "s", "e": ["INCLUDE", "EXCLUDE"] }, "__listOfHlsCaptionLanguageMapping": { "t": "l", "v": "HlsCaptionLanguageMapping" }, "HlsCaptionLanguageSetting": { "t": "s", "e": ["INSERT", "OMIT", "NONE"] }, "HlsCaptionSegmentLengthControl": { "t": "s", "e": ["LARGE_SEGMENTS", "MATCH_VIDEO"] }, "HlsClientCache": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "HlsCodecSpecification": { "t": "s", "e": ["RFC_6381", "RFC_4281"] }, "HlsDirectoryStructure": { "t": "s", "e": ["SINGLE_DIRECTORY", "SUBDIRECTORY_PER_STREAM"] }, "HlsEncryptionSettings": { "t": "o", "m": { "ConstantInitializationVector": "__stringMin32Max32Pattern09aFAF32", "EncryptionMethod": "HlsEncryptionType", "InitializationVectorInManifest": "HlsInitializationVectorInManifest", "OfflineEncrypted": "HlsOfflineEncrypted", "SpekeKeyProvider": "SpekeKeyProvider", "StaticKeyProvider": "StaticKeyProvider", "Type": "HlsKeyProviderType" } }, "HlsImageBasedTrickPlay": { "t": "s", "e": ["NONE", "THUMBNAIL", "THUMBNAIL_AND_FULLFRAME", "ADVANCED", "VARIANTS"] }, "HlsImageBasedTrickPlaySettings": { "t": "o", "m": { "IntervalCadence": "HlsIntervalCadence", "ThumbnailHeight": "__integerMin2Max4096", "ThumbnailInterval": "__doubleMin0Max2147483647", "ThumbnailWidth": "__integerMin8Max4096", "TileHeight": "__integerMin1Max2048", "TileWidth": "__integerMin1Max512" } }, "HlsManifestCompression": { "t": "s", "e": ["GZIP", "NONE"] }, "HlsManifestDurationFormat": { "t": "s", "e": ["FLOATING_POINT", "INTEGER"] }, "HlsOutputSelection": { "t": "s", "e": ["MANIFESTS_AND_SEGMENTS", "SEGMENTS_ONLY"] }, "HlsProgramDateTime": { "t": "s", "e": ["INCLUDE", "EXCLUDE"] }, "__integerMin0Max3600": { "t": "i", "min": 0, "max": 3600 }, "HlsSegmentControl": { "t": "s", "e": ["SINGLE_FILE", "SEGMENTED_FILES"] }, "HlsSegmentLengthControl": { "t": "s", "e": ["EXACT", "GOP_MULTIPLE", "MATCH"] }, "HlsStreamInfResolution": { "t": "s", "e": ["INCLUDE", "EXCLUDE"] }, "HlsTargetDurationCompatibilityMode": { "t": "s", "e": ["LEGACY", "SPEC_COMPLIANT"] }, "HlsTimedMetadataId3Frame": { "t": "s", "e": ["NONE", "PRIV", "TDRL"] }, "__listOfMsSmoothAdditionalManifest": { "t": "l", "v": "MsSmoothAdditionalManifest" }, "MsSmoothAudioDeduplication": { "t": "s", "e": ["COMBINE_DUPLICATE_STREAMS", "NONE"] }, "MsSmoothEncryptionSettings": { "t": "o", "m": { "SpekeKeyProvider": "SpekeKeyProvider" } }, "MsSmoothFragmentLengthControl": { "t": "s", "e": ["EXACT", "GOP_MULTIPLE"] }, "MsSmoothManifestEncoding": { "t": "s", "e": ["UTF8", "UTF16"] }, "__listOfAudioDescription": { "t": "l", "v": "AudioDescription" }, "__listOfCaptionDescription": { "t": "l", "v": "CaptionDescription" }, "ContainerSettings": { "t": "o", "m": { "CmfcSettings": "CmfcSettings", "Container": "ContainerType", "F4vSettings": "F4vSettings", "M2tsSettings": "M2tsSettings", "M3u8Settings": "M3u8Settings", "MovSettings": "MovSettings", "Mp4Settings": "Mp4Settings", "MpdSettings": "MpdSettings", "MxfSettings": "MxfSettings" } }, "__stringMin1": { "t": "s", "min": 1 }, "OutputSettings": { "t": "o", "m": { "HlsSettings": "HlsSettings" } }, "__stringMin0": { "t": "s", "min": 0 }, "VideoDescription": { "t": "o", "m": { "AfdSignaling": "AfdSignaling", "AntiAlias": "AntiAlias", "CodecSettings": "VideoCodecSettings", "ColorMetadata": "ColorMetadata", "Crop": "Rectangle", "DropFrameTimecode": "DropFrameTimecode", "FixedAfd": "__integerMin0Max15", "Height": "__integerMin32Max8192", "Position": "Rectangle", "RespondToAfd": "RespondToAfd", "ScalingBehavior": "ScalingBehavior", "Sharpness": "__integerMin0Max100", "TimecodeInsertion": "VideoTimecodeInsertion", "VideoPreprocessors": "VideoPreprocessor", "Width": "__integerMin32Max8192", "ChromaPositionMode": "", "TimecodeTrack": "" } }, "ChannelMapping": { "t": "o", "m": { "OutputChannels": "__listOfOutputChannelMapping" } }, "__integerMin1Max64": { "t": "i", "min": 1, "max": 64 }, "AncillarySourceSettings": { "t": "o", "m": { "Convert608To708": "AncillaryConvert608To708", "SourceAncillaryChannelNumber": "__integerMin1Max4", "TerminateCaptions": "AncillaryTerminateCaptions" } }, "DvbSubSourceSettings": { "t": "o", "m": { "Pid": "__integerMin1Max2147483647" } }, "EmbeddedSourceSettings": { "t": "o", "m": { "Convert608To708": "EmbeddedConvert608To708", "Source608ChannelNumber": "__integerMin1Max4", "Source608TrackNumber": "__integerMin1Max1", "TerminateCaptions": "EmbeddedTerminateCaptions" } }, "FileSourceSettings": { "t": "o", "m": { "Convert608To708": "FileSourceConvert608To708", "Framerate": "CaptionSourceFramerate", "SourceFile": "__stringMin14PatternS3SccSCCTtmlTTMLDfxpDFXPStlSTLSrtSRTXmlXMLSmiSMIVttVTTWebvttWEBVTTHttpsSccSCCTtmlTTMLDfxpDFXPStlSTLSrtSRTXmlXMLSmiSMIVttVTTWebvttWEBVTT", "TimeDelta": "__integerMinNegative2147483648Max2147483647", "TimeDeltaUnits": "FileSourceTimeDeltaUnits", "ByteRateLimit": "", "ConvertPaintToPop": "", "UpconvertSTLToTeletext": "" } }, "CaptionSourceType": { "t": "s", "e": ["ANCILLARY", "DVB_SUB", "EMBEDDED", "SCTE20", "SCC", "TTML", "STL", "SRT", "SMI", "SMPTE_TT", "TELETEXT", "NULL_SOURCE", "IMSC", "WEBVTT", "TT_3GPP"] }, "TeletextSourceSettings": { "t": "o", "m": { "PageNumber": "__stringMin3Max3Pattern1809aFAF09aEAE" } }, "TrackSourceSettings": { "t": "o", "m": { "TrackNumber": "__integerMin1Max2147483647", "StreamNumber": "" } }, "WebvttHlsSourceSettings": { "t": "o", "m": { "RenditionGroupId": "__string", "RenditionLanguageCode": "LanguageCode", "RenditionName": "__string" } }, "__stringMin14PatternS3BmpBMPPngPNGTgaTGAHttpsBmpBMPPngPNGTgaTGA": { "t": "s", "min": 14, "p": "^((s3://(.*?)\\.(bmp|BMP|png|PNG|tga|TGA))|(https?://(.*?)\\.(bmp|BMP|png|PNG|tga|TGA)(\\?([^&=]+=[^&]+&)*[^&=]+=[^&]+)?))$" }, "__integerMin0Max99": { "t": "i", "min": 0, "max": 99 }, "__integerMin0Max100": { "t": "i", "min": 0, "max": 100 }, "__stringPattern01D20305D205D": { "t": "s", "p": "^((([0-1]\\d)|(2[0-3]))(:[0-5]\\d){2}([:;][0-5]\\d))$" }, "AutomatedAbrRule": { "t": "o", "m": { "AllowedRenditions": "__listOfAllowedRenditionSize", "ForceIncludeRenditions": "__listOfForceIncludeRenditionSize", "MinBottomRenditionSize": "MinBottomRenditionSize", "MinTopRenditionSize": "MinTopRenditionSize", "Type": "RuleType" } }, "CmafAdditionalManifest": { "t": "o", "m": { "ManifestNameModifier": "__stringMin1", "SelectedOutputs": "__listOf__stringMin1" } }, "S3DestinationSettings": { "t": "o", "m": { "AccessControl": "S3DestinationAccessControl", "Encryption": "S3EncryptionSettings", "StorageClass": "" } }, "__stringMin32Max32Pattern09aFAF32": { "t": "s", "min": 32, "max": 32, "p": "^[0-9a-fA-F]{32}$" }, "CmafEncryptionType": { "t": "s", "e": ["SAMPLE_AES", "AES_CTR"] }, "CmafInitializationVectorInManifest": { "t": "s", "e": ["INCLUDE", "EXCLUDE"] }, "SpekeKeyProviderCmaf": { "t": "o", "m": { "CertificateArn": "__stringPatternArnAwsUsGovAcm", "DashSignaledSystemIds": "__listOf__stringMin36Max36Pattern09aFAF809aFAF409aFAF409aFAF409aFAF12", "HlsSignaledSystemIds": "__listOf__stringMin36Max36Pattern09aFAF809aFAF409aFAF409aFAF409aFAF12", "ResourceId": "__stringPatternW", "Url": "__stringPatternHttps", "EncryptionContractConfiguration": "" } }, "StaticKeyProvider": { "t": "o", "m": { "KeyFormat": "__stringPatternIdentityAZaZ26AZaZ09163", "KeyFormatVersions": "__stringPatternDD", "StaticKeyValue": "__stringPatternAZaZ0932", "Url": "__string" } }, "CmafKeyProviderType": { "t": "s", "e": ["SPEKE", "STATIC_KEY"] }, "CmafIntervalCadence": { "t": "s", "e": ["FOLLOW_IFRAME", "FOLLOW_CUSTOM", "FOLLOW_SEGMENTATION"] }, "__integerMin2Max4096": { "t": "i", "min": 2, "max": 4096 }, "__integerMin8Max4096": { "t": "i", "min": 8, "max": 4096 }, "__integerMin1Max2048": { "t": "i", "min": 1, "max": 2048 }, "__integerMin1Max512": { "t": "i", "min": 1, "max": 512 }, "DashAdditionalManifest": { "t": "o", "m": { "ManifestNameModifier": "__stringMin1", "SelectedOutputs": "__listOf__stringMin1" } }, "DashIsoPlaybackDeviceCompatibility": { "t": "s", "e": ["CENC_V1", "UNENCRYPTED_SEI", "CENC_V1_UNENCRYPTED_HEADERS"] }, "SpekeKeyProvider": { "t": "o", "m": { "CertificateArn": "__stringPatternArnAwsUsGovAcm", "ResourceId": "__string", "SystemIds": "__listOf__stringPattern09aFAF809aFAF409aFAF409aFAF409aFAF12", "Url": "__stringPatternHttps", "EncryptionContractConfiguration": "" } }, "DashIsoIntervalCadence": { "t": "s", "e": ["FOLLOW_IFRAME", "FOLLOW_CUSTOM", "FOLLOW_SEGMENTATION"] }, "__integerMin1Max4096": { "t": "i", "min": 1, "max": 4096 }, "HlsAdMarkers": { "t": "s", "e": ["ELEMENTAL", "ELEMENTAL_SCTE35"] }, "HlsAdditionalManifest": { "t": "o", "m": { "ManifestNameModifier": "__stringMin1", "SelectedOutputs": "__listOf__stringMin1" } }, "HlsCaptionLanguageMapping": { "t": "o", "m": { "CaptionChannel": "__integerMinNegative2147483648Max2147483647", "CustomLanguageCode": "__stringMin3Max3PatternAZaZ3", "LanguageCode": "LanguageCode", "LanguageDescription": "__string" } }, "HlsEncryptionType": { "t": "s", "e": ["AES128", "SAMPLE_AES"] }, "HlsInitializationVectorInManifest": { "t": "s", "e": ["INCLUDE", "EXCLUDE"] }, "HlsOfflineEncrypted": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "HlsKeyProviderType": { "t": "s", "e": ["SPEKE", "STATIC_KEY"] }, "HlsIntervalCadence": { "t": "s", "e": ["FOLLOW_IFRAME", "FOLLOW_CUSTOM", "FOLLOW_SEGMENTATION"] }, "MsSmoothAdditionalManifest": { "t": "o", "m": { "ManifestNameModifier": "__stringMin1", "SelectedOutputs": "__listOf__stringMin1" } }, "AudioDescription": { "t": "o", "m": { "AudioChannelTaggingSettings": "AudioChannelTaggingSettings", "AudioNormalizationSettings": "AudioNormalizationSettings", "AudioSourceName": "__string", "AudioType": "__integerMin0Max255", "AudioTypeControl": "AudioTypeControl", "CodecSettings": "AudioCodecSettings", "CustomLanguageCode": "__stringPatternAZaZ23AZaZ", "LanguageCode": "LanguageCode", "LanguageCodeControl": "AudioLanguageCodeControl", "RemixSettings": "RemixSettings", "StreamName": "__stringPatternWS", "AudioPitchCorrectionSettings": "" } }, "CaptionDescription": { "t": "o", "m": { "CaptionSelectorName": "__stringMin1", "CustomLanguageCode": "__stringPatternAZaZ23AZaZ", "DestinationSettings": "CaptionDestinationSettings", "LanguageCode": "LanguageCode", "LanguageDescription": "__string", "AudioSourceNames": "", "Source": "" } }, "CmfcSettings": { "t": "o", "m": { "AudioDuration": "CmfcAudioDuration", "AudioGroupId": "__string", "AudioRenditionSets": "__string", "AudioTrackType": "CmfcAudioTrackType", "DescriptiveVideoServiceFlag": "CmfcDescriptiveVideoServiceFlag", "IFrameOnlyManifest": "CmfcIFrameOnlyManifest", "KlvMetadata": "CmfcKlvMetadata", "ManifestMetadataSignaling": "CmfcManifestMetadataSignaling", "Scte35Esam": "CmfcScte35Esam", "Scte35Source": "CmfcScte35Source", "TimedMetadata": "CmfcTimedMetadata", "TimedMetadataBoxVersion": "CmfcTimedMetadataBoxVersion", "TimedMetadataSchemeIdUri": "__stringMax1000", "TimedMetadataValue": "__stringMax1000", "C2paManifest": "", "CertificateSecret": "", "SigningKmsKey": "" } }, "ContainerType": { "t": "s", "e": ["F4V", "ISMV", "M2TS", "M3U8", "CMFC", "MOV", "MP4", "MPD", "MXF", "WEBM", "RAW", "GIF", "OGG", "Y4M"] }, "F4vSettings": { "t": "o", "m": { "MoovPlacement": "F4vMoovPlacement" } }, "M2tsSettings": { "t": "o", "m": { "AudioBufferModel": "M2tsAudioBufferModel", "AudioDuration": "M2tsAudioDuration", "AudioFramesPerPes": "__integerMin0Max2147483647", "AudioPids": "__listOf__integerMin32Max8182", "Bitrate": "__integerMin0Max2147483647", "BufferModel": "M2tsBufferModel", "DataPTSControl": "M2tsDataPtsControl", "DvbNitSettings": "DvbNitSettings", "DvbSdtSettings": "DvbSdtSettings", "DvbSubPids": "__listOf__integerMin32Max8182", "DvbTdtSettings": "DvbTdtSettings", "DvbTeletextPid": "__integerMin32Max8182", "EbpAudioInterval": "M2tsEbpAudioInterval", "EbpPlacement": "M2tsEbpPlacement", "EsRateInPes": "M2tsEsRateInPes", "ForceTsVideoEbpOrder": "M2tsForceTsVideoEbpOrder", "FragmentTime": "__doubleMin0", "KlvMetadata": "M2tsKlvMetadata", "MaxPcrInterval": "__integerMin0Max500", "MinEbpInterval": "__integerMin0Max10000", "NielsenId3": "M2tsNielsenId3", "NullPacketBitrate": "__doubleMin0", "PatInterval": "__integerMin0Max1000", "PcrControl": "M2tsPcrControl", "PcrPid": "__integerMin32Max8182", "PmtInterval": "__integerMin0Max1000", "PmtPid": "__integerMin32Max8182", "PrivateMetadataPid": "__integerMin32Max8182", "ProgramNumber": "__integerMin0Max65535", "RateMode": "M2tsRateMode", "Scte35Esam": "M2tsScte35Esam", "Scte35Pid": "__integerMin32Max8182", "Scte35Source": "M2tsScte35Source", "SegmentationMarkers": "M2tsSegmentationMarkers", "SegmentationStyle": "M2tsSegmentationStyle", "SegmentationTime": "__doubleMin0", "TimedMetadataPid": "__integerMin32Max8182", "TransportStreamId": "__integerMin0Max65535", "VideoPid": "__integerMin32Max8182", "AudioPtsOffsetDelta": "", "PreventBufferUnderflow": "", "PtsOffset": "", "PtsOffsetMode": "" } }, "M3u8Settings": { "t": "o", "m": { "AudioDuration": "M3u8AudioDuration", "AudioFramesPerPes": "__integerMin0Max2147483647", "AudioPids": "__listOf__integerMin32Max8182", "DataPTSControl": "M3u8DataPtsControl", "MaxPcrInterval": "__integerMin0Max500", "NielsenId3": "M3u8NielsenId3", "PatInterval": "__integerMin0Max1000", "PcrControl": "M3u8PcrControl", "PcrPid": "__integerMin32Max8182", "PmtInterval": "__integerMin0Max1000", "PmtPid": "__integerMin32Max8182", "PrivateMetadataPid": "__integerMin32Max8182", "ProgramNumber": "__integerMin0Max65535", "Scte35Pid": "__integerMin32Max8182", "Scte35Source": "M3u8Scte35Source", "TimedMetadata": "TimedMetadata", "TimedMetadataPid": "__integerMin32Max8182", "TransportStreamId": "__integerMin0Max65535", "VideoPid": "__integerMin32Max8182", "AudioPtsOffsetDelta": "", "PtsOffset": "", "PtsOffsetMode": "" } }, "MovSettings": { "t": "o", "m": { "ClapAtom": "MovClapAtom", "CslgAtom": "MovCslgAtom", "Mpeg2FourCCControl": "MovMpeg2FourCCControl", "PaddingControl": "MovPaddingControl", "Reference": "MovReference", "AudioDuration": "" } }, "Mp4Settings": { "t": "o", "m": { "AudioDuration": "CmfcAudioDuration", "CslgAtom": "Mp4CslgAtom", "CttsVersion": "__integerMin0Max1", "FreeSpaceBox": "Mp4FreeSpaceBox", "MoovPlacement": "Mp4MoovPlacement", "Mp4MajorBrand": "__string", "C2paManifest": "", "CertificateSecret": "", "SigningKmsKey": "" } }, "MpdSettings": { "t": "o", "m": { "AccessibilityCaptionHints": "MpdAccessibilityCaptionHints", "AudioDuration": "MpdAudioDuration", "CaptionContainerType": "MpdCaptionContainerType", "KlvMetadata": "MpdKlvMetadata", "ManifestMetadataSignaling": "MpdManifestMetadataSignaling", "Scte35Esam": "MpdScte35Esam", "Scte35Source": "MpdScte35Source", "TimedMetadata": "MpdTimedMetadata", "TimedMetadataBoxVersion": "MpdTimedMetadataBoxVersion", "TimedMetadataSchemeIdUri": "__stringMax1000", "TimedMetadataValue": "__stringMax1000", "C2paManifest": "", "CertificateSecret": "", "SigningKmsKey": "" } }, "MxfSettings": { "t": "o", "m": { "AfdSignaling": "MxfAfdSignaling", "Profile": "MxfProfile", "XavcProfileSettings": "MxfXavcProfileSettings", "UncompressedAudioWrapping": "" } }, "HlsSettings": { "t": "o", "m": { "AudioGroupId": "__string", "AudioOnlyContainer": "HlsAudioOnlyContainer", "AudioRenditionSets": "__string", "AudioTrackType": "HlsAudioTrackType", "DescriptiveVideoServiceFlag": "HlsDescriptiveVideoServiceFlag", "IFrameOnlyManifest": "HlsIFrameOnlyManifest", "SegmentModifier": "__string" } }, "AfdSignaling": { "t": "s", "e": ["NONE", "AUTO", "FIXED"] }, "AntiAlias": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "VideoCodecSettings": { "t": "o", "m": { "Av1Settings": "Av1Settings", "AvcIntraSettings": "AvcIntraSettings", "Codec": "VideoCodec", "FrameCaptureSettings": "FrameCaptureSettings", "H264Settings": "H264Settings", "H265Settings": "H265Settings", "Mpeg2Settings": "Mpeg2Settings", "ProresSettings": "ProresSettings", "Vc3Settings": "Vc3Settings", "Vp8Settings": "Vp8Settings", "Vp9Settings": "Vp9Settings", "XavcSettings": "XavcSettings", "GifSettings": "", "PassthroughSettings": "", "UncompressedSettings": "" } }, "ColorMetadata": { "t": "s", "e": ["IGNORE", "INSERT"] }, "DropFrameTimecode": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "__integerMin0Max15": { "t": "i", "min": 0, "max": 15 }, "__integerMin32Max8192": { "t": "i", "min": 32, "max": 8192 }, "RespondToAfd": { "t": "s", "e": ["NONE", "RESPOND", "PASSTHROUGH"] }, "ScalingBehavior": { "t": "s", "e": ["DEFAULT", "STRETCH_TO_OUTPUT", "FILL", "FIT", "FIT_NO_UPSCALE", "SMART_CROP"] }, "VideoTimecodeInsertion": { "t": "s", "e": ["DISABLED", "PIC_TIMING_SEI"] }, "VideoPreprocessor": { "t": "o", "m": { "ColorCorrector": "ColorCorrector", "Deinterlacer": "Deinterlacer", "DolbyVision": "DolbyVision", "Hdr10Plus": "Hdr10Plus", "ImageInserter": "ImageInserter", "NoiseReducer": "NoiseReducer", "PartnerWatermarking": "PartnerWatermarking", "TimecodeBurnin": "TimecodeBurnin", "DurationControl": "" } }, "__listOfOutputChannelMapping": { "t": "l", "v": "OutputChannelMapping" }, "AncillaryConvert608To708": { "t": "s", "e": ["UPCONVERT", "DISABLED"] }, "__integerMin1Max4": { "t": "i", "min": 1, "max": 4 }, "AncillaryTerminateCaptions": { "t": "s", "e": ["END_OF_INPUT", "DISABLED"] }, "EmbeddedConvert608To708": { "t": "s", "e": ["UPCONVERT", "DISABLED"] }, "__integerMin1Max1": { "t": "i", "min": 1, "max": 1 }, "EmbeddedTerminateCaptions": { "t": "s", "e": ["END_OF_INPUT", "DISABLED"] }, "FileSourceConvert608To708": { "t": "s", "e": ["UPCONVERT", "DISABLED"] }, "CaptionSourceFramerate": { "t": "o", "m": { "FramerateDenominator": "__integerMin1Max1001", "FramerateNumerator": "__integerMin1Max60000" } }, "__stringMin14PatternS3SccSCCTtmlTTMLDfxpDFXPStlSTLSrtSRTXmlXMLSmiSMIVttVTTWebvttWEBVTTHttpsSccSCCTtmlTTMLDfxpDFXPStlSTLSrtSRTXmlXMLSmiSMIVttVTTWebvttWEBVTT": { "t": "s", "min": 14, "p": "^((s3://(.*?)\\.(scc|SCC|ttml|TTML|dfxp|DFXP|stl|STL|srt|SRT|xml|XML|smi|SMI|vtt|VTT|webvtt|WEBVTT))|(https?://(.*?)\\.(scc|SCC|ttml|TTML|dfxp|DFXP|stl|STL|srt|SRT|xml|XML|smi|SMI|vtt|VTT|webvtt|WEBVTT)(\\?([^&=]+=[^&]+&)*[^&=]+=[^&]+)?))$" }, "FileSourceTimeDeltaUnits": { "t": "s", "e": ["SECONDS", "MILLISECONDS"] }, "__stringMin3Max3Pattern1809aFAF09aEAE": { "t": "s", "min": 3, "max": 3, "p": "^[1-8][0-9a-fA-F][0-9a-eA-E]$" }, "__listOfAllowedRenditionSize": { "t": "l", "v": "AllowedRenditionSize" }, "__listOfForceIncludeRenditionSize": { "t": "l", "v": "ForceIncludeRenditionSize" }, "MinBottomRenditionSize": { "t": "o", "m": { "Height": "__integerMin32Max8192", "Width": "__integerMin32Max8192" } }, "MinTopRenditionSize": { "t": "o", "m": { "Height": "__integerMin32Max8192", "Width": "__integerMin32Max8192" } }, "RuleType": { "t": "s", "e": ["MIN_TOP_RENDITION_SIZE", "MIN_BOTTOM_RENDITION_SIZE", "FORCE_INCLUDE_RENDITIONS", "ALLOWED_RENDITIONS"] }, "S3DestinationAccessControl": { "t": "o", "m": { "CannedAcl": "S3ObjectCannedAcl" } }, "S3EncryptionSettings": { "t": "o", "m": { "EncryptionType": "S3ServerSideEncryptionType", "KmsEncryptionContext": "__stringPatternAZaZ0902", "KmsKeyArn": "__stringPatternArnAwsUsGovCnKmsAZ26EastWestCentralNorthSouthEastWest1912D12KeyAFAF098AFAF094AFAF094AFAF094AFAF0912MrkAFAF0932" } }, "__stringPatternArnAwsUsGovAcm": { "t": "s", "p": "^arn:aws(-us-gov)?:acm:" }, "__listOf__stringMin36Max36Pattern09aFAF809aFAF409aFAF409aFAF409aFAF12": { "t": "l", "v": "__stringMin36Max36Pattern09aFAF809aFAF409aFAF409aFAF409aFAF12" }, "__stringPatternW": { "t": "s", "p": "^[\\w-]+$" }, "__stringPatternIdentityAZaZ26AZaZ09163": { "t": "s", "p": "^(identity|[A-Za-z]{2,6}(\\.[A-Za-z0-9-]{1,63})+)$" }, "__stringPatternDD": { "t": "s", "p": "^(\\d+(\\/\\d+)*)$" }, "__stringPatternAZaZ0932": { "t": "s", "p": "^[A-Za-z0-9]{32}$" }, "__listOf__stringPattern09aFAF809aFAF409aFAF409aFAF409aFAF12": { "t": "l", "v": "__stringPattern09aFAF809aFAF409aFAF409aFAF409aFAF12" }, "AudioChannelTaggingSettings": { "t": "o", "m": { "ChannelTag": "AudioChannelTag", "ChannelTags": "" } }, "AudioNormalizationSettings": { "t": "o", "m": { "Algorithm": "AudioNormalizationAlgorithm", "AlgorithmControl": "AudioNormalizationAlgorithmControl", "CorrectionGateLevel": "__integerMinNegative70Max0", "LoudnessLogging": "AudioNormalizationLoudnessLogging", "PeakCalculation": "AudioNormalizationPeakCalculation", "TargetLkfs": "__doubleMinNegative59Max0", "TruePeakLimiterThreshold": "__doubleMinNegative20Max0" } }, "__integerMin0Max255": { "t": "i", "min": 0, "max": 255 }, "AudioTypeControl": { "t": "s", "e": ["FOLLOW_INPUT", "USE_CONFIGURED"] }, "AudioCodecSettings": { "t": "o", "m": { "AacSettings": "AacSettings", "Ac3Settings": "Ac3Settings", "AiffSettings": "AiffSettings", "Codec": "AudioCodec", "Eac3AtmosSettings": "Eac3AtmosSettings", "Eac3Settings": "Eac3Settings", "Mp2Settings": "Mp2Settings", "Mp3Settings": "Mp3Settings", "OpusSettings": "OpusSettings", "VorbisSettings": "VorbisSettings", "WavSettings": "WavSettings", "Ac4Settings": "", "FlacSettings": "" } }, "__stringPatternAZaZ23AZaZ": { "t": "s", "p": "^[A-Za-z]{2,3}(-[A-Za-z-]+)?$" }, "AudioLanguageCodeControl": { "t": "s", "e": ["FOLLOW_INPUT", "USE_CONFIGURED"] }, "__stringPatternWS": { "t": "s", "p": "^[\\w\\s]*$" }, "CaptionDestinationSettings": { "t": "o", "m": { "BurninDestinationSettings": "BurninDestinationSettings", "DestinationType": "CaptionDestinationType", "DvbSubDestinationSettings": "DvbSubDestinationSettings", "EmbeddedDestinationSettings": "EmbeddedDestinationSettings", "ImscDestinationSettings": "ImscDestinationSettings", "SccDestinationSettings": "SccDestinationSettings", "SrtDestinationSettings": "SrtDestinationSettings", "TeletextDestinationSettings": "TeletextDestinationSettings", "TtmlDestinationSettings": "TtmlDestinationSettings", "WebvttDestinationSettings": "WebvttDestinationSettings" } }, "CmfcAudioDuration": { "t": "s", "e": ["DEFAULT_CODEC_DURATION", "MATCH_VIDEO_DURATION"] }, "CmfcAudioTrackType": { "t": "s", "e": ["ALTERNATE_AUDIO_AUTO_SELECT_DEFAULT", "ALTERNATE_AUDIO_AUTO_SELECT", "ALTERNATE_AUDIO_NOT_AUTO_SELECT", "AUDIO_ONLY_VARIANT_STREAM"] }, "CmfcDescriptiveVideoServiceFlag": { "t": "s", "e": ["DONT_FLAG", "FLAG"] }, "CmfcIFrameOnlyManifest": { "t": "s", "e": ["INCLUDE", "EXCLUDE"] }, "CmfcKlvMetadata": { "t": "s", "e": ["PASSTHROUGH", "NONE"] }, "CmfcManifestMetadataSignaling": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "CmfcScte35Esam": { "t": "s", "e": ["INSERT", "NONE"] }, "CmfcScte35Source": { "t": "s", "e": ["PASSTHROUGH", "NONE", "MANIFEST_CUES"] }, "CmfcTimedMetadata": { "t": "s", "e": ["PASSTHROUGH", "NONE"] }, "CmfcTimedMetadataBoxVersion": { "t": "s", "e": ["VERSION_0", "VERSION_1"] }, "__stringMax1000": { "t": "s", "max": 1000 }, "F4vMoovPlacement": { "t": "s", "e": ["PROGRESSIVE_DOWNLOAD", "NORMAL"] }, "M2tsAudioBufferModel": { "t": "s", "e": ["DVB", "ATSC"] }, "M2tsAudioDuration": { "t": "s", "e": ["DEFAULT_CODEC_DURATION", "MATCH_VIDEO_DURATION"] }, "__listOf__integerMin32Max8182": { "t": "l", "v": "__integerMin32Max8182" }, "M2tsBufferModel": { "t": "s", "e": ["MULTIPLEX", "NONE"] }, "M2tsDataPtsControl": { "t": "s", "e": ["AUTO", "ALIGN_TO_VIDEO"] }, "DvbNitSettings": { "t": "o", "m": { "NetworkId": "__integerMin0Max65535", "NetworkName": "__stringMin1Max256", "NitInterval": "__integerMin25Max10000" } }, "DvbSdtSettings": { "t": "o", "m": { "OutputSdt": "OutputSdt", "SdtInterval": "__integerMin25Max2000", "ServiceName": "__stringMin1Max256", "ServiceProviderName": "__stringMin1Max256" } }, "DvbTdtSettings": { "t": "o", "m": { "TdtInterval": "__integerMin1000Max30000" } }, "__integerMin32Max8182": { "t": "i", "min": 32, "max": 8182 }, "M2tsEbpAudioInterval": { "t": "s", "e": ["VIDEO_AND_FIXED_INTERVALS", "VIDEO_INTERVAL"] }, "M2tsEbpPlacement": { "t": "s", "e": ["VIDEO_AND_AUDIO_PIDS", "VIDEO_PID"] }, "M2tsEsRateInPes": { "t": "s", "e": ["INCLUDE", "EXCLUDE"] }, "M2tsForceTsVideoEbpOrder": { "t": "s", "e": ["FORCE", "DEFAULT"] }, "M2tsKlvMetadata": { "t": "s", "e": ["PASSTHROUGH", "NONE"] }, "__integerMin0Max500": { "t": "i", "min": 0, "max": 500 }, "__integerMin0Max10000": { "t": "i", "min": 0, "max": 10000 }, "M2tsNielsenId3": { "t": "s", "e": ["INSERT", "NONE"] }, "__integerMin0Max1000": { "t": "i", "min": 0, "max": 1000 }, "M2tsPcrControl": { "t": "s", "e": ["PCR_EVERY_PES_PACKET", "CONFIGURED_PCR_PERIOD"] }, "M2tsRateMode": { "t": "s", "e": ["VBR", "CBR"] }, "M2tsScte35Esam": { "t": "o", "m": { "Scte35EsamPid": "__integerMin32Max8182" } }, "M2tsScte35Source": { "t": "s", "e": ["PASSTHROUGH", "NONE", "MANIFEST_CUES"] }, "M2tsSegmentationMarkers": { "t": "s", "e": ["NONE", "RAI_SEGSTART", "RAI_ADAPT", "PSI_SEGSTART", "EBP", "EBP_LEGACY"] }, "M2tsSegmentationStyle": { "t": "s", "e": ["MAINTAIN_CADENCE", "RESET_CADENCE"] }, "M3u8AudioDuration": { "t": "s", "e": ["DEFAULT_CODEC_DURATION", "MATCH_VIDEO_DURATION"] }, "M3u8DataPtsControl": { "t": "s", "e": ["AUTO", "ALIGN_TO_VIDEO"] }, "M3u8NielsenId3": { "t": "s", "e": ["INSERT", "NONE"] }, "M3u8PcrControl": { "t": "s", "e": ["PCR_EVERY_PES_PACKET", "CONFIGURED_PCR_PERIOD"] }, "M3u8Scte35Source": { "t": "s", "e": ["PASSTHROUGH", "NONE", "MANIFEST_CUES"] }, "TimedMetadata": { "t": "s", "e": ["PASSTHROUGH", "NONE"] }, "MovClapAtom": { "t": "s", "e": ["INCLUDE", "EXCLUDE"] }, "MovCslgAtom": { "t": "s", "e": ["INCLUDE", "EXCLUDE"] }, "MovMpeg2FourCCControl": { "t": "s", "e": ["XDCAM", "MPEG"] }, "MovPaddingControl": { "t": "s", "e": ["OMNEON", "NONE"] }, "MovReference": { "t": "s", "e": ["SELF_CONTAINED", "EXTERNAL"] }, "Mp4CslgAtom": { "t": "s", "e": ["INCLUDE", "EXCLUDE"] }, "__integerMin0Max1": { "t": "i", "min": 0, "max": 1 }, "Mp4FreeSpaceBox": { "t": "s", "e": ["INCLUDE", "EXCLUDE"] }, "Mp4MoovPlacement": { "t": "s", "e": ["PROGRESSIVE_DOWNLOAD", "NORMAL"] }, "MpdAccessibilityCaptionHints": { "t": "s", "e": ["INCLUDE", "EXCLUDE"] }, "MpdAudioDuration": { "t": "s", "e": ["DEFAULT_CODEC_DURATION", "MATCH_VIDEO_DURATION"] }, "MpdCaptionContainerType": { "t": "s", "e": ["RAW", "FRAGMENTED_MP4"] }, "MpdKlvMetadata": { "t": "s", "e": ["NONE", "PASSTHROUGH"] }, "MpdManifestMetadataSignaling": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "MpdScte35Esam": { "t": "s", "e": ["INSERT", "NONE"] }, "MpdScte35Source": { "t": "s", "e": ["PASSTHROUGH", "NONE", "MANIFEST_CUES"] }, "MpdTimedMetadata": { "t": "s", "e": ["PASSTHROUGH", "NONE"] }, "MpdTimedMetadataBoxVersion": { "t": "s", "e": ["VERSION_0", "VERSION_1"] }, "MxfAfdSignaling": { "t": "s", "e": ["NO_COPY", "COPY_FROM_VIDEO"] }, "MxfProfile": { "t": "s", "e": ["D_10", "XDCAM", "OP1A", "XAVC", "XDCAM_RDD9"] }, "MxfXavcProfileSettings": { "t": "o", "m": { "DurationMode": "MxfXavcDurationMode", "MaxAncDataSize": "__integerMin0Max2147483647" } }, "HlsAudioOnlyContainer": { "t": "s", "e": ["AUTOMATIC", "M2TS"] }, "HlsAudioTrackType": { "t": "s", "e": ["ALTERNATE_AUDIO_AUTO_SELECT_DEFAULT", "ALTERNATE_AUDIO_AUTO_SELECT", "ALTERNATE_AUDIO_NOT_AUTO_SELECT", "AUDIO_ONLY_VARIANT_STREAM"] }, "HlsDescriptiveVideoServiceFlag": { "t": "s", "e": ["DONT_FLAG", "FLAG"] }, "HlsIFrameOnlyManifest": { "t": "s", "e": ["INCLUDE", "EXCLUDE", "INCLUDE_AS_TS"] }, "Av1Settings": { "t": "o", "m": { "AdaptiveQuantization": "Av1AdaptiveQuantization", "BitDepth": "Av1BitDepth", "FramerateControl": "Av1FramerateControl", "FramerateConversionAlgorithm": "Av1FramerateConversionAlgorithm", "FramerateDenominator": "__integerMin1Max2147483647", "FramerateNumerator": "__integerMin1Max2147483647", "GopSize": "__doubleMin0", "MaxBitrate": "__integerMin1000Max1152000000", "NumberBFramesBetweenReferenceFrames": "__integerMin0Max15", "QvbrSettings": "Av1QvbrSettings", "RateControlMode": "Av1RateControlMode", "Slices": "__integerMin1Max32", "SpatialAdaptiveQuantization": "Av1SpatialAdaptiveQuantization", "Bitrate": "", "FilmGrainSynthesis": "", "PerFrameMetrics": "", "SceneChangeDetect": "", "SlidingWindowMs": "", "SlidingWindowPeakBitrate": "" } }, "AvcIntraSettings": { "t": "o", "m": { "AvcIntraClass": "AvcIntraClass", "AvcIntraUhdSettings": "AvcIntraUhdSettings", "FramerateControl": "AvcIntraFramerateControl", "FramerateConversionAlgorithm": "AvcIntraFramerateConversionAlgorithm", "FramerateDenominator": "__integerMin1Max1001", "FramerateNumerator": "__integerMin24Max60000", "InterlaceMode": "AvcIntraInterlaceMode", "ScanTypeConversionMode": "AvcIntraScanTypeConversionMode", "SlowPal": "AvcIntraSlowPal", "Telecine": "AvcIntraTelecine", "PerFrameMetrics": "" } }, "VideoCodec": { "t": "s", "e": ["AV1", "AVC_INTRA", "FRAME_CAPTURE", "H_264", "H_265", "MPEG2", "PRORES", "VC3", "VP8", "VP9", "XAVC", "GIF", "PASSTHROUGH", "UNCOMPRESSED"] }, "FrameCaptureSettings": { "t": "o", "m": { "FramerateDenominator": "__integerMin1Max2147483647", "FramerateNumerator": "__integerMin1Max2147483647", "MaxCaptures": "__integerMin1Max10000000", "Quality": "__integerMin1Max100" } }, "H264Settings": { "t": "o", "m": { "AdaptiveQuantization": "H264AdaptiveQuantization", "Bitrate": "__integerMin1000Max1152000000", "CodecLevel": "H264CodecLevel", "CodecProfile": "H264CodecProfile", "DynamicSubGop": "H264DynamicSubGop", "EntropyEncoding": "H264EntropyEncoding", "FieldEncoding": "H264FieldEncoding", "FlickerAdaptiveQuantization": "H264FlickerAdaptiveQuantization", "FramerateControl": "H264FramerateControl", "FramerateConversionAlgorithm": "H264FramerateConversionAlgorithm", "FramerateDenominator": "__integerMin1Max2147483647", "FramerateNumerator": "__integerMin1Max2147483647", "GopBReference": "H264GopBReference", "GopClosedCadence": "__integerMin0Max2147483647", "GopSize": "__doubleMin0", "GopSizeUnits": "H264GopSizeUnits", "HrdBufferFinalFillPercentage": "__integerMin0Max100", "HrdBufferInitialFillPercentage": "__integerMin0Max100", "HrdBufferSize": "__integerMin0Max1152000000", "InterlaceMode": "H264InterlaceMode", "MaxBitrate": "__integerMin1000Max1152000000", "MinIInterval": "__integerMin0Max30", "NumberBFramesBetweenReferenceFrames": "__integerMin0Max7", "NumberReferenceFrames": "__integerMin1Max6", "ParControl": "H264ParControl", "ParDenominator": "__integerMin1Max2147483647", "ParNumerator": "__integerMin1Max2147483647", "QualityTuningLevel": "H264QualityTuningLevel", "QvbrSettings": "H264QvbrSettings", "RateControlMode": "H264RateControlMode", "RepeatPps": "H264RepeatPps", "ScanTypeConversionMode": "H264ScanTypeConversionMode", "SceneChangeDetect": "H264SceneChangeDetect", "Slices": "__integerMin1Max32", "SlowPal": "H264SlowPal", "Softness": "__integerMin0Max128", "SpatialAdaptiveQuantization": "H264SpatialAdaptiveQuantization", "Syntax": "H264Syntax", "Telecine": "H264Telecine", "TemporalAdaptiveQuantization": "H264TemporalAdaptiveQuantization", "UnregisteredSeiTimecode": "H264UnregisteredSeiTimecode", "BandwidthReductionFilter": "", "EndOfStreamMarkers": "", "ExplicitWeightedPrediction": "", "PerFrameMetrics": "", "SaliencyAwareEncoding": "", "SlidingWindowMs": "", "SlidingWindowPeakBitrate": "", "WriteMp4PackagingType": "" } }, "H265Settings": { "t": "o", "m": { "AdaptiveQuantization": "H265AdaptiveQuantization", "AlternateTransferFunctionSei": "H265AlternateTransferFunctionSei", "Bitrate": "__integerMin1000Max1466400000", "CodecLevel": "H265CodecLevel", "CodecProfile": "H265CodecProfile", "DynamicSubGop": "H265DynamicSubGop", "FlickerAdaptiveQuantization": "H265FlickerAdaptiveQuantization", "FramerateControl": "H265FramerateControl", "FramerateConversionAlgorithm": "H265FramerateConversionAlgorithm", "FramerateDenominator": "__integerMin1Max2147483647", "FramerateNumerator": "__integerMin1Max2147483647", "GopBReference": "H265GopBReference", "GopClosedCadence": "__integerMin0Max2147483647", "GopSize": "__doubleMin0", "GopSizeUnits": "H265GopSizeUnits", "HrdBufferFinalFillPercentage": "__integerMin0Max100", "HrdBufferInitialFillPercentage": "__integerMin0Max100", "HrdBufferSize": "__integerMin0Max1466400000", "InterlaceMode": "H265InterlaceMode", "MaxBitrate": "__integerMin1000Max1466400000", "MinIInterval": "__integerMin0Max30", "NumberBFramesBetweenReferenceFrames": "__integerMin0Max7", "NumberReferenceFrames": "__integerMin1Max6", "ParControl": "H265ParControl", "ParDenominator": "__integerMin1Max2147483647", "ParNumerator": "__integerMin1Max2147483647", "QualityTuningLevel": "H265QualityTuningLevel", "QvbrSettings": "H265QvbrSettings", "RateControlMode": "H265RateControlMode", "SampleAdaptiveOffsetFilterMode": "H265SampleAdaptiveOffsetFilterMode", "ScanTypeConversionMode": "H265ScanTypeConversionMode", "SceneChangeDetect": "H265SceneChangeDetect", "Slices": "__integerMin1Max32", "SlowPal": "H265SlowPal", "SpatialAdaptiveQuantization": "H265SpatialAdaptiveQuantization", "Telecine": "H265Telecine", "TemporalAdaptiveQuantization": "H265TemporalAdaptiveQuantization", "TemporalIds": "H265TemporalIds", "Tiles": "H265Tiles", "UnregisteredSeiTimecode": "H265UnregisteredSeiTimecode", "WriteMp4PackagingType": "H265WriteMp4PackagingType", "BandwidthReductionFilter": "", "Deblocking": "", "EndOfStreamMarkers": "", "MvOverPictureBoundaries": "", "MvTemporalPredictor": "", "PerFrameMetrics": "", "SlidingWindowMs": "", "SlidingWindowPeakBitrate": "", "TileHeight": "", "TilePadding": "", "TileWidth": "", "TreeBlockSize": "" } }, "Mpeg2Settings": { "t": "o", "m": { "AdaptiveQuantization": "Mpeg2AdaptiveQuantization", "Bitrate": "__integerMin1000Max288000000", "CodecLevel": "Mpeg2CodecLevel", "CodecProfile": "Mpeg2CodecProfile", "DynamicSubGop": "Mpeg2DynamicSubGop", "FramerateControl": "Mpeg2FramerateControl", "FramerateConversionAlgorithm": "Mpeg2FramerateConversionAlgorithm", "FramerateDenominator": "__integerMin1Max1001", "FramerateNumerator": "__integerMin24Max60000", "GopClosedCadence": "__integerMin0Max2147483647", "GopSize": "__doubleMin0", "GopSizeUnits": "Mpeg2GopSizeUnits", "HrdBufferFinalFillPercentage": "__integerMin0Max100", "HrdBufferInitialFillPercentage": "__integerMin0Max100", "HrdBufferSize": "__integerMin0Max47185920", "InterlaceMode": "Mpeg2InterlaceMode", "IntraDcPrecision": "Mpeg2IntraDcPrecision", "MaxBitrate": "__integerMin1000Max300000000", "MinIInterval": "__integerMin0Max30", "NumberBFramesBetweenReferenceFrames": "__integerMin0Max7", "ParControl": "Mpeg2ParControl", "ParDenominator": "__integerMin1Max2147483647", "ParNumerator": "__integerMin1Max2147483647", "QualityTuningLevel": "Mpeg2QualityTuningLevel", "RateControlMode": "Mpeg2RateControlMode", "ScanTypeConversionMode": "Mpeg2ScanTypeConversionMode", "SceneChangeDetect": "Mpeg2SceneChangeDetect", "SlowPal": "Mpeg2SlowPal", "Softness": "__integerMin0Max128", "SpatialAdaptiveQuantization": "Mpeg2SpatialAdaptiveQuantization", "Syntax": "Mpeg2Syntax", "Telecine": "Mpeg2Telecine", "TemporalAdaptiveQuantization": "Mpeg2TemporalAdaptiveQuantization", "PerFrameMetrics": "", "SlidingWindowMs": "", "SlidingWindowPeakBitrate": "" } }, "ProresSettings": { "t": "o", "m": { "ChromaSampling": "ProresChromaSampling", "CodecProfile": "ProresCodecProfile", "FramerateControl": "ProresFramerateControl", "FramerateConversionAlgorithm": "ProresFramerateConversionAlgorithm", "FramerateDenominator": "__integerMin1Max2147483647", "FramerateNumerator": "__integerMin1Max2147483647", "InterlaceMode": "ProresInterlaceMode", "ParControl": "ProresParControl", "ParDenominator": "__integerMin1Max2147483647", "ParNumerator": "__integerMin1Max2147483647", "ScanTypeConversionMode": "ProresScanTypeConversionMode", "SlowPal": "ProresSlowPal", "Telecine": "ProresTelecine", "PerFrameMetrics": "" } }, "Vc3Settings": { "t": "o", "m": { "FramerateControl": "Vc3FramerateControl", "FramerateConversionAlgorithm": "Vc3FramerateConversionAlgorithm", "FramerateDenominator": "__integerMin1Max1001", "FramerateNumerator": "__integerMin24Max60000", "InterlaceMode": "Vc3InterlaceMode", "ScanTypeConversionMode": "Vc3ScanTypeConversionMode", "SlowPal": "Vc3SlowPal", "Telecine": "Vc3Telecine", "Vc3Class": "Vc3Class" } }, "Vp8Settings": { "t": "o", "m": { "Bitrate": "__integerMin1000Max1152000000", "FramerateControl": "Vp8FramerateControl", "FramerateConversionAlgorithm": "Vp8FramerateConversionAlgorithm", "FramerateDenominator": "__integerMin1Max2147483647", "FramerateNumerator": "__integerMin1Max2147483647", "GopSize": "__doubleMin0", "HrdBufferSize": "__integerMin0Max47185920", "MaxBitrate": "__integerMin1000Max1152000000", "ParControl": "Vp8ParControl", "ParDenominator": "__integerMin1Max2147483647", "ParNumerator": "__integerMin1Max2147483647", "QualityTuningLevel": "Vp8QualityTuningLevel", "RateControlMode": "Vp8RateControlMode" } }, "Vp9Settings": { "t": "o", "m": { "Bitrate": "__integerMin1000Max480000000", "FramerateControl": "Vp9FramerateControl", "FramerateConversionAlgorithm": "Vp9FramerateConversionAlgorithm", "FramerateDenominator": "__integerMin1Max2147483647", "FramerateNumerator": "__integerMin1Max2147483647", "GopSize": "__doubleMin0", "HrdBufferSize": "__integerMin0Max47185920", "MaxBitrate": "__integerMin1000Max480000000", "ParControl": "Vp9ParControl", "ParDenominator": "__integerMin1Max2147483647", "ParNumerator": "__integerMin1Max2147483647", "QualityTuningLevel": "Vp9QualityTuningLevel", "RateControlMode": "Vp9RateControlMode" } }, "XavcSettings": { "t": "o", "m": { "AdaptiveQuantization": "XavcAdaptiveQuantization", "EntropyEncoding": "XavcEntropyEncoding", "FramerateControl": "XavcFramerateControl", "FramerateConversionAlgorithm": "XavcFramerateConversionAlgorithm", "FramerateDenominator": "__integerMin1Max1001", "FramerateNumerator": "__integerMin24Max60000", "Profile": "XavcProfile", "SlowPal": "XavcSlowPal", "Softness": "__integerMin0Max128", "SpatialAdaptiveQuantization": "XavcSpatialAdaptiveQuantization", "TemporalAdaptiveQuantization": "XavcTemporalAdaptiveQuantization", "Xavc4kIntraCbgProfileSettings": "Xavc4kIntraCbgProfileSettings", "Xavc4kIntraVbrProfileSettings": "Xavc4kIntraVbrProfileSettings", "Xavc4kProfileSettings": "Xavc4kProfileSettings", "XavcHdIntraCbgProfileSettings": "XavcHdIntraCbgProfileSettings", "XavcHdProfileSettings": "XavcHdProfileSettings", "PerFrameMetrics": "" } }, "ColorCorrector": { "t": "o", "m": { "Brightness": "__integerMin1Max100", "ClipLimits": "ClipLimits", "ColorSpaceConversion": "ColorSpaceConversion", "Contrast": "__integerMin1Max100", "Hdr10Metadata": "Hdr10Metadata", "Hue": "__integerMinNegative180Max180", "SampleRangeConversion": "SampleRangeConversion", "Saturation": "__integerMin1Max100", "SdrReferenceWhiteLevel": "__integerMin100Max1000", "HdrToSdrToneMapper": "", "MaxLuminance": "" } }, "Deinterlacer": { "t": "o", "m": { "Algorithm": "DeinterlaceAlgorithm", "Control": "DeinterlacerControl", "Mode": "DeinterlacerMode" } }, "DolbyVision": { "t": "o", "m": { "L6Metadata": "DolbyVisionLevel6Metadata", "L6Mode": "DolbyVisionLevel6Mode", "Mapping": "DolbyVisionMapping", "Profile": "DolbyVisionProfile", "Compatibility": "" } }, "Hdr10Plus": { "t": "o", "m": { "MasteringMonitorNits": "__integerMin0Max4000", "TargetMonitorNits": "__integerMin0Max4000" } }, "NoiseReducer": { "t": "o", "m": { "Filter": "NoiseReducerFilter", "FilterSettings": "NoiseReducerFilterSettings", "SpatialFilterSettings": "NoiseReducerSpatialFilterSettings", "TemporalFilterSettings": "NoiseReducerTemporalFilterSettings" } }, "PartnerWatermarking": { "t": "o", "m": { "NexguardFileMarkerSettings": "NexGuardFileMarkerSettings" } }, "TimecodeBurnin": { "t": "o", "m": { "FontSize": "__integerMin10Max48", "Position": "TimecodeBurninPosition", "Prefix": "__stringPattern" } }, "OutputChannelMapping": { "t": "o", "m": { "InputChannels": "__listOf__integerMinNegative60Max6", "InputChannelsFineTune": "__listOf__doubleMinNegative60Max6" } }, "__integerMin1Max1001": { "t": "i", "min": 1, "max": 1001 }, "__integerMin1Max60000": { "t": "i", "min": 1, "max": 60000 }, "AllowedRenditionSize": { "t": "o", "m": { "Height": "__integerMin32Max8192", "Required": "RequiredFlag", "Width": "__integerMin32Max8192" } }, "ForceIncludeRenditionSize": { "t": "o", "m": { "Height": "__integerMin32Max8192", "Width": "__integerMin32Max8192" } }, "S3ObjectCannedAcl": { "t": "s", "e": ["PUBLIC_READ", "AUTHENTICATED_READ", "BUCKET_OWNER_READ", "BUCKET_OWNER_FULL_CONTROL"] }, "S3ServerSideEncryptionType": { "t": "s", "e": ["SERVER_SIDE_ENCRYPTION_S3", "SERVER_SIDE_ENCRYPTION_KMS"] }, "__stringPatternArnAwsUsGovCnKmsAZ26EastWestCentralNorthSouthEastWest1912D12KeyAFAF098AFAF094AFAF094AFAF094AFAF0912MrkAFAF0932": { "t": "s", "p": "^arn:aws(-us-gov|-cn)?:kms:[a-z-]{2,6}-(east|west|central|((north|south)(east|west)?))-[1-9]{1,2}:\\d{12}:key/([a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}|mrk-[a-fA-F0-9]{32})$" }, "__stringMin36Max36Pattern09aFAF809aFAF409aFAF409aFAF409aFAF12": { "t": "s", "min": 36, "max": 36, "p": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$" }, "__stringPattern09aFAF809aFAF409aFAF409aFAF409aFAF12": { "t": "s", "p": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$" }, "AudioChannelTag": { "t": "s", "e": ["L", "R", "C", "LFE", "LS", "RS", "LC", "RC", "CS", "LSD", "RSD", "TCS", "VHL", "VHC", "VHR", "HI", "LFE2", "LT", "LW", "M", "NAR", "RSL", "RSR", "RT", "RW", "TBC", "TBL", "TBR"] }, "AudioNormalizationAlgorithm": { "t": "s", "e": ["ITU_BS_1770_1", "ITU_BS_1770_2", "ITU_BS_1770_3", "ITU_BS_1770_4"] }, "AudioNormalizationAlgorithmControl": { "t": "s", "e": ["CORRECT_AUDIO", "MEASURE_ONLY"] }, "__integerMinNegative70Max0": { "t": "i", "min": -70, "max": 0 }, "AudioNormalizationLoudnessLogging": { "t": "s", "e": ["LOG", "DONT_LOG"] }, "AudioNormalizationPeakCalculation": { "t": "s", "e": ["TRUE_PEAK", "NONE"] }, "__doubleMinNegative59Max0": { "t": "n" }, "__doubleMinNegative20Max0": { "t": "n" }, "AacSettings": { "t": "o", "m": { "AudioDescriptionBroadcasterMix": "AacAudioDescriptionBroadcasterMix", "Bitrate": "__integerMin6000Max1024000", "CodecProfile": "AacCodecProfile", "CodingMode": "AacCodingMode", "RateControlMode": "AacRateControlMode", "RawFormat": "AacRawFormat", "SampleRate": "__integerMin8000Max96000", "Specification": "AacSpecification", "VbrQuality": "AacVbrQuality", "LoudnessMeasurementMode": "", "PassthroughControl": "", "RapInterval": "", "TargetLoudnessRange": "" } }, "Ac3Settings": { "t": "o", "m": { "Bitrate": "__integerMin64000Max640000", "BitstreamMode": "Ac3BitstreamMode", "CodingMode": "Ac3CodingMode", "Dialnorm": "__integerMin1Max31", "DynamicRangeCompressionLine": "Ac3DynamicRangeCompressionLine", "DynamicRangeCompressionProfile": "Ac3DynamicRangeCompressionProfile", "DynamicRangeCompressionRf": "Ac3DynamicRangeCompressionRf", "LfeFilter": "Ac3LfeFilter", "MetadataControl": "Ac3MetadataControl", "SampleRate": "__integerMin48000Max48000" } }, "AiffSettings": { "t": "o", "m": { "BitDepth": "__integerMin16Max24", "Channels": "__integerMin1Max64", "SampleRate": "__integerMin8000Max192000" } }, "AudioCodec": { "t": "s", "e": ["AAC", "MP2", "MP3", "WAV", "AIFF", "AC3", "EAC3", "EAC3_ATMOS", "VORBIS", "OPUS", "PASSTHROUGH", "AC4", "FLAC"] }, "Eac3AtmosSettings": { "t": "o", "m": { "Bitrate": "__integerMin384000Max1024000", "BitstreamMode": "Eac3AtmosBitstreamMode", "CodingMode": "Eac3AtmosCodingMode", "DialogueIntelligence": "Eac3AtmosDialogueIntelligence", "DownmixControl": "Eac3AtmosDownmixControl", "DynamicRangeCompressionLine": "Eac3AtmosDynamicRangeCompressionLine", "DynamicRangeCompressionRf": "Eac3AtmosDynamicRangeCompressionRf", "DynamicRangeControl": "Eac3AtmosDynamicRangeControl", "LoRoCenterMixLevel": "__doubleMinNegative6Max3", "LoRoSurroundMixLevel": "__doubleMinNegative60MaxNegative1", "LtRtCenterMixLevel": "__doubleMinNegative6Max3", "LtRtSurroundMixLevel": "__doubleMinNegative60MaxNegative1", "MeteringMode": "Eac3AtmosMeteringMode", "SampleRate": "__integerMin48000Max48000", "SpeechThreshold": "__integerMin0Max100", "StereoDownmix": "Eac3AtmosStereoDownmix", "SurroundExMode": "Eac3AtmosSurroundExMode" } }, "Eac3Settings": { "t": "o", "m": { "AttenuationControl": "Eac3AttenuationControl", "Bitrate": "__integerMin32000Max3024000", "BitstreamMode": "Eac3BitstreamMode", "CodingMode": "Eac3CodingMode", "DcFilter": "Eac3DcFilter", "Dialnorm": "__integerMin1Max31", "DynamicRangeCompressionLine": "Eac3DynamicRangeCompressionLine", "DynamicRangeCompressionRf": "Eac3DynamicRangeCompressionRf", "LfeControl": "Eac3LfeControl", "LfeFilter": "Eac3LfeFilter", "LoRoCenterMixLevel": "__doubleMinNegative60Max3", "LoRoSurroundMixLevel": "__doubleMinNegative60MaxNegative1", "LtRtCenterMixLevel": "__doubleMinNegative60Max3", "LtRtSurroundMixLevel": "__doubleMinNegative60MaxNegative1", "MetadataControl": "Eac3MetadataControl", "PassthroughControl": "Eac3PassthroughControl", "PhaseControl": "Eac3PhaseControl", "SampleRate": "__integerMin48000Max48000", "StereoDownmix": "Eac3StereoDownmix", "SurroundExMode": "Eac3SurroundExMode", "SurroundMode": "Eac3SurroundMode" } }, "Mp2Settings": { "t": "o", "m": { "Bitrate": "__integerMin32000Max384000", "Channels": "__integerMin1Max2", "SampleRate": "__integerMin32000Max48000", "AudioDescriptionMix": "" } }, "Mp3Settings": { "t": "o", "m": { "Bitrate": "__integerMin16000Max320000", "Channels": "__integerMin1Max2", "RateControlMode": "Mp3RateControlMode", "SampleRate": "__integerMin22050Max48000", "VbrQuality": "__integerMin0Max9" } }, "OpusSettings": { "t": "o", "m": { "Bitrate": "__integerMin32000Max192000", "Channels": "__integerMin1Max2", "SampleRate": "__integerMin16000Max48000" } }, "VorbisSettings": { "t": "o", "m": { "Channels": "__integerMin1Max2", "SampleRate": "__integerMin22050Max48000", "VbrQuality": "__integerMinNegative1Max10" } }, "WavSettings": { "t": "o", "m": { "BitDepth": "__integerMin16Max24", "Channels": "__integerMin1Max64", "Format": "WavFormat", "SampleRate": "__integerMin8000Max192000" } }, "BurninDestinationSettings": { "t": "o", "m": { "Alignment": "BurninSubtitleAlignment", "ApplyFontColor": "BurninSubtitleApplyFontColor", "BackgroundColor": "BurninSubtitleBackgroundColor", "BackgroundOpacity": "__integerMin0Max255", "FallbackFont": "BurninSubtitleFallbackFont", "FontColor": "BurninSubtitleFontColor", "FontOpacity": "__integerMin0Max255", "FontResolution": "__integerMin96Max600", "FontScript": "FontScript", "FontSize": "__integerMin0Max96", "HexFontColor": "__stringMin6Max8Pattern09aFAF609aFAF2", "OutlineColor": "BurninSubtitleOutlineColor", "OutlineSize": "__integerMin0Max10", "ShadowColor": "BurninSubtitleShadowColor", "ShadowOpacity": "__integerMin0Max255", "ShadowXOffset": "__integerMinNegative2147483648Max2147483647", "ShadowYOffset": "__integerMinNegative2147483648Max2147483647", "StylePassthrough": "BurnInSubtitleStylePassthrough", "TeletextSpacing": "BurninSubtitleTeletextSpacing", "XPosition": "__integerMin0Max2147483647", "YPosition": "__integerMin0Max2147483647", "FontFileBold": "", "FontFileBoldItalic": "", "FontFileItalic": "", "FontFileRegular": "", "RemoveRubyReserveAttributes": "" } }, "CaptionDestinationType": { "t": "s", "e": ["BURN_IN", "DVB_SUB", "EMBEDDED", "EMBEDDED_PLUS_SCTE20", "IMSC", "SCTE20_PLUS_EMBEDDED", "SCC", "SRT", "SMI", "TELETEXT", "TTML", "WEBVTT"] }, "DvbSubDestinationSettings": { "t": "o", "m": { "Alignment": "DvbSubtitleAlignment", "ApplyFontColor": "DvbSubtitleApplyFontColor", "BackgroundColor": "DvbSubtitleBackgroundColor", "BackgroundOpacity": "__integerMin0Max255", "DdsHandling": "DvbddsHandling", "DdsXCoordinate": "__integerMin0Max2147483647", "DdsYCoordinate": "__integerMin0Max2147483647", "FallbackFont": "DvbSubSubtitleFallbackFont", "FontColor": "DvbSubtitleFontColor", "FontOpacity": "__integerMin0Max255", "FontResolution": "__integerMin96Max600", "FontScript": "FontScript", "FontSize": "__integerMin0Max96", "Height": "__integerMin1Max2147483647", "HexFontColor": "__stringMin6Max8Pattern09aFAF609aFAF2", "OutlineColor": "DvbSubtitleOutlineColor", "OutlineSize": "__integerMin0Max10", "ShadowColor": "DvbSubtitleShadowColor", "ShadowOpacity": "__integerMin0Max255", "ShadowXOffset": "__integerMinNegative2147483648Max2147483647", "ShadowYOffset": "__integerMinNegative2147483648Max2147483647", "StylePassthrough": "DvbSubtitleStylePassthrough", "SubtitlingType": "DvbSubtitlingType", "TeletextSpacing": "DvbSubtitleTeletextSpacing", "Width": "__integerMin1Max2147483647", "XPosition": "__integerMin0Max2147483647", "YPosition": "__integerMin0Max2147483647", "FontFileBold": "", "FontFileBoldItalic": "", "FontFileItalic": "", "FontFileRegular": "" } }, "EmbeddedDestinationSettings": { "t": "o", "m": { "Destination608ChannelNumber": "__integerMin1Max4", "Destination708ServiceNumber": "__integerMin1Max6" } }, "ImscDestinationSettings": { "t": "o", "m": { "Accessibility": "ImscAccessibilitySubs", "StylePassthrough": "ImscStylePassthrough" } }, "SccDestinationSettings": { "t": "o", "m": { "Framerate": "SccDestinationFramerate" } }, "SrtDestinationSettings": { "t": "o", "m": { "StylePassthrough": "SrtStylePassthrough" } }, "TeletextDestinationSettings": { "t": "o", "m": { "PageNumber": "__stringMin3Max3Pattern1809aFAF09aEAE", "PageTypes": "__listOfTeletextPageType" } }, "TtmlDestinationSettings": { "t": "o", "m": { "StylePassthrough": "TtmlStylePassthrough", "BackgroundColor": "", "BackgroundOpacity": "", "FontColor": "", "FontOpacity": "", "FontSize": "", "FontStyle": "", "FontWeight": "", "TextDecoration": "" } }, "WebvttDestinationSettings": { "t": "o", "m": { "Accessibility": "WebvttAccessibilitySubs", "StylePassthrough": "WebvttStylePassthrough" } }, "__stringMin1Max256": { "t": "s", "min": 1, "max": 256 }, "__integerMin25Max10000": { "t": "i", "min": 25, "max": 10000 }, "OutputSdt": { "t": "s", "e": ["SDT_FOLLOW", "SDT_FOLLOW_IF_PRESENT", "SDT_MANUAL", "SDT_NONE"] }, "__integerMin25Max2000": { "t": "i", "min": 25, "max": 2000 }, "__integerMin1000Max30000": { "t": "i", "min": 1000, "max": 30000 }, "MxfXavcDurationMode": { "t": "s", "e": ["ALLOW_ANY_DURATION", "DROP_FRAMES_FOR_COMPLIANCE"] }, "Av1AdaptiveQuantization": { "t": "s", "e": ["OFF", "LOW", "MEDIUM", "HIGH", "HIGHER", "MAX"] }, "Av1BitDepth": { "t": "s", "e": ["BIT_8", "BIT_10"] }, "Av1FramerateControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "Av1FramerateConversionAlgorithm": { "t": "s", "e": ["DUPLICATE_DROP", "INTERPOLATE", "FRAMEFORMER", "MAINTAIN_FRAME_COUNT"] }, "__integerMin1000Max1152000000": { "t": "i", "min": 1000, "max": 1152000000 }, "Av1QvbrSettings": { "t": "o", "m": { "QvbrQualityLevel": "__integerMin1Max10", "QvbrQualityLevelFineTune": "__doubleMin0Max1" } }, "Av1RateControlMode": { "t": "s", "e": ["QVBR", "CBR"] }, "__integerMin1Max32": { "t": "i", "min": 1, "max": 32 }, "Av1SpatialAdaptiveQuantization": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "AvcIntraClass": { "t": "s", "e": ["CLASS_50", "CLASS_100", "CLASS_200", "CLASS_4K_2K"] }, "AvcIntraUhdSettings": { "t": "o", "m": { "QualityTuningLevel": "AvcIntraUhdQualityTuningLevel" } }, "AvcIntraFramerateControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "AvcIntraFramerateConversionAlgorithm": { "t": "s", "e": ["DUPLICATE_DROP", "INTERPOLATE", "FRAMEFORMER", "MAINTAIN_FRAME_COUNT"] }, "__integerMin24Max60000": { "t": "i", "min": 24, "max": 60000 }, "AvcIntraInterlaceMode": { "t": "s", "e": ["PROGRESSIVE", "TOP_FIELD", "BOTTOM_FIELD", "FOLLOW_TOP_FIELD", "FOLLOW_BOTTOM_FIELD"] }, "AvcIntraScanTypeConversionMode": { "t": "s", "e": ["INTERLACED", "INTERLACED_OPTIMIZE"] }, "AvcIntraSlowPal": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "AvcIntraTelecine": { "t": "s", "e": ["NONE", "HARD"] }, "__integerMin1Max10000000": { "t": "i", "min": 1, "max": 10000000 }, "__integerMin1Max100": { "t": "i", "min": 1, "max": 100 }, "H264AdaptiveQuantization": { "t": "s", "e": ["OFF", "AUTO", "LOW", "MEDIUM", "HIGH", "HIGHER", "MAX"] }, "H264CodecLevel": { "t": "s", "e": ["AUTO", "LEVEL_1", "LEVEL_1_1", "LEVEL_1_2", "LEVEL_1_3", "LEVEL_2", "LEVEL_2_1", "LEVEL_2_2", "LEVEL_3", "LEVEL_3_1", "LEVEL_3_2", "LEVEL_4", "LEVEL_4_1", "LEVEL_4_2", "LEVEL_5", "LEVEL_5_1", "LEVEL_5_2"] }, "H264CodecProfile": { "t": "s", "e": ["BASELINE", "HIGH", "HIGH_10BIT", "HIGH_422", "HIGH_422_10BIT", "MAIN"] }, "H264DynamicSubGop": { "t": "s", "e": ["ADAPTIVE", "STATIC"] }, "H264EntropyEncoding": { "t": "s", "e": ["CABAC", "CAVLC"] }, "H264FieldEncoding": { "t": "s", "e": ["PAFF", "FORCE_FIELD", "MBAFF"] }, "H264FlickerAdaptiveQuantization": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "H264FramerateControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "H264FramerateConversionAlgorithm": { "t": "s", "e": ["DUPLICATE_DROP", "INTERPOLATE", "FRAMEFORMER", "MAINTAIN_FRAME_COUNT"] }, "H264GopBReference": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "H264GopSizeUnits": { "t": "s", "e": ["FRAMES", "SECONDS", "AUTO"] }, "__integerMin0Max1152000000": { "t": "i", "min": 0, "max": 1152000000 }, "H264InterlaceMode": { "t": "s", "e": ["PROGRESSIVE", "TOP_FIELD", "BOTTOM_FIELD", "FOLLOW_TOP_FIELD", "FOLLOW_BOTTOM_FIELD"] }, "__integerMin0Max30": { "t": "i", "min": 0, "max": 30 }, "__integerMin0Max7": { "t": "i", "min": 0, "max": 7 }, "__integerMin1Max6": { "t": "i", "min": 1, "max": 6 }, "H264ParControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "H264QualityTuningLevel": { "t": "s", "e": ["SINGLE_PASS", "SINGLE_PASS_HQ", "MULTI_PASS_HQ"] }, "H264QvbrSettings": { "t": "o", "m": { "MaxAverageBitrate": "__integerMin1000Max1152000000", "QvbrQualityLevel": "__integerMin1Max10", "QvbrQualityLevelFineTune": "__doubleMin0Max1" } }, "H264RateControlMode": { "t": "s", "e": ["VBR", "CBR", "QVBR"] }, "H264RepeatPps": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "H264ScanTypeConversionMode": { "t": "s", "e": ["INTERLACED", "INTERLACED_OPTIMIZE"] }, "H264SceneChangeDetect": { "t": "s", "e": ["DISABLED", "ENABLED", "TRANSITION_DETECTION"] }, "H264SlowPal": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "__integerMin0Max128": { "t": "i", "min": 0, "max": 128 }, "H264SpatialAdaptiveQuantization": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "H264Syntax": { "t": "s", "e": ["DEFAULT", "RP2027"] }, "H264Telecine": { "t": "s", "e": ["NONE", "SOFT", "HARD"] }, "H264TemporalAdaptiveQuantization": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "H264UnregisteredSeiTimecode": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "H265AdaptiveQuantization": { "t": "s", "e": ["OFF", "LOW", "MEDIUM", "HIGH", "HIGHER", "MAX", "AUTO"] }, "H265AlternateTransferFunctionSei": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "__integerMin1000Max1466400000": { "t": "i", "min": 1000, "max": 1466400000 }, "H265CodecLevel": { "t": "s", "e": ["AUTO", "LEVEL_1", "LEVEL_2", "LEVEL_2_1", "LEVEL_3", "LEVEL_3_1", "LEVEL_4", "LEVEL_4_1", "LEVEL_5", "LEVEL_5_1", "LEVEL_5_2", "LEVEL_6", "LEVEL_6_1", "LEVEL_6_2"] }, "H265CodecProfile": { "t": "s", "e": ["MAIN_MAIN", "MAIN_HIGH", "MAIN10_MAIN", "MAIN10_HIGH", "MAIN_422_8BIT_MAIN", "MAIN_422_8BIT_HIGH", "MAIN_422_10BIT_MAIN", "MAIN_422_10BIT_HIGH"] }, "H265DynamicSubGop": { "t": "s", "e": ["ADAPTIVE", "STATIC"] }, "H265FlickerAdaptiveQuantization": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "H265FramerateControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "H265FramerateConversionAlgorithm": { "t": "s", "e": ["DUPLICATE_DROP", "INTERPOLATE", "FRAMEFORMER", "MAINTAIN_FRAME_COUNT"] }, "H265GopBReference": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "H265GopSizeUnits": { "t": "s", "e": ["FRAMES", "SECONDS", "AUTO"] }, "__integerMin0Max1466400000": { "t": "i", "min": 0, "max": 1466400000 }, "H265InterlaceMode": { "t": "s", "e": ["PROGRESSIVE", "TOP_FIELD", "BOTTOM_FIELD", "FOLLOW_TOP_FIELD", "FOLLOW_BOTTOM_FIELD"] }, "H265ParControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "H265QualityTuningLevel": { "t": "s", "e": ["SINGLE_PASS", "SINGLE_PASS_HQ", "MULTI_PASS_HQ"] }, "H265QvbrSettings": { "t": "o", "m": { "MaxAverageBitrate": "__integerMin1000Max1466400000", "QvbrQualityLevel": "__integerMin1Max10", "QvbrQualityLevelFineTune": "__doubleMin0Max1" } }, "H265RateControlMode": { "t": "s", "e": ["VBR", "CBR", "QVBR"] }, "H265SampleAdaptiveOffsetFilterMode": { "t": "s", "e": ["DEFAULT", "ADAPTIVE", "OFF"] }, "H265ScanTypeConversionMode": { "t": "s", "e": ["INTERLACED", "INTERLACED_OPTIMIZE"] }, "H265SceneChangeDetect": { "t": "s", "e": ["DISABLED", "ENABLED", "TRANSITION_DETECTION"] }, "H265SlowPal": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "H265SpatialAdaptiveQuantization": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "H265Telecine": { "t": "s", "e": ["NONE", "SOFT", "HARD"] }, "H265TemporalAdaptiveQuantization": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "H265TemporalIds": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "H265Tiles": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "H265UnregisteredSeiTimecode": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "H265WriteMp4PackagingType": { "t": "s", "e": ["HVC1", "HEV1"] }, "Mpeg2AdaptiveQuantization": { "t": "s", "e": ["OFF", "LOW", "MEDIUM", "HIGH"] }, "__integerMin1000Max288000000": { "t": "i", "min": 1000, "max": 288000000 }, "Mpeg2CodecLevel": { "t": "s", "e": ["AUTO", "LOW", "MAIN", "HIGH1440", "HIGH"] }, "Mpeg2CodecProfile": { "t": "s", "e": ["MAIN", "PROFILE_422"] }, "Mpeg2DynamicSubGop": { "t": "s", "e": ["ADAPTIVE", "STATIC"] }, "Mpeg2FramerateControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "Mpeg2FramerateConversionAlgorithm": { "t": "s", "e": ["DUPLICATE_DROP", "INTERPOLATE", "FRAMEFORMER", "MAINTAIN_FRAME_COUNT"] }, "Mpeg2GopSizeUnits": { "t": "s", "e": ["FRAMES", "SECONDS"] }, "__integerMin0Max47185920": { "t": "i", "min": 0, "max": 47185920 }, "Mpeg2InterlaceMode": { "t": "s", "e": ["PROGRESSIVE", "TOP_FIELD", "BOTTOM_FIELD", "FOLLOW_TOP_FIELD", "FOLLOW_BOTTOM_FIELD"] }, "Mpeg2IntraDcPrecision": { "t": "s", "e": ["AUTO", "INTRA_DC_PRECISION_8", "INTRA_DC_PRECISION_9", "INTRA_DC_PRECISION_10", "INTRA_DC_PRECISION_11"] }, "__integerMin1000Max300000000": { "t": "i", "min": 1000, "max": 300000000 }, "Mpeg2ParControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "Mpeg2QualityTuningLevel": { "t": "s", "e": ["SINGLE_PASS", "MULTI_PASS"] }, "Mpeg2RateControlMode": { "t": "s", "e": ["VBR", "CBR"] }, "Mpeg2ScanTypeConversionMode": { "t": "s", "e": ["INTERLACED", "INTERLACED_OPTIMIZE"] }, "Mpeg2SceneChangeDetect": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "Mpeg2SlowPal": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "Mpeg2SpatialAdaptiveQuantization": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "Mpeg2Syntax": { "t": "s", "e": ["DEFAULT", "D_10"] }, "Mpeg2Telecine": { "t": "s", "e": ["NONE", "SOFT", "HARD"] }, "Mpeg2TemporalAdaptiveQuantization": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "ProresChromaSampling": { "t": "s", "e": ["PRESERVE_444_SAMPLING", "SUBSAMPLE_TO_422"] }, "ProresCodecProfile": { "t": "s", "e": ["APPLE_PRORES_422", "APPLE_PRORES_422_HQ", "APPLE_PRORES_422_LT", "APPLE_PRORES_422_PROXY", "APPLE_PRORES_4444", "APPLE_PRORES_4444_XQ"] }, "ProresFramerateControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "ProresFramerateConversionAlgorithm": { "t": "s", "e": ["DUPLICATE_DROP", "INTERPOLATE", "FRAMEFORMER", "MAINTAIN_FRAME_COUNT"] }, "ProresInterlaceMode": { "t": "s", "e": ["PROGRESSIVE", "TOP_FIELD", "BOTTOM_FIELD", "FOLLOW_TOP_FIELD", "FOLLOW_BOTTOM_FIELD"] }, "ProresParControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "ProresScanTypeConversionMode": { "t": "s", "e": ["INTERLACED", "INTERLACED_OPTIMIZE"] }, "ProresSlowPal": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "ProresTelecine": { "t": "s", "e": ["NONE", "HARD"] }, "Vc3FramerateControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "Vc3FramerateConversionAlgorithm": { "t": "s", "e": ["DUPLICATE_DROP", "INTERPOLATE", "FRAMEFORMER", "MAINTAIN_FRAME_COUNT"] }, "Vc3InterlaceMode": { "t": "s", "e": ["INTERLACED", "PROGRESSIVE"] }, "Vc3ScanTypeConversionMode": { "t": "s", "e": ["INTERLACED", "INTERLACED_OPTIMIZE"] }, "Vc3SlowPal": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "Vc3Telecine": { "t": "s", "e": ["NONE", "HARD"] }, "Vc3Class": { "t": "s", "e": ["CLASS_145_8BIT", "CLASS_220_8BIT", "CLASS_220_10BIT"] }, "Vp8FramerateControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "Vp8FramerateConversionAlgorithm": { "t": "s", "e": ["DUPLICATE_DROP", "INTERPOLATE", "FRAMEFORMER", "MAINTAIN_FRAME_COUNT"] }, "Vp8ParControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "Vp8QualityTuningLevel": { "t": "s", "e": ["MULTI_PASS", "MULTI_PASS_HQ"] }, "Vp8RateControlMode": { "t": "s", "e": ["VBR"] }, "__integerMin1000Max480000000": { "t": "i", "min": 1000, "max": 480000000 }, "Vp9FramerateControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "Vp9FramerateConversionAlgorithm": { "t": "s", "e": ["DUPLICATE_DROP", "INTERPOLATE", "FRAMEFORMER", "MAINTAIN_FRAME_COUNT"] }, "Vp9ParControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "Vp9QualityTuningLevel": { "t": "s", "e": ["MULTI_PASS", "MULTI_PASS_HQ"] }, "Vp9RateControlMode": { "t": "s", "e": ["VBR"] }, "XavcAdaptiveQuantization": { "t": "s", "e": ["OFF", "AUTO", "LOW", "MEDIUM", "HIGH", "HIGHER", "MAX"] }, "XavcEntropyEncoding": { "t": "s", "e": ["AUTO", "CABAC", "CAVLC"] }, "XavcFramerateControl": { "t": "s", "e": ["INITIALIZE_FROM_SOURCE", "SPECIFIED"] }, "XavcFramerateConversionAlgorithm": { "t": "s", "e": ["DUPLICATE_DROP", "INTERPOLATE", "FRAMEFORMER", "MAINTAIN_FRAME_COUNT"] }, "XavcProfile": { "t": "s", "e": ["XAVC_HD_INTRA_CBG", "XAVC_4K_INTRA_CBG", "XAVC_4K_INTRA_VBR", "XAVC_HD", "XAVC_4K"] }, "XavcSlowPal": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "XavcSpatialAdaptiveQuantization": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "XavcTemporalAdaptiveQuantization": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "Xavc4kIntraCbgProfileSettings": { "t": "o", "m": { "XavcClass": "Xavc4kIntraCbgProfileClass" } }, "Xavc4kIntraVbrProfileSettings": { "t": "o", "m": { "XavcClass": "Xavc4kIntraVbrProfileClass" } }, "Xavc4kProfileSettings": { "t": "o", "m": { "BitrateClass": "Xavc4kProfileBitrateClass", "CodecProfile": "Xavc4kProfileCodecProfile", "FlickerAdaptiveQuantization": "XavcFlickerAdaptiveQuantization", "GopBReference": "XavcGopBReference", "GopClosedCadence": "__integerMin0Max2147483647", "HrdBufferSize": "__integerMin0Max1152000000", "QualityTuningLevel": "Xavc4kProfileQualityTuningLevel", "Slices": "__integerMin8Max12" } }, "XavcHdIntraCbgProfileSettings": { "t": "o", "m": { "XavcClass": "XavcHdIntraCbgProfileClass", "InterlaceMode": "" } }, "XavcHdProfileSettings": { "t": "o", "m": { "BitrateClass": "XavcHdProfileBitrateClass", "FlickerAdaptiveQuantization": "XavcFlickerAdaptiveQuantization", "GopBReference": "XavcGopBReference", "GopClosedCadence": "__integerMin0Max2147483647", "HrdBufferSize": "__integerMin0Max1152000000", "InterlaceMode": "XavcInterlaceMode", "QualityTuningLevel": "XavcHdProfileQualityTuningLevel", "Slices": "__integerMin4Max12", "Telecine": "XavcHdProfileTelecine" } }, "ClipLimits": { "t": "o", "m": { "MaximumRGBTolerance": "__integerMin90Max105", "MaximumYUV": "__integerMin920Max1023", "MinimumRGBTolerance": "__integerMinNegative5Max10", "MinimumYUV": "__integerMin0Max128" } }, "ColorSpaceConversion": { "t": "s", "e": ["NONE", "FORCE_601", "FORCE_709", "FORCE_HDR10", "FORCE_HLG_2020", "FORCE_P3DCI", "FORCE_P3D65_SDR", "FORCE_P3D65_HDR"] }, "__integerMinNegative180Max180": { "t": "i", "min": -180, "max": 180 }, "SampleRangeConversion": { "t": "s", "e": ["LIMITED_RANGE_SQUEEZE", "NONE", "LIMITED_RANGE_CLIP"] }, "DeinterlaceAlgorithm": { "t": "s", "e": ["INTERPOLATE", "INTERPOLATE_TICKER", "BLEND", "BLEND_TICKER", "LINEAR_INTERPOLATION"] }, "DeinterlacerControl": { "t": "s", "e": ["FORCE_ALL_FRAMES", "NORMAL"] }, "DeinterlacerMode": { "t": "s", "e": ["DEINTERLACE", "INVERSE_TELECINE", "ADAPTIVE"] }, "DolbyVisionLevel6Metadata": { "t": "o", "m": { "MaxCll": "__integerMin0Max65535", "MaxFall": "__integerMin0Max65535" } }, "DolbyVisionLevel6Mode": { "t": "s", "e": ["PASSTHROUGH", "RECALCULATE", "SPECIFY"] }, "DolbyVisionMapping": { "t": "s", "e": ["HDR10_NOMAP", "HDR10_1000"] }, "DolbyVisionProfile": { "t": "s", "e": ["PROFILE_5", "PROFILE_8_1"] }, "__integerMin0Max4000": { "t": "i", "min": 0, "max": 4000 }, "NoiseReducerFilter": { "t": "s", "e": ["BILATERAL", "MEAN", "GAUSSIAN", "LANCZOS", "SHARPEN", "CONSERVE", "SPATIAL", "TEMPORAL", "NONE", "PERCEPTUAL"] }, "NoiseReducerFilterSettings": { "t": "o", "m": { "Strength": "__integerMin0Max3" } }, "NoiseReducerSpatialFilterSettings": { "t": "o", "m": { "PostFilterSharpenStrength": "__integerMin0Max3", "Speed": "__integerMinNegative2Max3", "Strength": "__integerMin0Max16" } }, "NoiseReducerTemporalFilterSettings": { "t": "o", "m": { "AggressiveMode": "__integerMin0Max4", "PostTemporalSharpening": "NoiseFilterPostTemporalSharpening", "PostTemporalSharpeningStrength": "NoiseFilterPostTemporalSharpeningStrength", "Speed": "__integerMinNegative1Max3", "Strength": "__integerMin0Max16" } }, "NexGuardFileMarkerSettings": { "t": "o", "m": { "License": "__stringMin1Max100000", "Payload": "__integerMin0Max4194303", "Preset": "__stringMin1Max256", "Strength": "WatermarkingStrength" } }, "__integerMin10Max48": { "t": "i", "min": 10, "max": 48 }, "TimecodeBurninPosition": { "t": "s", "e": ["TOP_CENTER", "TOP_LEFT", "TOP_RIGHT", "MIDDLE_LEFT", "MIDDLE_CENTER", "MIDDLE_RIGHT", "BOTTOM_LEFT", "BOTTOM_CENTER", "BOTTOM_RIGHT"] }, "__stringPattern": { "t": "s", "p": "^[ -~]+$" }, "__listOf__integerMinNegative60Max6": { "t": "l", "v": "__integerMinNegative60Max6" }, "__listOf__doubleMinNegative60Max6": { "t": "l", "v": "__doubleMinNegative60Max6" }, "RequiredFlag": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "AacAudioDescriptionBroadcasterMix": { "t": "s", "e": ["BROADCASTER_MIXED_AD", "NORMAL"] }, "__integerMin6000Max1024000": { "t": "i", "min": 6000, "max": 1024000 }, "AacCodecProfile": { "t": "s", "e": ["LC", "HEV1", "HEV2", "XHE"] }, "AacCodingMode": { "t": "s", "e": ["AD_RECEIVER_MIX", "CODING_MODE_1_0", "CODING_MODE_1_1", "CODING_MODE_2_0", "CODING_MODE_5_1", "CODING_MODE_AUTO"] }, "AacRateControlMode": { "t": "s", "e": ["CBR", "VBR"] }, "AacRawFormat": { "t": "s", "e": ["LATM_LOAS", "NONE"] }, "__integerMin8000Max96000": { "t": "i", "min": 8000, "max": 96000 }, "AacSpecification": { "t": "s", "e": ["MPEG2", "MPEG4"] }, "AacVbrQuality": { "t": "s", "e": ["LOW", "MEDIUM_LOW", "MEDIUM_HIGH", "HIGH"] }, "__integerMin64000Max640000": { "t": "i", "min": 64000, "max": 640000 }, "Ac3BitstreamMode": { "t": "s", "e": ["COMPLETE_MAIN", "COMMENTARY", "DIALOGUE", "EMERGENCY", "HEARING_IMPAIRED", "MUSIC_AND_EFFECTS", "VISUALLY_IMPAIRED", "VOICE_OVER"] }, "Ac3CodingMode": { "t": "s", "e": ["CODING_MODE_1_0", "CODING_MODE_1_1", "CODING_MODE_2_0", "CODING_MODE_3_2_LFE", "CODING_MODE_AUTO"] }, "__integerMin1Max31": { "t": "i", "min": 1, "max": 31 }, "Ac3DynamicRangeCompressionLine": { "t": "s", "e": ["FILM_STANDARD", "FILM_LIGHT", "MUSIC_STANDARD", "MUSIC_LIGHT", "SPEECH", "NONE"] }, "Ac3DynamicRangeCompressionProfile": { "t": "s", "e": ["FILM_STANDARD", "NONE"] }, "Ac3DynamicRangeCompressionRf": { "t": "s", "e": ["FILM_STANDARD", "FILM_LIGHT", "MUSIC_STANDARD", "MUSIC_LIGHT", "SPEECH", "NONE"] }, "Ac3LfeFilter": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "Ac3MetadataControl": { "t": "s", "e": ["FOLLOW_INPUT", "USE_CONFIGURED"] }, "__integerMin48000Max48000": { "t": "i", "min": 48000, "max": 48000 }, "__integerMin16Max24": { "t": "i", "min": 16, "max": 24 }, "__integerMin8000Max192000": { "t": "i", "min": 8000, "max": 192000 }, "__integerMin384000Max1024000": { "t": "i", "min": 384000, "max": 1024000 }, "Eac3AtmosBitstreamMode": { "t": "s", "e": ["COMPLETE_MAIN"] }, "Eac3AtmosCodingMode": { "t": "s", "e": ["CODING_MODE_AUTO", "CODING_MODE_5_1_4", "CODING_MODE_7_1_4", "CODING_MODE_9_1_6"] }, "Eac3AtmosDialogueIntelligence": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "Eac3AtmosDownmixControl": { "t": "s", "e": ["SPECIFIED", "INITIALIZE_FROM_SOURCE"] }, "Eac3AtmosDynamicRangeCompressionLine": { "t": "s", "e": ["NONE", "FILM_STANDARD", "FILM_LIGHT", "MUSIC_STANDARD", "MUSIC_LIGHT", "SPEECH"] }, "Eac3AtmosDynamicRangeCompressionRf": { "t": "s", "e": ["NONE", "FILM_STANDARD", "FILM_LIGHT", "MUSIC_STANDARD", "MUSIC_LIGHT", "SPEECH"] }, "Eac3AtmosDynamicRangeControl": { "t": "s", "e": ["SPECIFIED", "INITIALIZE_FROM_SOURCE"] }, "__doubleMinNegative6Max3": { "t": "n" }, "__doubleMinNegative60MaxNegative1": { "t": "n" }, "Eac3AtmosMeteringMode": { "t": "s", "e": ["LEQ_A", "ITU_BS_1770_1", "ITU_BS_1770_2", "ITU_BS_1770_3", "ITU_BS_1770_4"] }, "Eac3AtmosStereoDownmix": { "t": "s", "e": ["NOT_INDICATED", "STEREO", "SURROUND", "DPL2"] }, "Eac3AtmosSurroundExMode": { "t": "s", "e": ["NOT_INDICATED", "ENABLED", "DISABLED"] }, "Eac3AttenuationControl": { "t": "s", "e": ["ATTENUATE_3_DB", "NONE"] }, "__integerMin32000Max3024000": { "t": "i", "min": 32000, "max": 3024000 }, "Eac3BitstreamMode": { "t": "s", "e": ["COMPLETE_MAIN", "COMMENTARY", "EMERGENCY", "HEARING_IMPAIRED", "VISUALLY_IMPAIRED"] }, "Eac3CodingMode": { "t": "s", "e": ["CODING_MODE_1_0", "CODING_MODE_2_0", "CODING_MODE_3_2", "CODING_MODE_AUTO"] }, "Eac3DcFilter": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "Eac3DynamicRangeCompressionLine": { "t": "s", "e": ["NONE", "FILM_STANDARD", "FILM_LIGHT", "MUSIC_STANDARD", "MUSIC_LIGHT", "SPEECH"] }, "Eac3DynamicRangeCompressionRf": { "t": "s", "e": ["NONE", "FILM_STANDARD", "FILM_LIGHT", "MUSIC_STANDARD", "MUSIC_LIGHT", "SPEECH"] }, "Eac3LfeControl": { "t": "s", "e": ["LFE", "NO_LFE"] }, "Eac3LfeFilter": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "__doubleMinNegative60Max3": { "t": "n" }, "Eac3MetadataControl": { "t": "s", "e": ["FOLLOW_INPUT", "USE_CONFIGURED"] }, "Eac3PassthroughControl": { "t": "s", "e": ["WHEN_POSSIBLE", "NO_PASSTHROUGH"] }, "Eac3PhaseControl": { "t": "s", "e": ["SHIFT_90_DEGREES", "NO_SHIFT"] }, "Eac3StereoDownmix": { "t": "s", "e": ["NOT_INDICATED", "LO_RO", "LT_RT", "DPL2"] }, "Eac3SurroundExMode": { "t": "s", "e": ["NOT_INDICATED", "ENABLED", "DISABLED"] }, "Eac3SurroundMode": { "t": "s", "e": ["NOT_INDICATED", "ENABLED", "DISABLED"] }, "__integerMin32000Max384000": { "t": "i", "min": 32000, "max": 384000 }, "__integerMin1Max2": { "t": "i", "min": 1, "max": 2 }, "__integerMin32000Max48000": { "t": "i", "min": 32000, "max": 48000 }, "__integerMin16000Max320000": { "t": "i", "min": 16000, "max": 320000 }, "Mp3RateControlMode": { "t": "s", "e": ["CBR", "VBR"] }, "__integerMin22050Max48000": { "t": "i", "min": 22050, "max": 48000 }, "__integerMin0Max9": { "t": "i", "min": 0, "max": 9 }, "__integerMin32000Max192000": { "t": "i", "min": 32000, "max": 192000 }, "__integerMin16000Max48000": { "t": "i", "min": 16000, "max": 48000 }, "__integerMinNegative1Max10": { "t": "i", "min": -1, "max": 10 }, "WavFormat": { "t": "s", "e": ["RIFF", "RF64", "EXTENSIBLE"] }, "BurninSubtitleAlignment": { "t": "s", "e": ["CENTERED", "LEFT", "AUTO"] }, "BurninSubtitleApplyFontColor": { "t": "s", "e": ["WHITE_TEXT_ONLY", "ALL_TEXT"] }, "BurninSubtitleBackgroundColor": { "t": "s", "e": ["NONE", "BLACK", "WHITE", "AUTO"] }, "BurninSubtitleFallbackFont": { "t": "s", "e": ["BEST_MATCH", "MONOSPACED_SANSSERIF", "MONOSPACED_SERIF", "PROPORTIONAL_SANSSERIF", "PROPORTIONAL_SERIF"] }, "BurninSubtitleFontColor": { "t": "s", "e": ["WHITE", "BLACK", "YELLOW", "RED", "GREEN", "BLUE", "HEX", "AUTO"] }, "__integerMin96Max600": { "t": "i", "min": 96, "max": 600 }, "FontScript": { "t": "s", "e": ["AUTOMATIC", "HANS", "HANT"] }, "__integerMin0Max96": { "t": "i", "min": 0, "max": 96 }, "__stringMin6Max8Pattern09aFAF609aFAF2": { "t": "s", "min": 6, "max": 8, "p": "^[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$" }, "BurninSubtitleOutlineColor": { "t": "s", "e": ["BLACK", "WHITE", "YELLOW", "RED", "GREEN", "BLUE", "AUTO"] }, "__integerMin0Max10": { "t": "i", "min": 0, "max": 10 }, "BurninSubtitleShadowColor": { "t": "s", "e": ["NONE", "BLACK", "WHITE", "AUTO"] }, "BurnInSubtitleStylePassthrough": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "BurninSubtitleTeletextSpacing": { "t": "s", "e": ["FIXED_GRID", "PROPORTIONAL", "AUTO"] }, "DvbSubtitleAlignment": { "t": "s", "e": ["CENTERED", "LEFT", "AUTO"] }, "DvbSubtitleApplyFontColor": { "t": "s", "e": ["WHITE_TEXT_ONLY", "ALL_TEXT"] }, "DvbSubtitleBackgroundColor": { "t": "s", "e": ["NONE", "BLACK", "WHITE", "AUTO"] }, "DvbddsHandling": { "t": "s", "e": ["NONE", "SPECIFIED", "NO_DISPLAY_WINDOW", "SPECIFIED_OPTIMAL"] }, "DvbSubSubtitleFallbackFont": { "t": "s", "e": ["BEST_MATCH", "MONOSPACED_SANSSERIF", "MONOSPACED_SERIF", "PROPORTIONAL_SANSSERIF", "PROPORTIONAL_SERIF"] }, "DvbSubtitleFontColor": { "t": "s", "e": ["WHITE", "BLACK", "YELLOW", "RED", "GREEN", "BLUE", "HEX", "AUTO"] }, "DvbSubtitleOutlineColor": { "t": "s", "e": ["BLACK", "WHITE", "YELLOW", "RED", "GREEN", "BLUE", "AUTO"] }, "DvbSubtitleShadowColor": { "t": "s", "e": ["NONE", "BLACK", "WHITE", "AUTO"] }, "DvbSubtitleStylePassthrough": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "DvbSubtitlingType": { "t": "s", "e": ["HEARING_IMPAIRED", "STANDARD"] }, "DvbSubtitleTeletextSpacing": { "t": "s", "e": ["FIXED_GRID", "PROPORTIONAL", "AUTO"] }, "ImscAccessibilitySubs": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "ImscStylePassthrough": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "SccDestinationFramerate": { "t": "s", "e": ["FRAMERATE_23_97", "FRAMERATE_24", "FRAMERATE_25", "FRAMERATE_29_97_DROPFRAME", "FRAMERATE_29_97_NON_DROPFRAME"] }, "SrtStylePassthrough": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "__listOfTeletextPageType": { "t": "l", "v": "TeletextPageType" }, "TtmlStylePassthrough": { "t": "s", "e": ["ENABLED", "DISABLED"] }, "WebvttAccessibilitySubs": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "WebvttStylePassthrough": { "t": "s", "e": ["ENABLED", "DISABLED", "STRICT", "MERGE"] }, "__integerMin1Max10": { "t": "i", "min": 1, "max": 10 }, "__doubleMin0Max1": { "t": "n" }, "AvcIntraUhdQualityTuningLevel": { "t": "s", "e": ["SINGLE_PASS", "MULTI_PASS"] }, "Xavc4kIntraCbgProfileClass": { "t": "s", "e": ["CLASS_100", "CLASS_300", "CLASS_480"] }, "Xavc4kIntraVbrProfileClass": { "t": "s", "e": ["CLASS_100", "CLASS_300", "CLASS_480"] }, "Xavc4kProfileBitrateClass": { "t": "s", "e": ["BITRATE_CLASS_100", "BITRATE_CLASS_140", "BITRATE_CLASS_200"] }, "Xavc4kProfileCodecProfile": { "t": "s", "e": ["HIGH", "HIGH_422"] }, "XavcFlickerAdaptiveQuantization": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "XavcGopBReference": { "t": "s", "e": ["DISABLED", "ENABLED"] }, "Xavc4kProfileQualityTuningLevel": { "t": "s", "e": ["SINGLE_PASS", "SINGLE_PASS_HQ", "MULTI_PASS_HQ"] }, "__integerMin8Max12": { "t": "i", "min": 8, "max": 12 }, "XavcHdIntraCbgProfileClass": { "t": "s", "e": ["CLASS_50", "CLASS_100", "CLASS_200"] }, "XavcHdProfileBitrateClass": { "t": "s", "e": ["BITRATE_CLASS_25", "BITRATE_CLASS_35", "BITRATE_CLASS_50"] }, "XavcInterlaceMode": { "t": "s", "e": ["PROGRESSIVE", "TOP_FIELD", "BOTTOM_FIELD", "FOLLOW_TOP_FIELD", "FOLLOW_BOTTOM_FIELD"] }, "XavcHdProfileQualityTuningLevel": { "t": "s", "e": ["SINGLE_PASS", "SINGLE_PASS_HQ", "MULTI_PASS_HQ"] }, "__integerMin4Max12": { "t": "i", "min": 4, "max": 12 }, "XavcHdProfileTelecine": { "t": "s", "e": ["NONE", "HARD"] }, "__integerMin90Max105": { "t": "i", "min": 90, "max": 105 }, "__integerMin920Max1023": { "t": "i", "min": 920, "max": 1023 }, "__integerMinNegative5Max10": { "t": "i", "min": -5, "max": 10 }, "__integerMin0Max3": { "t": "i", "min": 0, "max": 3 }, "__integerMinNegative2Max3": { "t": "i", "min": -2, "max": 3 }, "__integerMin0Max16": { "t": "i", "min": 0, "max": 16 }, "__integerMin0Max4": { "t": "i", "min": 0, "max": 4 }, "NoiseFilterPostTemporalSharpening": { "t": "s", "e": ["DISABLED", "ENABLED", "AUTO"] }, "NoiseFilterPostTemporalSharpeningStrength": { "t": "s", "e": ["LOW", "MEDIUM", "HIGH"] }, "__integerMinNegative1Max3": { "t": "i", "min": -1, "max": 3 }, "__stringMin1Max100000": { "t": "s", "min": 1, "max": 100000 }, "__integerMin0Max4194303": { "t": "i", "min": 0, "max": 4194303 }, "WatermarkingStrength": { "t": "s", "e": ["LIGHTEST", "LIGHTER", "DEFAULT", "STRONGER", "STRONGEST"] }, "__integerMinNegative60Max6": { "t": "i", "min": -60, "max": 6 }, "__doubleMinNegative60Max6": { "t": "n" }, "TeletextPageType": { "t": "s", "e": ["PAGE_TYPE_INITIAL", "PAGE_TYPE_SUBTITLE", "PAGE_TYPE_ADDL_INFO", "PAGE_TYPE_PROGRAM_SCHEDULE", "PAGE_TYPE_HEARING_IMPAIRED_SUBTITLE"] } } };

;// CONCATENATED MODULE: ./src/job/settings-check.ts
/**
 * The action's own check of a `job-settings` file against the MediaConvert API model, before
 * any AWS call: the same table and rules the service applies at CreateJob, so a typo fails
 * the step at once instead of after every file is encrypted and uploaded.
 */



/** How many problems one message lists. */
const SHOWN = 5;
/**
 * Checks the CreateJob request built from `job-settings` and the inputs, as it will be sent
 * but for each input's `FileInput` and `DecryptionSettings`, which are made per file. Each
 * problem is named by its JSON path in the file (`$.Settings.Inputs[0].TimecodeSorce`).
 */
function checkSettingsFile(request, shape = 'request') {
    const violations = [
        ...checkAgainstModel(SETTINGS_MODEL, 'CreateJobRequest', request, { casing: 'sdk' }).map((v) => ({ path: v.path, v })),
        ...checkServiceRules(request['Settings'], 'sdk').map((v) => ({
            path: ['Settings', ...v.path],
            v,
        })),
    ];
    if (violations.length === 0)
        return;
    const listed = violations
        .slice(0, SHOWN)
        .map(({ path, v }) => describeViolation(filePath(shape, path), v))
        .join('; ');
    const more = violations.length > SHOWN ? ` (and ${violations.length - SHOWN} more)` : '';
    throw new errors/* InputError */.dz('job-settings', `MediaConvert would refuse these settings: ${listed}${more}. Checked against the MediaConvert API model (${SETTINGS_MODEL.modelVersion})`);
}
/** `$.Settings.Inputs[0]` for a request path, as it is written in a file of this shape. */
function filePath(shape, path) {
    if (shape === 'settings' && path[0] === 'Settings')
        return sdkPath('$', path.slice(1));
    return sdkPath(shape === 'get-job' ? '$.Job' : '$', path);
}
function describeViolation(at, v) {
    if (v.member?.problem === 'unknown') {
        const hint = v.member.suggestion ? ` (did you mean ${v.member.suggestion}?)` : '';
        return `${sdkPath(at, [v.member.name])} is not a member MediaConvert knows here${hint}`;
    }
    if (v.member?.problem === 'required') {
        return `${sdkPath(at, [v.member.name])} is required and missing`;
    }
    // The rule, never the value: a settings value may be a secret (a static key, a token).
    return `${at}: ${v.rule}`;
}

// EXTERNAL MODULE: ./src/mediaconvert/limits.ts
var limits = __webpack_require__(9111);
;// CONCATENATED MODULE: ./src/job/request.ts







/** Top-level members of a CreateJob request: their presence marks a whole-request file. */
const REQUEST_MEMBERS = [
    'Settings',
    'Role',
    'JobTemplate',
    'Queue',
    'UserMetadata',
    'Tags',
    'Priority',
    'AccelerationSettings',
    'BillingTagsSource',
    'HopDestinations',
    'StatusUpdateInterval',
    'SimulateReservedQueue',
    'JobEngineVersion',
];
/** Reads and checks `job-settings` and merges it with the job inputs. Runs before any AWS call. */
async function loadJobPlan(job, fileCount) {
    const notes = [];
    const { request, shape } = job.settingsPath
        ? asRequest(await readSettingsFile(job.settingsPath), notes)
        : { request: {}, shape: 'settings' };
    // Console exports carry `"JobTemplate": ""`: no template.
    if (request.JobTemplate === '')
        delete request.JobTemplate;
    const settings = asObject(request.Settings ?? {}, 'Settings');
    const inputs = settings.Inputs === undefined ? [] : settings.Inputs;
    if (!Array.isArray(inputs))
        throw new errors/* InputError */.dz('job-settings', '`Settings.Inputs` must be an array');
    const inputTemplate = asObject(inputs[0] ?? {}, 'Settings.Inputs[0]');
    delete inputTemplate.FileInput;
    delete inputTemplate.DecryptionSettings;
    if (inputs.length > 1) {
        notes.push({
            warning: true,
            text: `job-settings: Settings.Inputs has ${inputs.length} entries; only the first is used, as the template of every file's input (each file becomes its own job input); entries 2 to ${inputs.length} are ignored`,
        });
    }
    const template = job.template ?? stringMember(request, 'JobTemplate');
    const outputGroups = settings.OutputGroups;
    if (template === undefined && (!Array.isArray(outputGroups) || outputGroups.length === 0)) {
        throw new errors/* InputError */.dz('job-settings', 'has no `OutputGroups` and no job template is given: set `job-template` or add output groups');
    }
    if (job.layout === 'single' && fileCount > limits/* MAX_INPUTS_PER_JOB */.RX) {
        throw new errors/* InputError */.dz('job-layout', `single puts all ${fileCount} files in one job, over MediaConvert's ${limits/* MAX_INPUTS_PER_JOB */.RX} inputs per job; use per-file or a shard`);
    }
    const base = { ...request, Role: job.roleArn, Settings: settings };
    if (template !== undefined)
        base.JobTemplate = template;
    if (job.queue !== undefined)
        base.Queue = job.queue;
    const userMetadata = { ...stringMap(request.UserMetadata, 'UserMetadata'), ...job.userMetadata };
    if (Object.keys(userMetadata).length > limits/* USER_METADATA_ENTRIES */.VO) {
        throw new errors/* InputError */.dz('user-metadata', `together with the file's \`UserMetadata\` has more than ${limits/* USER_METADATA_ENTRIES */.VO} entries (MediaConvert allows 10 and every job carries one more, ${limits/* RUN_USER_METADATA */.Ok})`);
    }
    if (Object.keys(userMetadata).length > 0)
        base.UserMetadata = userMetadata;
    const fileTags = stringMap(request.Tags, 'Tags');
    const fileTagsProblem = (0,limits/* tagProblem */.qH)(fileTags);
    if (fileTagsProblem !== undefined) {
        throw new errors/* InputError */.dz('job-settings', `\`Tags\` ${fileTagsProblem}`);
    }
    const tags = { ...fileTags, ...job.tags };
    const tagsProblem = (0,limits/* tagProblem */.qH)(tags);
    if (tagsProblem !== undefined) {
        throw new errors/* InputError */.dz('tags', `together with the file's \`Tags\` ${tagsProblem}`);
    }
    if (Object.keys(tags).length > 0)
        base.Tags = tags;
    delete base.ClientRequestToken;
    // What will be sent, but for the per-file FileInput and DecryptionSettings.
    checkSettingsFile({
        ...base,
        Settings: { ...settings, ...(inputs.length > 0 ? { Inputs: [inputTemplate] } : {}) },
    }, shape);
    return {
        base: base,
        inputTemplate: inputTemplate,
        layout: job.layout,
        notes,
    };
}
/**
 * The CreateJob request a file stands for: a whole request, a `Settings` object, or what
 * `aws mediaconvert get-job` prints (`{"Job": {...}}`), whose request members are taken and
 * whose job state (Id, Arn, Status, timing, messages...) is left out.
 */
function asRequest(file, notes) {
    if (REQUEST_MEMBERS.some((m) => m in file))
        return { request: { ...file }, shape: 'request' };
    const job = file.Job;
    if (Object.keys(file).length === 1 &&
        typeof job === 'object' &&
        job !== null &&
        !Array.isArray(job)) {
        const requestShape = SETTINGS_MODEL.shapes.CreateJobRequest;
        const members = requestShape?.t === 'o' ? Object.keys(requestShape.m) : REQUEST_MEMBERS;
        const request = {};
        const ignored = [];
        for (const [name, value] of Object.entries(job)) {
            if (members.includes(name) && name !== 'ClientRequestToken')
                request[name] = value;
            else
                ignored.push(name);
        }
        notes.push({
            warning: false,
            text: `job-settings: a get-job answer; taken from its Job: ${Object.keys(request).join(', ') || 'nothing'}; ignored: ${ignored.join(', ') || 'nothing'}`,
        });
        return { request, shape: 'get-job' };
    }
    return { request: { Settings: file }, shape: 'settings' };
}
/**
 * The CreateJob requests for these files: one per file, or one with every file as an input.
 * `runKey` identifies the step of the workflow run, whatever the attempt: it goes into each
 * job's UserMetadata, and each request's ClientRequestToken is derived from it and the whole
 * request. A retried request, or a later attempt of the run sending the same request for the
 * same object, reuses its token (and MediaConvert answers with the job it made); any change
 * to the request, such as a new data key for a re-uploaded object, makes a fresh job.
 */
function buildRequests(plan, files, runKey) {
    const groups = plan.layout === 'single' ? [files] : files.map((f) => [f]);
    return groups.map((group) => {
        const request = {
            ...plan.base,
            UserMetadata: { ...plan.base.UserMetadata, [limits/* RUN_USER_METADATA */.Ok]: runKey },
            Settings: {
                ...plan.base.Settings,
                Inputs: group.map((f) => inputFor(plan.inputTemplate, f)),
            },
        };
        return { ...request, ClientRequestToken: requestToken(runKey, request, group) };
    });
}
function inputFor(template, file) {
    return {
        ...structuredClone(template),
        FileInput: file.s3Uri,
        DecryptionSettings: { ...file.decryption },
    };
}
/**
 * A UUID-shaped hash of the seed, the whole request (DecryptionSettings included, with the
 * encrypted data key and IV) and the files' contents. The same step run twice in one run
 * attempt (a retry loop around the CLI) re-encrypts with a fresh key: its request differs, so
 * MediaConvert makes a new job instead of answering with the first one, whose key no longer
 * opens the object now in S3.
 */
function requestToken(seed, request, files) {
    const rest = { ...request };
    delete rest.ClientRequestToken;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(seed).update('\n').update(canonicalJson(rest));
    for (const f of files)
        hash.update(`\n${f.relativePath}\n${f.plaintextSha256}`);
    const hex = hash.digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
/** JSON with object members in sorted order: the same value always gives the same text. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}
/**
 * The largest `job-settings` file. MediaConvert documents no size limit for a CreateJob
 * request (not in its API reference, its user guide or its endpoints-and-quotas page), so
 * this is the action's own: 1 MiB is about 19 times the largest job in samples/jobs (a
 * 56 KB VOD ladder), while each file's CreateJob request, the manifest and the job-settings
 * output carry the settings once per file.
 */
const MAX_JOB_SETTINGS_BYTES = 1024 * 1024;
async function readSettingsFile(path) {
    const tooBig = (bytes) => new errors/* InputError */.dz('job-settings', `'${path}' is ${bytes}, over the limit of ${MAX_JOB_SETTINGS_BYTES} bytes (1 MiB) for a settings file; MediaConvert job settings are tens of kilobytes (see docs/hardening.md)`);
    let text;
    try {
        // Looked at before it is opened: opening a FIFO would wait for a writer, forever.
        if (!(await (0,promises_.stat)(path)).isFile()) {
            throw new errors/* InputError */.dz('job-settings', `'${path}' is not a regular file; give a JSON file`);
        }
        text = await readBounded(path, MAX_JOB_SETTINGS_BYTES, tooBig);
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            throw error;
        throw new errors/* InputError */.dz('job-settings', `cannot read '${path}' (${error.code ?? 'error'})`);
    }
    let parsed;
    try {
        parsed = (0,json_text/* parseJsonText */.l)(text);
    }
    catch (error) {
        // Never the text itself: settings may hold a static key or a token.
        throw new errors/* InputError */.dz('job-settings', `'${path}' ${error.message}`);
    }
    return asObject(parsed, path);
}
function asObject(value, where) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new errors/* InputError */.dz('job-settings', `${where} must be a JSON object`);
    }
    return { ...value };
}
function stringMember(obj, name) {
    const value = obj[name];
    if (value === undefined)
        return undefined;
    if (typeof value !== 'string')
        throw new errors/* InputError */.dz('job-settings', `\`${name}\` must be a string`);
    return value;
}
function stringMap(value, name) {
    if (value === undefined)
        return {};
    const obj = asObject(value, `\`${name}\``);
    for (const [k, v] of Object.entries(obj)) {
        if (typeof v !== 'string')
            throw new errors/* InputError */.dz('job-settings', `\`${name}.${k}\` must be a string`);
    }
    return obj;
}
/**
 * The file's text, refused through `tooBig` before any of it is read when it is a regular
 * file over `limit` bytes (its size from fstat), and once `limit` is passed for anything else
 * (a pipe: `--job-settings <(jq ...)`) or a file that grows while it is read.
 */
async function readBounded(path, limit, tooBig) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const info = await handle.stat();
        if (info.isFile() && info.size > limit)
            throw tooBig(`${info.size} bytes`);
        const buffer = Buffer.alloc(limit + 1);
        let length = 0;
        for (;;) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
            if (bytesRead === 0)
                break;
            length += bytesRead;
            if (length > limit)
                throw tooBig(`more than ${limit} bytes`);
        }
        return buffer.toString('utf8', 0, length);
    }
    finally {
        await handle.close();
    }
}

// EXTERNAL MODULE: ./src/job/create-and-wait.ts
var create_and_wait = __webpack_require__(77165);
// EXTERNAL MODULE: ./src/report/manifest-target.ts
var manifest_target = __webpack_require__(12903);
// EXTERNAL MODULE: ./src/shared/safe-text.ts
var safe_text = __webpack_require__(66054);
// EXTERNAL MODULE: ./src/report/manifest-text.ts + 1 modules
var manifest_text = __webpack_require__(14733);
// EXTERNAL MODULE: ./src/report/journal.ts
var report_journal = __webpack_require__(79673);
;// CONCATENATED MODULE: ./src/upload/content-type.ts

const BY_EXTENSION = {
    '.mp4': 'video/mp4',
    '.m4v': 'video/mp4',
    '.mov': 'video/quicktime',
    '.mxf': 'application/mxf',
    '.mkv': 'video/x-matroska',
    '.webm': 'video/webm',
    '.ts': 'video/mp2t',
    '.m2ts': 'video/mp2t',
    '.mts': 'video/mp2t',
    '.mpg': 'video/mpeg',
    '.mpeg': 'video/mpeg',
    '.avi': 'video/x-msvideo',
    '.flv': 'video/x-flv',
    '.3gp': 'video/3gpp',
    '.y4m': 'video/x-yuv4mpeg',
    '.wav': 'audio/wav',
    '.mp3': 'audio/mpeg',
    '.m4a': 'audio/mp4',
    '.aac': 'audio/aac',
    '.flac': 'audio/flac',
    '.aif': 'audio/aiff',
    '.aiff': 'audio/aiff',
    '.srt': 'application/x-subrip',
    '.vtt': 'text/vtt',
    '.scc': 'text/x-scc',
};
/** The source file's media type, kept on the ciphertext object so the bucket stays legible. */
function contentTypeOf(file) {
    return BY_EXTENSION[external_node_path_default().extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-kms/dist-cjs/index.js
var client_kms_dist_cjs = __webpack_require__(92632);
;// CONCATENATED MODULE: ./src/crypto/keys.ts



/** Makes one fresh data key, by KMS GenerateDataKey or locally and then KMS Encrypt. */
async function makeDataKey(request) {
    return request.source === 'kms' ? generateWithKms(request) : generateLocally(request);
}
async function generateWithKms({ kms, kmsKeyArn, keyBytes }) {
    // KMS KeySpec has no AES_192; NumberOfBytes covers it.
    const size = keyBytes === 24
        ? { NumberOfBytes: 24 }
        : { KeySpec: keyBytes === 16 ? 'AES_128' : 'AES_256' };
    const out = await kms.send(new client_kms_dist_cjs/* GenerateDataKeyCommand */.OhQ({
        KeyId: kmsKeyArn,
        EncryptionContext: { ...decryption/* MEDIACONVERT_CONTEXT */.cQ },
        ...size,
    }));
    const plaintext = out.Plaintext;
    if (!plaintext || !out.CiphertextBlob) {
        plaintext?.fill(0);
        throw new Error('KMS GenerateDataKey returned no key');
    }
    if (plaintext.length !== keyBytes) {
        plaintext.fill(0);
        throw new Error(`KMS GenerateDataKey returned a ${plaintext.length}-byte key, not ${keyBytes}`);
    }
    const problem = blobProblem('GenerateDataKey', out.CiphertextBlob);
    if (problem !== undefined) {
        plaintext.fill(0);
        throw new Error(problem);
    }
    return dataKey(plaintext, out.CiphertextBlob);
}
async function generateLocally({ kms, kmsKeyArn, keyBytes }) {
    const plaintext = (0,external_node_crypto_.randomBytes)(keyBytes);
    try {
        const out = await kms.send(new client_kms_dist_cjs/* EncryptCommand */.b8v({
            KeyId: kmsKeyArn,
            Plaintext: plaintext,
            EncryptionContext: { ...decryption/* MEDIACONVERT_CONTEXT */.cQ },
        }));
        if (!out.CiphertextBlob)
            throw new Error('KMS Encrypt returned no ciphertext');
        const problem = blobProblem('Encrypt', out.CiphertextBlob);
        if (problem !== undefined)
            throw new Error(problem);
        return dataKey(plaintext, out.CiphertextBlob);
    }
    catch (error) {
        plaintext.fill(0);
        throw error;
    }
}
/**
 * Why MediaConvert could never be given `blob` as the EncryptedDecryptionKey, or undefined:
 * checked before the first byte is encrypted, so no object is uploaded that no job can open.
 */
function blobProblem(operation, blob) {
    const characters = 4 * Math.ceil(blob.length / 3);
    const { min, max } = decryption/* ENCRYPTED_KEY_BASE64_CHARACTERS */.GC;
    if (characters >= min && characters <= max)
        return undefined;
    return `KMS ${operation} returned a CiphertextBlob of ${blob.length} bytes (${characters} base64 characters); MediaConvert takes an EncryptedDecryptionKey of ${min} to ${max}, so no job could decrypt the file: nothing was encrypted or uploaded`;
}
function dataKey(plaintext, encrypted) {
    return {
        plaintext,
        encrypted,
        destroy: () => plaintext.fill(0),
    };
}

// EXTERNAL MODULE: ./src/aws/connection-warmup.ts
var connection_warmup = __webpack_require__(15714);
// EXTERNAL MODULE: ./src/upload/memory-budget.ts
var memory_budget = __webpack_require__(16602);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/upload/checksum.ts
/**
 * The CRC32 checksums that go with every part and PutObject (x-amz-checksum-crc32, which S3
 * checks), and the one S3 keeps for a whole multipart object.
 */

/** zlib.crc32 exists from Node 20.15 / 22.2; without it the SDK computes the same checksum. */
const crc32 = (external_node_zlib_default()).crc32;
/** The request members that send a CRC32 computed here (none without zlib.crc32). */
function checksumOf(crc) {
    if (!crc32)
        return {};
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(crc >>> 0);
    return { ChecksumAlgorithm: 'CRC32', ChecksumCRC32: bytes.toString('base64') };
}
/**
 * S3's checksum of a multipart object made with CRC32 parts: the CRC32 of the parts' CRC32s,
 * then `-` and the number of parts.
 */
function compositeCrc32(partChecksums) {
    if (!crc32 || partChecksums.length === 0)
        return undefined;
    const joined = Buffer.concat(partChecksums.map((c) => Buffer.from(c, 'base64')));
    const out = Buffer.alloc(4);
    out.writeUInt32BE(crc32(joined) >>> 0);
    return `${out.toString('base64')}-${partChecksums.length}`;
}

;// CONCATENATED MODULE: ./src/upload/complete-check.ts
/**
 * After a CompleteMultipartUpload (or PutObject) whose answer never came: did S3 carry it out
 * all the same? A connection reset after S3 assembled the object, then a retry that S3
 * answers NoSuchUpload, must not report a file failed while its complete object sits at the
 * key. HeadObject tells: the object there is this upload's when its size and the metadata
 * sent with it are the same (the metadata holds the file's fresh IV and encrypted data key,
 * which no other upload shares) and, when S3 returns one, its CRC32 is the one computed here.
 */



/**
 * Whether S3 may have done what a request asked although the request failed: no answer came
 * (a reset, a timeout), S3 failed on its side (5xx) after perhaps finishing, or a retried
 * Complete found its upload gone (NoSuchUpload). A refusal (403, 400...) did nothing.
 */
function mayHaveHappened(error) {
    const status = error.$metadata?.httpStatusCode;
    if (status === undefined || status >= 500)
        return true;
    return error.name === 'NoSuchUpload';
}
async function findSentObject(s3, sent, signal) {
    const uri = `s3://${sent.bucket}/${sent.key}`;
    let head;
    try {
        head = await s3.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: sent.bucket, Key: sent.key, ChecksumMode: 'ENABLED' }), signal ? { abortSignal: signal } : {});
    }
    catch (error) {
        const status = error.$metadata?.httpStatusCode;
        if (status === 404 || error.name === 'NotFound') {
            return { ours: false, found: `${uri} holds no object` };
        }
        return { ours: false, found: `what ${uri} holds is unknown (HeadObject: ${(0,errors/* messageOf */.bD)(error)})` };
    }
    if (!head)
        return { ours: false, found: `what ${uri} holds is unknown (HeadObject gave no answer)` };
    const other = (why) => ({
        ours: false,
        found: `${uri} holds another object (${head.ContentLength ?? '?'} bytes, ${why}), not this upload's`,
    });
    if (head.ContentLength !== sent.bytes)
        return other('another size');
    const stored = head.Metadata ?? {};
    if (Object.entries(sent.metadata).some(([name, value]) => stored[name] !== value)) {
        return other('other metadata');
    }
    const expected = sent.multipart ? compositeCrc32(sent.checksums) : sent.checksums[0];
    const actual = head.ChecksumCRC32;
    // A multipart object S3 checksums whole (FULL_OBJECT) cannot be compared with the parts'.
    const comparable = !sent.multipart || head.ChecksumType !== 'FULL_OBJECT';
    if (actual !== undefined && expected !== undefined && comparable && actual !== expected) {
        return other('another CRC32');
    }
    return head.ETag === undefined ? { ours: true } : { ours: true, etag: head.ETag };
}

;// CONCATENATED MODULE: ./src/upload/upload-errors.ts
/** How an upload ends when it is canceled or fails: the errors it throws and the body's stop. */
/**
 * Ends the body with an error once the signal fires, so the upload stops reading and aborts
 * the multipart upload after the parts in flight have settled.
 */
async function* stopOnAbort(body, signal) {
    for await (const chunk of body) {
        if (signal?.aborted)
            throw abortError(signal);
        yield chunk;
    }
    if (signal?.aborted)
        throw abortError(signal);
}
/** `error` with `more` said after its message, under the same name. */
function withMore(error, more) {
    const message = error instanceof Error ? error.message : String(error);
    return Object.assign(new Error(`${message}; ${more}`, { cause: error }), {
        name: error instanceof Error ? error.name : 'Error',
    });
}
function abortError(signal) {
    const reason = signal.reason;
    return reason instanceof Error
        ? reason
        : Object.assign(new Error('upload aborted'), { name: 'AbortError' });
}

;// CONCATENATED MODULE: ./src/upload/multipart.ts









/**
 * Streams `body` to S3: a single PutObject when it fits one part, else a multipart upload;
 * or sends `parts`, made again per attempt (upload/ctr-parts.ts), as a multipart upload.
 * On any failure (body, network, abort signal) the multipart upload is aborted before the
 * returned promise rejects, so no half-finished upload is left behind.
 *
 * Every byte of a `body` is touched once here, while it is still in the CPU cache: it is copied into its
 * part and added to that part's CRC32. The CRC32 travels with the part (x-amz-checksum-crc32,
 * covered by the request signature) and S3 checks it, so the SDK has no pass of its own left
 * to make over the body (aws/clients.ts signs these bodies as UNSIGNED-PAYLOAD instead of hashing
 * them). @aws-sdk/lib-storage, used before, concatenated the body into parts and left the
 * checksum to the SDK, a second and cache-cold pass over every byte.
 */
async function uploadStream(request) {
    const upload = new StreamingUpload(request);
    try {
        return await upload.run();
    }
    catch (failure) {
        // Once the step is canceled, requests fail as aborted: name the cancel, not its echo.
        const error = request.signal?.aborted ? abortError(request.signal) : failure;
        try {
            await upload.abort();
        }
        catch (abortFailure) {
            // Keep the real cause in front; say what is left behind and how it goes away.
            throw withMore(error, `AbortMultipartUpload also failed (${(0,errors/* messageOf */.bD)(abortFailure)}), so the incomplete upload of s3://${request.bucket}/${request.key} is left until an AbortIncompleteMultipartUpload lifecycle rule removes it`);
        }
        // After a Complete that failed, say what the key holds: the upload itself is gone.
        if (upload.leftAtKey !== undefined) {
            throw withMore(error, `the upload's parts were aborted, and ${upload.leftAtKey}`);
        }
        throw error;
    }
    finally {
        upload.releaseBuffers();
    }
}
const isPlanned = (part) => 'body' in part;
/**
 * A part made again (upload/ctr-parts.ts) that S3 refused as BadDigest: its bytes are not the
 * ones whose CRC32 the first read found, so the file was written while being uploaded.
 */
function partChanged(error, partNumber) {
    if (error.name !== 'BadDigest')
        return error;
    return new Error(`file changed while being read: part ${partNumber} differs from the first read (S3 refused it: BadDigest)`, { cause: error });
}
class StreamingUpload {
    request;
    partSize;
    budget;
    window;
    /** Every buffer leased from the budget and not yet handed back. */
    held = new Set();
    leave;
    inFlight = new Set();
    completed = [];
    uploadId;
    /** The metadata the object was created with, once its first request went out. */
    sentMetadata = {};
    /** After a failed Complete: what the object's key holds, in words. */
    leftAtKey;
    nextPartNumber = 1;
    uploadedBytes = 0;
    /** The first failed request; no part starts after it. */
    failure;
    constructor(request) {
        this.request = request;
        this.partSize = request.partSizeBytes;
        this.budget = request.budget ?? new memory_budget/* MemoryBudget */.ND(sizing/* DEFAULT_PARTS */.Vz * this.partSize);
        this.leave = this.budget.join();
        const now = request.now ?? (() => performance.now());
        const ceiling = request.parts
            ? () => this.budget.fairShare()
            : () => this.budget.fairInFlight(this.partSize);
        this.window = new memory_budget/* InFlightWindow */.ER({
            now,
            start: Math.max(sizing/* INITIAL_IN_FLIGHT */.Gj, ceiling()),
            ceiling,
        });
    }
    /** Hands every buffer back to the budget; the upload is over (parts settled). */
    releaseBuffers() {
        for (const buffer of this.held)
            this.budget.give(buffer);
        this.held.clear();
        this.leave();
    }
    async run() {
        if (this.request.parts) {
            for await (const part of stopOnAbort(this.request.parts, this.request.signal)) {
                await this.sendPart(part);
            }
            return this.finish();
        }
        let filling;
        /** A full part, held back until more bytes show that it is not the only one. */
        let full;
        for await (const chunk of stopOnAbort(this.request.body, this.request.signal)) {
            this.throwIfFailed(); // a part failed: stop reading
            for (let offset = 0; offset < chunk.length;) {
                if (full) {
                    await this.sendPart(full);
                    full = undefined;
                }
                filling ??= { buffer: await this.partBuffer(), length: 0, crc: 0 };
                if (filling.length === filling.buffer.length)
                    filling.buffer = await this.grow(filling);
                const piece = chunk.subarray(offset, offset + filling.buffer.length - filling.length);
                filling.buffer.set(piece, filling.length);
                filling.length += piece.length;
                if (crc32)
                    filling.crc = crc32(piece, filling.crc);
                offset += piece.length;
                if (filling.length === this.partSize) {
                    full = filling;
                    filling = undefined;
                }
            }
        }
        const last = full ?? filling ?? { buffer: Buffer.alloc(0), length: 0, crc: 0 };
        // The upload no longer fills parts: the buffers it keeps are the ones in flight.
        if (this.uploadId === undefined)
            return this.putObject(last);
        await this.sendPart(last);
        return this.finish();
    }
    /** Waits for the parts in flight, then completes the upload. */
    async finish() {
        await Promise.all(this.inFlight);
        this.throwIfFailed();
        // The signal may fire after the last byte was read, while parts were still in flight.
        if (this.request.signal?.aborted)
            throw abortError(this.request.signal);
        this.completed.sort((a, b) => a.PartNumber - b.PartNumber);
        const { Bucket, Key } = this.target();
        let result;
        try {
            result = await this.request.s3.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({
                Bucket,
                Key,
                UploadId: this.uploadId,
                MultipartUpload: { Parts: this.completed },
            }));
        }
        catch (error) {
            result = await this.completedAnyway(error, {
                bytes: this.uploadedBytes,
                checksums: this.completed.map((p) => p.ChecksumCRC32 ?? ''),
                multipart: true,
            });
        }
        this.uploadId = undefined;
        return result.ETag === undefined ? {} : { etag: result.ETag };
    }
    /**
     * A buffer for the next part, leased from the budget (waiting until it fits). The first one
     * is sized for the whole body when its length is known, else it starts small and grows as
     * bytes come, so that a small file costs a small buffer; after it, every buffer is a part.
     */
    partBuffer() {
        if (this.nextPartNumber > 1)
            return this.lease(this.partSize);
        const expected = this.request.expectedBytes;
        const first = expected === undefined ? sizing/* FIRST_BUFFER_BYTES */.s5 : Math.max(expected, 1);
        return this.lease(Math.min(first, this.partSize));
    }
    async grow(part) {
        const size = Math.min(Math.max(part.buffer.length * 2, sizing/* FIRST_BUFFER_BYTES */.s5), this.partSize);
        const bigger = await this.lease(size);
        part.buffer.copy(bigger, 0, 0, part.length);
        this.giveBack(part.buffer);
        return bigger;
    }
    async lease(bytes) {
        const buffer = await this.budget.lease(bytes, this.request.signal);
        this.held.add(buffer);
        return buffer;
    }
    giveBack(buffer) {
        if (this.held.delete(buffer))
            this.budget.give(buffer);
    }
    /**
     * Waits for the parts in flight (a cancel has cut them off already), then aborts the
     * multipart upload if one was started: after a cancel, within the clean-up deadline.
     */
    async abort() {
        await Promise.all(this.inFlight);
        if (this.uploadId === undefined)
            return;
        const { Bucket, Key } = this.target();
        const UploadId = this.uploadId;
        this.uploadId = undefined;
        const deadline = (0,abort/* cleanupSignal */.Z5)(this.request.signal);
        try {
            await this.request.s3.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket, Key, UploadId }), {
                abortSignal: deadline.signal,
            });
        }
        finally {
            deadline.dispose();
        }
    }
    target() {
        return { Bucket: this.request.bucket, Key: this.request.key };
    }
    /** What PutObject and CreateMultipartUpload share: type, metadata, server-side encryption. */
    objectParams() {
        const { sse } = this.request;
        return {
            ...this.target(),
            ContentType: this.request.contentType,
            Metadata: (this.sentMetadata =
                typeof this.request.metadata === 'function'
                    ? this.request.metadata()
                    : this.request.metadata),
            ...(sse ? { ServerSideEncryption: sse.type } : {}),
            ...(sse?.type === 'aws:kms' && sse.kmsKeyId ? { SSEKMSKeyId: sse.kmsKeyId } : {}),
        };
    }
    async putObject(part) {
        const command = new dist_cjs/* PutObjectCommand */.wKZ({
            ...this.objectParams(),
            Body: part.buffer.subarray(0, part.length),
            ...checksumOf(part.crc),
        });
        const sent = { bytes: part.length, checksums: [checksumOf(part.crc).ChecksumCRC32 ?? ''] };
        const result = await this.request.s3
            .send(command)
            .catch((error) => this.completedAnyway(error, { ...sent, multipart: false }));
        this.request.onProgress?.(part.length);
        return result.ETag === undefined ? {} : { etag: result.ETag };
    }
    /**
     * Starts one UploadPart once a slot of the in-flight window is free; creates the upload
     * first. The part's buffer goes back to the budget when the request has settled.
     */
    async sendPart(part) {
        this.throwIfFailed();
        if (this.uploadId === undefined)
            await this.createUpload();
        let waited = false;
        while (this.inFlight.size >= this.window.limit) {
            waited = true;
            await Promise.race(this.inFlight);
        }
        this.throwIfFailed();
        this.window.sending(waited);
        const PartNumber = this.nextPartNumber++;
        if (PartNumber > sizing/* MAX_PARTS */.kz) {
            throw new Error(`more than ${sizing/* MAX_PARTS */.kz} parts of ${this.partSize} bytes: use a larger part size`);
        }
        // A part made again holds a read buffer and ciphertext slices while in flight.
        const planned = isPlanned(part);
        const release = planned && (await this.budget.reserve(sizing/* REREAD_PART_BYTES */.qs, this.request.signal));
        if (this.failure && release)
            release();
        this.throwIfFailed();
        const checksum = checksumOf(part.crc);
        const command = new dist_cjs/* UploadPartCommand */.iVK({
            ...this.target(),
            UploadId: this.uploadId,
            PartNumber,
            ...(planned
                ? // The SDK passes it through to the request handler, which opens it per attempt.
                    { Body: part.body, ContentLength: part.length }
                : { Body: part.buffer.subarray(0, part.length) }),
            ...checksum,
        });
        const sent = this.request.s3
            .send(command)
            .then((result) => {
            if (!result.ETag)
                throw new Error(`UploadPart ${PartNumber} returned no ETag`);
            this.completed.push({
                PartNumber,
                ETag: result.ETag,
                // The CRC32 computed here, not S3's echo: Complete then checks S3 kept these bytes.
                ...(checksum.ChecksumCRC32 ? { ChecksumCRC32: checksum.ChecksumCRC32 } : {}),
            });
            this.uploadedBytes += part.length;
            this.window.completed(part.length);
            this.request.onProgress?.(this.uploadedBytes);
        })
            .catch((error) => {
            this.failure ??= { error: planned ? partChanged(error, PartNumber) : error };
        })
            .finally(() => {
            this.inFlight.delete(sent);
            if (release)
                release();
            else if (!planned)
                this.giveBack(part.buffer);
        });
        this.inFlight.add(sent);
    }
    /** Sends CreateMultipartUpload; the first part waits for it. */
    async createUpload() {
        // The first round's parts get their connections while the Create is on its way.
        const expected = this.request.expectedBytes;
        const parts = expected === undefined ? Infinity : Math.ceil(expected / this.partSize);
        (0,connection_warmup/* warmForParts */.VR)(this.request.s3, Math.min(this.window.limit, parts) - 1);
        const created = await this.request.s3.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4({
            ...this.objectParams(),
            // Every part will carry a CRC32; S3 then also keeps one for the whole object.
            ...(crc32 ? { ChecksumAlgorithm: 'CRC32' } : {}),
        }));
        if (!created.UploadId)
            throw new Error('CreateMultipartUpload returned no UploadId');
        this.uploadId = created.UploadId;
    }
    /**
     * The last request failed after S3 may have carried it out (a reset after it assembled the
     * object, then a retry it answers NoSuchUpload): the object at the key is looked at, and if
     * it is this upload's the file is done. Otherwise the failure stands, saying what is there.
     */
    async completedAnyway(error, sent) {
        if (this.request.signal?.aborted || !mayHaveHappened(error))
            throw error;
        const finding = await findSentObject(this.request.s3, {
            ...sent,
            bucket: this.request.bucket,
            key: this.request.key,
            metadata: this.sentMetadata,
            checksums: sent.checksums.filter((c) => c !== ''),
        }, this.request.signal);
        if (finding.ours) {
            this.uploadId = undefined;
            return finding.etag === undefined ? {} : { ETag: finding.etag };
        }
        if (!sent.multipart) {
            throw withMore(error, finding.found);
        }
        this.leftAtKey = finding.found;
        throw error;
    }
    throwIfFailed() {
        if (this.failure)
            throw this.failure.error;
    }
}

// EXTERNAL MODULE: ./src/aws/timeouts.ts + 1 modules
var timeouts = __webpack_require__(34622);
;// CONCATENATED MODULE: ./src/crypto/ctr-at.ts
/**
 * AES-CTR from any block of a stream, not only its first: the ciphertext of bytes
 * [offset, offset + n) is the plaintext of that range XOR the keystream of its counter blocks,
 * so a part of a CTR upload can be made again from the file alone, at any time and in any
 * order, and be byte for byte what one pass from the start made (upload/ctr-parts.ts).
 */


const BLOCK_MASK = 0xffn;
/**
 * The counter block of the block that starts at `byteOffset`: the first counter block (the IV,
 * a 12-byte one padded with zeros as encrypt() does) plus the block's index, as one 128-bit
 * big-endian number that wraps, as OpenSSL's CTR increments it.
 */
function counterAt(iv, byteOffset) {
    if (!Number.isSafeInteger(byteOffset) || byteOffset < 0 || byteOffset % crypto_cipher/* AES_BLOCK_BYTES */.om !== 0) {
        throw new RangeError(`a CTR offset must be a non-negative multiple of ${crypto_cipher/* AES_BLOCK_BYTES */.om} bytes, got ${byteOffset}`);
    }
    const block = Buffer.from((0,crypto_cipher/* counterBlock */.IZ)(iv));
    let carry = BigInt(byteOffset / crypto_cipher/* AES_BLOCK_BYTES */.om);
    for (let at = crypto_cipher/* AES_BLOCK_BYTES */.om - 1; at >= 0 && carry > 0n; at--) {
        const sum = BigInt(block[at]) + (carry & BLOCK_MASK);
        block[at] = Number(sum & BLOCK_MASK);
        carry = (carry >> 8n) + (sum >> 8n);
    }
    return block;
}
/**
 * An AES-CTR cipher that starts at `byteOffset` of the stream encrypt() makes with this key
 * and IV. The key is checked as encrypt() checks it and copied into OpenSSL's context; the
 * caller's buffer is neither kept nor changed.
 */
function ctrCipherAt(key, iv, byteOffset) {
    (0,crypto_cipher/* validateParams */.XB)({ mode: 'AES_CTR', key, iv });
    return (0,external_node_crypto_.createCipheriv)(`aes-${key.length * 8}-ctr`, key, counterAt(iv, byteOffset));
}

// EXTERNAL MODULE: ./src/aws/reopenable-body.ts
var reopenable_body = __webpack_require__(609);
;// CONCATENATED MODULE: ./src/upload/ctr-parts.ts





/**
 * Plans the parts of `plaintext` (the file's bytes in order, read through `plan.handle`'s
 * file): yields each part once its CRC32 is known, and asks for more of the file only when the
 * upload asks for the next part. `close()` stops every later attempt from reading the file or
 * using the key (call it before the key is zeroed).
 */
function planCtrParts(plaintext, plan) {
    if (!crc32)
        throw new Error('parts made again need zlib.crc32 (Node 20.15 or later)');
    const state = { open: true };
    return {
        parts: planned(plaintext, plan, crc32, state),
        close: () => {
            state.open = false;
        },
    };
}
async function* planned(plaintext, plan, crc, state) {
    const cipher = { mode: 'AES_CTR', key: plan.key, iv: plan.iv };
    const ciphertext = (0,crypto_cipher/* encrypt */.w)(plaintext, cipher, { transient: true });
    let offset = 0;
    let length = 0;
    let sum = 0;
    const part = () => {
        const at = offset;
        const made = { length, crc: sum };
        const open = () => {
            if (!state.open)
                throw new Error('the upload of this file has ended');
            return (0,reopenable_body/* chunkStream */.M)(partBytes(plan, at, made.length));
        };
        return { body: new reopenable_body/* ReopenableBody */.k(length, open), ...made };
    };
    for await (const chunk of ciphertext) {
        for (let from = 0; from < chunk.length;) {
            const piece = chunk.subarray(from, from + plan.partBytes - length);
            sum = crc(piece, sum);
            length += piece.length;
            from += piece.length;
            if (length === plan.partBytes) {
                yield part();
                offset += length;
                length = 0;
                sum = 0;
            }
        }
    }
    if (length > 0 || offset === 0)
        yield part();
}
/**
 * One attempt's bytes of the part at `offset`: read again and encrypted from that offset's
 * counter. Each output is a fresh buffer of at most TRANSIENT_UPDATE_BYTES, which the body's
 * stream frees once the socket has taken it (glibc keeps such sizes on its heap for reuse).
 */
async function* partBytes(plan, offset, length) {
    const cipher = ctrCipherAt(plan.key, plan.iv, offset);
    const buffer = Buffer.allocUnsafe(Math.min(sizing/* REREAD_CHUNK_BYTES */.Ot, Math.max(1, length)));
    for (let done = 0; done < length;) {
        const want = Math.min(buffer.length, length - done);
        const { bytesRead } = await plan.handle.read(buffer, 0, want, offset + done);
        if (bytesRead === 0) {
            throw new Error(`file changed while being read: it ends at byte ${offset + done} now`);
        }
        for (let at = 0; at < bytesRead; at += crypto_cipher/* TRANSIENT_UPDATE_BYTES */.zK) {
            yield cipher.update(buffer.subarray(at, Math.min(at + crypto_cipher/* TRANSIENT_UPDATE_BYTES */.zK, bytesRead)));
        }
        done += bytesRead;
    }
}

;// CONCATENATED MODULE: ./src/upload/encrypt-file.ts














/**
 * One file through a fresh data key and IV, AES in one streaming pass, and upload. The
 * plaintext key is zeroed when the pass ends, whether it succeeded or not.
 */
async function encryptAndUpload(file, config, deps) {
    const cipherBytes = (0,crypto_cipher/* ciphertextLength */.V6)(config.mode, file.bytes);
    // A file too big for 10,000 parts of the configured size gets larger parts.
    const partSizeBytes = (0,sizing/* partSizeFor */.oV)(cipherBytes, config.partSizeBytes);
    if (deps.budget && partSizeBytes > deps.budget.totalBytes) {
        throw new errors/* FileError */.f6(file.relativePath, 'upload', new Error(`${file.bytes} bytes need parts of ${(0,sizing/* formatMiB */.av)(partSizeBytes)} to stay within 10,000 parts, more than max-memory-mib (${(0,sizing/* formatMiB */.av)(deps.budget.totalBytes)}); raise max-memory-mib to at least ${(0,sizing/* minBudgetFor */.lG)(partSizeBytes, file.bytes) / 2 ** 20}`));
    }
    // The file's read and cipher buffers come out of the run's budget too.
    const releaseStream = await deps.budget?.reserve((0,sizing/* streamBytesFor */.Jf)(file.bytes), deps.signal);
    try {
        return await encryptReserved(file, config, deps, cipherBytes, partSizeBytes);
    }
    finally {
        releaseStream?.();
    }
}
async function encryptReserved(file, config, deps, cipherBytes, partSizeBytes) {
    // The file's first S3 request finds its connection open when the data key is made.
    void (0,connection_warmup/* warmForBucket */.R2)(deps.s3, file.bucket);
    const madeAgain = partsMadeAgain(file, config, deps, cipherBytes, partSizeBytes);
    const dataKey = await makeDataKey({
        kms: deps.kms,
        kmsKeyArn: config.kmsKeyArn,
        keyBytes: config.keyBytes,
        source: config.keySource,
    }).catch((error) => {
        throw new errors/* FileError */.f6(file.relativePath, 'data key', error);
    });
    const iv = (0,external_node_crypto_.randomBytes)(config.ivBytes);
    const decryption = {
        DecryptionMode: config.mode,
        EncryptedDecryptionKey: Buffer.from(dataKey.encrypted).toString('base64'),
        InitializationVector: iv.toString('base64'),
    };
    if (config.kmsKeyRegion !== config.region)
        decryption.KmsKeyRegion = config.kmsKeyRegion;
    const digest = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    let sha256 = '';
    async function* hashed() {
        // Failing inside the stream makes the upload abort instead of storing a torn file.
        for await (const chunk of readListed(file, sizing/* READ_CHUNK_BYTES */.Vn)) {
            digest.update(chunk);
            bytes += chunk.length;
            yield chunk;
        }
        sha256 = digest.digest('hex');
        if (deps.plaintextSha256 !== undefined && sha256 !== deps.plaintextSha256) {
            throw new Error('file changed while being read: its SHA-256 differs from the first read');
        }
    }
    /** The upload of `source`: parts made again, or the ciphertext stream. */
    const request = (source, partBytes) => ({
        s3: deps.s3,
        bucket: file.bucket,
        key: file.key,
        ...source,
        contentType: contentTypeOf(file.relativePath),
        // Called when the first request goes out: a file sent in one PutObject has been read whole
        // by then, and its SHA-256 goes with it; a multipart upload's first part has been read, and
        // the SHA-256 of what was read so far goes with it (the digest's state copied).
        metadata: () => {
            const whole = deps.plaintextSha256 ?? sha256;
            const known = whole
                ? { sha256: whole }
                : bytes > 0
                    ? { head: { bytes, sha256: digest.copy().digest('hex') } }
                    : {};
            return (0,object_metadata/* objectMetadata */.dx)({
                decryption,
                kmsKeyRegion: config.kmsKeyRegion,
                plaintext: { bytes: file.bytes, ...known },
                ...(deps.runKey === undefined ? {} : { runKey: deps.runKey }),
            });
        },
        partSizeBytes: partBytes,
        expectedBytes: cipherBytes,
        ...(deps.budget ? { budget: deps.budget } : {}),
        ...(deps.clock ? { now: () => deps.clock.now() } : {}),
        ...(config.sse ? { sse: config.sse } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
        ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
    });
    let handle;
    let plan;
    try {
        if (await madeAgain) {
            handle = await openListed(file);
            await expectUnchanged(handle, file, 'since it was listed');
            // Parts made again cost no buffer: they may be larger, to fill whole rounds of the window.
            const partBytes = (0,sizing/* wholeRoundsPartSize */.fB)(cipherBytes, partSizeBytes, deps.budget.fairShare(1));
            plan = planCtrParts(hashed(), { handle, key: dataKey.plaintext, iv, partBytes });
            await uploadStream(request({ parts: plan.parts }, partBytes));
        }
        else {
            const cipher = { mode: config.mode, key: dataKey.plaintext, iv };
            // The upload copies each chunk into its part before asking for the next one.
            const body = (0,crypto_cipher/* encrypt */.w)(hashed(), cipher, { transient: true });
            await uploadStream(request({ body }, partSizeBytes));
        }
    }
    catch (error) {
        throw new errors/* FileError */.f6(file.relativePath, 'upload', error);
    }
    finally {
        // No attempt reads the file or uses the key once the upload has ended.
        plan?.close();
        await handle?.close();
        dataKey.destroy();
    }
    return {
        relativePath: file.relativePath,
        bytes,
        plaintextSha256: sha256,
        s3Uri: `s3://${file.bucket}/${file.key}`,
        decryption,
    };
}
/**
 * Whether the file's parts are made again at send time instead of held in buffers
 * (upload/ctr-parts.ts): AES_CTR, more than one part, a run budget to lease from, a CRC32 of
 * our own for each part's header, a client of ours (its handler opens the parts' bodies), and
 * https, where the payload is not hashed for the signature.
 */
async function partsMadeAgain(file, config, deps, cipherBytes, partSizeBytes) {
    if (config.mode !== 'AES_CTR' || cipherBytes <= partSizeBytes)
        return false;
    if (!deps.budget || !crc32 || !(0,timeouts/* opensReopenableBodies */.jq)(deps.s3))
        return false;
    return (0,connection_warmup/* sendsOverTls */.Vj)(deps.s3, file.bucket);
}

// EXTERNAL MODULE: ./src/upload/progress.ts
var upload_progress = __webpack_require__(60850);
;// CONCATENATED MODULE: ./src/pipeline/encrypt-all.ts








/** Encrypts and uploads `files`; returns the results and failures, each in file order. */
async function encryptAll(files, config, clients, deps, hooks) {
    const budget = new memory_budget/* MemoryBudget */.ND(config.memoryBudgetBytes, config.partsInFlight);
    const concurrency = config.concurrency ??
        (0,sizing/* autoConcurrency */.VA)(files.map((f) => (0,crypto_cipher/* ciphertextLength */.V6)(config.mode, f.bytes)), config.partSizeBytes, config.memoryBudgetBytes);
    deps.log.info(`${concurrency} file(s) at once${config.concurrency === undefined ? ' (auto)' : ''}, buffers within ${(0,sizing/* formatMiB */.av)(config.memoryBudgetBytes)} (max-memory-mib), ${(0,sizing/* formatMiB */.av)(config.partSizeBytes)} parts, at most ${config.partsInFlight} in flight`);
    const settled = await (0,pool/* mapPool */.P)(files, concurrency, async (file, index) => {
        if (deps.signal?.aborted)
            throw new Error('canceled before it started');
        let result;
        try {
            result = await processFile(file, index, config, clients, deps, budget, hooks);
        }
        catch (error) {
            const message = (0,errors/* messageOf */.bD)(error).replace(`${file.relativePath}: `, '');
            await deps.log.group(file.relativePath, async () => deps.log.warning(`${file.relativePath}: ${message}`));
            await hooks.record(index, { relativePath: file.relativePath, message });
            throw error;
        }
        await hooks.record(index, result);
        return result;
    }, config.failFast);
    const results = [];
    const failures = [];
    settled.forEach((outcome, i) => {
        const relativePath = files[i].relativePath;
        if (outcome === undefined) {
            failures.push({ relativePath, message: 'not started: fail-fast stopped the batch' });
        }
        else if (outcome.ok) {
            results.push(outcome.value);
        }
        else {
            const message = (0,errors/* messageOf */.bD)(outcome.error).replace(`${relativePath}: `, '');
            failures.push({ relativePath, message });
        }
    });
    return { results, failures };
}
async function processFile(file, index, config, clients, deps, budget, hooks) {
    const done = await hooks.settled?.(file, index);
    if (done)
        return done;
    // Progress lines go out live; each file's outcome is one group, written when it ends so
    // that files in flight together do not interleave inside each other's groups.
    const progress = new upload_progress/* Progress */.k(file, deps.log, deps.clock);
    const decision = await decideUpload(file, config, clients.s3, deps.signal);
    if (!decision.upload) {
        await deps.log.group(file.relativePath, async () => logSkipped(decision.result, deps.log));
        return decision.result;
    }
    if (decision.replacing) {
        deps.log.debug(`replacing the object of ${file.relativePath}: ${decision.replacing}`);
    }
    const result = await encryptAndUpload(file, config, {
        kms: clients.kms,
        s3: clients.s3,
        budget,
        clock: deps.clock,
        runKey: deps.runKey,
        onProgress: (n) => progress.update(n),
        ...(deps.signal ? { signal: deps.signal } : {}),
        ...(decision.plaintextSha256 ? { plaintextSha256: decision.plaintextSha256 } : {}),
    });
    await deps.log.group(file.relativePath, async () => {
        progress.done(result.s3Uri);
        deps.log.info(`${result.decryption.DecryptionMode}, ${config.keyBytes * 8}-bit data key from ${config.keySource === 'kms' ? 'KMS GenerateDataKey' : 'the runner, encrypted by KMS'}, ${config.ivBytes}-byte IV`);
        deps.log.info(`plaintext SHA-256 ${result.plaintextSha256}`);
    });
    return result;
}

// EXTERNAL MODULE: ./src/pipeline/jobs.ts + 1 modules
var jobs = __webpack_require__(79093);
// EXTERNAL MODULE: ./src/pipeline/run-identity.ts
var run_identity = __webpack_require__(98662);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-mediaconvert/dist-cjs/index.js
var client_mediaconvert_dist_cjs = __webpack_require__(55156);
;// CONCATENATED MODULE: ./src/job/earlier-jobs.ts
/**
 * Resume: the jobs an earlier attempt of this run created (or sent CreateJob for just before
 * it was killed) for requests this attempt is about to send. A request's ClientRequestToken
 * is derived from the run's key and the whole request (job/request.ts): the same request for
 * the same object has the same token in every attempt. MediaConvert answers a repeated token
 * with the first job for one minute only; past that, ListJobs finds the job by its token,
 * checked against the run's key in its UserMetadata.
 */


/** A job that ended so has done nothing a new one would repeat: it is replaced, not kept. */
const REPLACED = new Set(['ERROR', 'CANCELED']);
/**
 * Jobs created since `since` whose token is one of the requests', by request index. Lists
 * jobs newest first and stops at the first one older than `since`.
 */
async function findEarlierJobs(mc, requests, runKey, since, log) {
    const byToken = new Map();
    requests.forEach((r, i) => {
        if (r.ClientRequestToken)
            byToken.set(r.ClientRequestToken, i);
    });
    const found = new Map();
    let NextToken;
    do {
        const page = await mc.send(new client_mediaconvert_dist_cjs/* ListJobsCommand */.uPg({
            MaxResults: 20,
            Order: 'DESCENDING',
            ...(NextToken ? { NextToken } : {}),
        }));
        for (const job of page.Jobs ?? []) {
            if (job.CreatedAt && job.CreatedAt < since)
                return found;
            const index = job.ClientRequestToken ? byToken.get(job.ClientRequestToken) : undefined;
            if (index === undefined || !job.Id || job.UserMetadata?.[limits/* RUN_USER_METADATA */.Ok] !== runKey) {
                continue;
            }
            const status = job.Status ?? 'SUBMITTED';
            if (REPLACED.has(status)) {
                log.info(`job ${job.Id} of an earlier attempt ended ${status}: a new one is created`);
                continue;
            }
            // Newest first: a newer job for the same request stays the one found.
            if (!found.has(index)) {
                found.set(index, { id: job.Id, arn: job.Arn ?? '', status, request: requests[index] });
            }
        }
        NextToken = page.NextToken;
    } while (NextToken);
    return found;
}

;// CONCATENATED MODULE: ./src/upload/earlier-object.ts



/** The earlier attempt's object of `file`, or undefined when the file must be uploaded. */
async function earlierObject(file, config, s3, runKey, journal, signal) {
    const existing = await headObject(s3, file, signal, 'resume');
    if (!existing)
        return undefined;
    const stored = (0,object_metadata/* readObjectMetadata */.XY)(existing.metadata, config.region);
    const { decryption } = stored;
    if (stored.runKey !== runKey ||
        stored.mode !== config.mode ||
        !decryption ||
        stored.bytes !== file.bytes ||
        existing.contentLength !== (0,crypto_cipher/* ciphertextLength */.V6)(config.mode, file.bytes)) {
        return undefined;
    }
    const recorded = stored.sha256 ??
        (journal && sameKey(journal.decryption, decryption) ? journal.plaintextSha256 : undefined);
    const head = recorded === undefined ? stored.head : undefined;
    const local = await hashFile(file, head?.bytes);
    if (recorded !== undefined && recorded !== local.sha256)
        return undefined;
    if (head !== undefined && head.sha256 !== local.head)
        return undefined;
    return {
        result: {
            relativePath: file.relativePath,
            bytes: local.bytes,
            plaintextSha256: local.sha256,
            s3Uri: `s3://${file.bucket}/${file.key}`,
            decryption,
            resumed: true,
        },
        ...(existing.lastModified ? { lastModified: existing.lastModified } : {}),
        checked: recorded !== undefined ? 'sha256' : head !== undefined ? { head: head.bytes } : 'size',
    };
}
/** Same data key and IV: the same upload (both are fresh for every upload). */
function sameKey(a, b) {
    return (a.EncryptedDecryptionKey === b.EncryptedDecryptionKey &&
        a.InitializationVector === b.InitializationVector);
}

;// CONCATENATED MODULE: ./src/upload/stale-uploads.ts
/**
 * Resume: the incomplete multipart uploads an earlier attempt left (a kill leaves the upload
 * in flight, and its parts are billed until aborted). Those at the keys of this run's files,
 * under the destination prefix, are aborted before this attempt starts an upload of its own:
 * whatever is there then was started before it.
 */



/** Every incomplete upload under `prefix` at one of `keys`, page by page. */
async function listStaleUploads(s3, bucket, prefix, keys) {
    const found = [];
    let KeyMarker;
    let UploadIdMarker;
    for (;;) {
        const page = await s3.send(new dist_cjs/* ListMultipartUploadsCommand */.mo2({
            Bucket: bucket,
            Prefix: prefix,
            ...(KeyMarker === undefined ? {} : { KeyMarker }),
            ...(UploadIdMarker === undefined ? {} : { UploadIdMarker }),
        }));
        for (const upload of page.Uploads ?? []) {
            if (!upload.Key || !upload.UploadId || !keys.has(upload.Key))
                continue;
            found.push({
                key: upload.Key,
                uploadId: upload.UploadId,
                ...(upload.Initiated ? { initiated: upload.Initiated } : {}),
            });
        }
        if (!page.IsTruncated)
            return found;
        KeyMarker = page.NextKeyMarker;
        UploadIdMarker = page.NextUploadIdMarker;
        if (KeyMarker === undefined && UploadIdMarker === undefined)
            return found;
    }
}
/** Aborts `uploads`; returns a line for each that could not be aborted. */
async function abortStaleUploads(s3, bucket, uploads) {
    const settled = await (0,pool/* mapPool */.P)(uploads, 8, (u) => s3.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket: bucket, Key: u.key, UploadId: u.uploadId })));
    const problems = [];
    settled.forEach((outcome, i) => {
        if (outcome?.ok)
            return;
        const u = uploads[i];
        const why = outcome ? (0,errors/* messageOf */.bD)(outcome.error) : 'not attempted';
        problems.push(`the incomplete upload ${u.uploadId} of s3://${bucket}/${u.key} an earlier attempt left could not be aborted (${why}); it stays until an AbortIncompleteMultipartUpload lifecycle rule removes it`);
    });
    return problems;
}

;// CONCATENATED MODULE: ./src/pipeline/resume.ts





/** Clocks differ between the runner, S3 and MediaConvert: a job is looked for this much earlier. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** The earlier attempt's manifest, when it belongs to this run: its files by S3 URI. */
function journalEntries(earlier, run) {
    const entries = new Map();
    const record = earlier?.run;
    if (record?.key !== run.key || !Array.isArray(earlier?.files))
        return entries;
    for (const file of earlier.files) {
        if (typeof file.s3Uri === 'string' &&
            typeof file.plaintextSha256 === 'string' &&
            file.decryption) {
            entries.set(file.s3Uri, {
                plaintextSha256: file.plaintextSha256,
                decryption: file.decryption,
            });
        }
    }
    return entries;
}
/**
 * Looks at what earlier attempts left, and aborts their incomplete uploads. Read-only but for
 * the aborts; to be called once the journal has its first write and before any upload.
 */
async function prepareResume(files, config, clients, run, journal, log, signal) {
    const problems = [];
    let unreadable;
    const settled = await (0,pool/* mapPool */.P)(files, 16, (file) => earlierObject(file, config, clients.s3, run.key, journal.get(`s3://${file.bucket}/${file.key}`), signal));
    const done = new Map();
    settled.forEach((outcome, i) => {
        if (outcome?.ok && outcome.value)
            done.set(i, outcome.value);
        else if (outcome && !outcome.ok)
            unreadable ??= (0,errors/* messageOf */.bD)(outcome.error);
    });
    if (unreadable !== undefined) {
        log.warning(`resume: some objects could not be checked, and their files are uploaded again: ${unreadable}`);
    }
    for (const [i, found] of done) {
        log.info(`${files[i].relativePath}: complete in S3 from an earlier attempt, not uploaded again${checkedText(found.checked)}`);
    }
    const { bucket, prefix } = config.destination;
    const keys = new Set(files.map((f) => f.key));
    const stale = await listStaleUploads(clients.s3, bucket, prefix, keys).catch((error) => {
        log.warning(`resume: cannot list incomplete uploads (${(0,errors/* messageOf */.bD)(error)}; it needs s3:ListBucketMultipartUploads): any an earlier attempt left stay until a lifecycle rule removes them`);
        return [];
    });
    problems.push(...(await abortStaleUploads(clients.s3, bucket, stale)));
    log.info(`resuming attempt ${run.attempt} of this run: ${done.size} of ${files.length} file(s) complete from an earlier attempt, ${stale.length} incomplete upload(s) it left aborted`);
    return {
        settled: (index) => done.get(index)?.result,
        problems,
        async jobs(requests) {
            const times = [...done.values()].map((d) => d.lastModified?.getTime() ?? run.startedAt);
            // Only a request for an object an earlier attempt made can have a job already.
            if (times.length === 0)
                return new Map();
            const since = new Date(Math.min(...times) - CLOCK_SKEW_MS);
            return findEarlierJobs(clients.mediaconvert, requests, run.key, since, log).catch((error) => {
                log.warning(`resume: cannot list jobs (${(0,errors/* messageOf */.bD)(error)}; it needs mediaconvert:ListJobs): a job an earlier attempt created more than a minute ago is created again`);
                return new Map();
            });
        },
    };
}
/** What the resume log says of how a complete object was matched to its file. */
function checkedText(checked) {
    if (checked === 'sha256')
        return '';
    if (checked === 'size')
        return ' (same size; its SHA-256 was not recorded)';
    return ` (same size and same first ${checked.head} bytes; its whole SHA-256 was not recorded)`;
}

;// CONCATENATED MODULE: ./src/pipeline/job-stream.ts




class JobStream {
    deps;
    waiting = [];
    pending = [];
    problems = [];
    refused = new Map();
    inFlight = 0;
    created = 0;
    constructor(deps) {
        this.deps = deps;
    }
    /** Creates the job of the file at `fileIndex`, now or once fewer than the limit are in flight. */
    add(fileIndex, result) {
        this.pending.push(this.create(fileIndex, result));
    }
    /** Waits for every job added; returns a problem line for each that could not be created. */
    async finish() {
        await Promise.all(this.pending);
        this.deps.ordered?.();
        const lines = this.problems.sort(([a], [b]) => a - b).map(([, line]) => line);
        for (const [why, files] of this.refused) {
            lines.push(this.created === 0 ? `no job was created: ${why}` : `${files} file(s) got no job: ${why}`);
        }
        return lines;
    }
    async create(fileIndex, result) {
        await this.slot();
        try {
            const why = this.deps.refusal();
            if (why !== undefined) {
                this.refused.set(why, (this.refused.get(why) ?? 0) + 1);
                return;
            }
            const [request] = buildRequests(this.deps.plan, [result], this.deps.runKey);
            try {
                const job = await (0,create_and_wait/* createJob */._S)(this.deps.mediaconvert, request);
                this.created += 1;
                await this.deps.record(fileIndex, job);
                this.deps.log.info(`job ${job.id} created (1 input(s))`);
            }
            catch (error) {
                this.problems.push([fileIndex, `${result.s3Uri}: ${(0,errors/* messageOf */.bD)(error)}`]);
            }
        }
        finally {
            this.release();
        }
    }
    async slot() {
        if (this.inFlight < jobs/* CREATE_JOB_CONCURRENCY */.dc) {
            this.inFlight += 1;
            return;
        }
        await new Promise((resolve) => this.waiting.push(resolve));
    }
    /** Hands the slot to the next waiting job, or frees it. */
    release() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.inFlight -= 1;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/run.ts




















/**
 * The whole flow. Throws for bad inputs and files (before any AWS request), and for a job
 * template or queue that does not exist (checked with read-only requests before any data key
 * or upload); after that it always returns a report of what succeeded, with `failure` set
 * when something did not. Once `signal` fires no new file starts, no job is created and the
 * wait for jobs stops. The manifest is the run's journal: written before the first request,
 * then recorded after each object completed and each job created, in its log between whole
 * writes (report/journal.ts).
 */
async function runPipeline(config, deps) {
    const downloads = [];
    try {
        return await runFlow(config, deps, downloads);
    }
    finally {
        await removeDownloads(downloads, deps.log);
    }
}
async function runFlow(config, deps, downloads) {
    const files = await listFiles(config, deps, downloads);
    const plan = config.job ? await loadJobPlan(config.job, files.length) : undefined;
    if (plan)
        refuseUnusableInputs(files);
    const requestBytes = plan ? JSON.stringify(plan.base).length : 0;
    const target = await (0,manifest_target/* checkManifestTarget */.j)(config.manifestPath, files, (0,report_journal/* manifestRoom */.Z)(files.length, requestBytes));
    await deps.checkOutputs?.({ files: files.length, requestBytes });
    const run = deps.run ?? (0,run_identity/* freshRun */.o3)(deps.clock.now());
    const report = {
        region: config.region,
        run: {
            key: run.key,
            attempt: run.attempt,
            startedAt: new Date(run.startedAt).toISOString(),
            state: 'running',
        },
        files: [],
        failures: [],
        jobs: [],
    };
    const journal = new report_journal/* Journal */.C(config.manifestPath, (0,manifest_text/* manifestSource */.p)(report));
    // Stops new side effects when the journal can no longer record them, as a cancel does.
    const stop = new AbortController();
    const signal = deps.signal ? AbortSignal.any([deps.signal, stop.signal]) : stop.signal;
    // Every request carries the step's cancel: none starts after it, those in flight are cut.
    const clients = (0,abort/* abortWith */.lA)(deps.clients(), signal);
    const { log } = deps;
    for (const warning of doubtfulChoices(config))
        log.warning(warning);
    for (const note of plan?.notes ?? [])
        (note.warning ? log.warning : log.info)(note.text);
    if (config.job && plan) {
        await (0,create_and_wait/* checkJobResources */.pD)(clients.mediaconvert, (0,jobs/* jobResources */.T1)(config.job, plan), log);
    }
    if (!config.dryRun) {
        // The journal's first write, after the read-only checks and before any side effect: the
        // run stops here if it cannot keep one.
        await journal.commit().catch((error) => {
            throw new errors/* InputError */.dz('manifest', error.message);
        });
    }
    const resume = run.resuming && !config.dryRun
        ? await prepareResume(files, config, clients, run, journalEntries(deps.earlier ?? target.earlier, run), log, signal)
        : undefined;
    log.info(`${files.length} file(s) to encrypt with ${config.mode}, ${config.keyBytes * 8}-bit keys, ${config.ivBytes}-byte IVs` +
        (config.shard ? ` (shard ${config.shard.index}/${config.shard.count})` : ''));
    if (config.partSizeReducedFrom !== undefined) {
        log.warning(`part-size-mib ${config.partSizeReducedFrom / 2 ** 20} does not fit twice in max-memory-mib ${config.memoryBudgetBytes / 2 ** 20}: parts of ${(0,sizing/* formatMiB */.av)(config.partSizeBytes)} are used instead (raise max-memory-mib to ${(0,sizing/* minBudgetFor */.lG)(config.partSizeReducedFrom) / 2 ** 20} to keep the part size)`);
    }
    if (config.dryRun) {
        const dryRun = await planDryRun(files, config, plan, clients.s3, signal);
        (0,report_plan/* logPlan */.uH)(dryRun, log);
        const planned = { region: config.region, files: [], failures: [], jobs: [], dryRun };
        await (0,manifest_text/* writeManifest */.H)(config.manifestPath, planned);
        const failure = (0,report_plan/* planFailure */.Mx)(dryRun);
        return failure === undefined ? { report: planned } : { report: planned, failure };
    }
    const onRecord = async () => {
        await journal.commit().catch((error) => stop.abort(error));
    };
    const stream = plan?.layout === 'per-file' && !resume
        ? jobStream(plan, run, clients, report, onRecord, log, () => stop.signal.aborted
            ? 'the manifest could not record them'
            : deps.signal?.aborted
                ? 'the step was interrupted'
                : undefined)
        : undefined;
    const { results, failures } = await encryptAll(files, config, clients, { ...deps, signal, runKey: run.key }, {
        ...(resume ? { settled: async (_file, index) => resume.settled(index) } : {}),
        record: async (index, outcome) => {
            // In the order they end; in file order once every file has (below).
            if ('message' in outcome)
                report.failures.push(outcome);
            else
                report.files.push(outcome);
            await onRecord();
            // The object is on record: its job may go now, while other files upload.
            if (!('message' in outcome))
                stream?.add(index, outcome);
        },
    });
    report.files = results;
    report.failures = failures;
    const problems = failures.map((f) => `${f.relativePath}: ${f.message}`);
    problems.push(...(resume?.problems ?? []));
    if (stream) {
        problems.push(...(await stream.finish()));
    }
    else if (plan && results.length > 0) {
        if (stop.signal.aborted) {
            problems.push('no job was created: the manifest could not record them');
        }
        else if (deps.signal?.aborted) {
            // The runner is canceling the step: new jobs would only be billed and left unwatched.
            problems.push('no job was created: the step was interrupted');
        }
        else if (plan.layout === 'single' && failures.length > 0) {
            problems.push('no job was created: job-layout single needs every file');
        }
        else {
            problems.push(...(await makeJobs(plan, results, run, clients, report, onRecord, deps, resume)));
        }
    }
    if (report.jobs.length > 0 && !stop.signal.aborted) {
        await deps.onJobs?.(report.jobs.map((j) => j.id));
    }
    if (config.wait && report.jobs.length > 0 && !stop.signal.aborted) {
        problems.push(...(await (0,jobs/* waitAndReport */.LG)(config, clients, report, { ...deps, signal })));
    }
    report.run.state = 'finished';
    // Whole, without its log: the manifest of a run that ended stands alone.
    await journal.finish().catch(() => undefined);
    if (journal.broken)
        problems.push(unrecorded(journal.broken.message, report.jobs, log));
    return problems.length === 0
        ? { report }
        : { report, failure: summarize(problems, failures.length) };
}
async function makeJobs(plan, results, run, clients, report, onRecord, deps, resume) {
    const requests = buildRequests(plan, results, run.key);
    const found = resume ? await resume.jobs(requests) : undefined;
    const byRequest = [];
    return (0,jobs/* createJobs */.bD)(requests, clients.mediaconvert, async (index, job) => {
        byRequest[index] = job;
        report.jobs.push(job);
        await onRecord();
    }, deps.log, found).finally(() => {
        // In request order once every job is made.
        report.jobs = byRequest.filter((j) => j !== undefined);
    });
}
/** Per-file jobs created as their objects go on record (pipeline/job-stream.ts). */
function jobStream(plan, run, clients, report, onRecord, log, refusal) {
    const byFile = [];
    return new JobStream({
        plan,
        runKey: run.key,
        mediaconvert: clients.mediaconvert,
        log,
        refusal,
        record: async (fileIndex, job) => {
            byFile[fileIndex] = job;
            report.jobs.push(job);
            await onRecord();
        },
        // In file order once every job is made.
        ordered: () => {
            report.jobs = byFile.filter((j) => j !== undefined);
        },
    });
}
/**
 * The failure when the manifest could not be written: the errno, and every job ID on a line
 * of its own in the log, where a later step or a person can still find them.
 */
function unrecorded(why, jobs, log) {
    if (jobs.length > 0) {
        log.warning(`the manifest could not record the ${jobs.length} job(s) created; their IDs:`);
        for (const job of jobs)
            log.info(job.id);
    }
    return `the manifest could not be written, and the run stopped there: ${why}${jobs.length > 0 ? ` (the IDs of the ${jobs.length} job(s) created are in the log)` : ''}`;
}
/** Files a job could not use once encrypted, refused before any of them is uploaded. */
function refuseUnusableInputs(files) {
    for (const file of files) {
        const problem = encryptedInputProblem(file.key);
        if (problem !== undefined)
            throw new errors/* InputError */.dz('files', `'${file.relativePath}' ${problem}`);
    }
}
async function listFiles(config, deps, downloads) {
    let root = deps.workspace;
    if (config.artifact) {
        if (!deps.artifacts) {
            throw new errors/* InputError */.dz('artifact', 'works only inside a GitHub Actions run; outside it, download the files first and use `files`');
        }
        root = await downloadArtifact(await deps.artifacts(), config.artifact, deps.tempDir, {
            ...(config.artifactSource ? { source: config.artifactSource } : {}),
            onFolder: (folder) => downloads.push(folder),
            onWarning: (message) => deps.log.warning(message),
        });
        deps.log.info(`artifact '${config.artifact}' downloaded to ${root}`);
    }
    return findFiles({
        root,
        patterns: config.patterns,
        destination: config.destination,
        mode: config.mode,
        includeHidden: config.includeHiddenFiles,
        onWarning: (message) => deps.log.warning(message),
        ...(config.shard ? { shard: config.shard } : {}),
    });
}
function summarize(problems, failedFiles) {
    const head = failedFiles > 0 ? `${failedFiles} file(s) failed` : 'the run did not complete';
    // One line per problem: a name or service message with a line break stays inside its line.
    return `${head}:\n${problems.map((p) => `- ${(0,safe_text/* oneLine */.TN)(p)}`).join('\n')}`;
}


/***/ })

};
