/**
 * Agents that can open connections before the requests that will use them. On a link of 40 ms
 * round trip, each new connection pays a TCP handshake and, over https, a TLS handshake
 * before its first byte: 80 ms or more for every connection of the first parts. Opened while
 * KMS makes the file's data key (upload/encrypt-file.ts), they are ready when the parts go.
 *
 * A warmed socket is made exactly as the agent would make it for a request to the same host
 * (same options, same name), kept aside unreferenced (it holds no process open), and handed
 * to the agent the first time it asks for a new connection of that name. The agent then owns
 * it as one of its own: keep-alive, limits and timeouts as usual.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** Where requests will go: the SDK's request fields. */
export interface WarmTarget {
  protocol: string;
  hostname: string;
  port?: number | undefined;
}

type ConnectOptions = http.ClientRequestArgs & { _agentKey?: string };

/** What the Node.js agents have at run time and their type declarations leave out. */
interface AgentInternals {
  options: Record<string, unknown>;
  keepAlive: boolean;
  keepAliveMsecs: number;
  defaultPort: number;
}

/** Sockets opened ahead, by the agent's name for their destination. */
class Warmed {
  private readonly idle = new Map<string, Set<Socket>>();

  count(key: string): number {
    return this.idle.get(key)?.size ?? 0;
  }

  add(key: string, socket: Socket): void {
    let sockets = this.idle.get(key);
    if (!sockets) this.idle.set(key, (sockets = new Set()));
    sockets.add(socket);
    const drop = (): void => {
      sockets.delete(socket);
    };
    // A warmed socket that fails (refused, reset, closed by the server while idle) is dropped:
    // the request that would have used it opens its own and meets the error itself.
    socket.on('error', drop);
    socket.once('close', drop);
    socket.unref();
  }

  /** A warmed socket still usable for `key`, taken out of the pool; it holds the process again. */
  take(key: string): Socket | undefined {
    const sockets = this.idle.get(key);
    for (const socket of sockets ?? []) {
      sockets!.delete(socket);
      if (socket.destroyed || !socket.writable) continue;
      socket.ref();
      return socket;
    }
    return undefined;
  }

  destroy(): void {
    for (const sockets of this.idle.values()) for (const socket of sockets) socket.destroy();
    this.idle.clear();
  }
}

/**
 * The warming half of an agent: `connect` is the agent's own createConnection, so a warmed
 * socket is made exactly as the agent would make it.
 */
class WarmPool {
  private readonly warmed = new Warmed();

  constructor(
    private readonly agent: http.Agent,
    private readonly connect: (options: ConnectOptions) => Duplex | null | undefined,
  ) {}

  /** Opens connections to `target` until it has `count` (busy, idle or warmed). */
  warm(target: WarmTarget, count: number): number {
    const options = this.requestOptions(target);
    const key = this.agent.getName(options);
    const open =
      (this.agent.sockets[key]?.length ?? 0) +
      (this.agent.freeSockets[key]?.length ?? 0) +
      this.warmed.count(key);
    let opened = 0;
    for (; open + opened < count; opened++) {
      const socket = this.connect({ ...options, _agentKey: key });
      if (socket) this.warmed.add(key, socket as Socket);
    }
    return opened;
  }

  /** A warmed socket for the connection the agent is about to open, if there is one. */
  take(options: ConnectOptions): Socket | undefined {
    return options._agentKey === undefined ? undefined : this.warmed.take(options._agentKey);
  }

  destroy(): void {
    this.warmed.destroy();
  }

  /** The options Node's agent hands createConnection for a request to `target`. */
  private requestOptions(target: WarmTarget): ConnectOptions {
    const agent = this.agent as unknown as AgentInternals;
    const host = target.hostname;
    return {
      ...agent.options,
      host,
      port: target.port || agent.defaultPort,
      // As the agent names the server: by the host, never by an IP address.
      servername: isIP(host) ? '' : host,
      ...(agent.keepAlive ? { keepAlive: true, keepAliveInitialDelay: agent.keepAliveMsecs } : {}),
    } as ConnectOptions;
  }
}

type Callback = (error: Error | null, stream: Duplex) => void;

export class WarmingHttpAgent extends http.Agent {
  private readonly pool = new WarmPool(this, (options) => super.createConnection(options));

  /** Opens connections to `target` up to `count`; returns how many were opened. */
  warm(target: WarmTarget, count: number): number {
    return this.pool.warm(target, count);
  }

  override createConnection(options: ConnectOptions, callback?: Callback) {
    return this.pool.take(options) ?? super.createConnection(options, callback);
  }

  override destroy(): void {
    this.pool.destroy();
    super.destroy();
  }
}

export class WarmingHttpsAgent extends https.Agent {
  private readonly pool = new WarmPool(this, (options) => super.createConnection(options));

  /** Opens connections to `target` up to `count`; returns how many were opened. */
  warm(target: WarmTarget, count: number): number {
    return this.pool.warm(target, count);
  }

  override createConnection(options: ConnectOptions, callback?: Callback) {
    return this.pool.take(options) ?? super.createConnection(options, callback);
  }

  override destroy(): void {
    this.pool.destroy();
    super.destroy();
  }
}

/** Socket options the SDK's own agents use: keep-alive, up to 50 sockets per host. */
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 50 };

/** The agents of a request handler that reaches AWS directly (no proxy). */
export function warmingAgents(): { httpAgent: WarmingHttpAgent; httpsAgent: WarmingHttpsAgent } {
  return {
    httpAgent: new WarmingHttpAgent(AGENT_OPTIONS),
    httpsAgent: new WarmingHttpsAgent(AGENT_OPTIONS),
  };
}
