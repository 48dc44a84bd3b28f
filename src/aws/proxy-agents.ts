import http from 'node:http';
import https from 'node:https';
import { Agent, type AgentConnectOpts } from 'agent-base';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { bypassesProxy, type ProxySettings } from '../inputs/proxy.js';
import { AGENT_OPTIONS } from './warm-agents.js';

/**
 * An agent that sends each request through `proxy` unless NO_PROXY names its host. Requests
 * to http:// endpoints go to the proxy as absolute URIs (GET http://host/path), to https://
 * endpoints through a CONNECT tunnel.
 */
class RoutingAgent extends Agent {
  private readonly direct: http.Agent;
  private readonly viaProxy: http.Agent | undefined;

  constructor(
    secure: boolean,
    proxy: URL | undefined,
    private readonly noProxy: readonly string[],
  ) {
    super(AGENT_OPTIONS);
    this.direct = secure ? new https.Agent(AGENT_OPTIONS) : new http.Agent(AGENT_OPTIONS);
    if (proxy) {
      this.viaProxy = secure
        ? new HttpsProxyAgent(proxy, AGENT_OPTIONS)
        : new HttpProxyAgent(proxy, AGENT_OPTIONS);
    }
  }

  override connect(_req: http.ClientRequest, options: AgentConnectOpts): http.Agent {
    const port = options.port ?? (options.secureEndpoint ? 443 : 80);
    if (!this.viaProxy || bypassesProxy(options.host ?? '', port, this.noProxy)) {
      return this.direct;
    }
    return this.viaProxy;
  }

  override destroy(): void {
    this.direct.destroy();
    this.viaProxy?.destroy();
    super.destroy();
  }
}

/** Agents for the SDK's request handler, or undefined when no proxy is configured at all. */
export function proxyAgents(
  settings: ProxySettings,
): { httpAgent: http.Agent; httpsAgent: https.Agent } | undefined {
  if (!settings.http && !settings.https) return undefined;
  return {
    httpAgent: new RoutingAgent(false, settings.http, settings.noProxy),
    httpsAgent: new RoutingAgent(true, settings.https, settings.noProxy) as unknown as https.Agent,
  };
}
