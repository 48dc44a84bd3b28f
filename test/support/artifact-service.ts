/**
 * The GitHub Actions artifact service as @actions/artifact 6 talks to it inside a run: the
 * results service's Twirp JSON API (ListArtifacts, GetSignedArtifactURL) and the blob store
 * it signs URLs for, on a free 127.0.0.1 port. Its listing may lie (a digest or size that
 * does not match the zip), to test what the action does with what it downloads.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateRawSync } from 'node:zlib';

export interface ServedArtifact {
  name: string;
  zip: Buffer;
  /** What ListArtifacts says; by default the zip's own SHA-256 and size. */
  digest?: string | null;
  size?: number;
}

export interface ArtifactService {
  url: string;
  /** ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL, as the runner gives a step. */
  env: Record<string, string>;
  /** Blob downloads so far, by artifact name. */
  downloads: string[];
  close(): Promise<void>;
}

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';
const RUN = 'run-backend-1';
const JOB = 'job-backend-1';

export function sha256Digest(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export async function startArtifactService(artifacts: ServedArtifact[]): Promise<ArtifactService> {
  const downloads: string[] = [];
  const listed = (a: ServedArtifact, i: number) => ({
    workflowRunBackendId: RUN,
    workflowJobRunBackendId: JOB,
    databaseId: String(i + 1),
    name: a.name,
    size: String(a.size ?? a.zip.length),
    createdAt: '2026-12-01T00:00:00Z',
    ...(a.digest === null ? {} : { digest: a.digest ?? sha256Digest(a.zip) }),
  });
  let base = '';
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    if (req.method === 'GET' && url.pathname.startsWith('/blob/')) {
      const name = decodeURIComponent(url.pathname.slice('/blob/'.length));
      const artifact = artifacts.find((a) => a.name === name);
      downloads.push(name);
      if (!artifact) return void res.writeHead(404).end();
      res.writeHead(200, {
        'content-type': 'application/zip',
        'content-length': artifact.zip.length,
      });
      return void res.end(artifact.zip);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<
      string,
      string
    >;
    const reply = (value: object): void => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (url.pathname === `${SERVICE}ListArtifacts`) {
      const found = artifacts
        .map(listed)
        .filter((a) => body.name_filter === undefined || a.name === body.name_filter)
        .filter((a) => body.id_filter === undefined || a.databaseId === String(body.id_filter));
      return reply({ artifacts: found });
    }
    if (url.pathname === `${SERVICE}GetSignedArtifactURL`) {
      return reply({ signedUrl: `${base}/blob/${encodeURIComponent(body.name ?? '')}?sig=test` });
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"msg":"not found"}');
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.GenericRead Actions.Results:${RUN}:${JOB}` })}.x`;
  return {
    url: base,
    env: { ACTIONS_RUNTIME_TOKEN: token, ACTIONS_RESULTS_URL: `${base}/` },
    downloads,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A zip archive of `entries` (UTF-8 names), stored or deflated, as upload-artifact makes. */
export function makeZip(entries: { name: string; data: Buffer }[], deflate = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const body = deflate ? deflateRawSync(data) : data;
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed
    common.writeUInt16LE(0x0800, 2); // UTF-8 names
    common.writeUInt16LE(deflate ? 8 : 0, 4);
    common.writeUInt32LE(0, 6); // time and date
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(fileName.length, 22);
    common.writeUInt16LE(0, 24); // extra
    const local = Buffer.concat([u32(0x04034b50), common, fileName, body]);
    const central = Buffer.concat([
      u32(0x02014b50),
      u16(20), // version made by
      common,
      u16(0), // comment
      u16(0), // disk
      u16(0), // internal attributes
      u32(0), // external attributes
      u32(offset),
      fileName,
    ]);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, directory, end]);
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
}
