export const id = 244;
export const ids = [244];
export const modules = {

/***/ 244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   objectOutputs: () => (/* binding */ objectOutputs),
/* harmony export */   objectStepOutputs: () => (/* binding */ objectStepOutputs),
/* harmony export */   objectSummary: () => (/* binding */ objectSummary)
/* harmony export */ });
/* harmony import */ var _shared_safe_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6054);
/* harmony import */ var _objects_object_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9119);
/* harmony import */ var _objects_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2140);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4196);




/** Where each output's full value is in the results file, when an output is too big. */
const IN_RESULTS = {
    'object-results': 'results[] (s3Uri, status, message)',
    's3-uris': 'results[].s3Uri',
    'decryption-settings': 'results[].decryption',
};
/** The action's outputs of the run, capped: `resultsPath` holds every result in full. */
function objectStepOutputs(report, resultsPath) {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .limitOutputs */ .Gp)(objectOutputs(report), { manifestPath: resultsPath, where: IN_RESULTS });
}
/** The outputs in full, as the CLI prints them. */
function objectOutputs(report) {
    const outputs = {
        'object-results': JSON.stringify(report.results.map(({ s3Uri, status, message }) => ({ s3Uri, status, message }))),
        's3-uris': JSON.stringify(report.results.map((r) => r.s3Uri)),
    };
    if (report.command === 'rewrap') {
        outputs['decryption-settings'] = JSON.stringify(report.results.map((r) => r.decryption ?? null));
    }
    if (report.manifestPath)
        outputs.manifest = report.manifestPath;
    return outputs;
}
const TITLES = { verify: 'verify', rewrap: 'rewrap' };
/** A Markdown summary: the counts, then one row per object (failures first). */
function objectSummary(report) {
    const title = `${TITLES[report.command]}${report.dryRun ? ' (dry run)' : ''}`;
    const rows = [...report.results].sort((a, b) => Number(_objects_object_result_js__WEBPACK_IMPORTED_MODULE_1__/* .PASSING */ .KA.has(a.status)) - Number(_objects_object_result_js__WEBPACK_IMPORTED_MODULE_1__/* .PASSING */ .KA.has(b.status)));
    const lines = [
        `### MediaConvert encrypt: ${title}`,
        '',
        `${report.results.length} object(s): ${(0,_shared_safe_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)((0,_objects_run_js__WEBPACK_IMPORTED_MODULE_2__.totals)(report.results))}.${report.manifestPath ? ` Manifest: ${(0,_shared_safe_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(report.manifestPath)}.` : ''}`,
        '',
        '| Object | Status | Detail |',
        '| --- | --- | --- |',
    ];
    for (const r of rows) {
        const status = _objects_object_result_js__WEBPACK_IMPORTED_MODULE_1__/* .PASSING */ .KA.has(r.status) ? r.status : `**${r.status}**`;
        lines.push(`| ${(0,_shared_safe_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(r.s3Uri)} | ${status} | ${(0,_shared_safe_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(r.message)} |`);
    }
    return `${lines.join('\n')}\n`;
}


/***/ })

};
