export const id = 765;
export const ids = [765];
export const modules = {

/***/ 6765:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runWaitOnly: () => (/* binding */ runWaitOnly)
});

// EXTERNAL MODULE: ./src/aws/abort.ts
var abort = __webpack_require__(6591);
// EXTERNAL MODULE: ./src/report/manifest-target.ts + 1 modules
var manifest_target = __webpack_require__(8119);
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
var report_journal = __webpack_require__(9673);
// EXTERNAL MODULE: ./src/report/manifest-text.ts + 1 modules
var manifest_text = __webpack_require__(4733);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/safe-text.ts
var safe_text = __webpack_require__(6054);
// EXTERNAL MODULE: ./src/pipeline/jobs.ts + 1 modules
var jobs = __webpack_require__(9093);
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


/***/ })

};
