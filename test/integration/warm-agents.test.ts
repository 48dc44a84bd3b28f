import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { makeCertificates, type StackCertificates } from '../../local-aws/tls.js';
import { CreateMultipartUploadCommand, type S3Client } from '@aws-sdk/client-s3';
import { WarmHttpAgent, WarmHttpsAgent } from '../../src/aws/warm-agents.js';
import { warmForBucket, warmForParts } from '../../src/aws/connection-warmup.js';
import { makeS3Client } from '../../src/aws/clients.js';
import { parseConfig } from '../../src/inputs/config.js';

/** A server on 127.0.0.1 that counts the connections it accepted and answers "ok". */
interface Counted {
  port: number;
  connections: Socket[];
  /** Requests received. */
  requests: number;
  /** What every request is answered with. */
  answer: string;
  close(): Promise<void>;
}

async function counted(server: http.Server, event: string): Promise<Counted> {
  const connections: Socket[] = [];
  server.on(event, (socket: Socket) => connections.push(socket));
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    result.requests += 1;
    req.resume();
    req.on('end', () => res.end(result.answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const result: Counted = {
    port: (server.address() as AddressInfo).port,
    connections,
    requests: 0,
    answer: 'ok',
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return result;
}

function get(
  module: typeof http | typeof https,
  agent: http.Agent,
  port: number,
  ca?: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = module.request(
      { host: '127.0.0.1', port, path: '/', agent, ...(ca ? { ca } : {}) },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(text));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 5000) throw new Error('timed out waiting');
    await sleep(10);
  }
}

describe('WarmHttpsAgent', () => {
  let certs: StackCertificates;
  let server: Counted;
  beforeAll(async () => {
    certs = await makeCertificates();
    server = await counted(
      https.createServer({ cert: certs.cert, key: certs.key }),
      'secureConnection',
    );
  });
  afterAll(async () => {
    await server.close();
    await certs.remove();
  });

  test('requests take the connections opened ahead: no handshake of their own', async () => {
    const agent = new WarmHttpsAgent({ keepAlive: true, maxSockets: 50, ca: certs.ca });
    const before = server.connections.length;
    expect(agent.warm('127.0.0.1', server.port, 3)).toBe(3);
    await until(() => server.connections.length === before + 3);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => get(https, agent, server.port)),
    );
    expect(answers).toEqual(['ok', 'ok', 'ok', 'ok']);
    // Three were ready; the fourth request dialled the only new one.
    expect(server.connections.length).toBe(before + 4);
    // Four are now idle in the agent's pool: asking for three opens nothing.
    expect(agent.warm('127.0.0.1', server.port, 3)).toBe(0);
    agent.destroy();
  });

  test('a connection nobody takes is closed after the idle time', async () => {
    const agent = new WarmHttpsAgent({ keepAlive: true, ca: certs.ca }, 50);
    const before = server.connections.length;
    agent.warm('127.0.0.1', server.port, 2);
    await until(() => server.connections.length === before + 2);
    const opened = server.connections.slice(before);
    await until(() => opened.every((socket) => socket.destroyed));
    // They are gone from the agent too: the next warm-up opens two again.
    expect(agent.warm('127.0.0.1', server.port, 2)).toBe(2);
    agent.destroy();
  });

  test('a connection that fails is dropped quietly; the request reports its own failure', async () => {
    const agent = new WarmHttpsAgent({ keepAlive: true, ca: certs.ca });
    const closed = await counted(http.createServer(), 'connection');
    const port = closed.port;
    await closed.close();
    agent.warm('127.0.0.1', port, 2);
    await sleep(50);
    await expect(get(https, agent, port)).rejects.toThrow(/ECONNREFUSED/);
    agent.destroy();
  });
});

describe('WarmHttpAgent', () => {
  test('plain http: the connections opened ahead serve the requests', async () => {
    const server = await counted(http.createServer(), 'connection');
    const agent = new WarmHttpAgent();
    try {
      expect(agent.warm('127.0.0.1', server.port, 2)).toBe(2);
      await until(() => server.connections.length === 2);
      await Promise.all([get(http, agent, server.port), get(http, agent, server.port)]);
      expect(server.connections.length).toBe(2);
    } finally {
      agent.destroy();
      await server.close();
    }
  });
});

describe('the S3 client this tool makes', () => {
  const answer =
    '<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult>' +
    '<Bucket>bucket</Bucket><Key>a.mp4</Key><UploadId>u1</UploadId></InitiateMultipartUploadResult>';

  /** The tool's S3 client against a counted server, with the environment a run has. */
  async function withClient(body: (s3: S3Client, server: Counted) => Promise<void>) {
    const server = await counted(http.createServer(), 'connection');
    const env = {
      AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${server.port}`,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
    };
    const config = parseConfig(
      {
        files: 'a.mp4',
        'kms-key-arn':
          'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        destination: 's3://bucket/',
        'create-job': 'false',
        region: 'us-east-1',
        manifest: '/tmp/m.json',
      },
      env,
    );
    const saved = { ...process.env };
    Object.assign(process.env, env);
    const s3 = makeS3Client(config, env);
    // Answered with the XML S3 gives (the counted server answers "ok" to anything else).
    server.answer = answer;
    try {
      await body(s3, server);
    } finally {
      s3.destroy();
      process.env = saved;
      await server.close();
    }
  }

  const create = (s3: S3Client) =>
    s3.send(new CreateMultipartUploadCommand({ Bucket: 'bucket', Key: 'a.mp4' }));

  test('its CreateMultipartUpload opens the connections an upload asked for, beside its own', async () => {
    await withClient(async (s3, server) => {
      await create(s3);
      expect(server.connections.length).toBe(1);
      warmForParts(s3, 3);
      await create(s3);
      // Three opened for the parts beside the one the first Create left idle.
      await until(() => server.connections.length === 4);
      await sleep(50);
      expect(server.connections.length).toBe(4);
    });
  });

  test('a bucket gets one connection ahead, with no request sent, and its first request takes it', async () => {
    await withClient(async (s3, server) => {
      await warmForBucket(s3, 'bucket');
      await until(() => server.connections.length === 1);
      await sleep(50);
      expect(server.requests).toBe(0); // the HeadObject was only built
      // One open already (made ahead, then idle after a request): no second one.
      await warmForBucket(s3, 'bucket');
      await create(s3);
      expect(server.requests).toBe(1);
      await warmForBucket(s3, 'bucket');
      await create(s3);
      await sleep(50);
      expect(server.connections.length).toBe(1);
      expect(server.requests).toBe(2);
    });
  });

  test('a bucket whose requests cannot be built is left alone, without an error', async () => {
    await withClient(async (s3, server) => {
      // Not a valid bucket name for the endpoint rules.
      await expect(warmForBucket(s3, 'no/such bucket')).resolves.toBeUndefined();
      await sleep(50);
      expect(server.connections.length).toBe(0);
    });
  });
});
