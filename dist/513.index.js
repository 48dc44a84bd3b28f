export const id = 513;
export const ids = [513];
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

/***/ 17513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   objectsDeps: () => (/* binding */ objectsDeps)
/* harmony export */ });
/* harmony import */ var _aws_abort_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(36591);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(629);
/* harmony import */ var _aws_request_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3);
/* harmony import */ var _shared_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66103);




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


/***/ })

};
