export const id = 754;
export const ids = [754];
export const modules = {

/***/ 6963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JP: () => (/* binding */ credentialExpiry),
/* harmony export */   iD: () => (/* binding */ expiryWarning),
/* harmony export */   r_: () => (/* binding */ isExpiredToken)
/* harmony export */ });
/** The expiry of the credentials `client` signs with, when they have one. */
async function credentialExpiry(client) {
    const provider = client.config.credentials;
    if (typeof provider !== 'function')
        return undefined;
    try {
        const resolved = (await provider()) ?? {};
        return resolved.expiration instanceof Date ? resolved.expiration : undefined;
    }
    catch {
        // No credentials at all fail the first request, with the SDK's own message.
        return undefined;
    }
}
/** A request refused because the session token has expired. */
function isExpiredToken(error) {
    const { name, Code, code } = error;
    return [name, Code, code].some((v) => typeof v === 'string' && /^ExpiredToken/.test(v));
}
/**
 * The warning before a wait that can outlive the credentials, with the figures; undefined
 * when they outlast the wait's limit (or have no expiry).
 */
function expiryWarning(expiry, now, waitMs) {
    if (!expiry)
        return undefined;
    const left = expiry.getTime() - now;
    if (left >= waitMs)
        return undefined;
    const minutes = (ms) => `${Math.max(0, Math.round(ms / 60_000))} min`;
    return `the AWS credentials expire at ${expiry.toISOString()}, in ${minutes(left)}, and wait-timeout lets this wait last ${minutes(waitMs)}: jobs still running then are waited for no longer (ExpiredToken), though they go on. Credentials from an OIDC role cannot be refreshed inside a step: give the role a longer session (role-duration-seconds), or wait in a later step with wait-only (docs/interrupted-runs.md)`;
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

/***/ 9754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hostDeps: () => (/* binding */ hostDeps)
/* harmony export */ });
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3453);
/* harmony import */ var _shared_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6103);
/* harmony import */ var _pipeline_run_identity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8662);
/* harmony import */ var _aws_request_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3);
/* harmony import */ var _aws_credentials_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6963);
/**
 * `runPipeline()`'s dependencies on this machine: AWS SDK clients from the environment (with one debug
 * line per request when asked), the real clock, the log, the cancel signal and the folders.
 */





/** `runPipeline()`'s dependencies on this machine: SDK clients from the environment, the real clock. */
function hostDeps(config, env, options) {
    return {
        clients: () => {
            const clients = (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .makeClients */ .nv)(config, env);
            if (options.logRequests)
                (0,_aws_request_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logRequests */ .P)(clients, (line) => options.log.debug(line));
            return clients;
        },
        log: options.log,
        clock: _shared_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m,
        workspace: options.workspace,
        tempDir: options.tempDir,
        signal: options.signal,
        run: options.run ?? (0,_pipeline_run_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .runIdentityFrom */ .ie)(env, _shared_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m.now()),
        ...(options.artifacts ? { artifacts: options.artifacts } : {}),
        ...(options.checkOutputs ? { checkOutputs: options.checkOutputs } : {}),
        ...(options.onJobs ? { onJobs: options.onJobs } : {}),
        ...(options.earlier ? { earlier: options.earlier } : {}),
        credentialExpiry: (clients) => (0,_aws_credentials_js__WEBPACK_IMPORTED_MODULE_4__/* .credentialExpiry */ .JP)(clients.mediaconvert),
    };
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
