export const id = 799;
export const ids = [799];
export const modules = {

/***/ 6597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nv: () => (/* binding */ makeClients),
  n: () => (/* binding */ makeKmsClient),
  QW: () => (/* binding */ makeS3Client)
});

// UNUSED EXPORTS: signChecksumNotPayload

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-kms/dist-cjs/index.js
var dist_cjs = __webpack_require__(2632);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-mediaconvert/dist-cjs/index.js
var client_mediaconvert_dist_cjs = __webpack_require__(5156);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./node_modules/agent-base/dist/index.js
var dist = __webpack_require__(8894);
// EXTERNAL MODULE: ./node_modules/http-proxy-agent/dist/index.js
var http_proxy_agent_dist = __webpack_require__(1970);
// EXTERNAL MODULE: ./node_modules/https-proxy-agent/dist/index.js
var https_proxy_agent_dist = __webpack_require__(3669);
// EXTERNAL MODULE: ./src/inputs/proxy.ts
var inputs_proxy = __webpack_require__(3553);
;// CONCATENATED MODULE: ./src/aws/proxy-agents.ts






/** Socket options the SDK's own agents use: keep-alive, up to 50 sockets per host. */
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 50 };
/**
 * An agent that sends each request through `proxy` unless NO_PROXY names its host. Requests
 * to http:// endpoints go to the proxy as absolute URIs (GET http://host/path), to https://
 * endpoints through a CONNECT tunnel.
 */
class RoutingAgent extends dist.Agent {
    noProxy;
    direct;
    viaProxy;
    constructor(secure, proxy, noProxy) {
        super(AGENT_OPTIONS);
        this.noProxy = noProxy;
        this.direct = secure ? new (external_node_https_default()).Agent(AGENT_OPTIONS) : new (external_node_http_default()).Agent(AGENT_OPTIONS);
        if (proxy) {
            this.viaProxy = secure
                ? new https_proxy_agent_dist.HttpsProxyAgent(proxy, AGENT_OPTIONS)
                : new http_proxy_agent_dist.HttpProxyAgent(proxy, AGENT_OPTIONS);
        }
    }
    connect(_req, options) {
        const port = options.port ?? (options.secureEndpoint ? 443 : 80);
        if (!this.viaProxy || (0,inputs_proxy/* bypassesProxy */.Zt)(options.host ?? '', port, this.noProxy)) {
            return this.direct;
        }
        return this.viaProxy;
    }
    destroy() {
        this.direct.destroy();
        this.viaProxy?.destroy();
        super.destroy();
    }
}
/** Agents for the SDK's request handler, or undefined when no proxy is configured at all. */
function proxyAgents(settings) {
    if (!settings.http && !settings.https)
        return undefined;
    return {
        httpAgent: new RoutingAgent(false, settings.http, settings.noProxy),
        httpsAgent: new RoutingAgent(true, settings.https, settings.noProxy),
    };
}

// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-cjs/index.js
var node_http_handler_dist_cjs = __webpack_require__(1279);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
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
 * https and is a byte buffer larger than one slice; else `request` itself.
 */
function pacedRequest(request) {
    const { body } = request;
    if (request.protocol !== 'https:' || !(body instanceof Uint8Array))
        return request;
    if (body.byteLength <= SLICE_BYTES)
        return request;
    // A copy of the request: the SDK resends the original on a retry, so its body stays a buffer.
    return Object.assign(Object.create(Object.getPrototypeOf(request)), request, {
        body: slices(body),
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
        this.inner = new node_http_handler_dist_cjs.NodeHttpHandler({
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
        try {
            const result = await this.inner.handle(pacedRequest(request), {
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
            if (timedOut)
                throw totalTimeout(limitMs);
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

// EXTERNAL MODULE: ./src/shared/version.ts
var version = __webpack_require__(9189);
;// CONCATENATED MODULE: ./src/aws/client-options.ts



/**
 * Options every SDK client of this tool gets: retries, user agent, and a request handler of
 * its own with the time limits of `request-timeout` and the proxy agents, if any.
 */
function clientOptions(network) {
    const agents = proxyAgents(network.proxy);
    return {
        maxAttempts: network.maxAttempts,
        retryMode: network.retryMode,
        customUserAgent: [[version/* USER_AGENT_NAME */.I, version/* VERSION */.x]],
        requestHandler: new BoundedHandler(network.requestTimeoutMs, agents ?? {}),
    };
}

;// CONCATENATED MODULE: ./src/aws/proxy-auth.ts
/**
 * A proxy that refuses the request for want of the right credentials. The SDK would read the
 * proxy's HTML page as the service's answer and fail with `SyntaxError: Unexpected token '<'`;
 * this says what happened instead, once, without a retry (a wrong password stays wrong).
 *
 * Proxies answer 407 Proxy Authentication Required; tinyproxy answers a wrong password with
 * 401 and a Basic challenge. No AWS endpoint asks for Basic credentials, so on a request that
 * went through a proxy either answer is the proxy's.
 */

/** The message for a refusal by `proxy`, with the status it answered. */
function proxyAuthMessage(proxy, status) {
    const answer = status === 407
        ? 'HTTP 407 Proxy Authentication Required'
        : `HTTP ${status} with a Basic challenge`;
    if (proxy.username !== '' || proxy.password !== '') {
        return `the proxy ${(0,inputs_proxy/* shownProxy */.qb)(proxy)} refused the credentials (${answer}): check the user name and password in the http-proxy input or HTTPS_PROXY / HTTP_PROXY (a / @ : # ? % in them percent-encoded)`;
    }
    return `the proxy ${(0,inputs_proxy/* shownProxy */.qb)(proxy)} asks for credentials (${answer}) and none were given: put them in the proxy URL, http://user:password@host:port`;
}
/** The proxy `request` went through, or undefined when it went directly. */
function proxyOf(request, settings) {
    const secure = request.protocol === 'https:';
    const proxy = secure ? settings.https : settings.http;
    const port = request.port ?? (secure ? 443 : 80);
    if (!proxy || (0,inputs_proxy/* bypassesProxy */.Zt)(request.hostname ?? '', port, settings.noProxy))
        return undefined;
    return proxy;
}
function isRefusal(response) {
    if (response.statusCode === 407)
        return true;
    const challenge = response.headers?.['www-authenticate'] ?? '';
    return response.statusCode === 401 && /^\s*basic\b/i.test(challenge);
}
/**
 * Adds the check to each client: in the deserialize step, below the SDK's deserializer, so it
 * sees the raw answer before the deserializer tries to parse the proxy's page.
 */
function checkProxyAuthentication(clients, settings) {
    for (const client of clients) {
        const stack = client.middlewareStack;
        stack.add((next) => async (args) => {
            const out = await next(args);
            const response = out.response;
            const proxy = proxyOf(args.request, settings);
            if (proxy && isRefusal(response)) {
                // Unread, the page would hold its keep-alive socket, and the process, open until
                // the proxy drops it.
                response.body?.destroy?.();
                const status = response.statusCode;
                throw Object.assign(new Error(proxyAuthMessage(proxy, status)), {
                    $fault: 'client',
                    $metadata: { httpStatusCode: status },
                });
            }
            return out;
        }, { step: 'deserialize', priority: 'low', name: 'proxyAuthentication' });
    }
}

;// CONCATENATED MODULE: ./src/aws/clients.ts






/**
 * SDK clients from the default credential chain. Endpoints come from the SDK's own
 * AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> variables; a custom S3 endpoint gets
 * path-style addressing, which S3-compatible servers expect. Retries (CreateJob repeats keep
 * their request token), proxy and user agent come from config.network.
 */
function makeClients(config, env) {
    return {
        s3: makeS3Client(config, env),
        // Data keys are made where the KMS key lives; MediaConvert is told that region if it differs.
        kms: makeKmsClient(config.kmsKeyRegion, config.network),
        mediaconvert: withProxyCheck(new client_mediaconvert_dist_cjs/* MediaConvertClient */.dU0({ ...clientOptions(config.network), region: config.region }), config.network),
    };
}
/** The S3 client: path-style for a custom endpoint, no 100-continue, checksums signed over TLS. */
function makeS3Client(config, env) {
    const customS3 = Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL);
    const s3 = new client_s3_dist_cjs/* S3Client */.YxF({
        ...clientOptions(config.network),
        region: config.region,
        forcePathStyle: customS3,
        // No `Expect: 100-continue`: with it the SDK's handler sends each request on a new,
        // non-keep-alive connection (a TCP handshake, and on TLS a handshake more, per part), then
        // waits one round trip more for the 100 before the body. Over a 40 ms round trip that
        // made every part and every small file pay two or three round trips for nothing.
        expectContinueHeader: false,
    });
    s3.middlewareStack.addRelativeTo(signChecksumNotPayload, {
        relation: 'before',
        toMiddleware: 'httpSigningMiddleware',
        name: 'signChecksumNotPayload',
    });
    return withProxyCheck(s3, config.network);
}
/** A KMS client of one region (KMS keys are regional). */
function makeKmsClient(region, network) {
    return withProxyCheck(new dist_cjs/* KMSClient */.pgq({ ...clientOptions(network), region }), network);
}
/**
 * What every client gets after it is made: a proxy that refuses the credentials is named as
 * such (not parsed as the service's answer), and a request that times out names its operation
 * and the limit.
 */
function withProxyCheck(client, network) {
    const { proxy } = network;
    if (proxy.http || proxy.https)
        checkProxyAuthentication([client], proxy);
    nameTimeouts(client, network.requestTimeoutMs);
    return client;
}
/**
 * Over https, a body that carries an x-amz-checksum-* header (upload/multipart.ts puts a CRC32 on every
 * part; the SDK adds one by default elsewhere) is signed as UNSIGNED-PAYLOAD: the signature
 * covers the checksum header, TLS protects the bytes in transit and S3 checks the checksum
 * against every byte, so SigV4 need not hash the body with SHA-256 as well. That second pass
 * over each part cost about as much CPU as the encryption. Over plain http (a local or
 * S3-compatible endpoint) nothing but the payload hash binds the body to the signature, so
 * there the SDK's payload hash stays, as it does for bodies without a checksum.
 */
function signChecksumNotPayload(next) {
    return (args) => {
        const { headers, protocol } = args.request;
        if (protocol === 'https:' &&
            headers &&
            Object.keys(headers).some((name) => name.startsWith('x-amz-checksum-'))) {
            headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
        }
        return next(args);
    };
}


/***/ }),

/***/ 5799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  conformance: () => (/* binding */ conformance)
});

// UNUSED EXPORTS: CONFORMANCE_HELP

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/aws/clients.ts + 5 modules
var clients = __webpack_require__(6597);
// EXTERNAL MODULE: ./src/inputs/config.ts + 2 modules
var inputs_config = __webpack_require__(6605);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/pool.ts
var pool = __webpack_require__(5135);
// EXTERNAL MODULE: ./src/shared/safe-text.ts
var safe_text = __webpack_require__(6054);
;// CONCATENATED MODULE: ./src/conformance/cases.ts
const MODE_IVS = [
    ['AES_CTR', 16],
    ['AES_CTR', 12],
    ['AES_CBC', 16],
    ['AES_GCM', 16],
    ['AES_GCM', 12],
];
const KEY_BITS = [128, 192, 256];
const CASES = MODE_IVS.flatMap(([mode, ivBytes]) => KEY_BITS.map((keyBits) => ({
    name: `${mode}-iv${ivBytes}-key${keyBits}`,
    mode,
    ivBytes,
    keyBits,
})));
/**
 * The cases a `--cases` list names (comma-separated names, or `all`). Throws on an unknown
 * name, listing the accepted ones.
 */
function selectCases(list) {
    const names = list
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n !== '');
    if (names.length === 0 || names.includes('all'))
        return [...CASES];
    const unknown = names.filter((n) => !CASES.some((c) => c.name === n));
    if (unknown.length > 0) {
        throw new Error(`--cases: ${unknown.map((n) => JSON.stringify(n)).join(', ')} is not a case; use all or any of ${CASES.map((c) => c.name).join(', ')}`);
    }
    return CASES.filter((c) => names.includes(c.name));
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
;// CONCATENATED MODULE: ./src/conformance/clean-up.ts
/** Removes what a conformance run made: every object under its own run prefix, and nothing else. */

async function removePrefix(s3, bucket, prefix) {
    if (!prefix.includes('conformance-')) {
        throw new Error(`refusing to remove under '${prefix}': not a conformance run's prefix`);
    }
    let removed = 0;
    let token;
    do {
        const page = await s3.send(new dist_cjs/* ListObjectsV2Command */.u6x({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        for (const object of page.Contents ?? []) {
            if (!object.Key)
                continue;
            await s3.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: bucket, Key: object.Key }));
            removed += 1;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return removed;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/conformance/media.ts
/** The conformance clip, made and measured with ffmpeg and ffprobe from PATH. */


const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** A clip of `seconds` (H.264 320x240 and AAC in MP4), as a user's master would be. */
async function makeClip(file, seconds) {
    const args = [
        ['-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=320x240:rate=30`],
        ['-f', 'lavfi', '-i', `sine=frequency=1000:duration=${seconds}`],
        ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'],
        ['-loglevel', 'error', '-y', file],
    ].flat();
    try {
        await run('ffmpeg', args, { timeout: 120_000 });
    }
    catch (error) {
        throw new Error(`making the test clip with ffmpeg failed (is ffmpeg on PATH?): ${toolError(error)}`);
    }
}
/** The container's duration in seconds, by ffprobe; throws when the file does not decode. */
async function probeDuration(file) {
    let stdout;
    try {
        ({ stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { timeout: 60_000 }));
    }
    catch (error) {
        throw new Error(`ffprobe could not read it: ${toolError(error)}`);
    }
    const seconds = Number(stdout.trim());
    if (!Number.isFinite(seconds) || seconds <= 0) {
        throw new Error(`ffprobe found no duration (${JSON.stringify(stdout.trim().slice(0, 40))})`);
    }
    return seconds;
}
function toolError(error) {
    const e = error;
    return (e.stderr?.trim() || e.message || String(error)).split('\n')[0].slice(0, 300);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/host/pipeline.ts + 1 modules
var pipeline = __webpack_require__(3450);
;// CONCATENATED MODULE: ./src/conformance/job-settings.ts
/**
 * The tiny job every conformance case runs: one MP4 rendition (H.264 320x240, AAC), about the
 * cheapest output MediaConvert makes. The ciphertext input's DecryptionSettings are filled in
 * by the action as for any job.
 */
function conformanceJobSettings(outputPrefix) {
    return {
        Settings: {
            Inputs: [
                {
                    AudioSelectors: { 'Audio Selector 1': { DefaultSelection: 'DEFAULT' } },
                    VideoSelector: {},
                    TimecodeSource: 'ZEROBASED',
                },
            ],
            OutputGroups: [
                {
                    Name: 'File Group',
                    OutputGroupSettings: {
                        Type: 'FILE_GROUP_SETTINGS',
                        FileGroupSettings: { Destination: outputPrefix },
                    },
                    Outputs: [
                        {
                            NameModifier: '-conformance',
                            ContainerSettings: { Container: 'MP4', Mp4Settings: {} },
                            VideoDescription: {
                                Width: 320,
                                Height: 240,
                                CodecSettings: {
                                    Codec: 'H_264',
                                    H264Settings: { RateControlMode: 'CBR', Bitrate: 400000 },
                                },
                            },
                            AudioDescriptions: [
                                {
                                    CodecSettings: {
                                        Codec: 'AAC',
                                        AacSettings: {
                                            Bitrate: 96000,
                                            CodingMode: 'CODING_MODE_2_0',
                                            SampleRate: 48000,
                                        },
                                    },
                                },
                            ],
                        },
                    ],
                },
            ],
        },
        UserMetadata: { pipeline: 'mediaconvert-encrypt-conformance' },
    };
}

;// CONCATENATED MODULE: ./src/conformance/run-case.ts
/**
 * One conformance case: the action's own pipeline encrypts the clip with the case's mode, IV
 * and key length, uploads it and creates a job that waits to its end; the job's MP4 output is
 * then fetched and decoded (ffprobe), and its duration compared with the clip's.
 */










/** How far the output's duration may be from the clip's. */
const DURATION_TOLERANCE_SECONDS = 0.2;
async function runCase(c, target) {
    const result = {
        case: c.name,
        mode: c.mode,
        ivBytes: c.ivBytes,
        keyBits: c.keyBits,
        status: 'NOT_CREATED',
        verdict: 'failed',
    };
    const settingsFile = external_node_path_default().join(target.workDir, `${c.name}.job.json`);
    await (0,promises_.writeFile)(settingsFile, JSON.stringify(conformanceJobSettings(`${target.prefix}out/`)));
    const raw = {
        files: 'clip.mp4',
        'kms-key-arn': target.kmsKeyArn,
        destination: target.prefix,
        mode: c.mode,
        'iv-length': String(c.ivBytes),
        'key-length': String(c.keyBits),
        'role-arn': target.roleArn,
        'job-settings': settingsFile,
        wait: 'true',
        'wait-timeout': String(target.waitTimeoutSeconds),
        manifest: external_node_path_default().join(target.workDir, `${c.name}.manifest.json`),
        ...(target.region ? { region: target.region } : {}),
    };
    const env = { ...target.env, RUNNER_TEMP: target.workDir };
    try {
        const config = (0,inputs_config/* parseConfig */.o4)(raw, env);
        const { runPipeline, hostDeps } = await (0,pipeline/* loadPipeline */.Bp)();
        const outcome = await runPipeline(config, hostDeps(config, env, {
            log: target.log,
            signal: target.signal,
            workspace: target.workDir,
            tempDir: target.workDir,
        }));
        const { report } = outcome;
        const job = report.jobs[0];
        const end = report.outcomes?.[0];
        if (job)
            result.jobId = job.id;
        if (end) {
            result.status = end.status;
            if (end.errorCode !== undefined)
                result.errorCode = end.errorCode;
            if (end.errorMessage !== undefined)
                result.errorMessage = end.errorMessage;
        }
        if (result.status !== 'COMPLETE') {
            result.problem = outcome.failure ?? `the job ended ${result.status}`;
            return result;
        }
        const output = report.finished?.[0]?.outputs.find((o) => o.kind === 'file')?.uri;
        if (!output) {
            result.problem = 'the job is COMPLETE but names no MP4 output';
            return result;
        }
        result.output = output;
        const local = external_node_path_default().join(target.workDir, `${c.name}.out.mp4`);
        await download(target.s3, output, local, target.signal);
        result.outputSeconds = await probeDuration(local);
        const off = Math.abs(result.outputSeconds - target.clipSeconds);
        if (off > DURATION_TOLERANCE_SECONDS) {
            result.problem = `the output lasts ${result.outputSeconds.toFixed(3)} s, the clip ${target.clipSeconds.toFixed(3)} s`;
            return result;
        }
        result.verdict = 'passed';
    }
    catch (error) {
        result.problem = (0,errors/* messageOf */.bD)(error);
    }
    return result;
}
async function download(s3, uri, file, signal) {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
    if (!match)
        throw new Error(`not an S3 URI: ${uri}`);
    const object = await s3.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: match[1], Key: match[2] }), {
        abortSignal: signal,
    });
    await (0,external_node_stream_promises_.pipeline)(object.Body, (0,external_node_fs_.createWriteStream)(file));
}

;// CONCATENATED MODULE: ./src/conformance/table.ts
/** The conformance results as a plain-text table: case, job ID, status, error code, verdict. */

function resultTable(results) {
    const rows = [
        ['case', 'job ID', 'status', 'error code', 'verdict'],
        ...results.map((r) => [
            r.case,
            r.jobId ?? '-',
            r.status,
            r.errorCode === undefined ? '-' : String(r.errorCode),
            r.verdict,
        ]),
    ].map((row) => row.map((cell) => (0,safe_text/* oneLine */.TN)(cell)));
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
    return rows
        .map((row) => row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd())
        .join('\n');
}

;// CONCATENATED MODULE: ./src/conformance/command.ts
/**
 * `mediaconvert-encrypt conformance`: runs every conformance case against the account the
 * credentials reach (or the local stack), prints a table and writes it as JSON. Exit 0 when
 * every case passed, 1 when one failed, 2 on a bad flag (before any AWS request).
 */















const CONFORMANCE_HELP = `Usage: mediaconvert-encrypt conformance --destination s3://bucket/prefix/ --kms-key-arn ARN --role-arn ARN [options]

Runs one tiny MediaConvert job for every mode, IV length and key length this tool supports
(${CASES.length} cases), each with wait, and checks that every job is COMPLETE and that its MP4
output decodes with the test clip's duration (ffprobe). Settles the conventions MediaConvert
does not document; see docs/conformance.md. Needs ffmpeg and ffprobe on PATH.

Options:
  --destination S3URI      where the cases' objects go (a folder per run below it) (required)
  --kms-key-arn ARN        the KMS key that protects the data keys (required)
  --role-arn ARN           the role MediaConvert assumes (required)
  --region REGION          region for S3 and MediaConvert [default: AWS_REGION]
  --cases LIST             comma-separated case names, or all [default: all]
  --concurrency N          cases at once, 1 to 15 [default: 5]
  --wait-timeout SECONDS   per job [default: 900]
  --clip FILE              use this MP4 instead of making a 2-second clip
  --report FILE            where the JSON results go [default: conformance-RUN.json]
  --keep                   keep the objects and outputs (default: delete them at the end)
  -h, --help               show this help

Exit codes: 0 every case passed; 1 a case failed; 2 bad option (no AWS request was made).`;
const OPTIONS = {
    destination: { type: 'string' },
    'kms-key-arn': { type: 'string' },
    'role-arn': { type: 'string' },
    region: { type: 'string' },
    cases: { type: 'string', default: 'all' },
    concurrency: { type: 'string', default: '5' },
    'wait-timeout': { type: 'string', default: '900' },
    clip: { type: 'string' },
    report: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
};
const CLIP_SECONDS = 2;
async function conformance(argv, log, signal) {
    let values;
    try {
        ({ values } = (0,external_node_util_.parseArgs)({ args: [...argv], options: OPTIONS, strict: true }));
    }
    catch (error) {
        log.info(`error: ${(0,errors/* messageOf */.bD)(error).replace(/^TypeError[^:]*: /, '')}; see conformance --help`);
        return 2;
    }
    if (values.help) {
        process.stdout.write(`${CONFORMANCE_HELP}\n`);
        return 0;
    }
    const runId = `conformance-${new Date().toISOString().replace(/[-:]|\.\d+Z$/g, '')}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
    let cases;
    let concurrency;
    let config;
    try {
        cases = selectCases(values.cases);
        concurrency = Number(values.concurrency);
        if (!/^\d+$/.test(values.concurrency) || concurrency < 1 || concurrency > CASES.length) {
            throw new Error(`--concurrency: '${values.concurrency}' is not accepted; use 1 to ${CASES.length}`);
        }
        for (const name of ['destination', 'kms-key-arn', 'role-arn']) {
            if (!values[name])
                throw new Error(`--${name} is required; see conformance --help`);
        }
        // The case's own inputs, validated as the action validates them, before any request.
        config = (0,inputs_config/* parseConfig */.o4)({
            files: 'clip.mp4',
            destination: `${values.destination.replace(/\/?$/, '/')}${runId}/`,
            'kms-key-arn': values['kms-key-arn'],
            'role-arn': values['role-arn'],
            'wait-timeout': values['wait-timeout'],
            wait: 'true',
            // Written per case later; parseConfig reads no file.
            'job-settings': 'conformance.job.json',
            ...(values.region ? { region: values.region } : {}),
        }, { ...process.env, RUNNER_TEMP: external_node_os_default().tmpdir() });
    }
    catch (error) {
        const message = error instanceof errors/* InputError */.dz
            ? error.message.replace(/^Input `([^`]+)`/, '--$1')
            : (0,errors/* messageOf */.bD)(error);
        log.info(`error: ${message}`);
        return 2;
    }
    const runPrefix = `s3://${config.destination.bucket}/${config.destination.prefix}`;
    const workDir = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'mediaconvert-encrypt-conformance-'));
    const s3 = (0,clients/* makeClients */.nv)(config, process.env).s3;
    let results = [];
    try {
        const clip = external_node_path_default().join(workDir, 'clip.mp4');
        if (values.clip)
            await (0,promises_.copyFile)(values.clip, clip);
        else
            await makeClip(clip, CLIP_SECONDS);
        const clipSeconds = await probeDuration(clip);
        log.info(`${cases.length} case(s) under ${runPrefix}, ${concurrency} at once`);
        const selected = cases;
        const settled = await (0,pool/* mapPool */.P)(selected, concurrency, async (c) => {
            const result = await runCase(c, {
                prefix: `${runPrefix}${c.name}/`,
                kmsKeyArn: config.kmsKeyArn,
                roleArn: config.job.roleArn,
                region: config.region,
                waitTimeoutSeconds: config.waitTimeoutMs / 1000,
                workDir,
                clipSeconds,
                env: process.env,
                log: quiet(log, c.name),
                signal,
                s3,
            });
            log.info(`${c.name}: ${result.verdict}${result.problem ? ` (${result.problem})` : ''}`);
            return result;
        });
        results = settled.map((s, i) => s?.ok
            ? s.value
            : {
                case: selected[i].name,
                mode: selected[i].mode,
                ivBytes: selected[i].ivBytes,
                keyBits: selected[i].keyBits,
                status: 'NOT_CREATED',
                verdict: 'failed',
                problem: s ? (0,errors/* messageOf */.bD)(s.error) : 'not run',
            });
    }
    catch (error) {
        log.info(`error: ${(0,errors/* messageOf */.bD)(error)}`);
        return 1;
    }
    finally {
        if (!values.keep) {
            try {
                const removed = await removePrefix(s3, config.destination.bucket, config.destination.prefix);
                log.info(`removed ${removed} object(s) under ${runPrefix} (--keep keeps them)`);
            }
            catch (error) {
                log.warning(`could not remove what the run made under ${runPrefix}: ${(0,errors/* messageOf */.bD)(error)}`);
            }
        }
        else {
            log.info(`kept the objects and outputs under ${runPrefix}`);
        }
        await (0,promises_.rm)(workDir, { recursive: true, force: true });
    }
    const reportFile = values.report ?? `${runId}.json`;
    const document = {
        runId,
        prefix: runPrefix,
        kept: values.keep,
        clipSeconds: CLIP_SECONDS,
        results,
    };
    await (0,promises_.writeFile)(reportFile, `${(0,safe_text/* safeJson */.oi)(document, 2)}\n`);
    process.stdout.write(`${resultTable(results)}\n`);
    log.info(`results written to ${reportFile}`);
    return results.every((r) => r.verdict === 'passed') ? 0 : 1;
}
/** A case's pipeline log: its progress only in debug, its warnings named by the case. */
function quiet(log, name) {
    return {
        info: (m) => log.debug(`${name}: ${m}`),
        warning: (m) => log.warning(`${name}: ${m}`),
        debug: (m) => log.debug(`${name}: ${m}`),
        group: async (_title, fn) => fn(),
    };
}


/***/ }),

/***/ 5135:
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


/***/ })

};
