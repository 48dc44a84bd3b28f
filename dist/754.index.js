export const id = 754;
export const ids = [754];
export const modules = {

/***/ 96963:
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

/***/ 19754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hostDeps: () => (/* binding */ hostDeps)
/* harmony export */ });
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(629);
/* harmony import */ var _shared_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66103);
/* harmony import */ var _pipeline_run_identity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98662);
/* harmony import */ var _aws_request_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3);
/* harmony import */ var _aws_credentials_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96963);
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


/***/ })

};
