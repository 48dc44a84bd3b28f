export const id = 513;
export const ids = [513];
export const modules = {

/***/ 6591:
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

/***/ 3:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ logRequests)
/* harmony export */ });
/**
 * Identifying request members that are safe to print. An allowlist on purpose: KMS
 * GenerateDataKey answers and Encrypt requests carry the plaintext data key, and S3 bodies the
 * media, so nothing that is not named here is ever logged.
 */
const SAFE_MEMBERS = [
    'Bucket',
    'Key',
    'PartNumber',
    'UploadId',
    'KeyId',
    'KeySpec',
    'NumberOfBytes',
    'Id',
    'Name',
    'ClientRequestToken',
];
/**
 * One debug line per AWS request attempt: service, operation, safe identifiers, HTTP status or
 * error, and time taken. The AWS SDK for JavaScript v3 has no environment switch for logging,
 * and its own `logger` option prints inputs and outputs whole (S3 bodies included), so this
 * is what the action offers when step debug logging is on.
 */
function logRequests(clients, debug) {
    for (const [service, client] of Object.entries(clients)) {
        const stack = client.middlewareStack;
        stack.add((next, context) => async (args) => {
            const started = Date.now();
            const head = `aws ${service} ${context.commandName?.replace(/Command$/, '') ?? '?'}${describeInput(args.input)}`;
            try {
                const result = await next(args);
                const status = result.response?.statusCode;
                debug(`${head} -> ${status ?? 'ok'} (${Date.now() - started} ms)`);
                return result;
            }
            catch (error) {
                debug(`${head} -> ${describeError(error)} (${Date.now() - started} ms)`);
                throw error;
            }
        }, 
        // Inside the retry loop (one line per attempt), outside the deserializer (parsed errors).
        { step: 'deserialize', priority: 'high', name: 'mediaconvertEncryptDebugLog' });
    }
}
function describeInput(input) {
    const members = input;
    const parts = [];
    for (const name of SAFE_MEMBERS) {
        const value = members[name];
        if (typeof value === 'string' || typeof value === 'number')
            parts.push(`${name}=${value}`);
    }
    return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}
function describeError(error) {
    if (!(error instanceof Error))
        return 'failed';
    const status = error.$metadata?.httpStatusCode;
    return `${error.name}${status ? ` ${status}` : ''}: ${error.message}`;
}


/***/ }),

/***/ 7513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   objectsDeps: () => (/* binding */ objectsDeps)
/* harmony export */ });
/* harmony import */ var _aws_abort_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6591);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3453);
/* harmony import */ var _aws_request_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3);
/* harmony import */ var _shared_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6103);




function objectsDeps(config, env, options) {
    const debug = (line) => options.log.debug(line);
    const s3 = (0,_aws_abort_js__WEBPACK_IMPORTED_MODULE_2__/* .abortWith */ .lA)({ s3: (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .makeS3Client */ .QW)(config, env) }, options.signal).s3;
    if (options.logRequests)
        (0,_aws_request_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logRequests */ .P)({ s3 }, debug);
    const kmsByRegion = new Map();
    const kms = (region) => {
        let client = kmsByRegion.get(region);
        if (!client) {
            client = (0,_aws_abort_js__WEBPACK_IMPORTED_MODULE_2__/* .abortWith */ .lA)({ kms: (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .makeKmsClient */ .n)(region, config.network) }, options.signal).kms;
            if (options.logRequests)
                (0,_aws_request_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logRequests */ .P)({ kms: client }, debug);
            kmsByRegion.set(region, client);
        }
        return client;
    };
    return { s3, kms, log: options.log, clock: _shared_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m, signal: options.signal };
}


/***/ }),

/***/ 6103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};


/***/ })

};
