export const id = 398;
export const ids = [398];
export const modules = {

/***/ 50398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run),
  tokenSeedFrom: () => (/* binding */ tokenSeedFrom)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(88701);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/artifact.ts




/**
 * Downloads the named artifact of this run (or of `source`'s run) into a new folder under
 * `tempDir`. Calls `onFolder` with the folder as soon as it exists, so that the caller can
 * remove it whatever happens next; returns the folder the files are in.
 */
async function downloadArtifact(client, name, tempDir, options = {}) {
    const find = options.source ? { findBy: options.source } : {};
    const where = options.source
        ? `workflow run ${options.source.workflowRunId} of ${options.source.repositoryOwner}/${options.source.repositoryName}`
        : 'this workflow run';
    let id;
    try {
        id = (await client.getArtifact(name, find)).artifact.id;
    }
    catch (error) {
        throw new Error(`artifact '${name}' was not found in ${where}: ${(0,errors/* messageOf */.bD)(error)}`, {
            cause: error,
        });
    }
    const target = await (0,promises_.mkdtemp)(external_node_path_default().join(tempDir, 'mediaconvert-encrypt-artifact-'));
    options.onFolder?.(target);
    const result = await client.downloadArtifact(id, { path: target, ...find });
    if (result.digestMismatch)
        throw new Error(`artifact '${name}' failed its digest check after download`);
    return result.downloadPath ?? target;
}
/**
 * Removes downloaded artifact folders (plaintext media) at the end of a run, whatever its
 * outcome. A folder that cannot be removed is a warning, not a failure of the run.
 */
async function removeDownloads(folders, log) {
    for (const folder of folders) {
        try {
            await (0,io/* rmRF */.Yz)(folder);
            log.info(`removed the downloaded artifact from ${folder}`);
        }
        catch (error) {
            log.warning(`could not remove the downloaded artifact at ${folder}: ${(0,errors/* messageOf */.bD)(error)}`);
        }
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
;// CONCATENATED MODULE: ./src/pool.ts
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

;// CONCATENATED MODULE: ./src/cleanup.ts
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
    const settled = await mapPool(remove, 8, async (s3Uri) => {
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

// EXTERNAL MODULE: ./src/cipher.ts
var cipher = __webpack_require__(67624);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/@actions/glob/lib/glob.js + 17 modules
var glob = __webpack_require__(42377);
;// CONCATENATED MODULE: ./src/files.ts







function identityOf(info) {
    const { dev, ino, size, mtimeMs, ctimeMs } = info;
    return { dev, ino, size, mtimeMs, ctimeMs };
}
/** S3 refuses keys longer than this many UTF-8 bytes. */
const MAX_KEY_BYTES = 1024;
/**
 * Expands the globs under `root`, checks every match is a readable, non-empty regular file
 * inside the root, maps it to its object key and returns the sorted list (this shard's share).
 */
async function findFiles(query) {
    const root = await (0,promises_.realpath)(query.root);
    const matched = await expandPatterns(root, query);
    const all = [];
    const keys = new Map();
    for (const absolutePath of matched) {
        const file = await describeFile(root, absolutePath, query);
        const other = keys.get(file.key);
        if (other !== undefined) {
            throw new errors/* InputError */.dz('files', `'${other}' and '${file.relativePath}' both map to object key '${file.key}'`);
        }
        keys.set(file.key, file.relativePath);
        all.push(file);
    }
    all.sort((a, b) => a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0);
    return query.shard
        ? all.filter((f) => shardOf(f.relativePath, query.shard.count) === query.shard.index)
        : all;
}
/**
 * Which shard (1-based) of `count` a path belongs to. Hash-based, so adding or removing a file
 * never moves another file to a different shard.
 */
function shardOf(relativePath, count) {
    const digest = (0,external_node_crypto_.createHash)('sha256').update(relativePath).digest();
    return (digest.readUInt32BE(0) % count) + 1;
}
/** A path with a file or folder name starting with `.` below the root. */
function isHidden(root, absolutePath) {
    return external_node_path_default().relative(root, absolutePath)
        .split((external_node_path_default()).sep)
        .some((name) => name.startsWith('.'));
}
async function expandPatterns(root, query) {
    const { patterns } = query;
    const includeHidden = query.includeHidden ?? false;
    const negations = patterns.filter((p) => p.startsWith('!'));
    const found = new Set();
    for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
        const lines = [pattern, ...negations].map((p) => p.startsWith('!') ? `!${external_node_path_default().join(root, p.slice(1))}` : external_node_path_default().join(root, p));
        const globOf = async (followSymbolicLinks) => {
            const globber = await glob/* create */.v(lines.join('\n'), {
                matchDirectories: false,
                implicitDescendants: false,
                followSymbolicLinks,
            });
            // A symlink loop or an unreadable directory makes the glob itself fail.
            return globber.glob().catch((error) => {
                throw new errors/* InputError */.dz('files', `'${pattern}' cannot be expanded: ${error.message}`);
            });
        };
        const matches = await globOf(true);
        // The glob drops a symbolic link whose target does not exist without a word; say so.
        const dangling = (await danglingLinks(await globOf(false), new Set(matches))).filter((m) => includeHidden || !isHidden(root, m));
        const relative = (m) => external_node_path_default().relative(root, m).split((external_node_path_default()).sep).join('/');
        if (matches.length === 0 && dangling.length > 0) {
            throw new errors/* InputError */.dz('files', `'${pattern}' matches only symbolic links whose target does not exist: ${dangling.map((m) => `'${relative(m)}'`).join(', ')}`);
        }
        if (dangling.length > 0) {
            query.onWarning?.(`'${pattern}': ${dangling.length} symbolic link(s) whose target does not exist skipped: ${dangling.map((m) => `'${relative(m)}'`).join(', ')}`);
        }
        if (matches.length === 0)
            await explainNoMatch(root, pattern);
        // As actions/upload-artifact: `**` must not sweep up .git/config or a .env file.
        const taken = includeHidden ? matches : matches.filter((m) => !isHidden(root, m));
        if (taken.length === 0) {
            throw new errors/* InputError */.dz('files', `'${pattern}' matches only hidden files or folders (names starting with '.'); set include-hidden-files: true to take them`);
        }
        for (const match of taken)
            found.add(match);
    }
    return [...found];
}
/** Of the paths a glob found without following links, the links that lead nowhere. */
async function danglingLinks(unfollowed, taken) {
    const out = [];
    for (const candidate of unfollowed) {
        if (taken.has(candidate))
            continue;
        const info = await (0,promises_.lstat)(candidate).catch(() => undefined);
        if (!info?.isSymbolicLink())
            continue;
        const target = await (0,promises_.stat)(candidate).catch((error) => error.code);
        if (target === 'ENOENT' || target === 'ENOTDIR')
            out.push(candidate);
    }
    return out.sort();
}
async function explainNoMatch(root, pattern) {
    const literal = external_node_path_default().join(root, pattern);
    const info = await (0,promises_.stat)(literal).catch(() => undefined);
    if (info?.isDirectory()) {
        throw new errors/* InputError */.dz('files', `'${pattern}' is a directory; use '${pattern.replace(/\/+$/, '')}/**' to take the files in it`);
    }
    throw new errors/* InputError */.dz('files', `'${pattern}' matches no file under ${root}`);
}
async function describeFile(root, absolutePath, query) {
    const relativePath = external_node_path_default().relative(root, absolutePath).split((external_node_path_default()).sep).join('/');
    const real = await (0,promises_.realpath)(absolutePath).catch((error) => {
        throw new errors/* InputError */.dz('files', `'${relativePath}' cannot be resolved: ${error.message}`);
    });
    if (real !== root && !real.startsWith(root + (external_node_path_default()).sep)) {
        throw new errors/* InputError */.dz('files', `'${relativePath}' is a symbolic link that leads outside ${root}`);
    }
    const info = await (0,promises_.stat)(real);
    if (!info.isFile())
        throw new errors/* InputError */.dz('files', `'${relativePath}' is not a regular file`);
    try {
        await (0,promises_.access)(real, external_node_fs_.constants.R_OK);
    }
    catch {
        throw new errors/* InputError */.dz('files', `'${relativePath}' is not readable`);
    }
    if (info.size === 0)
        throw new errors/* InputError */.dz('files', `'${relativePath}' is empty: nothing to transcode`);
    if (query.mode === 'AES_GCM' && info.size > cipher/* GCM_MAX_PLAINTEXT_BYTES */.BL) {
        throw new errors/* InputError */.dz('mode', `'${relativePath}' is ${info.size} bytes, over AES_GCM's limit of ${cipher/* GCM_MAX_PLAINTEXT_BYTES */.BL}; use AES_CTR or AES_CBC`);
    }
    const key = (query.destination.prefix + relativePath).normalize('NFC');
    if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
        throw new errors/* InputError */.dz('files', `object key for '${relativePath}' is longer than ${MAX_KEY_BYTES} bytes`);
    }
    return {
        absolutePath: real,
        relativePath,
        bytes: info.size,
        bucket: query.destination.bucket,
        key,
        listed: identityOf(info),
    };
}

;// CONCATENATED MODULE: ./src/listed-file.ts
/**
 * Reading a listed file: opened once, never through a symbolic link put at its path since
 * listing, and checked through the open descriptor (fstat) against what was listed, so what
 * is checked is what is read.
 */



/**
 * Opens the listed file for reading without following a symbolic link in its place (its path
 * is the resolved one, so a link there now was put there after listing) and without blocking
 * on a FIFO swapped in.
 */
async function openListed(file) {
    try {
        return await (0,promises_.open)(file.absolutePath, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ELOOP') {
            throw new Error('file was replaced since it was listed (a symbolic link is at its path now)');
        }
        if (code === 'ENOENT')
            throw new Error('file was removed since it was listed');
        throw error;
    }
}
/**
 * Fails when the open file is not the one listed or has changed: another device or inode
 * (replaced, or swapped for another file), size, modification or change time. The open file
 * itself is asked (fstat), so what is checked is what is read.
 */
async function expectUnchanged(handle, file, when) {
    if (!file.listed)
        return;
    const info = await handle.stat();
    const listed = file.listed;
    if (info.dev !== listed.dev || info.ino !== listed.ino) {
        throw new Error(`file was replaced ${when} (another file is at its path now)`);
    }
    if (!info.isFile())
        throw new Error(`file is no longer a regular file`);
    const now = identityOf(info);
    const changed = ['size', 'mtimeMs', 'ctimeMs'].filter((k) => now[k] !== listed[k]);
    if (changed.length > 0) {
        throw new Error(`file changed ${when} (${changed.map((k) => k.replace('Ms', '')).join(', ')} differ): its ciphertext would not match any one version of it`);
    }
}

;// CONCATENATED MODULE: ./src/object-metadata.ts
const METADATA = {
    mode: 'mediaconvert-decryption-mode',
    iv: 'mediaconvert-initialization-vector',
    key: 'mediaconvert-encrypted-decryption-key',
    region: 'mediaconvert-kms-key-region',
    sha256: 'mediaconvert-plaintext-sha256',
    bytes: 'mediaconvert-plaintext-bytes',
};
/** S3's limit on user metadata: keys and values, in UTF-8 bytes. */
const MAX_METADATA_BYTES = 2048;
function objectMetadata(fields) {
    const { decryption } = fields;
    const metadata = {
        [METADATA.mode]: decryption.DecryptionMode ?? '',
        [METADATA.iv]: decryption.InitializationVector ?? '',
        [METADATA.key]: decryption.EncryptedDecryptionKey ?? '',
        [METADATA.region]: fields.kmsKeyRegion,
    };
    if (fields.plaintext) {
        metadata[METADATA.sha256] = fields.plaintext.sha256;
        metadata[METADATA.bytes] = String(fields.plaintext.bytes);
    }
    if (metadataBytes(metadata) > MAX_METADATA_BYTES) {
        // Only an encrypted key far beyond what KMS returns could get here.
        throw new Error(`object metadata would be ${metadataBytes(metadata)} bytes, over S3's ${MAX_METADATA_BYTES}`);
    }
    return metadata;
}
/** How S3 counts user metadata: the UTF-8 bytes of every key (without x-amz-meta-) and value. */
function metadataBytes(metadata) {
    return Object.entries(metadata).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
}
const MODES = ['AES_CTR', 'AES_CBC', 'AES_GCM'];
/** MediaConvert's pattern for KmsKeyRegion. */
const KMS_REGION = /^[a-z-]{2,6}-(east|west|central|((north|south)(east|west)?))-[1-9]{1,2}$/;
/**
 * Reads the metadata as S3 returns it (keys lower case). The decryption settings are taken
 * only when mode, IV and encrypted key are all there and well-formed; `jobRegion` decides
 * whether KmsKeyRegion is needed, as at upload.
 */
function readObjectMetadata(metadata, jobRegion) {
    const get = (name) => metadata?.[name];
    const stored = {};
    const mode = get(METADATA.mode);
    if (mode !== undefined && MODES.includes(mode))
        stored.mode = mode;
    const sha256 = get(METADATA.sha256);
    if (sha256 !== undefined && /^[0-9a-f]{64}$/.test(sha256))
        stored.sha256 = sha256;
    const bytes = get(METADATA.bytes);
    if (bytes !== undefined && /^\d{1,16}$/.test(bytes))
        stored.bytes = Number(bytes);
    const iv = get(METADATA.iv);
    const key = get(METADATA.key);
    const region = get(METADATA.region);
    if (stored.mode &&
        iv !== undefined &&
        /^[A-Za-z0-9+/]{22}==$|^[A-Za-z0-9+/]{16}$/.test(iv) &&
        key !== undefined &&
        key.length >= 24 &&
        key.length <= 512 &&
        /^[A-Za-z0-9+/]+={0,2}$/.test(key) &&
        (region === undefined || KMS_REGION.test(region))) {
        stored.decryption = {
            DecryptionMode: stored.mode,
            EncryptedDecryptionKey: key,
            InitializationVector: iv,
            ...(region && region !== jobRegion ? { KmsKeyRegion: region } : {}),
        };
    }
    return stored;
}

;// CONCATENATED MODULE: ./src/if-exists.ts
/**
 * `if-exists`: what happens when an object already exists at a file's key. Decided per file
 * before its data key is made, so a skipped or refused file costs one HeadObject (and, for
 * skip, one local read to hash it) and nothing else.
 */






/** HeadObject: the object's metadata and size, or undefined when there is none (404). */
async function headObject(s3, file, signal) {
    try {
        const out = await s3.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: file.bucket, Key: file.key }), signal ? { abortSignal: signal } : {});
        return {
            metadata: out.Metadata ?? {},
            ...(out.ContentLength === undefined ? {} : { contentLength: out.ContentLength }),
        };
    }
    catch (error) {
        const status = error.$metadata?.httpStatusCode;
        if (status === 404 || error.name === 'NotFound')
            return undefined;
        const hint = status === 403
            ? ' (if-exists needs s3:GetObject on the destination, and s3:ListBucket for a missing object to answer 404 rather than 403)'
            : '';
        throw new Error(`checking s3://${file.bucket}/${file.key} (if-exists) failed: ${(0,errors/* messageOf */.bD)(error)}${hint}`, { cause: error });
    }
}
/**
 * SHA-256 and size of a listed file, in one read of the open file checked against what was
 * listed (as the encrypting pass does).
 */
async function hashFile(file) {
    const handle = await openListed(file);
    try {
        await expectUnchanged(handle, file, 'since it was listed');
        const hash = (0,external_node_crypto_.createHash)('sha256');
        let bytes = 0;
        for await (const chunk of (0,cipher/* readChunks */.zO)(handle)) {
            hash.update(chunk);
            bytes += chunk.length;
        }
        await expectUnchanged(handle, file, 'while being read');
        return { sha256: hash.digest('hex'), bytes };
    }
    finally {
        await handle.close();
    }
}
/**
 * `overwrite`: upload, no request. `fail`: throws, naming the file and the object, when the
 * object exists. `skip`: hashes the file and reads the object's metadata (both at once); the
 * upload is skipped when the object holds this plaintext (same SHA-256 and size) in the
 * configured mode, with complete decryption settings and the ciphertext size that implies.
 */
async function decideUpload(file, config, s3, signal) {
    const s3Uri = `s3://${file.bucket}/${file.key}`;
    if (config.ifExists === 'overwrite')
        return { upload: true };
    if (config.ifExists === 'fail') {
        if (await headObject(s3, file, signal)) {
            throw new Error(`${file.relativePath}: ${s3Uri} already exists and if-exists is fail; nothing was uploaded (use overwrite to replace it, skip to keep it when unchanged)`);
        }
        return { upload: true };
    }
    const [local, existing] = await Promise.all([hashFile(file), headObject(s3, file, signal)]);
    if (!existing)
        return { upload: true, plaintextSha256: local.sha256 };
    const why = differs(existing, local, config);
    if (why !== undefined)
        return { upload: true, plaintextSha256: local.sha256, replacing: why };
    const stored = readObjectMetadata(existing.metadata, config.region);
    return {
        upload: false,
        result: {
            relativePath: file.relativePath,
            bytes: local.bytes,
            plaintextSha256: local.sha256,
            s3Uri,
            decryption: stored.decryption,
            skipped: true,
        },
    };
}
/** Why the existing object is not this file's ciphertext, or undefined when it is. */
function differs(existing, local, config) {
    const stored = readObjectMetadata(existing.metadata, config.region);
    if (stored.sha256 === undefined || stored.bytes === undefined) {
        return 'its metadata has no plaintext SHA-256 and size (uploaded before if-exists: skip was used)';
    }
    if (stored.sha256 !== local.sha256 || stored.bytes !== local.bytes)
        return 'the file changed';
    if (stored.mode !== config.mode)
        return `it was encrypted with ${stored.mode ?? 'another mode'}`;
    if (!stored.decryption)
        return 'its decryption settings in the metadata are incomplete';
    const expected = (0,cipher/* ciphertextLength */.V6)(config.mode, local.bytes);
    if (existing.contentLength !== undefined && existing.contentLength !== expected) {
        return `its size is ${existing.contentLength} bytes, not the ${expected} this file encrypts to`;
    }
    return undefined;
}
/** The log lines of a skipped file, inside its group. */
function logSkipped(result, log) {
    log.info(`unchanged, not uploaded (if-exists: skip): ${result.s3Uri}`);
    log.info(`plaintext SHA-256 ${result.plaintextSha256}, decryption settings from the object's metadata`);
}

// EXTERNAL MODULE: ./src/job-summary.ts
var job_summary = __webpack_require__(40321);
// EXTERNAL MODULE: ./src/memory-budget.ts
var memory_budget = __webpack_require__(6792);
;// CONCATENATED MODULE: ./src/dry-run.ts





async function planDryRun(files, config, plan, s3, signal) {
    // HEAD requests hold no buffers: with `concurrency: auto`, as many as small files get.
    const settled = await mapPool(files, config.concurrency ?? memory_budget/* AUTO_CONCURRENCY */.oi.max, async (file) => decideUpload(file, config, s3, signal));
    const planned = files.map((file, i) => {
        const base = {
            path: file.relativePath,
            bytes: file.bytes,
            s3Uri: `s3://${file.bucket}/${file.key}`,
        };
        const outcome = settled[i];
        if (outcome?.ok)
            return { ...base, action: outcome.value.upload ? 'upload' : 'skip' };
        const reason = outcome
            ? (0,errors/* messageOf */.bD)(outcome.error).replace(`${file.relativePath}: `, '')
            : 'not checked';
        return { ...base, action: 'fail', reason };
    });
    const uploads = planned.filter((f) => f.action === 'upload');
    const usable = planned.filter((f) => f.action !== 'fail');
    let jobs = 0;
    if (plan && usable.length > 0) {
        if (plan.layout === 'per-file')
            jobs = usable.length;
        else if (usable.length === planned.length)
            jobs = 1;
    }
    return {
        files: planned,
        bytes: planned.reduce((sum, f) => sum + f.bytes, 0),
        uploadBytes: uploads.reduce((sum, f) => sum + f.bytes, 0),
        dataKeys: uploads.length,
        jobs,
    };
}
/** The plan's log lines: one per file, then the totals. */
function logPlan(dryRun, log) {
    for (const f of dryRun.files) {
        const verb = { upload: 'would upload', skip: 'would skip (unchanged)', fail: 'would fail' }[f.action];
        log.info(`${verb}: ${f.s3Uri} (${f.bytes} bytes)${f.reason ? `: ${f.reason}` : ''}`);
    }
    log.info(`dry run: ${(0,job_summary/* planTotals */.HX)(dryRun)}; nothing was encrypted, uploaded or created`);
}
/** A failure message when the real run would fail some file, else undefined. */
function planFailure(dryRun) {
    const failing = dryRun.files.filter((f) => f.action === 'fail');
    if (failing.length === 0)
        return undefined;
    return `dry run: ${failing.length} file(s) would fail:\n${failing.map((f) => `- ${f.path}: ${f.reason ?? ''}`).join('\n')}`;
}

;// CONCATENATED MODULE: ./src/content-type.ts

const BY_EXTENSION = {
    '.mp4': 'video/mp4',
    '.m4v': 'video/mp4',
    '.mov': 'video/quicktime',
    '.mxf': 'application/mxf',
    '.mkv': 'video/x-matroska',
    '.webm': 'video/webm',
    '.ts': 'video/mp2t',
    '.m2ts': 'video/mp2t',
    '.mts': 'video/mp2t',
    '.mpg': 'video/mpeg',
    '.mpeg': 'video/mpeg',
    '.avi': 'video/x-msvideo',
    '.flv': 'video/x-flv',
    '.3gp': 'video/3gpp',
    '.y4m': 'video/x-yuv4mpeg',
    '.wav': 'audio/wav',
    '.mp3': 'audio/mpeg',
    '.m4a': 'audio/mp4',
    '.aac': 'audio/aac',
    '.flac': 'audio/flac',
    '.aif': 'audio/aiff',
    '.aiff': 'audio/aiff',
    '.srt': 'application/x-subrip',
    '.vtt': 'text/vtt',
    '.scc': 'text/x-scc',
};
/** The source file's media type, kept on the ciphertext object so the bucket stays legible. */
function contentTypeOf(file) {
    return BY_EXTENSION[external_node_path_default().extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-kms/dist-cjs/index.js
var client_kms_dist_cjs = __webpack_require__(92632);
;// CONCATENATED MODULE: ./src/keys.ts


/** The encryption context MediaConvert uses when it asks KMS to decrypt a data key. */
const MEDIACONVERT_CONTEXT = Object.freeze({
    service: 'mediaconvert.amazonaws.com',
});
/** Makes one fresh data key, by KMS GenerateDataKey or locally and then KMS Encrypt. */
async function makeDataKey(request) {
    return request.source === 'kms' ? generateWithKms(request) : generateLocally(request);
}
async function generateWithKms({ kms, kmsKeyArn, keyBytes }) {
    // KMS KeySpec has no AES_192; NumberOfBytes covers it.
    const size = keyBytes === 24
        ? { NumberOfBytes: 24 }
        : { KeySpec: keyBytes === 16 ? 'AES_128' : 'AES_256' };
    const out = await kms.send(new client_kms_dist_cjs/* GenerateDataKeyCommand */.OhQ({
        KeyId: kmsKeyArn,
        EncryptionContext: { ...MEDIACONVERT_CONTEXT },
        ...size,
    }));
    const plaintext = out.Plaintext;
    if (!plaintext || !out.CiphertextBlob) {
        plaintext?.fill(0);
        throw new Error('KMS GenerateDataKey returned no key');
    }
    if (plaintext.length !== keyBytes) {
        plaintext.fill(0);
        throw new Error(`KMS GenerateDataKey returned a ${plaintext.length}-byte key, not ${keyBytes}`);
    }
    return dataKey(plaintext, out.CiphertextBlob);
}
async function generateLocally({ kms, kmsKeyArn, keyBytes }) {
    const plaintext = (0,external_node_crypto_.randomBytes)(keyBytes);
    try {
        const out = await kms.send(new client_kms_dist_cjs/* EncryptCommand */.b8v({
            KeyId: kmsKeyArn,
            Plaintext: plaintext,
            EncryptionContext: { ...MEDIACONVERT_CONTEXT },
        }));
        if (!out.CiphertextBlob)
            throw new Error('KMS Encrypt returned no ciphertext');
        return dataKey(plaintext, out.CiphertextBlob);
    }
    catch (error) {
        plaintext.fill(0);
        throw error;
    }
}
function dataKey(plaintext, encrypted) {
    return {
        plaintext,
        encrypted,
        destroy: () => plaintext.fill(0),
    };
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/interrupt.ts
/**
 * How long a clean-up request (AbortMultipartUpload) may take, counted from the step's first
 * signal. Everything after it (manifest, outputs, summary, exit) must fit in what is left of
 * the 2 s the action promises, on a loaded runner too, where the signal itself, the report and
 * the exit each wait for the CPU; S3 answers an abort in well under 750 ms.
 */
const CLEANUP_MS = 750;
/**
 * Gives every request of these clients `signal` as its abort signal, unless the call names
 * one of its own (a clean-up request does). A request sent after the signal fired fails at
 * once without reaching the network; one in flight is cut off. Done once here, at the client,
 * so that no call site can forget it.
 */
function abortWith(clients, signal) {
    if (!signal)
        return clients;
    for (const client of Object.values(clients)) {
        const send = client.send.bind(client);
        client.send = (command, options) => send(command, { abortSignal: signal, ...options });
    }
    return clients;
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

// EXTERNAL MODULE: ./src/units.ts
var units = __webpack_require__(61996);
;// CONCATENATED MODULE: ./src/upload.ts






/**
 * Part buffers of an upload run without a shared budget: the part being filled and two in
 * flight, as before the budget existed.
 */
const DEFAULT_PARTS = 3;
/**
 * Parts in flight when an upload starts; the window then doubles while throughput rises. On
 * a link of 40 ms round trip capped at 8 MiB/s per connection, starting at 2 spent one more
 * part-time (about a second at 8 MiB parts) before the link was full.
 */
const INITIAL_IN_FLIGHT = 4;
/** S3's limit; partSizeFor() picks a part size that stays under it. */
const MAX_PARTS = 10_000;
/** Where the first part's buffer starts: a 64 KiB file needs no 16 MiB buffer. */
const FIRST_BUFFER_BYTES = 64 * 1024;
/** zlib.crc32 exists from Node 20.15 / 22.2; without it the SDK computes the same checksum. */
const crc32 = (external_node_zlib_default()).crc32;
/**
 * Streams `body` to S3: a single PutObject when it fits one part, else a multipart upload.
 * On any failure (body, network, abort signal) the multipart upload is aborted before the
 * returned promise rejects, so no half-finished upload is left behind.
 *
 * Every byte is touched once here, while it is still in the CPU cache: it is copied into its
 * part and added to that part's CRC32. The CRC32 travels with the part (x-amz-checksum-crc32,
 * covered by the request signature) and S3 checks it, so the SDK has no pass of its own left
 * to make over the body (clients.ts signs these bodies as UNSIGNED-PAYLOAD instead of hashing
 * them). @aws-sdk/lib-storage, used before, concatenated the body into parts and left the
 * checksum to the SDK, a second and cache-cold pass over every byte.
 */
async function uploadStream(request) {
    const upload = new StreamingUpload(request);
    try {
        return await upload.run();
    }
    catch (failure) {
        // Once the step is canceled, requests fail as aborted: name the cancel, not its echo.
        const error = request.signal?.aborted ? abortError(request.signal) : failure;
        try {
            await upload.abort();
        }
        catch (abortFailure) {
            // Keep the real cause in front; say what is left behind and how it goes away.
            throw Object.assign(new Error(`${(0,errors/* messageOf */.bD)(error)}; AbortMultipartUpload also failed (${(0,errors/* messageOf */.bD)(abortFailure)}), so the incomplete upload of s3://${request.bucket}/${request.key} is left until an AbortIncompleteMultipartUpload lifecycle rule removes it`, { cause: error }), { name: error instanceof Error ? error.name : 'Error' });
        }
        throw error;
    }
    finally {
        upload.releaseBuffers();
    }
}
class StreamingUpload {
    request;
    partSize;
    budget;
    window;
    /** Every buffer leased from the budget and not yet handed back. */
    held = new Set();
    leave;
    inFlight = new Set();
    completed = [];
    uploadId;
    nextPartNumber = 1;
    uploadedBytes = 0;
    /** The first failed request; no part starts after it. */
    failure;
    constructor(request) {
        this.request = request;
        this.partSize = request.partSizeBytes;
        this.budget = request.budget ?? new memory_budget/* MemoryBudget */.ND(DEFAULT_PARTS * this.partSize);
        this.leave = this.budget.join();
        const now = request.now ?? (() => performance.now());
        this.window = new memory_budget/* InFlightWindow */.ER({
            now,
            start: INITIAL_IN_FLIGHT,
            ceiling: () => this.budget.fairInFlight(this.partSize),
        });
    }
    /** Hands every buffer back to the budget; the upload is over (parts settled). */
    releaseBuffers() {
        for (const buffer of this.held)
            this.budget.give(buffer);
        this.held.clear();
        this.leave();
    }
    async run() {
        let filling;
        /** A full part, held back until more bytes show that it is not the only one. */
        let full;
        for await (const chunk of stopOnAbort(this.request.body, this.request.signal)) {
            this.throwIfFailed(); // a part failed: stop reading
            for (let offset = 0; offset < chunk.length;) {
                if (full) {
                    await this.sendPart(full);
                    full = undefined;
                }
                filling ??= { buffer: await this.partBuffer(), length: 0, crc: 0 };
                if (filling.length === filling.buffer.length)
                    filling.buffer = await this.grow(filling);
                const piece = chunk.subarray(offset, offset + filling.buffer.length - filling.length);
                filling.buffer.set(piece, filling.length);
                filling.length += piece.length;
                if (crc32)
                    filling.crc = crc32(piece, filling.crc);
                offset += piece.length;
                if (filling.length === this.partSize) {
                    full = filling;
                    filling = undefined;
                }
            }
        }
        const last = full ?? filling ?? { buffer: Buffer.alloc(0), length: 0, crc: 0 };
        // The upload no longer fills parts: the buffers it keeps are the ones in flight.
        if (this.uploadId === undefined)
            return this.putObject(last);
        await this.sendPart(last);
        await Promise.all(this.inFlight);
        this.throwIfFailed();
        // The signal may fire after the last byte was read, while parts were still in flight.
        if (this.request.signal?.aborted)
            throw abortError(this.request.signal);
        this.completed.sort((a, b) => a.PartNumber - b.PartNumber);
        const { Bucket, Key } = this.target();
        const result = await this.request.s3.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({
            Bucket,
            Key,
            UploadId: this.uploadId,
            MultipartUpload: { Parts: this.completed },
        }));
        this.uploadId = undefined;
        return result.ETag === undefined ? {} : { etag: result.ETag };
    }
    /**
     * A buffer for the next part, leased from the budget (waiting until it fits). The first one
     * is sized for the whole body when its length is known, else it starts small and grows as
     * bytes come, so that a small file costs a small buffer; after it, every buffer is a part.
     */
    partBuffer() {
        if (this.nextPartNumber > 1)
            return this.lease(this.partSize);
        const expected = this.request.expectedBytes;
        const first = expected === undefined ? FIRST_BUFFER_BYTES : Math.max(expected, 1);
        return this.lease(Math.min(first, this.partSize));
    }
    async grow(part) {
        const size = Math.min(Math.max(part.buffer.length * 2, FIRST_BUFFER_BYTES), this.partSize);
        const bigger = await this.lease(size);
        part.buffer.copy(bigger, 0, 0, part.length);
        this.giveBack(part.buffer);
        return bigger;
    }
    async lease(bytes) {
        const buffer = await this.budget.lease(bytes, this.request.signal);
        this.held.add(buffer);
        return buffer;
    }
    giveBack(buffer) {
        if (this.held.delete(buffer))
            this.budget.give(buffer);
    }
    /**
     * Waits for the parts in flight (a cancel has cut them off already), then aborts the
     * multipart upload if one was started: after a cancel, within the clean-up deadline.
     */
    async abort() {
        await Promise.all(this.inFlight);
        if (this.uploadId === undefined)
            return;
        const { Bucket, Key } = this.target();
        const UploadId = this.uploadId;
        this.uploadId = undefined;
        const deadline = cleanupSignal(this.request.signal);
        try {
            await this.request.s3.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket, Key, UploadId }), {
                abortSignal: deadline.signal,
            });
        }
        finally {
            deadline.dispose();
        }
    }
    target() {
        return { Bucket: this.request.bucket, Key: this.request.key };
    }
    /** What PutObject and CreateMultipartUpload share: type, metadata, server-side encryption. */
    objectParams() {
        const { sse } = this.request;
        return {
            ...this.target(),
            ContentType: this.request.contentType,
            Metadata: this.request.metadata,
            ...(sse ? { ServerSideEncryption: sse.type } : {}),
            ...(sse?.type === 'aws:kms' && sse.kmsKeyId ? { SSEKMSKeyId: sse.kmsKeyId } : {}),
        };
    }
    async putObject(part) {
        const command = new dist_cjs/* PutObjectCommand */.wKZ({
            ...this.objectParams(),
            Body: part.buffer.subarray(0, part.length),
            ...checksumOf(part),
        });
        const result = await this.request.s3.send(command);
        this.request.onProgress?.(part.length);
        return result.ETag === undefined ? {} : { etag: result.ETag };
    }
    /**
     * Starts one UploadPart once a slot of the in-flight window is free; creates the upload
     * first. The part's buffer goes back to the budget when the request has settled.
     */
    async sendPart(part) {
        this.throwIfFailed();
        if (this.uploadId === undefined) {
            const created = await this.request.s3.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4({
                ...this.objectParams(),
                // Every part will carry a CRC32; S3 then also keeps one for the whole object.
                ...(crc32 ? { ChecksumAlgorithm: 'CRC32' } : {}),
            }));
            if (!created.UploadId)
                throw new Error('CreateMultipartUpload returned no UploadId');
            this.uploadId = created.UploadId;
        }
        let waited = false;
        while (this.inFlight.size >= this.window.limit) {
            waited = true;
            await Promise.race(this.inFlight);
        }
        this.throwIfFailed();
        this.window.sending(waited);
        const PartNumber = this.nextPartNumber++;
        if (PartNumber > MAX_PARTS) {
            throw new Error(`more than ${MAX_PARTS} parts of ${this.partSize} bytes: use a larger part size`);
        }
        const checksum = checksumOf(part);
        const command = new dist_cjs/* UploadPartCommand */.iVK({
            ...this.target(),
            UploadId: this.uploadId,
            PartNumber,
            Body: part.buffer.subarray(0, part.length),
            ...checksum,
        });
        const sent = this.request.s3
            .send(command)
            .then((result) => {
            if (!result.ETag)
                throw new Error(`UploadPart ${PartNumber} returned no ETag`);
            this.completed.push({
                PartNumber,
                ETag: result.ETag,
                // The CRC32 computed here, not S3's echo: Complete then checks S3 kept these bytes.
                ...(checksum.ChecksumCRC32 ? { ChecksumCRC32: checksum.ChecksumCRC32 } : {}),
            });
            this.uploadedBytes += part.length;
            this.window.completed(part.length);
            this.request.onProgress?.(this.uploadedBytes);
        })
            .catch((error) => {
            this.failure ??= { error };
        })
            .finally(() => {
            this.inFlight.delete(sent);
            this.giveBack(part.buffer);
        });
        this.inFlight.add(sent);
    }
    throwIfFailed() {
        if (this.failure)
            throw this.failure.error;
    }
}
function checksumOf(part) {
    if (!crc32)
        return {};
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(part.crc >>> 0);
    return { ChecksumAlgorithm: 'CRC32', ChecksumCRC32: bytes.toString('base64') };
}
/**
 * The configured part size, or a larger one (whole MiB) when `bytes` would not fit in
 * MAX_PARTS parts of it.
 */
function partSizeFor(bytes, configured) {
    const needed = Math.ceil(bytes / MAX_PARTS / units/* MIB */.D) * units/* MIB */.D;
    return Math.max(configured, needed);
}
/**
 * Ends the body with an error once the signal fires, so the upload stops reading and aborts
 * the multipart upload after the parts in flight have settled.
 */
async function* stopOnAbort(body, signal) {
    for await (const chunk of body) {
        if (signal?.aborted)
            throw abortError(signal);
        yield chunk;
    }
    if (signal?.aborted)
        throw abortError(signal);
}
function abortError(signal) {
    const reason = signal.reason;
    return reason instanceof Error
        ? reason
        : Object.assign(new Error('upload aborted'), { name: 'AbortError' });
}

;// CONCATENATED MODULE: ./src/encrypt-file.ts










/**
 * One file through a fresh data key and IV, AES in one streaming pass, and upload. The
 * plaintext key is zeroed when the pass ends, whether it succeeded or not.
 */
async function encryptAndUpload(file, config, deps) {
    const cipherBytes = (0,cipher/* ciphertextLength */.V6)(config.mode, file.bytes);
    // A file too big for 10,000 parts of the configured size gets larger parts.
    const partSizeBytes = partSizeFor(cipherBytes, config.partSizeBytes);
    if (deps.budget && partSizeBytes > deps.budget.totalBytes) {
        throw new errors/* FileError */.f6(file.relativePath, 'upload', new Error(`${file.bytes} bytes need parts of ${(0,memory_budget/* formatMiB */.av)(partSizeBytes)} to stay within 10,000 parts, more than max-memory-mib (${(0,memory_budget/* formatMiB */.av)(deps.budget.totalBytes)}); raise max-memory-mib to at least ${(2 * partSizeBytes + (0,memory_budget/* streamBytesFor */.Jf)(file.bytes)) / 2 ** 20}`));
    }
    // The file's read and cipher buffers come out of the run's budget too.
    const releaseStream = await deps.budget?.reserve((0,memory_budget/* streamBytesFor */.Jf)(file.bytes), deps.signal);
    try {
        return await encryptReserved(file, config, deps, cipherBytes, partSizeBytes);
    }
    finally {
        releaseStream?.();
    }
}
async function encryptReserved(file, config, deps, cipherBytes, partSizeBytes) {
    const dataKey = await makeDataKey({
        kms: deps.kms,
        kmsKeyArn: config.kmsKeyArn,
        keyBytes: config.keyBytes,
        source: config.keySource,
    }).catch((error) => {
        throw new errors/* FileError */.f6(file.relativePath, 'data key', error);
    });
    const iv = (0,external_node_crypto_.randomBytes)(config.ivBytes);
    const decryption = {
        DecryptionMode: config.mode,
        EncryptedDecryptionKey: Buffer.from(dataKey.encrypted).toString('base64'),
        InitializationVector: iv.toString('base64'),
    };
    if (config.kmsKeyRegion !== config.region)
        decryption.KmsKeyRegion = config.kmsKeyRegion;
    const digest = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    let sha256 = '';
    async function* hashed() {
        // Opened once; every check and every byte read goes through this one open file.
        const handle = await openListed(file);
        try {
            // Still the file that was listed (not swapped for a link elsewhere, not rewritten since)?
            await expectUnchanged(handle, file, 'since it was listed');
            for await (const chunk of (0,cipher/* readChunks */.zO)(handle, memory_budget/* READ_CHUNK_BYTES */.Vn)) {
                digest.update(chunk);
                bytes += chunk.length;
                yield chunk;
            }
            // Failing inside the stream makes the upload abort instead of storing a torn file.
            if (bytes !== file.bytes) {
                throw new Error(`file changed while being read: ${file.bytes} bytes listed, ${bytes} read`);
            }
            sha256 = digest.digest('hex');
            if (deps.plaintextSha256 !== undefined && sha256 !== deps.plaintextSha256) {
                throw new Error('file changed while being read: its SHA-256 differs from the first read');
            }
            await expectUnchanged(handle, file, 'while being read');
        }
        finally {
            await handle.close();
        }
    }
    const request = {
        s3: deps.s3,
        bucket: file.bucket,
        key: file.key,
        body: (0,cipher/* encrypt */.w)(hashed(), { mode: config.mode, key: dataKey.plaintext, iv }),
        contentType: contentTypeOf(file.relativePath),
        metadata: objectMetadata({
            decryption,
            kmsKeyRegion: config.kmsKeyRegion,
            ...(deps.plaintextSha256 === undefined
                ? {}
                : { plaintext: { sha256: deps.plaintextSha256, bytes: file.bytes } }),
        }),
        partSizeBytes,
        expectedBytes: cipherBytes,
        ...(deps.budget ? { budget: deps.budget } : {}),
        ...(deps.clock ? { now: () => deps.clock.now() } : {}),
        ...(config.sse ? { sse: config.sse } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
        ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
    };
    try {
        await uploadStream(request);
    }
    catch (error) {
        throw new errors/* FileError */.f6(file.relativePath, 'upload', error);
    }
    finally {
        dataKey.destroy();
    }
    return {
        relativePath: file.relativePath,
        bytes,
        plaintextSha256: sha256,
        s3Uri: `s3://${file.bucket}/${file.key}`,
        decryption,
    };
}

// EXTERNAL MODULE: ./src/finished-jobs.ts + 1 modules
var finished_jobs = __webpack_require__(45950);
// EXTERNAL MODULE: ./src/job-request.ts + 3 modules
var job_request = __webpack_require__(34789);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-mediaconvert/dist-cjs/index.js
var client_mediaconvert_dist_cjs = __webpack_require__(55156);
// EXTERNAL MODULE: ./src/safe-text.ts
var safe_text = __webpack_require__(91452);
;// CONCATENATED MODULE: ./src/job.ts



/**
 * Sends one CreateJob. The SDK retries throttling and dropped connections with the same input,
 * and so with the same ClientRequestToken: the service answers a repeat with the first job.
 */
async function createJob(mc, request) {
    let job;
    try {
        job = (await mc.send(new client_mediaconvert_dist_cjs/* CreateJobCommand */.n3k(request))).Job;
    }
    catch (error) {
        throw new errors/* JobError */.CR(`CreateJob failed: ${(0,errors/* messageOf */.bD)(error)}`, { cause: error });
    }
    if (!job?.Id)
        throw new errors/* JobError */.CR('CreateJob returned no job');
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
                ? new client_mediaconvert_dist_cjs/* GetQueueCommand */.TWC({ Name: name })
                : new client_mediaconvert_dist_cjs/* GetJobTemplateCommand */.Fke({ Name: name }));
        }
        catch (error) {
            const type = error instanceof Error ? error.name : '';
            if (type === 'NotFoundException') {
                throw new errors/* InputError */.dz(resource.input, `${resource.kind} '${resource.name}' does not exist in this region (${(0,errors/* messageOf */.bD)(error)})`);
            }
            if (type === 'ForbiddenException' || type === 'AccessDeniedException') {
                log.warning(`cannot check that ${resource.kind} '${resource.name}' exists (${(0,errors/* messageOf */.bD)(error)}); going on`);
                continue;
            }
            throw new errors/* JobError */.CR(`checking ${resource.kind} '${resource.name}' failed: ${(0,errors/* messageOf */.bD)(error)}`, {
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
    const outcomes = new Map();
    const lastLine = new Map();
    let delay = FIRST_POLL_MS;
    for (;;) {
        if (options.signal?.aborted)
            return interrupted(ids, outcomes);
        for (const id of ids.filter((i) => !outcomes.has(i))) {
            const job = (await mc.send(new client_mediaconvert_dist_cjs/* GetJobCommand */.jEM({ Id: id }))).Job;
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
                await mc.send(new client_mediaconvert_dist_cjs/* CancelJobCommand */.ppP({ Id: id }));
                canceled = true;
                options.log.warning(`job ${id}: canceled after wait-timeout`);
            }
            catch (error) {
                options.log.warning(`job ${id}: CancelJob after wait-timeout failed: ${(0,errors/* messageOf */.bD)(error)}`);
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
        return (0,safe_text/* oneLine */.TN)(`job ${o.id} ended ${o.status}${code}${o.errorMessage ? `: ${o.errorMessage}` : ''}`);
    })
        .join('\n');
}

;// CONCATENATED MODULE: ./src/manifest-target.ts



/** A manifest of ours is small; more than this is not one. */
const MAX_MANIFEST_PEEK = 64 * 1024 * 1024;
/**
 * Refuses a `manifest` path that would overwrite something it must not: one of the files to
 * encrypt, or any existing file that is not a manifest written by this action (a previous
 * run's manifest may be replaced). Runs before any AWS request.
 */
async function checkManifestTarget(manifestPath, files) {
    const target = await resolved(external_node_path_default().resolve(manifestPath));
    const listed = files.find((f) => f.absolutePath === target);
    if (listed) {
        throw new errors/* InputError */.dz('manifest', `'${manifestPath}' is '${listed.relativePath}', one of the files to encrypt; write the manifest elsewhere`);
    }
    const handle = await (0,promises_.open)(target, 'r').catch(() => undefined);
    if (!handle)
        return;
    try {
        const info = await handle.stat();
        if (!info.isFile()) {
            throw new errors/* InputError */.dz('manifest', `'${manifestPath}' exists and is not a regular file`);
        }
        const text = info.size > MAX_MANIFEST_PEEK ? '' : (await handle.readFile({ encoding: 'utf8' })).trim();
        if (text !== '' && !isManifest(text)) {
            throw new errors/* InputError */.dz('manifest', `'${manifestPath}' exists and is not a manifest of this action; give a new path or remove the file`);
        }
        if (text === '' && info.size > 0) {
            throw new errors/* InputError */.dz('manifest', `'${manifestPath}' exists and is too big to be a manifest`);
        }
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
function isManifest(text) {
    try {
        const value = JSON.parse(text);
        return value.version === 1 && Array.isArray(value.files);
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/progress.ts

/** Progress lines for long uploads: at most one every INTERVAL_MS per file. */
const INTERVAL_MS = 5000;
class Progress {
    file;
    log;
    clock;
    started;
    lastLine;
    constructor(file, log, clock) {
        this.file = file;
        this.log = log;
        this.clock = clock;
        this.started = clock.now();
        this.lastLine = this.started;
    }
    update(uploadedBytes) {
        if (this.log.progress) {
            this.log.progress(this.file.relativePath, uploadedBytes, this.file.bytes);
            return;
        }
        const now = this.clock.now();
        if (now - this.lastLine < INTERVAL_MS)
            return;
        this.lastLine = now;
        const percent = this.file.bytes > 0 ? Math.min(100, (uploadedBytes / this.file.bytes) * 100) : 100;
        this.log.info(`${this.file.relativePath}: ${(0,units/* formatBytes */.z)(uploadedBytes)} of ${(0,units/* formatBytes */.z)(this.file.bytes)} (${percent.toFixed(0)}%), ${this.rate(uploadedBytes, now)}`);
    }
    done(s3Uri) {
        const now = this.clock.now();
        this.log.info(`${this.file.relativePath}: ${(0,units/* formatBytes */.z)(this.file.bytes)} encrypted to ${s3Uri} in ${((now - this.started) / 1000).toFixed(1)} s (${this.rate(this.file.bytes, now)})`);
    }
    rate(bytes, now) {
        const seconds = Math.max((now - this.started) / 1000, 0.001);
        return `${(bytes / 1048576 / seconds).toFixed(1)} MiB/s`;
    }
}

// EXTERNAL MODULE: ./src/report.ts
var src_report = __webpack_require__(70665);
;// CONCATENATED MODULE: ./src/run.ts



















/** The seed of ClientRequestTokens: same run and attempt, same token; a re-run gets new ones. */
function tokenSeedFrom(env) {
    const { GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_JOB, GITHUB_ACTION } = env;
    if (!GITHUB_RUN_ID)
        return undefined;
    return [
        GITHUB_REPOSITORY,
        GITHUB_RUN_ID,
        GITHUB_RUN_ATTEMPT ?? '1',
        GITHUB_JOB,
        GITHUB_ACTION,
    ].join('/');
}
/**
 * The whole flow. Throws for bad inputs and files (before any AWS request), and for a job
 * template or queue that does not exist (checked with read-only requests before any data key
 * or upload); after that it always returns a report of what succeeded, with `failure` set
 * when something did not. Once `signal` fires no new file starts, no job is created and the
 * wait for jobs stops.
 */
async function run(config, deps) {
    const downloads = [];
    try {
        return await runFlow(config, deps, downloads);
    }
    finally {
        await removeDownloads(downloads, deps.log);
    }
}
async function runFlow(config, deps, downloads) {
    const files = await listFiles(config, deps, downloads);
    await checkManifestTarget(config.manifestPath, files);
    const plan = config.job ? await (0,job_request/* loadJobPlan */.Fx)(config.job, files.length) : undefined;
    // Every request carries the step's cancel: none starts after it, those in flight are cut.
    const clients = abortWith(deps.clients(), deps.signal);
    const { log } = deps;
    for (const note of plan?.notes ?? [])
        (note.warning ? log.warning : log.info)(note.text);
    if (config.job && plan) {
        await checkJobResources(clients.mediaconvert, jobResources(config.job, plan), log);
    }
    log.info(`${files.length} file(s) to encrypt with ${config.mode}, ${config.keyBytes * 8}-bit keys, ${config.ivBytes}-byte IVs` +
        (config.shard ? ` (shard ${config.shard.index}/${config.shard.count})` : ''));
    if (config.partSizeReducedFrom !== undefined) {
        log.warning(`part-size-mib ${config.partSizeReducedFrom / 2 ** 20} does not fit twice in max-memory-mib ${config.memoryBudgetBytes / 2 ** 20}: parts of ${(0,memory_budget/* formatMiB */.av)(config.partSizeBytes)} are used instead (raise max-memory-mib to ${(2 * config.partSizeReducedFrom + memory_budget/* MAX_STREAM_BYTES */.wC) / 2 ** 20} to keep the part size)`);
    }
    if (config.dryRun) {
        const dryRun = await planDryRun(files, config, plan, clients.s3, deps.signal);
        logPlan(dryRun, log);
        const report = { region: config.region, files: [], failures: [], jobs: [], dryRun };
        await (0,src_report/* writeManifest */.HN)(config.manifestPath, report);
        const failure = planFailure(dryRun);
        return failure === undefined ? { report } : { report, failure };
    }
    const { results, failures } = await encryptAll(files, config, clients, deps);
    const report = { region: config.region, files: results, failures, jobs: [] };
    const problems = failures.map((f) => `${f.relativePath}: ${f.message}`);
    if (plan && results.length > 0) {
        if (deps.signal?.aborted) {
            // The runner is canceling the step: new jobs would only be billed and left unwatched.
            problems.push('no job was created: the step was interrupted');
        }
        else if (plan.layout === 'single' && failures.length > 0) {
            problems.push('no job was created: job-layout single needs every file');
        }
        else {
            problems.push(...(await createJobs(plan, results, clients.mediaconvert, report, deps)));
        }
    }
    if (config.wait && report.jobs.length > 0) {
        const finished = [];
        report.finished = finished;
        // A failed poll must not lose the report: the jobs exist, and a re-run would duplicate them.
        const outcomes = await waitForJobs(clients.mediaconvert, report.jobs.map((j) => j.id), {
            timeoutMs: config.waitTimeoutMs,
            cancelOnTimeout: config.cancelOnTimeout,
            clock: deps.clock,
            log,
            ...(deps.signal ? { signal: deps.signal } : {}),
            onFinished: (job) => finished.push((0,finished_jobs/* finishedJobOf */.Vd)(job)),
        }).catch((error) => {
            problems.push(`waiting for jobs failed: ${(0,errors/* messageOf */.bD)(error)}`);
            return undefined;
        });
        if (outcomes) {
            report.outcomes = outcomes;
            const failedJobs = failedJobsMessage(outcomes);
            if (failedJobs)
                problems.push(failedJobs);
            if (config.deleteInputs === 'on-complete') {
                report.deletion = await deleteCompletedInputs(clients.s3, report.jobs, outcomes, log);
                problems.push(...report.deletion.problems);
            }
        }
    }
    await (0,src_report/* writeManifest */.HN)(config.manifestPath, report);
    return problems.length === 0
        ? { report }
        : { report, failure: summarize(problems, failures.length) };
}
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
async function listFiles(config, deps, downloads) {
    let root = deps.workspace;
    if (config.artifact) {
        if (!deps.artifacts) {
            throw new errors/* InputError */.dz('artifact', 'works only inside a GitHub Actions run; outside it, download the files first and use `files`');
        }
        root = await downloadArtifact(await deps.artifacts(), config.artifact, deps.tempDir, {
            ...(config.artifactSource ? { source: config.artifactSource } : {}),
            onFolder: (folder) => downloads.push(folder),
        });
        deps.log.info(`artifact '${config.artifact}' downloaded to ${root}`);
    }
    return findFiles({
        root,
        patterns: config.patterns,
        destination: config.destination,
        mode: config.mode,
        includeHidden: config.includeHiddenFiles,
        onWarning: (message) => deps.log.warning(message),
        ...(config.shard ? { shard: config.shard } : {}),
    });
}
async function encryptAll(files, config, clients, deps) {
    const budget = new memory_budget/* MemoryBudget */.ND(config.memoryBudgetBytes);
    const concurrency = config.concurrency ??
        (0,memory_budget/* autoConcurrency */.VA)(files.map((f) => (0,cipher/* ciphertextLength */.V6)(config.mode, f.bytes)), config.partSizeBytes, config.memoryBudgetBytes);
    deps.log.info(`${concurrency} file(s) at once${config.concurrency === undefined ? ' (auto)' : ''}, buffers within ${(0,memory_budget/* formatMiB */.av)(config.memoryBudgetBytes)} (max-memory-mib), ${(0,memory_budget/* formatMiB */.av)(config.partSizeBytes)} parts`);
    const settled = await mapPool(files, concurrency, async (file) => {
        if (deps.signal?.aborted)
            throw new Error('canceled before it started');
        // Progress lines go out live; each file's outcome is one group, written when it ends so
        // that files in flight together do not interleave inside each other's groups.
        const progress = new Progress(file, deps.log, deps.clock);
        try {
            const decision = await decideUpload(file, config, clients.s3, deps.signal);
            if (!decision.upload) {
                await deps.log.group(file.relativePath, async () => logSkipped(decision.result, deps.log));
                return decision.result;
            }
            if (decision.replacing)
                deps.log.debug(`replacing the object of ${file.relativePath}: ${decision.replacing}`);
            const result = await encryptAndUpload(file, config, {
                kms: clients.kms,
                s3: clients.s3,
                budget,
                clock: deps.clock,
                onProgress: (n) => progress.update(n),
                ...(deps.signal ? { signal: deps.signal } : {}),
                ...(decision.plaintextSha256 ? { plaintextSha256: decision.plaintextSha256 } : {}),
            });
            await deps.log.group(file.relativePath, async () => {
                progress.done(result.s3Uri);
                deps.log.info(`${result.decryption.DecryptionMode}, ${config.keyBytes * 8}-bit data key from ${config.keySource === 'kms' ? 'KMS GenerateDataKey' : 'the runner, encrypted by KMS'}, ${config.ivBytes}-byte IV`);
                deps.log.info(`plaintext SHA-256 ${result.plaintextSha256}`);
            });
            return result;
        }
        catch (error) {
            await deps.log.group(file.relativePath, async () => deps.log.warning(`${file.relativePath}: ${(0,errors/* messageOf */.bD)(error).replace(`${file.relativePath}: `, '')}`));
            throw error;
        }
    }, config.failFast);
    const results = [];
    const failures = [];
    settled.forEach((outcome, i) => {
        const relativePath = files[i].relativePath;
        if (outcome === undefined) {
            failures.push({ relativePath, message: 'not started: fail-fast stopped the batch' });
        }
        else if (outcome.ok) {
            results.push(outcome.value);
        }
        else {
            const message = (0,errors/* messageOf */.bD)(outcome.error).replace(`${relativePath}: `, '');
            failures.push({ relativePath, message });
        }
    });
    return { results, failures };
}
/**
 * CreateJob requests at once. Each is one round trip; with a thousand files on a link with
 * 40 ms of round trip, 4 at once spent 10 s on job creation alone.
 */
const CREATE_JOB_CONCURRENCY = 16;
async function createJobs(plan, results, mediaconvert, report, deps) {
    const requests = (0,job_request/* buildRequests */.rz)(plan, results, deps.tokenSeed ?? (0,external_node_crypto_.randomUUID)());
    const problems = [];
    const created = await mapPool(requests, CREATE_JOB_CONCURRENCY, (request) => createJob(mediaconvert, request));
    created.forEach((outcome, i) => {
        if (outcome?.ok) {
            const job = outcome.value;
            report.jobs.push(job);
            deps.log.info(`job ${job.id} created (${job.request.Settings?.Inputs?.length ?? 0} input(s))`);
        }
        else {
            const inputs = (requests[i].Settings?.Inputs ?? [])
                .map((input) => input.FileInput)
                .join(', ');
            problems.push(`${inputs}: ${outcome ? (0,errors/* messageOf */.bD)(outcome.error) : 'not attempted'}`);
        }
    });
    return problems;
}
function summarize(problems, failedFiles) {
    const head = failedFiles > 0 ? `${failedFiles} file(s) failed` : 'the run did not complete';
    // One line per problem: a name or service message with a line break stays inside its line.
    return `${head}:\n${problems.map((p) => `- ${(0,safe_text/* oneLine */.TN)(p)}`).join('\n')}`;
}


/***/ })

};
