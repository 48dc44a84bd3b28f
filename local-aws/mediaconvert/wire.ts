/**
 * Wire-format (REST-JSON, camelCase jsonName) helpers shared by the MediaConvert emulator.
 * Jobs and templates are kept exactly as they go over the wire, so these helpers read
 * untyped JSON safely instead of mapping it onto SDK types.
 */

export type JsonObject = Record<string, unknown>;

export type JobStatus = 'SUBMITTED' | 'PROGRESSING' | 'COMPLETE' | 'CANCELED' | 'ERROR';
export type JobPhase = 'PROBING' | 'TRANSCODING' | 'UPLOADING';

export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['COMPLETE', 'CANCELED', 'ERROR']);

/** A job as GetJob returns it; extra members of the request are kept as they came. */
export interface WireJob {
  [member: string]: unknown;
  id: string;
  arn: string;
  role: string;
  settings: JsonObject;
  queue: string;
  status: JobStatus;
  createdAt: number;
  priority: number;
  timing: { submitTime: number; startTime?: number; finishTime?: number };
}

export interface WireJobTemplate {
  [member: string]: unknown;
  name: string;
  arn: string;
  settings: JsonObject;
  createdAt: number;
  lastUpdated: number;
  type: 'CUSTOM' | 'SYSTEM';
}

/** The exception shapes of the MediaConvert model, with their HTTP status codes. */
export const ERROR_STATUS = {
  BadRequestException: 400,
  ForbiddenException: 403,
  NotFoundException: 404,
  ConflictException: 409,
  TooManyRequestsException: 429,
  InternalServerErrorException: 500,
} as const;

export type ErrorType = keyof typeof ERROR_STATUS;

/** An error the HTTP layer turns into `x-amzn-ErrorType` + `{"message": ...}`. */
export class ApiError extends Error {
  constructor(
    readonly type: ErrorType,
    message: string,
  ) {
    super(message);
    this.name = type;
  }

  get status(): number {
    return ERROR_STATUS[this.type];
  }
}

export function badRequest(message: string): ApiError {
  return new ApiError('BadRequestException', message);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(parent: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = parent?.[key];
  return isObject(value) ? value : undefined;
}

export function arrayAt(parent: JsonObject | undefined, key: string): unknown[] | undefined {
  const value = parent?.[key];
  return Array.isArray(value) ? value : undefined;
}

export function stringAt(parent: JsonObject | undefined, key: string): string | undefined {
  const value = parent?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function numberAt(parent: JsonObject | undefined, key: string): number | undefined {
  const value = parent?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The objects of a list member; anything else in the list is skipped (validation reports it). */
export function objectsAt(parent: JsonObject | undefined, key: string): JsonObject[] {
  return (arrayAt(parent, key) ?? []).filter(isObject);
}

/** Epoch seconds: the timestamp format restJson1 uses when the model names none. */
export function epochSeconds(ms: number = Date.now()): number {
  return Math.floor(ms / 1000);
}

/** Splits `s3://bucket/key` into its parts, or undefined when it is not an S3 URL. */
export function parseS3Url(url: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(url);
  if (!match?.[1]) return undefined;
  return { bucket: match[1], key: match[2] ?? '' };
}

/**
 * Job error codes, as the MediaConvert user guide's "Error codes" page documents them:
 * 1010 file access error (an input that cannot be opened: wrong path, unreadable, corrupt or
 * not media), 1020 / 1021 no video / no audio in the input, 1040 settings error (settings not
 * supported in this combination; here also what the emulator cannot approximate), 1401 S3
 * denied access, 1404 file or bucket not found, 1432 the job's role lacks a permission,
 * 1999 unknown error.
 */
export const ERROR_CODES = {
  inputAccess: 1010,
  noVideo: 1020,
  noAudio: 1021,
  settings: 1040,
  s3Denied: 1401,
  notFound: 1404,
  roleDenied: 1432,
  internal: 1999,
} as const;

/** A failure that ends a job in ERROR with `errorCode` and `errorMessage`. */
export class JobFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'JobFailure';
  }
}
