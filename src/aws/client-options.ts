import type http from 'node:http';
import type https from 'node:https';
import type { NetworkConfig } from '../inputs/network.js';
import { proxyAgents } from './proxy-agents.js';
import { BoundedHandler } from './timeouts.js';
import { USER_AGENT_NAME, VERSION } from '../shared/version.js';

/**
 * Options every SDK client of this tool gets: retries, user agent, and a request handler of
 * its own with the time limits of `request-timeout` and the proxy agents, if any. `direct`
 * are the agents to use when no proxy is configured (else the SDK makes its own).
 */
export function clientOptions(
  network: NetworkConfig,
  direct?: { httpAgent: http.Agent; httpsAgent: https.Agent },
): {
  maxAttempts: number;
  retryMode: string;
  customUserAgent: [string, string][];
  requestHandler: BoundedHandler;
} {
  const agents = proxyAgents(network.proxy) ?? direct;
  return {
    maxAttempts: network.maxAttempts,
    retryMode: network.retryMode,
    customUserAgent: [[USER_AGENT_NAME, VERSION]],
    requestHandler: new BoundedHandler(network.requestTimeoutMs, agents ?? {}),
  };
}
