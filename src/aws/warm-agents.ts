/**
 * Agents that can open connections before the requests that will use them. A multipart
 * upload's first round sends a part on each of several connections at once; opened on demand,
 * each pays a TCP handshake and, over https, a TLS handshake (two round trips on a link of
 * 40 ms, plus the handshake's CPU) before its first byte. Opened while CreateMultipartUpload is
 * on its way, they are ready when the parts are (aws/connection-warmup.ts asks for them).
 *
 * A connection made ahead waits in a set of its own, not in the agent's pool of free sockets
 * (Node adds only sockets that served a request to that pool). When a request needs a new
 * connection, the agent hands it one of these instead of dialling. One nobody takes within
 * IDLE_MS is closed; one that fails is dropped without a word, as the request that would have
 * used it dials its own and reports what goes wrong then.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';

/** Socket options the SDK's own agents use: keep-alive, up to 50 sockets per host. */
export const AGENT_OPTIONS = { keepAlive: true, maxSockets: 50 };

/** How long a connection made ahead waits for a request (S3 closes idle ones after ~20 s). */
const IDLE_MS = 10_000;

type Dial = (options: https.RequestOptions) => Duplex | null | undefined;

/** Connections made ahead, by the agent's name for where they go, until a request takes one. */
class ReadyConnections {
  private readonly byName = new Map<string, Set<net.Socket>>();

  constructor(private readonly idleMs: number) {}

  count(name: string): number {
    return this.byName.get(name)?.size ?? 0;
  }

  add(name: string, socket: net.Socket): void {
    let set = this.byName.get(name);
    if (!set) this.byName.set(name, (set = new Set()));
    set.add(socket);
    const drop = (): void => {
      clearTimeout(timer);
      set.delete(socket);
    };
    const timer = setTimeout(() => {
      drop();
      socket.destroy();
    }, this.idleMs);
    timer.unref();
    // Kept after the socket is taken: the request's own handlers see every error as well.
    socket.on('error', drop);
    socket.once('close', drop);
    socket.once('taken', drop);
    // Waiting here must not keep the process alive.
    socket.unref();
  }

  take(name: string): net.Socket | undefined {
    const set = this.byName.get(name);
    for (const socket of set ?? []) {
      socket.emit('taken');
      if (socket.destroyed) continue;
      socket.ref();
      return socket;
    }
    return undefined;
  }

  destroy(): void {
    for (const set of this.byName.values()) for (const socket of set) socket.destroy();
    this.byName.clear();
  }
}

/** What both agents add: connections made ahead and handed out first. */
interface Warmable {
  /**
   * Opens connections to hostname:port until `count` are idle or ready there (with `busy`,
   * counting the ones serving a request too); returns how many it opened.
   */
  warm(hostname: string, port: number, count: number, busy?: 'count busy'): number;
}

function warmer(agent: http.Agent, ready: ReadyConnections, dial: Dial): Warmable['warm'] {
  return (hostname, port, count, busy) => {
    // As Node's agent names a request's destination: the TLS server name is the host's,
    // none for an IP address.
    const options = {
      ...(agent as unknown as { options: object }).options,
      host: hostname,
      port,
      servername: net.isIP(hostname) ? '' : hostname,
    };
    const name = agent.getName(options);
    const have =
      (agent.freeSockets[name]?.length ?? 0) + (busy ? (agent.sockets[name]?.length ?? 0) : 0);
    let opened = 0;
    for (; have + ready.count(name) < count; opened++) {
      const socket = dial({ ...options, _agentKey: name } as https.RequestOptions);
      if (!(socket instanceof net.Socket)) break;
      ready.add(name, socket);
    }
    return opened;
  };
}

/** The name Node's agent gave the destination of a request it needs a connection for. */
function nameOf(agent: http.Agent, options: http.ClientRequestArgs): string {
  return (options as { _agentKey?: string })._agentKey ?? agent.getName(options);
}

export class WarmHttpsAgent extends https.Agent implements Warmable {
  private readonly ready: ReadyConnections;
  readonly warm: Warmable['warm'];

  constructor(options: https.AgentOptions = AGENT_OPTIONS, idleMs = IDLE_MS) {
    super(options);
    this.ready = new ReadyConnections(idleMs);
    this.warm = warmer(this, this.ready, (o) => super.createConnection(o));
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    return this.ready.take(nameOf(this, options)) ?? super.createConnection(options, callback);
  }

  override destroy(): void {
    this.ready.destroy();
    super.destroy();
  }
}

export class WarmHttpAgent extends http.Agent implements Warmable {
  private readonly ready: ReadyConnections;
  readonly warm: Warmable['warm'];

  constructor(options: http.AgentOptions = AGENT_OPTIONS, idleMs = IDLE_MS) {
    super(options);
    this.ready = new ReadyConnections(idleMs);
    this.warm = warmer(this, this.ready, (o) => super.createConnection(o));
  }

  override createConnection(
    options: http.ClientRequestArgs,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    return this.ready.take(nameOf(this, options)) ?? super.createConnection(options, callback);
  }

  override destroy(): void {
    this.ready.destroy();
    super.destroy();
  }
}

export interface WarmAgents {
  httpAgent: WarmHttpAgent;
  httpsAgent: WarmHttpsAgent;
}

/** Agents for a client that talks to its endpoint directly (no proxy). */
export function warmAgents(idleMs = IDLE_MS): WarmAgents {
  return {
    httpAgent: new WarmHttpAgent(AGENT_OPTIONS, idleMs),
    httpsAgent: new WarmHttpsAgent(AGENT_OPTIONS, idleMs),
  };
}
