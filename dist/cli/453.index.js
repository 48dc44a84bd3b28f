export const id = 453;
export const ids = [453];
export const modules = {

/***/ 3453:
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
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
;// CONCATENATED MODULE: ./src/aws/warm-agents.ts
/**
 * Agents that can open connections before the requests that will use them. A multipart
 * upload's first round sends a part on each of several connections at once; opened on demand,
 * each pays a TCP handshake and, over https, a TLS handshake (two round trips on a link of
 * 40 ms, plus the handshake's CPU) before its first byte. Opened while CreateMultipartUpload is
 * on its way, they are ready when the parts are (aws/connection-warmup.ts asks for them).
 *
 * A connection made ahead waits in a set of its own, not in the agent's pool of free sockets
 * (Node adds only sockets that served a request to that pool). When a request needs a new
 * connection, the agent hands it one of these instead of dialling. One nobody takes within
 * IDLE_MS is closed; one that fails is dropped without a word, as the request that would have
 * used it dials its own and reports what goes wrong then.
 */



/** Socket options the SDK's own agents use: keep-alive, up to 50 sockets per host. */
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 50 };
/** How long a connection made ahead waits for a request (S3 closes idle ones after ~20 s). */
const IDLE_MS = 10_000;
/** Connections made ahead, by the agent's name for where they go, until a request takes one. */
class ReadyConnections {
    idleMs;
    byName = new Map();
    constructor(idleMs) {
        this.idleMs = idleMs;
    }
    count(name) {
        return this.byName.get(name)?.size ?? 0;
    }
    add(name, socket) {
        let set = this.byName.get(name);
        if (!set)
            this.byName.set(name, (set = new Set()));
        set.add(socket);
        const drop = () => {
            clearTimeout(timer);
            set.delete(socket);
        };
        const timer = setTimeout(() => {
            drop();
            socket.destroy();
        }, this.idleMs);
        timer.unref();
        // Kept after the socket is taken: the request's own handlers see every error as well.
        socket.on('error', drop);
        socket.once('close', drop);
        socket.once('taken', drop);
        // Waiting here must not keep the process alive.
        socket.unref();
    }
    take(name) {
        const set = this.byName.get(name);
        for (const socket of set ?? []) {
            socket.emit('taken');
            if (socket.destroyed)
                continue;
            socket.ref();
            return socket;
        }
        return undefined;
    }
    destroy() {
        for (const set of this.byName.values())
            for (const socket of set)
                socket.destroy();
        this.byName.clear();
    }
}
function warmer(agent, ready, dial) {
    return (hostname, port, count, busy) => {
        // As Node's agent names a request's destination: the TLS server name is the host's,
        // none for an IP address.
        const options = {
            ...agent.options,
            host: hostname,
            port,
            servername: external_node_net_default().isIP(hostname) ? '' : hostname,
        };
        const name = agent.getName(options);
        const have = (agent.freeSockets[name]?.length ?? 0) + (busy ? (agent.sockets[name]?.length ?? 0) : 0);
        let opened = 0;
        for (; have + ready.count(name) < count; opened++) {
            const socket = dial({ ...options, _agentKey: name });
            if (!(socket instanceof (external_node_net_default()).Socket))
                break;
            ready.add(name, socket);
        }
        return opened;
    };
}
/** The name Node's agent gave the destination of a request it needs a connection for. */
function nameOf(agent, options) {
    return options._agentKey ?? agent.getName(options);
}
class WarmHttpsAgent extends (external_node_https_default()).Agent {
    ready;
    warm;
    constructor(options = AGENT_OPTIONS, idleMs = IDLE_MS) {
        super(options);
        this.ready = new ReadyConnections(idleMs);
        this.warm = warmer(this, this.ready, (o) => super.createConnection(o));
    }
    createConnection(options, callback) {
        return this.ready.take(nameOf(this, options)) ?? super.createConnection(options, callback);
    }
    destroy() {
        this.ready.destroy();
        super.destroy();
    }
}
class WarmHttpAgent extends (external_node_http_default()).Agent {
    ready;
    warm;
    constructor(options = AGENT_OPTIONS, idleMs = IDLE_MS) {
        super(options);
        this.ready = new ReadyConnections(idleMs);
        this.warm = warmer(this, this.ready, (o) => super.createConnection(o));
    }
    createConnection(options, callback) {
        return this.ready.take(nameOf(this, options)) ?? super.createConnection(options, callback);
    }
    destroy() {
        this.ready.destroy();
        super.destroy();
    }
}
/** Agents for a client that talks to its endpoint directly (no proxy). */
function warmAgents(idleMs = IDLE_MS) {
    return {
        httpAgent: new WarmHttpAgent(AGENT_OPTIONS, idleMs),
        httpsAgent: new WarmHttpsAgent(AGENT_OPTIONS, idleMs),
    };
}

;// CONCATENATED MODULE: ./src/aws/proxy-agents.ts







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

// EXTERNAL MODULE: ./src/aws/timeouts.ts + 1 modules
var timeouts = __webpack_require__(4622);
// EXTERNAL MODULE: ./src/shared/version.ts
var version = __webpack_require__(9189);
;// CONCATENATED MODULE: ./src/aws/client-options.ts



/**
 * Options every SDK client of this tool gets: retries, user agent, and a request handler of
 * its own with the time limits of `request-timeout` and the proxy agents, if any. `direct`
 * are the agents to use when no proxy is configured (else the SDK makes its own).
 */
function clientOptions(network, direct) {
    const agents = proxyAgents(network.proxy) ?? direct;
    return {
        maxAttempts: network.maxAttempts,
        retryMode: network.retryMode,
        customUserAgent: [[version/* USER_AGENT_NAME */.I, version/* VERSION */.x]],
        requestHandler: new timeouts/* BoundedHandler */.MG(network.requestTimeoutMs, agents ?? {}),
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

// EXTERNAL MODULE: ./src/aws/connection-warmup.ts
var connection_warmup = __webpack_require__(5714);
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
    const { proxy } = config.network;
    // Through a proxy, connections are the proxy agent's; direct ones can be opened ahead.
    const direct = proxy.http || proxy.https ? undefined : warmAgents();
    const s3 = new client_s3_dist_cjs/* S3Client */.YxF({
        ...clientOptions(config.network, direct),
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
    if (direct)
        (0,connection_warmup/* addConnectionWarmup */._)(s3, direct);
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
    (0,timeouts/* nameTimeouts */.ku)(client, network.requestTimeoutMs);
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

/***/ 5714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R2: () => (/* binding */ warmForBucket),
/* harmony export */   VR: () => (/* binding */ warmForParts),
/* harmony export */   Vj: () => (/* binding */ sendsOverTls),
/* harmony export */   _: () => (/* binding */ addConnectionWarmup)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3711);
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
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_free_buffer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1742);
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

/***/ 4622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MG: () => (/* binding */ BoundedHandler),
  ku: () => (/* binding */ nameTimeouts),
  jq: () => (/* binding */ opensReopenableBodies)
});

// UNUSED EXPORTS: MIN_BYTES_PER_SECOND, attemptLimitMs, bodyLength, describeTimeout

// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-cjs/index.js
var dist_cjs = __webpack_require__(1279);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
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

/***/ 1742:
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


/***/ })

};
