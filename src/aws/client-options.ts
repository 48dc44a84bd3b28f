import type { NetworkConfig } from '../inputs/network.js';
import { proxyAgents } from './proxy-agents.js';
import { BoundedHandler } from './timeouts.js';
import { USER_AGENT_NAME, VERSION } from '../shared/version.js';

/**
 * Options every SDK client of this tool gets: retries, user agent, and a request handler of
 * its own with the time limits of `request-timeout` and the proxy agents, if any.
 */
export function clientOptions(network: NetworkConfig): {
  maxAttempts: number;
  retryMode: string;
  customUserAgent: [string, string][];
  requestHandler: BoundedHandler;
} {
  const agents = proxyAgents(network.proxy);
  return {
    maxAttempts: network.maxAttempts,
    retryMode: network.retryMode,
    customUserAgent: [[USER_AGENT_NAME, VERSION]],
    requestHandler: new BoundedHandler(network.requestTimeoutMs, agents ?? {}),
  };
}
