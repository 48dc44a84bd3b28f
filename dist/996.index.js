export const id = 996;
export const ids = [996];
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

/***/ 86765:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runWaitOnly: () => (/* binding */ runWaitOnly)
});

// EXTERNAL MODULE: ./src/aws/abort.ts
var abort = __webpack_require__(36591);
// EXTERNAL MODULE: ./src/report/manifest-target.ts
var manifest_target = __webpack_require__(12903);
;// CONCATENATED MODULE: ./src/report/manifest-read.ts
const manifest_read_text = (v) => (typeof v === 'string' ? v : '');
/** The run report a manifest describes (files, failures, jobs and run); its waits are not kept. */
function reportFromManifest(manifest) {
    const files = (Array.isArray(manifest.files) ? manifest.files : []);
    const jobs = (Array.isArray(manifest.jobs) ? manifest.jobs : []);
    const report = {
        region: manifest_read_text(manifest.region),
        files: files.map((f) => ({
            relativePath: manifest_read_text(f.path),
            bytes: typeof f.bytes === 'number' ? f.bytes : 0,
            plaintextSha256: manifest_read_text(f.plaintextSha256),
            s3Uri: manifest_read_text(f.s3Uri),
            decryption: (f.decryption ?? {}),
            ...(f.skipped === true ? { skipped: true } : {}),
            ...(f.resumed === true ? { resumed: true } : {}),
        })),
        failures: (Array.isArray(manifest.failures) ? manifest.failures : []),
        jobs: jobs
            .filter((j) => typeof j.id === 'string' && j.id !== '')
            .map((j) => ({
            id: manifest_read_text(j.id),
            arn: manifest_read_text(j.arn),
            status: manifest_read_text(j.status) || 'SUBMITTED',
            request: (j.request ?? {}),
        })),
    };
    const run = manifest.run;
    if (run && typeof run.key === 'string')
        report.run = { ...run };
    return report;
}

// EXTERNAL MODULE: ./src/report/journal.ts
var report_journal = __webpack_require__(79673);
// EXTERNAL MODULE: ./src/report/manifest-text.ts + 1 modules
var manifest_text = __webpack_require__(14733);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/safe-text.ts
var safe_text = __webpack_require__(66054);
// EXTERNAL MODULE: ./src/pipeline/jobs.ts + 1 modules
var jobs = __webpack_require__(79093);
;// CONCATENATED MODULE: ./src/pipeline/wait-only.ts








async function runWaitOnly(config, deps) {
    const ids = config.jobIds ?? [];
    const target = await (0,manifest_target/* checkManifestTarget */.j)(config.manifestPath, [], (0,report_journal/* manifestRoom */.Z)(ids.length, 0));
    await deps.checkOutputs?.({ files: ids.length, requestBytes: 0 });
    const report = config.jobIds
        ? byIds(config.jobIds, config.region)
        : fromManifest(config, target.earlier);
    // The manifest records the outcomes as the wait finds them; written first, before any request.
    const journal = new report_journal/* Journal */.C(config.manifestPath, (0,manifest_text/* manifestSource */.p)(report));
    await journal.commit().catch((error) => {
        throw new errors/* InputError */.dz('manifest', error.message);
    });
    const clients = (0,abort/* abortWith */.lA)(deps.clients(), deps.signal);
    deps.log.info(`waiting for ${report.jobs.length} job(s) (wait-only)`);
    await deps.onJobs?.(report.jobs.map((j) => j.id));
    const problems = await (0,jobs/* waitAndReport */.LG)(config, clients, report, deps);
    await journal.finish().catch((error) => problems.push(error.message));
    if (problems.length === 0)
        return { report };
    const head = 'the jobs did not all complete';
    return { report, failure: `${head}:\n${problems.map((p) => `- ${(0,safe_text/* oneLine */.TN)(p)}`).join('\n')}` };
}
function byIds(ids, region) {
    return {
        region,
        files: [],
        failures: [],
        // Known by ID only: what was sent to create them is not known here.
        jobs: ids.map((id) => ({
            id,
            arn: '',
            status: 'SUBMITTED',
            request: {},
        })),
    };
}
/** The jobs of the manifest at `manifest`, which must be one of a run in the same region. */
function fromManifest(config, earlier) {
    if (!earlier) {
        throw new errors/* InputError */.dz('manifest', `'${config.manifestPath}' does not exist or is empty: with \`wait-only\` and no \`job-ids\`, give the manifest of the run whose jobs to wait for`);
    }
    const report = reportFromManifest(earlier);
    if (report.jobs.length === 0) {
        throw new errors/* InputError */.dz('manifest', `'${config.manifestPath}' lists no job to wait for`);
    }
    if (report.region !== config.region) {
        throw new errors/* InputError */.dz('region', `is ${config.region}, but the jobs of '${config.manifestPath}' are in ${report.region}; set region: ${report.region}`);
    }
    return report;
}


/***/ }),

/***/ 37794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FI: () => (/* binding */ withItsLog),
/* harmony export */   Tw: () => (/* binding */ logPathOf)
/* harmony export */ });
/* unused harmony exports readLogText, foldLog */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The manifest's log: what a run records between two whole writes of its manifest.
 *
 * Rewriting the whole manifest for every record made a batch write bytes in proportion to the
 * square of its files: 0.4 GB for 1,000 small files with jobs, 17.5 GB for 10,000. So, as a
 * database keeps a checkpoint and a log, a run now writes its manifest whole (a checkpoint)
 * only when the log has grown as large as the manifest, and in between appends each record
 * (what changed: files, jobs, failures, the run's state) to `MANIFEST.log` as one line of
 * JSON, flushed to disk before the side effect that depends on it.
 *
 * A checkpoint of a run in progress carries a mark, `"journal": {"id", "seq"}`: the log that
 * continues it (its lines carry the same id) and the last record it holds. A reader folds in
 * the lines of that id after that record, in order, and stops at a torn line (the last write
 * of a killed run, never acknowledged). The last checkpoint of a run carries no mark, so its
 * manifest is whole by itself and any log left beside it is not read.
 */

/** Where the log of the manifest at `manifestPath` is. */
function logPathOf(manifestPath) {
    return `${manifestPath}.log`;
}
/** A log bigger than this is not one of ours (it never outgrows its manifest for long). */
const MAX_LOG_BYTES = 256 * 1024 * 1024;
/**
 * The text of the log beside `manifestPath`; empty when there is none, or when it is not a
 * regular file (opening a FIFO would block) or far too big to be a log.
 */
async function readLogText(manifestPath) {
    const file = logPathOf(manifestPath);
    // Looked at before it is opened: opening a FIFO would wait for a writer, forever.
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file).catch(() => undefined);
    if (!info?.isFile() || info.size > MAX_LOG_BYTES)
        return '';
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8').catch(() => '');
}
/** The manifest read from `manifestPath`, with the log beside it folded in (foldLog). */
async function withItsLog(manifest, manifestPath) {
    return foldLog(manifest, await readLogText(manifestPath));
}
/**
 * The manifest with its log folded in: the records of the checkpoint's mark after its `seq`,
 * in order, each replacing entries by key (a file by `path`, a job by `id`, a failure by
 * `relativePath`) and appending new ones. A manifest without a mark is returned as it is.
 */
function foldLog(manifest, logText) {
    const mark = markOf(manifest.journal);
    if (!mark || logText === '')
        return manifest;
    const top = { ...manifest };
    const files = keyedList(manifest.files, 'path');
    const jobs = keyedList(manifest.jobs, 'id');
    const failures = keyedList(manifest.failures, 'relativePath');
    let seq = mark.seq;
    // Only whole lines: a line without its newline is a write the run never got to finish.
    const lines = logText.slice(0, logText.lastIndexOf('\n') + 1).split('\n');
    for (const line of lines) {
        if (line === '')
            continue;
        const record = recordOf(line);
        if (!record)
            break; // torn or foreign: nothing after it can be trusted
        if (record.id !== mark.id || record.seq <= seq)
            continue;
        seq = record.seq;
        if (record.top)
            Object.assign(top, record.top);
        files.apply(record.files);
        jobs.apply(record.jobs);
        failures.apply(record.failures);
    }
    // The members stay in the manifest's order; the mark now names the last record folded in.
    return {
        ...top,
        files: files.list(),
        jobs: jobs.list(),
        failures: failures.list(),
        journal: { id: mark.id, seq },
    };
}
function markOf(value) {
    const mark = value;
    return typeof mark?.id === 'string' && Number.isInteger(mark.seq)
        ? { id: mark.id, seq: mark.seq }
        : undefined;
}
function recordOf(line) {
    try {
        const record = JSON.parse(line);
        return typeof record?.id === 'string' && Number.isInteger(record.seq)
            ? record
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** Entries in order, replaced in place by a later entry of the same key. */
function keyedList(value, key) {
    const entries = Array.isArray(value) ? [...value] : [];
    const at = new Map();
    entries.forEach((entry, i) => at.set(entry?.[key], i));
    return {
        apply(changed) {
            if (!Array.isArray(changed))
                return;
            for (const entry of changed) {
                const name = entry?.[key];
                const i = at.get(name);
                if (i === undefined)
                    at.set(name, entries.push(entry) - 1);
                else
                    entries[i] = entry;
            }
        },
        list: () => entries,
    };
}


/***/ }),

/***/ 15135:
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
