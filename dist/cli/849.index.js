export const id = 849;
export const ids = [849];
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

/***/ 7165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _S: () => (/* binding */ createJob),
/* harmony export */   dn: () => (/* binding */ failedJobsMessage),
/* harmony export */   pD: () => (/* binding */ checkJobResources),
/* harmony export */   pf: () => (/* binding */ waitForJobs)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_mediaconvert__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5156);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/* harmony import */ var _shared_safe_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6054);



/**
 * Sends one CreateJob. The SDK retries throttling and dropped connections with the same input,
 * and so with the same ClientRequestToken: the service answers a repeat with the first job.
 */
async function createJob(mc, request) {
    let job;
    try {
        job = (await mc.send(new _aws_sdk_client_mediaconvert__WEBPACK_IMPORTED_MODULE_2__/* .CreateJobCommand */ .n3k(request))).Job;
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JobError */ .CR(`CreateJob failed: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}`, { cause: error });
    }
    if (!job?.Id)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JobError */ .CR('CreateJob returned no job');
    return { id: job.Id, arn: job.Arn ?? '', status: job.Status ?? 'SUBMITTED', request };
}
/**
 * Checks that each template and queue exists, before any data key is made or byte uploaded:
 * a typo then costs one read-only request instead of a whole upload. These are the only AWS
 * requests made before the files are processed. A role that may not read templates or queues
 * gets a warning and the run goes on; CreateJob will still refuse a wrong name.
 */
async function checkJobResources(mc, resources, log) {
    for (const resource of resources) {
        const name = resource.name.replace(/^arn:[^:]+:mediaconvert:[^:]*:\d*:(jobTemplates|queues)\//, '');
        try {
            await mc.send(resource.kind === 'queue'
                ? new _aws_sdk_client_mediaconvert__WEBPACK_IMPORTED_MODULE_2__/* .GetQueueCommand */ .TWC({ Name: name })
                : new _aws_sdk_client_mediaconvert__WEBPACK_IMPORTED_MODULE_2__/* .GetJobTemplateCommand */ .Fke({ Name: name }));
        }
        catch (error) {
            const type = error instanceof Error ? error.name : '';
            if (type === 'NotFoundException') {
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RefusedInputError */ .nd(resource.input, `${resource.kind} '${resource.name}' does not exist in this region (${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)})`);
            }
            if (type === 'ForbiddenException' || type === 'AccessDeniedException') {
                log.warning(`cannot check that ${resource.kind} '${resource.name}' exists (${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}); going on`);
                continue;
            }
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JobError */ .CR(`checking ${resource.kind} '${resource.name}' failed: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}`, {
                cause: error,
            });
        }
    }
}
const TERMINAL = new Set(['COMPLETE', 'ERROR', 'CANCELED']);
const FIRST_POLL_MS = 1000;
const MAX_POLL_MS = 30_000;
/** Polls every job with backoff until all are finished, the timeout passes or the signal fires. */
async function waitForJobs(mc, ids, options) {
    const { clock, log } = options;
    const deadline = clock.now() + options.timeoutMs;
    // wait-timeout bounds the whole wait, a GetJob that hangs included: it is cut at the deadline.
    const expired = AbortSignal.timeout(options.timeoutMs);
    const abortSignal = options.signal ? AbortSignal.any([options.signal, expired]) : expired;
    const outcomes = new Map();
    const lastLine = new Map();
    let delay = FIRST_POLL_MS;
    for (;;) {
        if (options.signal?.aborted)
            return interrupted(ids, outcomes);
        if (expired.aborted)
            return timedOut(mc, ids, outcomes, options);
        for (const id of ids.filter((i) => !outcomes.has(i))) {
            let job;
            try {
                job = (await mc.send(new _aws_sdk_client_mediaconvert__WEBPACK_IMPORTED_MODULE_2__/* .GetJobCommand */ .jEM({ Id: id }), { abortSignal })).Job;
            }
            catch (error) {
                if (options.signal?.aborted)
                    return interrupted(ids, outcomes);
                if (expired.aborted)
                    return timedOut(mc, ids, outcomes, options);
                throw error;
            }
            const status = job?.Status ?? 'UNKNOWN';
            const line = describeProgress(job);
            if (lastLine.get(id) !== line)
                log.info(`job ${id}: ${line}`);
            lastLine.set(id, line);
            if (TERMINAL.has(status)) {
                outcomes.set(id, outcomeOf(id, job));
                if (job)
                    options.onFinished?.(job);
            }
        }
        if (outcomes.size === ids.length)
            return ids.map((id) => outcomes.get(id));
        const left = deadline - clock.now();
        if (left <= 0)
            return timedOut(mc, ids, outcomes, options);
        await sleepUnlessAborted(clock, Math.min(delay, left), options.signal);
        delay = Math.min(Math.round(delay * 1.5), MAX_POLL_MS);
    }
}
async function sleepUnlessAborted(clock, ms, signal) {
    if (!signal)
        return clock.sleep(ms);
    let onAbort = () => undefined;
    const aborted = new Promise((resolve) => {
        onAbort = resolve;
        signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
        await Promise.race([clock.sleep(ms), aborted]);
    }
    finally {
        signal.removeEventListener('abort', onAbort);
    }
}
/** Jobs not yet finished when the step was interrupted: left running, reported as such. */
function interrupted(ids, outcomes) {
    return ids.map((id) => outcomes.get(id) ?? {
        id,
        status: 'INTERRUPTED',
        errorMessage: 'still running when the step was interrupted (the job was not canceled)',
    });
}
async function timedOut(mc, ids, outcomes, options) {
    const running = ids.filter((id) => !outcomes.has(id));
    for (const id of running) {
        let canceled = false;
        if (options.cancelOnTimeout) {
            // One refused cancel (say the job just finished) must not lose the other outcomes.
            try {
                await mc.send(new _aws_sdk_client_mediaconvert__WEBPACK_IMPORTED_MODULE_2__/* .CancelJobCommand */ .ppP({ Id: id }));
                canceled = true;
                options.log.warning(`job ${id}: canceled after wait-timeout`);
            }
            catch (error) {
                options.log.warning(`job ${id}: CancelJob after wait-timeout failed: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}`);
            }
        }
        outcomes.set(id, {
            id,
            status: canceled ? 'CANCELED' : 'TIMED_OUT',
            errorMessage: `still running after wait-timeout (${Math.round(options.timeoutMs / 1000)} s)`,
        });
    }
    return ids.map((id) => outcomes.get(id));
}
function describeProgress(job) {
    const status = job?.Status ?? 'UNKNOWN';
    if (status !== 'PROGRESSING')
        return status;
    const phase = job?.CurrentPhase ? ` ${job.CurrentPhase}` : '';
    const percent = job?.JobPercentComplete === undefined ? '' : ` ${job.JobPercentComplete}%`;
    return `${status}${phase}${percent}`;
}
function outcomeOf(id, job) {
    const outcome = { id, status: job?.Status ?? 'UNKNOWN' };
    if (job?.ErrorCode !== undefined)
        outcome.errorCode = job.ErrorCode;
    if (job?.ErrorMessage !== undefined)
        outcome.errorMessage = job.ErrorMessage;
    return outcome;
}
/** A failure message for every job that did not complete, or undefined when all did. */
function failedJobsMessage(outcomes) {
    const failed = outcomes.filter((o) => o.status !== 'COMPLETE');
    if (failed.length === 0)
        return undefined;
    return failed
        .map((o) => {
        const code = o.errorCode === undefined ? '' : ` (error ${o.errorCode})`;
        return (0,_shared_safe_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(`job ${o.id} ended ${o.status}${code}${o.errorMessage ? `: ${o.errorMessage}` : ''}`);
    })
        .join('\n');
}


/***/ }),

/***/ 9093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dc: () => (/* binding */ CREATE_JOB_CONCURRENCY),
  bD: () => (/* binding */ createJobs),
  T1: () => (/* binding */ jobResources),
  LG: () => (/* binding */ waitAndReport)
});

// EXTERNAL MODULE: ./src/job/create-and-wait.ts
var create_and_wait = __webpack_require__(7165);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/pool.ts
var pool = __webpack_require__(5135);
;// CONCATENATED MODULE: ./src/job/delete-inputs.ts
/**
 * `delete-inputs: on-complete`: once the jobs have been waited for, each ciphertext object is
 * deleted when every job that reads it ended COMPLETE. An object read by a job that failed, was
 * canceled or is still running is kept, so the job can be resubmitted.
 */



/** Objects to delete (every reader COMPLETE) and to keep, among the jobs' inputs. */
function objectsToDelete(jobs, outcomes) {
    const status = new Map(outcomes.map((o) => [o.id, o.status]));
    const readers = new Map();
    for (const job of jobs) {
        for (const input of job.request.Settings?.Inputs ?? []) {
            if (!input.FileInput?.startsWith('s3://'))
                continue;
            readers.set(input.FileInput, [...(readers.get(input.FileInput) ?? []), job.id]);
        }
    }
    const remove = [];
    const kept = [];
    for (const [s3Uri, ids] of readers) {
        const unfinished = ids.filter((id) => status.get(id) !== 'COMPLETE');
        if (unfinished.length === 0)
            remove.push(s3Uri);
        else {
            const first = unfinished[0];
            kept.push({ s3Uri, reason: `job ${first} ended ${status.get(first) ?? 'UNKNOWN'}` });
        }
    }
    return { remove, kept };
}
async function deleteCompletedInputs(s3, jobs, outcomes, log) {
    const { remove, kept } = objectsToDelete(jobs, outcomes);
    const settled = await (0,pool/* mapPool */.P)(remove, 8, async (s3Uri) => {
        const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(s3Uri);
        if (!match)
            throw new Error('not an s3:// URI');
        await s3.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: match[1], Key: match[2] }));
    });
    const result = { deleted: [], kept, problems: [] };
    settled.forEach((outcome, i) => {
        const s3Uri = remove[i];
        if (outcome?.ok)
            result.deleted.push(s3Uri);
        else {
            const why = outcome ? (0,errors/* messageOf */.bD)(outcome.error) : 'not attempted';
            const denied = /AccessDenied|Forbidden/i.test(why) ? ' (it needs s3:DeleteObject)' : '';
            result.problems.push(`deleting ${s3Uri} (delete-inputs: on-complete) failed: ${why}${denied}`);
        }
    });
    log.info(`delete-inputs: ${result.deleted.length} ciphertext object(s) deleted, ${kept.length} kept because a job did not complete`);
    for (const k of kept)
        log.info(`kept ${k.s3Uri}: ${k.reason}`);
    return result;
}

// EXTERNAL MODULE: ./src/job/finished-jobs.ts + 2 modules
var finished_jobs = __webpack_require__(9509);
// EXTERNAL MODULE: ./src/aws/credentials.ts
var credentials = __webpack_require__(6963);
;// CONCATENATED MODULE: ./src/pipeline/jobs.ts






/** The template and queue the jobs will name, with the input each came from. */
function jobResources(job, plan) {
    const resources = [];
    const { JobTemplate, Queue } = plan.base;
    if (JobTemplate) {
        const input = job.template === undefined ? 'job-settings' : 'job-template';
        resources.push({ kind: 'job template', name: JobTemplate, input });
    }
    if (Queue) {
        resources.push({
            kind: 'queue',
            name: Queue,
            input: job.queue === undefined ? 'job-settings' : 'queue',
        });
    }
    return resources;
}
/**
 * CreateJob requests at once. Each is one round trip; with a thousand files on a link with
 * 40 ms of round trip, 4 at once spent 10 s on job creation alone.
 */
const CREATE_JOB_CONCURRENCY = 16;
/**
 * Sends `requests` (each request's job goes to `record` as soon as it exists, which resolves
 * once it is on record) and returns a problem line for each job that could not be created.
 * `found`: jobs an earlier attempt created for some of the requests, by index; they are
 * recorded as they are, not created again.
 */
async function createJobs(requests, mediaconvert, record, log, found = new Map()) {
    const problems = [];
    const created = await (0,pool/* mapPool */.P)(requests, CREATE_JOB_CONCURRENCY, async (request, i) => {
        const earlier = found.get(i);
        const job = earlier ?? (await (0,create_and_wait/* createJob */._S)(mediaconvert, request));
        await record(i, job);
        const inputs = job.request.Settings?.Inputs?.length ?? 0;
        log.info(earlier
            ? `job ${job.id} found, created by an earlier attempt of this run (${inputs} input(s))`
            : `job ${job.id} created (${inputs} input(s))`);
        return job;
    });
    created.forEach((outcome, i) => {
        if (outcome?.ok)
            return;
        const inputs = (requests[i].Settings?.Inputs ?? []).map((input) => input.FileInput).join(', ');
        problems.push(`${inputs}: ${outcome ? (0,errors/* messageOf */.bD)(outcome.error) : 'not attempted'}`);
    });
    return problems;
}
/**
 * Waits for the report's jobs, then deletes the inputs of those that completed when asked.
 * Fills report.finished, report.outcomes and report.deletion; returns the problems. A failed
 * poll must not lose the report: the jobs exist, and a re-run would duplicate them.
 */
async function waitAndReport(settings, clients, report, deps) {
    const problems = [];
    const finished = [];
    report.finished = finished;
    const expiry = await deps.credentialExpiry?.(clients);
    const warning = (0,credentials/* expiryWarning */.iD)(expiry, deps.clock.now(), settings.waitTimeoutMs);
    if (warning)
        deps.log.warning(warning);
    // What each job reads, from GetJob: jobs known by ID only (wait-only) have no request.
    const inputsOf = new Map();
    const outcomes = await (0,create_and_wait/* waitForJobs */.pf)(clients.mediaconvert, report.jobs.map((j) => j.id), {
        timeoutMs: settings.waitTimeoutMs,
        cancelOnTimeout: settings.cancelOnTimeout,
        clock: deps.clock,
        log: deps.log,
        ...(deps.signal ? { signal: deps.signal } : {}),
        onFinished: (job) => {
            finished.push((0,finished_jobs/* finishedJobOf */.Vd)(job));
            const files = (job.Settings?.Inputs ?? []).map((i) => i.FileInput ?? '');
            if (job.Id)
                inputsOf.set(job.Id, files);
        },
    }).catch((error) => {
        problems.push(waitFailed(error, report));
        return undefined;
    });
    if (!outcomes)
        return problems;
    report.outcomes = outcomes;
    const failedJobs = (0,create_and_wait/* failedJobsMessage */.dn)(outcomes);
    if (failedJobs)
        problems.push(failedJobs);
    if (settings.deleteInputs === 'on-complete') {
        const jobs = report.jobs.map((job) => job.request.Settings?.Inputs
            ? job
            : {
                ...job,
                request: {
                    ...job.request,
                    Settings: {
                        Inputs: (inputsOf.get(job.id) ?? []).map((FileInput) => ({ FileInput })),
                    },
                },
            });
        report.deletion = await deleteCompletedInputs(clients.s3, jobs, outcomes, deps.log);
        problems.push(...report.deletion.problems);
    }
    return problems;
}
/** How many running jobs a failure names before it points at the outputs for the rest. */
const NAMED_JOBS = 20;
/**
 * Why the wait stopped. When the credentials expired, the jobs still run: the message names
 * them and says how a later step with fresh credentials waits for them.
 */
function waitFailed(error, report) {
    if (!(0,credentials/* isExpiredToken */.r_)(error))
        return `waiting for jobs failed: ${(0,errors/* messageOf */.bD)(error)}`;
    const done = new Set((report.finished ?? []).map((f) => f.id));
    const running = report.jobs.map((j) => j.id).filter((id) => !done.has(id));
    const more = running.length - NAMED_JOBS;
    const named = `${running.slice(0, NAMED_JOBS).join(', ')}${more > 0 ? ` and ${more} more (all in the job-ids output and the manifest)` : ''}`;
    return `the AWS credentials expired while waiting (${(0,errors/* messageOf */.bD)(error)}); the ${running.length} job(s) still running go on: ${named}. To wait for them with fresh credentials, run a later step or job with \`wait-only: true\` and \`job-ids: \${{ steps.<this step's id>.outputs.job-ids }}\` (see docs/interrupted-runs.md)`;
}


/***/ }),

/***/ 8632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QM: () => (/* binding */ WriteError),
/* harmony export */   UQ: () => (/* binding */ errnoOf),
/* harmony export */   Yw: () => (/* binding */ syncFolder),
/* harmony export */   v8: () => (/* binding */ writeDurably)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * Writing a file so that a crash (a kill, a power cut, a full disk) at any moment leaves
 * either its old content or its new content, whole, and never a torn mix: the way databases
 * write their control files. Errors name the file and the errno.
 */



/** An errno as a reader can act on it: `ENOSPC (no space left on device)`. */
function errnoOf(error) {
    const { code, message } = error;
    if (typeof code !== 'string')
        return typeof message === 'string' ? message : String(error);
    // Node's messages read "ENOSPC: no space left on device, write": keep the description.
    const description = typeof message === 'string' ? /^[A-Z]+: ([^,]+)/.exec(message)?.[1] : '';
    return description ? `${code} (${description})` : code;
}
/** A write of one of the run's own files failed; the message names the file and the errno. */
class WriteError extends Error {
    file;
    constructor(file, cause) {
        super(`cannot write '${file}': ${errnoOf(cause)}`, { cause });
        this.file = file;
        this.name = 'WriteError';
    }
}
/**
 * Writes `content` to `file`: a temporary file beside it is written and fsync'd, renamed over
 * `file`, and the folder fsync'd so that the rename itself survives a crash. The folder is
 * created first when missing. Throws a WriteError; the temporary file is removed.
 */
async function writeDurably(file, content) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file);
    const temp = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `.${node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(file)}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(temp, 'wx', 0o644);
        try {
            if (typeof content === 'string')
                await handle.writeFile(content, 'utf8');
            // libuv writes every piece, IOV_MAX at a time, until all bytes are out.
            else
                await handle.writev([...content]);
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, file);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true }).catch(() => undefined);
        throw new WriteError(file, error);
    }
    await syncFolder(dir).catch((error) => {
        throw new WriteError(file, error);
    });
}
/** fsync of a folder: what makes a rename in it durable. Not every file system allows it. */
async function syncFolder(dir) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(dir, 'r');
    try {
        await handle.sync().catch((error) => {
            // Some file systems cannot fsync a folder; their renames are as durable as they get.
            if (error.code !== 'EINVAL' && error.code !== 'EISDIR' && error.code !== 'EPERM') {
                throw error;
            }
        });
    }
    finally {
        await handle.close();
    }
}


/***/ }),

/***/ 9673:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ Journal),
/* harmony export */   Z: () => (/* binding */ manifestRoom)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _durable_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8632);
/* harmony import */ var _manifest_log_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7794);
/**
 * The run's journal: the manifest and its log (manifest-log.ts), written durably each time a
 * side effect has happened (an object complete, a job created), and before the side effect
 * that depends on it starts. A run killed at any moment leaves a manifest that, with its log
 * folded in, lists every object it completed and every job it created, up to the last one
 * being written.
 *
 * Writes are grouped, as a database groups commits: while one write is on its way, every
 * record asked for meanwhile waits for the next write, which carries them all. Files that
 * finish together cost one write, not one each. A write appends what changed to the log, or
 * writes the manifest whole (a checkpoint) when the log would outgrow it: so each entry is
 * written a few times in all, whatever the batch, instead of once per write.
 */





function waiter() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
    });
    // A commit nobody awaits must not end the process as an unhandled rejection.
    promise.catch(() => undefined);
    return { promise, resolve, reject };
}
/** The log may grow to this before a checkpoint, however small the manifest. */
const MIN_LOG_BYTES = 64 * 1024;
class Journal {
    file;
    writing = false;
    next;
    failure;
    source;
    /** The log's lines carry it: a log left by another run or attempt is never folded in. */
    id = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex');
    /** The number of the last write (checkpoint or record), as its mark or its line carries it. */
    seq = 0;
    checkpointBytes = -1;
    logBytes = 0;
    log;
    finishing = false;
    /** Writes made so far (the first one included). */
    writes = 0;
    /**
     * @param file where the manifest goes; its log goes beside it (`FILE.log`).
     * @param source the manifest's content as of now, read when a write starts (a function:
     *   the whole content, written whole each time).
     */
    constructor(file, source) {
        this.file = file;
        this.source = typeof source === 'function' ? { whole: source } : source;
    }
    /** The first failed write, once there is one: no write is attempted after it. */
    get broken() {
        return this.failure;
    }
    /**
     * Resolves once the state as of this call is on disk (a later write may carry it); rejects
     * with the WriteError that stopped the journal.
     */
    commit() {
        if (this.failure)
            return Promise.reject(this.failure);
        this.next ??= waiter();
        const { promise } = this.next;
        if (!this.writing)
            this.start();
        return promise;
    }
    /**
     * The run's last write: the manifest whole and without a mark, so that it stands alone, then
     * the log is removed. Every write after it is whole too.
     */
    finish() {
        this.finishing = true;
        return this.commit();
    }
    start() {
        const batch = this.next;
        if (!batch)
            return;
        this.next = undefined;
        if (this.failure) {
            batch.reject(this.failure);
            return;
        }
        this.writing = true;
        this.write().then((wrote) => {
            if (wrote)
                this.writes += 1;
            this.writing = false;
            batch.resolve();
            this.start();
        }, (error) => {
            this.failure = error;
            this.writing = false;
            batch.reject(error);
            this.start();
        });
    }
    /**
     * One write: the state as of now, as a record of the log or as a checkpoint. False when
     * nothing changed since the last write began (it has ended: the state is on disk).
     */
    async write() {
        // Read every time, so that the next record holds only what changed after this write.
        const changes = this.source.changes?.();
        const appendable = changes !== undefined && !this.finishing && this.checkpointBytes >= 0;
        if (appendable && Object.keys(changes).length === 0)
            return false;
        this.seq += 1;
        if (appendable) {
            const line = `${JSON.stringify({ id: this.id, seq: this.seq, ...changes })}\n`;
            const bytes = Buffer.byteLength(line);
            if (this.logBytes + bytes <= Math.max(MIN_LOG_BYTES, this.checkpointBytes)) {
                await this.append(line);
                this.logBytes += bytes;
                return true;
            }
        }
        await this.checkpoint(Boolean(changes) && !this.finishing);
        return true;
    }
    /** The manifest whole (with the mark when a log may follow), then the log emptied. */
    async checkpoint(marked) {
        const content = this.source.whole(marked ? { id: this.id, seq: this.seq } : undefined);
        await (0,_durable_file_js__WEBPACK_IMPORTED_MODULE_3__/* .writeDurably */ .v8)(this.file, content);
        this.checkpointBytes =
            typeof content === 'string'
                ? Buffer.byteLength(content)
                : content.reduce((sum, piece) => sum + piece.byteLength, 0);
        this.logBytes = 0;
        const logFile = (0,_manifest_log_js__WEBPACK_IMPORTED_MODULE_4__/* .logPathOf */ .Tw)(this.file);
        try {
            if (marked && this.log) {
                // Records up to here are in the manifest: a reader skips them if they stay.
                await this.log.truncate(0);
                await this.log.datasync();
            }
            else if (!marked || this.writes === 0) {
                // The last write, or the first one: a log beside the manifest is left over (this
                // run's, or an earlier run's, whose id differs); the manifest stands without it.
                await this.log?.close();
                this.log = undefined;
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(logFile, { force: true });
            }
        }
        catch (error) {
            throw new _durable_file_js__WEBPACK_IMPORTED_MODULE_3__/* .WriteError */ .QM(logFile, error);
        }
    }
    /** Appends one record to the log and flushes it; the first one creates the log. */
    async append(line) {
        const logFile = (0,_manifest_log_js__WEBPACK_IMPORTED_MODULE_4__/* .logPathOf */ .Tw)(this.file);
        try {
            if (!this.log) {
                this.log = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(logFile, 'a', 0o644);
                // The new file's name must survive a crash as well as its content.
                await (0,_durable_file_js__WEBPACK_IMPORTED_MODULE_3__/* .syncFolder */ .Yw)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(logFile));
            }
            await this.log.write(line);
            await this.log.datasync();
        }
        catch (error) {
            throw new _durable_file_js__WEBPACK_IMPORTED_MODULE_3__/* .WriteError */ .QM(logFile, error);
        }
    }
}
/** What the manifest of a file takes, besides its job's request: path, key, URI, settings. */
const BYTES_PER_FILE = 1536;
/**
 * Free space the manifest needs, at its largest, for `files` files and one job request of
 * `requestBytes` each: three times its size, as the previous copy stays until the new one
 * replaces it, and the log grows to the manifest's size before a checkpoint.
 */
function manifestRoom(files, requestBytes) {
    return 3 * (4096 + files * (BYTES_PER_FILE + requestBytes));
}


/***/ }),

/***/ 8119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  j: () => (/* binding */ checkManifestTarget)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/report/durable-file.ts
var durable_file = __webpack_require__(8632);
;// CONCATENATED MODULE: ./src/report/writable.ts
/**
 * Checks, before any AWS request, that a file the run must write at the end (the manifest,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) can be written: a regular file that may be appended to,
 * or a new file in a folder where files can be made, with room for what will go there. A
 * FIFO or a folder in its place, a parent that is a file, a read-only or full file system
 * are found here, not after the jobs were created.
 */





/** A file system call's value or its error (errors may come from another realm under test). */
async function attempt(call) {
    return call.then((ok) => ({ ok }), (error) => ({ error }));
}
/** What a path is, in words, when it is not a regular file. */
function kindOf(info) {
    if (info.isDirectory())
        return 'a folder';
    if (info.isFIFO())
        return 'a FIFO (named pipe)';
    if (info.isSocket())
        return 'a socket';
    if (info.isCharacterDevice() || info.isBlockDevice())
        return 'a device';
    return 'not a regular file';
}
/**
 * Why `file` cannot be written, or undefined when it can. `neededBytes`: what will be written
 * to it (a free-space check on its file system; 0 skips it). `createFolder`: a missing folder
 * will be made (the manifest's); else it must exist (GITHUB_OUTPUT's).
 */
async function unwritableReason(file, options = {}) {
    // stat, not open: opening a FIFO waits for a reader, forever.
    const info = await attempt((0,promises_.stat)(file));
    let folder;
    if ('error' in info) {
        const { code } = info.error;
        if (code !== 'ENOENT' && code !== 'ENOTDIR')
            return `cannot look at it: ${(0,durable_file/* errnoOf */.UQ)(info.error)}`;
        const found = await existingFolder(external_node_path_default().dirname(external_node_path_default().resolve(file)), options.createFolder);
        if (typeof found !== 'string')
            return found.reason;
        folder = found;
        const probe = external_node_path_default().join(folder, `.write-check-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
        const made = await attempt((0,promises_.open)(probe, 'wx'));
        if ('error' in made)
            return `its folder '${folder}' is not writable: ${(0,durable_file/* errnoOf */.UQ)(made.error)}`;
        await made.ok.close();
        await (0,promises_.rm)(probe, { force: true });
    }
    else {
        if (!info.ok.isFile())
            return `it exists and is ${kindOf(info.ok)}`;
        const denied = await attempt((0,promises_.access)(file, external_node_fs_.constants.W_OK));
        if ('error' in denied)
            return `it is not writable: ${(0,durable_file/* errnoOf */.UQ)(denied.error)}`;
        // access() answers for permissions only; a read-only mount shows at open.
        const handle = await attempt((0,promises_.open)(file, 'a'));
        if ('error' in handle)
            return `it is not writable: ${(0,durable_file/* errnoOf */.UQ)(handle.error)}`;
        await handle.ok.close();
        folder = external_node_path_default().dirname(external_node_path_default().resolve(file));
    }
    const needed = options.neededBytes ?? 0;
    if (needed > 0) {
        const fs = await (0,promises_.statfs)(folder).catch(() => undefined);
        const free = fs ? fs.bavail * fs.bsize : Infinity;
        if (free < needed) {
            return `its file system has ${free} bytes free, less than the ${needed} bytes the run will write there`;
        }
    }
    return undefined;
}
/**
 * The folder `dir` when it exists (or, with `create`, its nearest existing ancestor, where
 * the missing folders will be made); else why not.
 */
async function existingFolder(dir, create) {
    for (let current = dir;; current = external_node_path_default().dirname(current)) {
        const info = await attempt((0,promises_.stat)(current));
        if ('ok' in info) {
            if (!info.ok.isDirectory()) {
                return { reason: `'${current}' on its path is a file, not a folder` };
            }
            return current;
        }
        const { code } = info.error;
        if (code === 'ENOTDIR')
            continue;
        if (code !== 'ENOENT')
            return { reason: `cannot look at '${current}': ${(0,durable_file/* errnoOf */.UQ)(info.error)}` };
        if (!create)
            return { reason: `its folder '${dir}' does not exist` };
        if (external_node_path_default().dirname(current) === current)
            return { reason: `no folder of its path exists` };
    }
}

// EXTERNAL MODULE: ./src/report/manifest-log.ts
var manifest_log = __webpack_require__(7794);
;// CONCATENATED MODULE: ./src/report/manifest-target.ts





/** A manifest of ours is small; more than this is not one. */
const MAX_MANIFEST_PEEK = 64 * 1024 * 1024;
/**
 * Refuses a `manifest` path the run could not write or must not overwrite: one of the files
 * to encrypt; anything but a regular file (a FIFO would block the run forever); a file or
 * folder that cannot be written or has no room for `neededBytes`; or an existing file that is
 * not a manifest written by this action (a previous run's manifest may be replaced). Runs
 * before any AWS request.
 */
async function checkManifestTarget(manifestPath, files, neededBytes = 0) {
    const target = await resolved(external_node_path_default().resolve(manifestPath));
    const listed = files.find((f) => f.absolutePath === target);
    if (listed) {
        throw new errors/* InputError */.dz('manifest', `'${manifestPath}' is '${listed.relativePath}', one of the files to encrypt; write the manifest elsewhere`);
    }
    const reason = await unwritableReason(target, { neededBytes, createFolder: true });
    if (reason !== undefined) {
        throw new errors/* InputError */.dz('manifest', `'${manifestPath}' cannot be written: ${reason}; give a path to a new or earlier manifest in a writable folder`);
    }
    // Known to be a regular file, or absent: opening it cannot block.
    const handle = await (0,promises_.open)(target, 'r').catch(() => undefined);
    if (!handle)
        return {};
    try {
        const info = await handle.stat();
        const text = info.size > MAX_MANIFEST_PEEK ? '' : (await handle.readFile({ encoding: 'utf8' })).trim();
        if (text === '' && info.size > 0) {
            throw new errors/* InputError */.dz('manifest', `'${manifestPath}' exists and is too big to be a manifest`);
        }
        if (text === '')
            return {};
        const earlier = asManifest(text);
        if (!earlier) {
            throw new errors/* InputError */.dz('manifest', `'${manifestPath}' exists and is not a manifest of this action; give a new path or remove the file`);
        }
        // A run killed while it wrote left records in the log beside its manifest.
        return { earlier: await (0,manifest_log/* withItsLog */.FI)(earlier, target) };
    }
    finally {
        await handle.close();
    }
}
/** The real path of `file`, or of its folder joined with its name when it does not exist yet. */
async function resolved(file) {
    const real = await (0,promises_.realpath)(file).catch(() => undefined);
    if (real)
        return real;
    const dir = await (0,promises_.realpath)(external_node_path_default().dirname(file)).catch(() => external_node_path_default().dirname(file));
    return external_node_path_default().join(dir, external_node_path_default().basename(file));
}
function asManifest(text) {
    try {
        const value = JSON.parse(text);
        return value?.version === 1 && Array.isArray(value.files) ? value : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 4733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ manifestSource),
  H: () => (/* binding */ writeManifest)
});

;// CONCATENATED MODULE: ./src/report/manifest.ts
/** The manifest (its fields: docs/manifest.md). Holds encrypted keys only. */
function manifestOf(report) {
    const { fileEntry, jobEntry } = manifestEntries(report);
    return {
        ...manifestHead(report),
        files: report.files.map(fileEntry),
        jobs: report.jobs.map(jobEntry),
        ...manifestTail(report),
    };
}
/** The manifest's members before `files`. */
function manifestHead(report) {
    return { version: 1, region: report.region, ...(report.run ? { run: report.run } : {}) };
}
/** The manifest's members after `jobs`. */
function manifestTail(report) {
    return { failures: report.failures, ...(report.dryRun ? { dryRun: report.dryRun } : {}) };
}
/** How one file and one job of `report` appear in its manifest. */
function manifestEntries(report) {
    const outcome = new Map((report.outcomes ?? []).map((o) => [o.id, o]));
    const finished = new Map((report.finished ?? []).map((f) => [f.id, f]));
    const deleted = new Set(report.deletion?.deleted ?? []);
    return {
        fileState: (f) => (deleted.has(f.s3Uri) ? 'deleted' : ''),
        jobState: (j) => {
            const o = outcome.get(j.id);
            return `${o ? `${o.status}|${o.errorCode ?? ''}` : ''}|${finished.has(j.id) ? 'finished' : ''}`;
        },
        fileEntry: (f) => ({
            path: f.relativePath,
            key: keyOf(f.s3Uri),
            bytes: f.bytes,
            plaintextSha256: f.plaintextSha256,
            s3Uri: f.s3Uri,
            decryption: f.decryption,
            ...(f.skipped ? { skipped: true } : {}),
            ...(f.resumed ? { resumed: true } : {}),
            ...(deleted.has(f.s3Uri) ? { deleted: true } : {}),
        }),
        jobEntry: (j) => {
            const o = outcome.get(j.id);
            const f = finished.get(j.id);
            return {
                id: j.id,
                arn: j.arn,
                status: o?.status ?? j.status,
                ...(o?.errorCode === undefined ? {} : { errorCode: o.errorCode }),
                ...(o?.errorMessage === undefined ? {} : { errorMessage: o.errorMessage }),
                ...(f?.durationSeconds === undefined ? {} : { durationSeconds: f.durationSeconds }),
                ...(f ? { outputs: f.outputs } : {}),
                request: j.request,
            };
        },
    };
}
/** The object key of `s3://bucket/key`: NFC, where `path` keeps the name as it is on disk. */
function keyOf(s3Uri) {
    return s3Uri.replace(/^s3:\/\/[^/]+\//, '');
}

// EXTERNAL MODULE: ./src/report/durable-file.ts
var durable_file = __webpack_require__(8632);
;// CONCATENATED MODULE: ./src/report/manifest-text.ts


/** Array members of a top-level member of the manifest sit four spaces in. */
const MEMBER_INDENT = '    ';
const OPEN = Buffer.from('[\n');
const BETWEEN = Buffer.from(',\n');
const CLOSE = Buffer.from('\n  ]');
const EMPTY = Buffer.from('[]');
const FILES_MARKER = '\u0000manifest-files\u0000';
const JOBS_MARKER = '\u0000manifest-jobs\u0000';
/** The manifest of `report`, kept between writes. One per run (per report). */
function manifestSource(report) {
    const files = new WeakMap();
    const jobs = new WeakMap();
    const failures = new WeakMap();
    const scans = {
        files: scan(),
        jobs: scan(),
        failures: scan(),
    };
    let recordedTop = '';
    let stamp = [];
    return {
        changes() {
            // An entry's state moves only with the wait's outcomes and delete-inputs; until then an
            // array the run only appended to is read on from where the last call stopped, so that a
            // record costs what it adds, not the whole batch.
            const now = [
                report.outcomes,
                report.outcomes?.length,
                report.finished,
                report.finished?.length,
                report.deletion,
                report.deletion?.deleted.length,
            ];
            const statesMoved = now.some((value, i) => value !== stamp[i]);
            stamp = now;
            let entries;
            const of = () => (entries ??= manifestEntries(report));
            const changes = {};
            const top = { ...manifestHead(report), ...manifestTail(report) };
            delete top.failures;
            const topText = JSON.stringify(top);
            if (topText !== recordedTop)
                changes.top = top;
            recordedTop = topText;
            const changedFiles = changed(files, scans.files, report.files, statesMoved, {
                stateOf: (f) => of().fileState(f),
                entryOf: (f) => of().fileEntry(f),
            });
            const changedJobs = changed(jobs, scans.jobs, report.jobs, statesMoved, {
                stateOf: (j) => of().jobState(j),
                entryOf: (j) => of().jobEntry(j),
            });
            const changedFailures = changed(failures, scans.failures, report.failures, false, {
                stateOf: () => '',
                entryOf: (f) => f,
            });
            if (changedFiles.length > 0)
                changes.files = changedFiles;
            if (changedJobs.length > 0)
                changes.jobs = changedJobs;
            if (changedFailures.length > 0)
                changes.failures = changedFailures;
            return changes;
        },
        whole(mark) {
            const { fileEntry, jobEntry, fileState, jobState } = manifestEntries(report);
            // The two arrays stand in the top-level object as marker strings, each taken at its first
            // place: only `version`, `region` and `run` (validated, no NUL) come before them, so a
            // file name or message that spells a marker is never taken for one.
            const top = `${JSON.stringify({
                ...manifestHead(report),
                files: FILES_MARKER,
                jobs: JOBS_MARKER,
                ...manifestTail(report),
                ...(mark ? { journal: mark } : {}),
            }, null, 2)}\n`;
            const [beforeFiles, rest] = splitAt(top, JSON.stringify(FILES_MARKER));
            const [between, afterJobs] = splitAt(rest, JSON.stringify(JOBS_MARKER));
            const pieces = [Buffer.from(beforeFiles)];
            pushArray(pieces, report.files, (f) => keptBytes(files, f, fileState(f), fileEntry));
            pieces.push(Buffer.from(between));
            pushArray(pieces, report.jobs, (j) => keptBytes(jobs, j, jobState(j), jobEntry));
            pieces.push(Buffer.from(afterJobs));
            return pieces;
        },
    };
}
/** The text before and after the first `marker`. */
function splitAt(text, marker) {
    const at = text.indexOf(marker);
    return [text.slice(0, at), text.slice(at + marker.length)];
}
function scan() {
    return { scanned: 0 };
}
/**
 * The entries of `items` not recorded yet in their present state; marks them recorded. Reads
 * on from where the last call stopped when `items` is the same array and no state moved, else
 * the whole array (a new array, as the run's arrays in file order at its end).
 */
function changed(kept, at, items, statesMoved, how) {
    const from = !statesMoved && at.array === items ? at.scanned : 0;
    at.array = items;
    at.scanned = items.length;
    const out = [];
    for (let i = from; i < items.length; i++) {
        const item = items[i];
        let entry = kept.get(item);
        // Past the point where the last call stopped, or states moved: its state is needed.
        if (entry?.recorded !== undefined && !statesMoved)
            continue;
        const state = how.stateOf(item);
        if (!entry)
            kept.set(item, (entry = {}));
        if (entry.recorded === state)
            continue;
        entry.recorded = state;
        out.push(how.entryOf(item));
    }
    return out;
}
/** The entry's bytes at its place in the manifest, made once per state of the entry. */
function keptBytes(kept, key, state, entryOf) {
    let entry = kept.get(key);
    if (!entry)
        kept.set(key, (entry = {}));
    if (entry.bytes && entry.bytesState === state)
        return entry.bytes;
    const text = JSON.stringify(entryOf(key), null, 2).replace(/\n/g, `\n${MEMBER_INDENT}`);
    entry.bytes = Buffer.from(`${MEMBER_INDENT}${text}`);
    entry.bytesState = state;
    return entry.bytes;
}
/**
 * Appends a JSON array of `items` to `pieces`, each item as its bytes. Straight into the one
 * array a write hands to writev: a checkpoint writes every entry again, so an
 * array per member, a copy of it and an iterator result per entry were garbage of every write
 * (about an eighth of what a batch of 1,000 small files allocated).
 */
function pushArray(pieces, items, bytesOf) {
    if (items.length === 0) {
        pieces.push(EMPTY);
        return;
    }
    pieces.push(OPEN);
    for (let i = 0; i < items.length; i++) {
        if (i > 0)
            pieces.push(BETWEEN);
        pieces.push(bytesOf(items[i]));
    }
    pieces.push(CLOSE);
}
/** Writes the manifest whole and durably, once (a dry run's, whose only write is this one). */
async function writeManifest(file, report) {
    await (0,durable_file/* writeDurably */.v8)(file, manifestSource(report).whole());
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
