export const id = 799;
export const ids = [799];
export const modules = {

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
// EXTERNAL MODULE: ./src/aws/clients.ts + 4 modules
var clients = __webpack_require__(3453);
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
