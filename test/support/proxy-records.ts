/**
 * What the fault proxy records of each request: the service and operation (told apart as the
 * services route them), the S3 names it carries, the fault it met and the answers, and the
 * multipart uploads these add up to.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { matchRoute } from '../../local-aws/mediaconvert/routes.js';
import type { FaultKind } from './faults.js';
import type { Service } from '../../harness/per-service.js';

export interface ProxyRecord {
  /** Arrival order, from 1. */
  id: number;
  service: Service;
  operation: string;
  method: string;
  /** Path and query as received. */
  url: string;
  /** The request's User-Agent and Via headers (Via: set by a forward proxy in between). */
  userAgent?: string;
  via?: string;
  /** S3: the bucket and decoded object key, when the request names them. */
  bucket?: string;
  key?: string;
  /** S3 multipart: from the query, or from CreateMultipartUpload's answer. */
  uploadId?: string;
  partNumber?: number;
  /** The fault injected, if any. */
  fault?: FaultKind;
  /** What the upstream answered; absent when the request never reached it. */
  upstreamStatus?: number;
  /** What the client got; absent when its connection was cut. */
  status?: number;
  /** Ticks of one counter shared by every start and end: a total order of events. */
  startTick: number;
  /** performance.now() when the request arrived and when it ended (answered or cut). */
  startedMs: number;
  endedMs?: number;
  endTick?: number;
  /** KMS and MediaConvert request bodies (small JSON). S3 request bodies are not kept. */
  requestBody?: string;
  /** KMS and MediaConvert response bodies, and S3 XML answers. */
  responseBody?: string;
}

/** A new record of a request as it arrives, before any fault or answer. */
export function recordOf(
  service: Service,
  req: IncomingMessage,
  id: number,
  tick: number,
): ProxyRecord {
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const record: ProxyRecord = {
    id,
    service,
    operation: 'Unknown',
    method,
    url,
    startTick: tick,
    startedMs: performance.now(),
  };
  if (req.headers['user-agent'] !== undefined) record.userAgent = req.headers['user-agent'];
  if (req.headers.via !== undefined) record.via = req.headers.via;
  if (service === 'kms') {
    const target = String(req.headers['x-amz-target'] ?? '');
    record.operation = target.split('.')[1] ?? 'Unknown';
  } else if (service === 'mediaconvert') {
    record.operation = mediaConvertOperation(method, new URL(url, 'http://proxy').pathname);
  } else {
    Object.assign(record, s3Operation(method, new URL(url, 'http://proxy'), req.headers));
  }
  return record;
}

/** S3 operations by method, path (path-style: /bucket/key) and query, as S3 routes them. */
export function s3Operation(
  method: string,
  url: URL,
  headers: IncomingHttpHeaders = {},
): Pick<ProxyRecord, 'operation' | 'bucket' | 'key' | 'uploadId' | 'partNumber'> {
  const q = url.searchParams;
  const [, bucketPart = '', ...keyParts] = url.pathname.split('/');
  const bucket = decodeURIComponent(bucketPart);
  const key = keyParts.length > 0 ? decodeURIComponent(keyParts.join('/')) : '';
  const uploadId = q.get('uploadId') ?? undefined;
  const partNumber = q.has('partNumber') ? Number(q.get('partNumber')) : undefined;
  const onObject = key !== '';
  const operation = ((): string => {
    switch (method) {
      case 'PUT':
        if (uploadId !== undefined && partNumber !== undefined) {
          return headers['x-amz-copy-source'] ? 'UploadPartCopy' : 'UploadPart';
        }
        if (q.has('tagging')) return onObject ? 'PutObjectTagging' : 'PutBucketTagging';
        if (!onObject) return 'CreateBucket';
        return headers['x-amz-copy-source'] ? 'CopyObject' : 'PutObject';
      case 'POST':
        if (q.has('uploads')) return 'CreateMultipartUpload';
        if (uploadId !== undefined) return 'CompleteMultipartUpload';
        if (q.has('delete')) return 'DeleteObjects';
        return 'Unknown';
      case 'DELETE':
        if (uploadId !== undefined) return 'AbortMultipartUpload';
        return onObject ? 'DeleteObject' : 'DeleteBucket';
      case 'GET':
        if (uploadId !== undefined) return 'ListParts';
        if (q.has('uploads')) return 'ListMultipartUploads';
        if (onObject) return 'GetObject';
        if (bucket === '') return 'ListBuckets';
        return q.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
      case 'HEAD':
        return onObject ? 'HeadObject' : 'HeadBucket';
      default:
        return 'Unknown';
    }
  })();
  return {
    operation,
    ...(bucket ? { bucket } : {}),
    ...(onObject ? { key } : {}),
    ...(uploadId !== undefined ? { uploadId } : {}),
    ...(partNumber !== undefined ? { partNumber } : {}),
  };
}

export function mediaConvertOperation(method: string, pathname: string): string {
  return matchRoute(method, pathname)?.operation ?? 'Unknown';
}

/** The request's path, decoded (as the object key a rule's `pathIncludes` names). */
export function decodePath(url: string): string {
  const pathname = new URL(url, 'http://proxy').pathname;
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** S3 multipart uploads as the proxy saw them, by upload ID. */
export interface MultipartUploadTrace {
  uploadId: string;
  key: string;
  created: ProxyRecord;
  parts: ProxyRecord[];
  completes: ProxyRecord[];
  aborts: ProxyRecord[];
}

export function multipartUploads(records: readonly ProxyRecord[]): MultipartUploadTrace[] {
  const traces = new Map<string, MultipartUploadTrace>();
  for (const record of records) {
    if (record.service !== 's3' || record.uploadId === undefined) continue;
    if (record.operation === 'CreateMultipartUpload') {
      traces.set(record.uploadId, {
        uploadId: record.uploadId,
        key: record.key ?? '',
        created: record,
        parts: [],
        completes: [],
        aborts: [],
      });
    }
  }
  for (const record of records) {
    const trace = record.uploadId === undefined ? undefined : traces.get(record.uploadId);
    if (!trace || record.service !== 's3') continue;
    if (record.operation === 'UploadPart') trace.parts.push(record);
    if (record.operation === 'CompleteMultipartUpload') trace.completes.push(record);
    if (record.operation === 'AbortMultipartUpload') trace.aborts.push(record);
  }
  return [...traces.values()];
}
