/**
 * One conformance case: the action's own pipeline encrypts the clip with the case's mode, IV
 * and key length, uploads it and creates a job that waits to its end; the job's MP4 output is
 * then fetched and decoded (ffprobe), and its duration compared with the clip's.
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { parseConfig } from '../inputs/config.js';
import type { InputName } from '../inputs/interface.js';
import { loadPipeline } from '../host/pipeline.js';
import type { Logger } from '../shared/logger.js';
import { messageOf } from '../shared/errors.js';
import type { ConformanceCase } from './cases.js';
import { conformanceJobSettings } from './job-settings.js';
import { probeDuration } from './media.js';

/** How far the output's duration may be from the clip's. */
export const DURATION_TOLERANCE_SECONDS = 0.2;

export interface CaseResult {
  case: string;
  mode: string;
  ivBytes: number;
  keyBits: number;
  jobId?: string;
  /** The job's final status (COMPLETE, ERROR, CANCELED), or NOT_CREATED. */
  status: string;
  errorCode?: number;
  errorMessage?: string;
  /** The MP4 the job wrote. */
  output?: string;
  outputSeconds?: number;
  /** `passed`: COMPLETE and the output decodes with the clip's duration. */
  verdict: 'passed' | 'failed';
  problem?: string;
}

export interface CaseTarget {
  /** `s3://bucket/prefix/` of this case: the ciphertext goes here, the output under `out/`. */
  prefix: string;
  kmsKeyArn: string;
  roleArn: string;
  region?: string;
  waitTimeoutSeconds: number;
  /** Folder holding `clip.mp4`; the case's files are written here too. */
  workDir: string;
  clipSeconds: number;
  env: Readonly<Record<string, string | undefined>>;
  log: Logger;
  signal: AbortSignal;
  s3: S3Client;
}

export async function runCase(c: ConformanceCase, target: CaseTarget): Promise<CaseResult> {
  const result: CaseResult = {
    case: c.name,
    mode: c.mode,
    ivBytes: c.ivBytes,
    keyBits: c.keyBits,
    status: 'NOT_CREATED',
    verdict: 'failed',
  };
  const settingsFile = path.join(target.workDir, `${c.name}.job.json`);
  await writeFile(settingsFile, JSON.stringify(conformanceJobSettings(`${target.prefix}out/`)));
  const raw: Partial<Record<InputName, string>> = {
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
    manifest: path.join(target.workDir, `${c.name}.manifest.json`),
    ...(target.region ? { region: target.region } : {}),
  };
  const env = { ...target.env, RUNNER_TEMP: target.workDir };
  try {
    const config = parseConfig(raw, env);
    const { runPipeline, hostDeps } = await loadPipeline();
    const outcome = await runPipeline(
      config,
      hostDeps(config, env, {
        log: target.log,
        signal: target.signal,
        workspace: target.workDir,
        tempDir: target.workDir,
      }),
    );
    const { report } = outcome;
    const job = report.jobs[0];
    const end = report.outcomes?.[0];
    if (job) result.jobId = job.id;
    if (end) {
      result.status = end.status;
      if (end.errorCode !== undefined) result.errorCode = end.errorCode;
      if (end.errorMessage !== undefined) result.errorMessage = end.errorMessage;
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
    const local = path.join(target.workDir, `${c.name}.out.mp4`);
    await download(target.s3, output, local, target.signal);
    result.outputSeconds = await probeDuration(local);
    const off = Math.abs(result.outputSeconds - target.clipSeconds);
    if (off > DURATION_TOLERANCE_SECONDS) {
      result.problem = `the output lasts ${result.outputSeconds.toFixed(3)} s, the clip ${target.clipSeconds.toFixed(3)} s`;
      return result;
    }
    result.verdict = 'passed';
  } catch (error) {
    result.problem = messageOf(error);
  }
  return result;
}

async function download(
  s3: S3Client,
  uri: string,
  file: string,
  signal: AbortSignal,
): Promise<void> {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match) throw new Error(`not an S3 URI: ${uri}`);
  const object = await s3.send(new GetObjectCommand({ Bucket: match[1], Key: match[2] }), {
    abortSignal: signal,
  });
  await pipeline(object.Body as Readable, createWriteStream(file));
}
