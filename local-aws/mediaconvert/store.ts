/**
 * In-memory state of the MediaConvert emulator: jobs, job templates, the Default queue and
 * idempotency tokens, plus the list/paginate rules of ListJobs and ListJobTemplates.
 */
import { randomBytes } from 'node:crypto';
import type { ValidatedJobRequest } from './validate.js';
import {
  ApiError,
  badRequest,
  epochSeconds,
  TERMINAL_STATUSES,
  type JsonObject,
  type WireJob,
  type WireJobTemplate,
} from './wire.js';

/** CreateJob members that the service echoes back on the job unchanged. */
const ECHOED_MEMBERS = [
  'accelerationSettings',
  'billingTagsSource',
  'clientRequestToken',
  'elementalInferenceSettings',
  'hopDestinations',
  'jobTemplate',
  'simulateReservedQueue',
  'statusUpdateInterval',
  'userMetadata',
] as const;

const JOB_STATUSES = ['SUBMITTED', 'PROGRESSING', 'COMPLETE', 'CANCELED', 'ERROR'];
const PAGE_MAX = 20;

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface ListQuery {
  maxResults?: string | undefined;
  nextToken?: string | undefined;
  order?: string | undefined;
}

export class MediaConvertStore {
  private readonly jobsById = new Map<string, WireJob>();
  private readonly templates = new Map<string, WireJobTemplate>();
  private readonly tokens = new Map<string, { id: string; at: number }>();
  private readonly startedAt = epochSeconds();

  /**
   * @param tokenTtlMs how long a clientRequestToken stands for its job: one minute, as the
   *   model documents it ("If you reuse a client request token within one minute of a
   *   successful request, the API returns the job details of the original request instead").
   */
  constructor(
    readonly region: string,
    readonly accountId: string,
    private readonly tokenTtlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  arn(kind: 'jobs' | 'jobTemplates' | 'queues', name: string): string {
    return `arn:aws:mediaconvert:${this.region}:${this.accountId}:${kind}/${name}`;
  }

  /** Only the Default queue exists; it answers to its name or its ARN. */
  queueArn(nameOrArn: string): string | undefined {
    const arn = this.arn('queues', 'Default');
    return nameOrArn === 'Default' || nameOrArn === arn ? arn : undefined;
  }

  /** The job a repeated clientRequestToken stands for, if any. */
  jobForToken(token: unknown): WireJob | undefined {
    if (typeof token !== 'string') return undefined;
    const entry = this.tokens.get(token);
    if (entry === undefined) return undefined;
    if (this.now() - entry.at >= this.tokenTtlMs) {
      this.tokens.delete(token);
      return undefined;
    }
    return this.jobsById.get(entry.id);
  }

  createJob(request: JsonObject, valid: ValidatedJobRequest): WireJob {
    const now = Date.now();
    const id = `${now}-${randomSuffix()}`;
    const job: WireJob = {
      accelerationStatus: 'NOT_APPLICABLE',
      statusUpdateInterval: 'SECONDS_60',
      ...pick(request, ECHOED_MEMBERS),
      id,
      arn: this.arn('jobs', id),
      role: valid.role,
      settings: valid.settings,
      queue: valid.queueArn,
      priority: valid.priority,
      status: 'SUBMITTED',
      createdAt: epochSeconds(now),
      retryCount: 0,
      messages: { info: [], warning: [] },
      timing: { submitTime: epochSeconds(now) },
    };
    this.jobsById.set(id, job);
    const token = request['clientRequestToken'];
    if (typeof token === 'string') this.tokens.set(token, { id, at: this.now() });
    return job;
  }

  getJob(id: string): WireJob {
    const job = this.jobsById.get(id);
    if (!job) throw new ApiError('NotFoundException', `The specified job was not found: ${id}`);
    return job;
  }

  allJobs(): WireJob[] {
    return [...this.jobsById.values()];
  }

  listJobs(query: ListQuery & { status?: string | undefined; queue?: string | undefined }) {
    if (query.status !== undefined && !JOB_STATUSES.includes(query.status)) {
      throw badRequest(`status: should be one of ${JOB_STATUSES.join(', ')}`);
    }
    let jobs = this.allJobs();
    if (query.status !== undefined) jobs = jobs.filter((job) => job.status === query.status);
    if (query.queue !== undefined) {
      const queueArn = this.queueArn(query.queue);
      if (!queueArn) {
        throw new ApiError(
          'NotFoundException',
          `The specified queue was not found: ${query.queue}`,
        );
      }
      jobs = jobs.filter((job) => job.queue === queueArn);
    }
    // Creation order is insertion order; DESCENDING (newest first) is the service's default.
    return paginate(jobs, (job) => job.id, query, 'DESCENDING');
  }

  cancelJob(id: string): WireJob {
    const job = this.getJob(id);
    if (TERMINAL_STATUSES.has(job.status)) {
      throw new ApiError(
        'ConflictException',
        `The job ${id} is ${job.status} and can no longer be canceled`,
      );
    }
    return job;
  }

  createTemplate(name: string, settings: JsonObject, extra: JsonObject = {}): WireJobTemplate {
    if (this.templates.has(name)) {
      throw new ApiError('ConflictException', `A job template named ${name} already exists`);
    }
    const now = epochSeconds();
    const template: WireJobTemplate = {
      priority: 0,
      statusUpdateInterval: 'SECONDS_60',
      ...extra,
      name,
      arn: this.arn('jobTemplates', name),
      settings,
      createdAt: now,
      lastUpdated: now,
      type: 'CUSTOM',
    };
    this.templates.set(name, template);
    return template;
  }

  /** Templates answer to their name or their ARN, as in CreateJob's `jobTemplate`. */
  findTemplate(nameOrArn: string): WireJobTemplate | undefined {
    const prefix = this.arn('jobTemplates', '');
    const name = nameOrArn.startsWith(prefix) ? nameOrArn.slice(prefix.length) : nameOrArn;
    return this.templates.get(name);
  }

  getTemplate(nameOrArn: string): WireJobTemplate {
    const template = this.findTemplate(nameOrArn);
    if (!template) {
      throw new ApiError(
        'NotFoundException',
        `The specified job template was not found: ${nameOrArn}`,
      );
    }
    return template;
  }

  listTemplates(query: ListQuery & { listBy?: string | undefined; category?: string | undefined }) {
    let templates = [...this.templates.values()];
    if (query.category !== undefined) {
      templates = templates.filter((t) => t['category'] === query.category);
    }
    if (query.listBy === 'NAME') templates.sort((a, b) => a.name.localeCompare(b.name));
    return paginate(templates, (t) => t.name, query, 'ASCENDING');
  }

  queue(nameOrArn: string): JsonObject {
    const arn = this.queueArn(nameOrArn);
    if (!arn) {
      throw new ApiError('NotFoundException', `The specified queue was not found: ${nameOrArn}`);
    }
    const jobs = this.allJobs().filter((job) => job.queue === arn);
    return {
      name: 'Default',
      arn,
      type: 'SYSTEM',
      status: 'ACTIVE',
      pricingPlan: 'ON_DEMAND',
      concurrentJobs: 1,
      createdAt: this.startedAt,
      lastUpdated: this.startedAt,
      submittedJobsCount: jobs.filter((job) => job.status === 'SUBMITTED').length,
      progressingJobsCount: jobs.filter((job) => job.status === 'PROGRESSING').length,
    };
  }
}

/** Six lower-case letters or digits, as in the service's `1515368087458-qnoxtd`. */
function randomSuffix(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(6)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

function pick(source: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

/**
 * Pages of at most 20. The token is the key of the last item served, so jobs created
 * between two calls neither repeat nor vanish from a walk through the pages.
 */
function paginate<T>(
  items: T[],
  keyOf: (item: T) => string,
  query: ListQuery,
  defaultOrder: 'ASCENDING' | 'DESCENDING',
): Page<T> {
  const order = query.order ?? defaultOrder;
  if (order !== 'ASCENDING' && order !== 'DESCENDING') {
    throw badRequest('order: should be one of ASCENDING, DESCENDING');
  }
  const max = query.maxResults === undefined ? PAGE_MAX : Number(query.maxResults);
  if (!Number.isInteger(max) || max < 0 || max > PAGE_MAX) {
    throw badRequest(`maxResults: ${query.maxResults ?? ''} should be an integer from 0 to 20`);
  }
  const ordered = order === 'DESCENDING' ? [...items].reverse() : items;
  let start = 0;
  if (query.nextToken !== undefined) {
    const after = Buffer.from(query.nextToken, 'base64url').toString('utf8');
    const index = ordered.findIndex((item) => keyOf(item) === after);
    if (index < 0) throw badRequest('nextToken: the token is not valid');
    start = index + 1;
  }
  const size = max === 0 ? PAGE_MAX : max;
  const page = ordered.slice(start, start + size);
  const last = page[page.length - 1];
  const more = start + size < ordered.length && last !== undefined;
  return {
    items: page,
    ...(more ? { nextToken: Buffer.from(keyOf(last), 'utf8').toString('base64url') } : {}),
  };
}
