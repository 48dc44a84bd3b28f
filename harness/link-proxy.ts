/**
 * A link model for the local stack: a TCP proxy on 127.0.0.1, one port per service, that
 * gives every connection a one-way delay and a bandwidth cap in each direction, the way a
 * runner's path to a region looks to one TCP flow (a flow across the internet is held to
 * about its window over the round trip; that is why S3 clients send many parts at once).
 * Point AWS_ENDPOINT_URL_S3 / _KMS / _MEDIACONVERT at it (`proxy.env(stack.env())`).
 *
 * Bytes are forwarded unchanged; only their timing changes. Each direction of a connection
 * is a queue: a chunk leaves when the cap lets it (after the chunks before it), and arrives
 * `delayMs` later. A new connection also pays one round trip (the TCP handshake) before its
 * first byte leaves. The reader is paused while a direction holds more than about one
 * bandwidth-delay product, so a sender cannot outrun the cap by buffering in the proxy.
 */
import { createServer, connect, type Socket } from 'node:net';
import { endpointEnv, listenPerService, type Service } from './per-service.js';

/** The services of the stack: a link stands in front of them, or of the fault proxy. */
export type LinkService = Service;

export interface Link {
  /** One-way delay of every byte, in milliseconds. */
  delayMs: number;
  /** Bandwidth cap of each connection in each direction, in bytes per second (none: no cap). */
  bytesPerSecond?: number;
}

export interface LinkProxyOptions {
  /**
   * The real servers, by service (http:// or https://host:port); the proxy listens for each
   * one given, and its URL for it has the same scheme (TLS passes through it untouched).
   */
  upstreams: Partial<Record<LinkService, string>>;
  link: Link;
}

export interface LinkStats {
  connections: number;
  /** Bytes from clients to servers, and back. */
  bytesUp: number;
  bytesDown: number;
}

export interface LinkProxy {
  urls: Partial<Record<LinkService, string>>;
  readonly stats: LinkStats;
  /** `base` with the AWS_ENDPOINT_URL_<SERVICE> variables pointed at this proxy. */
  env(base: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

/** Paused above this many queued bytes, plus the bandwidth-delay product. */
const QUEUE_FLOOR = 256 * 1024;

export async function startLinkProxy(options: LinkProxyOptions): Promise<LinkProxy> {
  const { link } = options;
  if (!(link.delayMs >= 0)) throw new RangeError('delayMs must be 0 or more');
  if (link.bytesPerSecond !== undefined && !(link.bytesPerSecond > 0)) {
    throw new RangeError('bytesPerSecond must be positive');
  }
  const stats: LinkStats = { connections: 0, bytesUp: 0, bytesDown: 0 };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const listening = await listenPerService(options.upstreams, (_service, target) =>
    createServer((client) => {
      stats.connections += 1;
      const accepted = performance.now();
      const server = connect({ host: target.hostname, port: Number(target.port) });
      for (const socket of [client, server]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          server.destroy();
        });
      }
      // The handshake: the client's first byte can leave one round trip after it connected.
      pipe(client, server, link, timers, accepted + 2 * link.delayMs, (n) => (stats.bytesUp += n));
      pipe(server, client, link, timers, accepted, (n) => (stats.bytesDown += n));
    }),
  );
  const { servers } = listening;
  // Bytes pass unchanged, TLS included: an https upstream is reached through https://proxy.
  const urls: Partial<Record<LinkService, string>> = {};
  for (const [service, url] of Object.entries(listening.urls) as [LinkService, string][]) {
    urls[service] = `${new URL(options.upstreams[service]!).protocol}//${new URL(url).host}`;
  }

  return {
    urls,
    stats,
    env(base) {
      return endpointEnv(base, urls);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      );
    },
  };
}

interface Queued {
  /** undefined: the end of the stream. */
  chunk: Buffer | undefined;
  /** performance.now() at which it reaches the other side. */
  arrives: number;
}

/** One direction of a connection: `from`'s bytes reach `to` as the link lets them. */
function pipe(
  from: Socket,
  to: Socket,
  link: Link,
  timers: Set<NodeJS.Timeout>,
  firstDeparture: number,
  count: (bytes: number) => void,
): void {
  const queue: Queued[] = [];
  let queuedBytes = 0;
  let nextFree = firstDeparture;
  let timer: NodeJS.Timeout | undefined;
  const rate = link.bytesPerSecond;
  const limit = QUEUE_FLOOR + (rate ? (rate * 2 * link.delayMs) / 1000 : 0);

  const deliver = (): void => {
    timer = undefined;
    const now = performance.now();
    while (queue.length > 0 && queue[0]!.arrives <= now) {
      const { chunk } = queue.shift()!;
      if (chunk === undefined) {
        to.end();
        return;
      }
      queuedBytes -= chunk.length;
      count(chunk.length);
      if (!to.destroyed) to.write(chunk);
    }
    if (queuedBytes <= limit && from.isPaused()) from.resume();
    schedule();
  };
  const schedule = (): void => {
    if (timer !== undefined || queue.length === 0) return;
    const wait = Math.max(0, queue[0]!.arrives - performance.now());
    timer = setTimeout(() => {
      timers.delete(timer!);
      deliver();
    }, wait);
    timers.add(timer);
  };
  const enqueue = (chunk: Buffer | undefined): void => {
    const now = performance.now();
    const departs = Math.max(now, nextFree) + (rate && chunk ? (chunk.length / rate) * 1000 : 0);
    nextFree = departs;
    queue.push({ chunk, arrives: departs + link.delayMs });
    schedule();
  };

  from.on('data', (chunk: Buffer) => {
    queuedBytes += chunk.length;
    enqueue(chunk);
    if (queuedBytes > limit) from.pause();
  });
  from.on('end', () => enqueue(undefined));
}
