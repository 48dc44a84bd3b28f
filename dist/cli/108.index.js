export const id = 108;
export const ids = [108];
export const modules = {

/***/ 4561:
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

/***/ 4108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hostDeps: () => (/* binding */ hostDeps)
/* harmony export */ });
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9057);
/* harmony import */ var _shared_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4177);
/* harmony import */ var _pipeline_run_identity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84);
/* harmony import */ var _aws_request_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4561);
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
    };
}


/***/ }),

/***/ 84:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ie: () => (/* binding */ runIdentityFrom),
/* harmony export */   o3: () => (/* binding */ freshRun)
/* harmony export */ });
/* unused harmony exports resumedRun, isRunKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
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

/***/ 4177:
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
