/**
 * `mediaconvert-encrypt conformance`: runs every conformance case against the account the
 * credentials reach (or the local stack), prints a table and writes it as JSON. Exit 0 when
 * every case passed, 1 when one failed, 2 on a bad flag (before any AWS request).
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeClients } from '../aws/clients.js';
import { parseConfig } from '../inputs/config.js';
import { InputError, messageOf } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { mapPool } from '../shared/pool.js';
import { safeJson } from '../shared/safe-text.js';
import { CASES, selectCases } from './cases.js';
import { removePrefix } from './clean-up.js';
import { makeClip, probeDuration } from './media.js';
import { runCase, type CaseResult } from './run-case.js';
import { resultTable } from './table.js';

export const CONFORMANCE_HELP = `Usage: mediaconvert-encrypt conformance --destination s3://bucket/prefix/ --kms-key-arn ARN --role-arn ARN [options]

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
} as const;

const CLIP_SECONDS = 2;

export async function conformance(
  argv: readonly string[],
  log: Logger,
  signal: AbortSignal,
): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true }));
  } catch (error) {
    log.info(`error: ${messageOf(error).replace(/^TypeError[^:]*: /, '')}; see conformance --help`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${CONFORMANCE_HELP}\n`);
    return 0;
  }
  const runId = `conformance-${new Date().toISOString().replace(/[-:]|\.\d+Z$/g, '')}-${randomBytes(3).toString('hex')}`;
  let cases;
  let concurrency: number;
  let config;
  try {
    cases = selectCases(values.cases);
    concurrency = Number(values.concurrency);
    if (!/^\d+$/.test(values.concurrency) || concurrency < 1 || concurrency > CASES.length) {
      throw new Error(
        `--concurrency: '${values.concurrency}' is not accepted; use 1 to ${CASES.length}`,
      );
    }
    for (const name of ['destination', 'kms-key-arn', 'role-arn'] as const) {
      if (!values[name]) throw new Error(`--${name} is required; see conformance --help`);
    }
    // The case's own inputs, validated as the action validates them, before any request.
    config = parseConfig(
      {
        files: 'clip.mp4',
        destination: `${values.destination!.replace(/\/?$/, '/')}${runId}/`,
        'kms-key-arn': values['kms-key-arn']!,
        'role-arn': values['role-arn']!,
        'wait-timeout': values['wait-timeout'],
        wait: 'true',
        // Written per case later; parseConfig reads no file.
        'job-settings': 'conformance.job.json',
        ...(values.region ? { region: values.region } : {}),
      },
      { ...process.env, RUNNER_TEMP: os.tmpdir() },
    );
  } catch (error) {
    const message =
      error instanceof InputError
        ? error.message.replace(/^Input `([^`]+)`/, '--$1')
        : messageOf(error);
    log.info(`error: ${message}`);
    return 2;
  }
  const runPrefix = `s3://${config.destination.bucket}/${config.destination.prefix}`;
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'mediaconvert-encrypt-conformance-'));
  const s3 = makeClients(config, process.env).s3;
  let results: CaseResult[] = [];
  try {
    const clip = path.join(workDir, 'clip.mp4');
    if (values.clip) await copyFile(values.clip, clip);
    else await makeClip(clip, CLIP_SECONDS);
    const clipSeconds = await probeDuration(clip);
    log.info(`${cases.length} case(s) under ${runPrefix}, ${concurrency} at once`);
    const selected = cases;
    const settled = await mapPool(selected, concurrency, async (c) => {
      const result = await runCase(c, {
        prefix: `${runPrefix}${c.name}/`,
        kmsKeyArn: config.kmsKeyArn,
        roleArn: config.job!.roleArn,
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
    results = settled.map((s, i) =>
      s?.ok
        ? s.value
        : {
            case: selected[i]!.name,
            mode: selected[i]!.mode,
            ivBytes: selected[i]!.ivBytes,
            keyBits: selected[i]!.keyBits,
            status: 'NOT_CREATED',
            verdict: 'failed' as const,
            problem: s ? messageOf(s.error) : 'not run',
          },
    );
  } catch (error) {
    log.info(`error: ${messageOf(error)}`);
    return 1;
  } finally {
    if (!values.keep) {
      try {
        const removed = await removePrefix(
          s3,
          config.destination.bucket,
          config.destination.prefix,
        );
        log.info(`removed ${removed} object(s) under ${runPrefix} (--keep keeps them)`);
      } catch (error) {
        log.warning(`could not remove what the run made under ${runPrefix}: ${messageOf(error)}`);
      }
    } else {
      log.info(`kept the objects and outputs under ${runPrefix}`);
    }
    await rm(workDir, { recursive: true, force: true });
  }
  const reportFile = values.report ?? `${runId}.json`;
  const document = {
    runId,
    prefix: runPrefix,
    kept: values.keep,
    clipSeconds: CLIP_SECONDS,
    results,
  };
  await writeFile(reportFile, `${safeJson(document, 2)}\n`);
  process.stdout.write(`${resultTable(results)}\n`);
  log.info(`results written to ${reportFile}`);
  return results.every((r) => r.verdict === 'passed') ? 0 : 1;
}

/** A case's pipeline log: its progress only in debug, its warnings named by the case. */
function quiet(log: Logger, name: string): Logger {
  return {
    info: (m) => log.debug(`${name}: ${m}`),
    warning: (m) => log.warning(`${name}: ${m}`),
    debug: (m) => log.debug(`${name}: ${m}`),
    group: async (_title, fn) => fn(),
  };
}
