import type { NodeHttpHandlerOptions } from '@smithy/types';
import type { NetworkConfig } from '../inputs/network.js';
import { proxyAgents } from './proxy-agents.js';
import { USER_AGENT_NAME, VERSION } from '../shared/version.js';

/** Options every SDK client of this tool gets: retries, user agent, proxy agents. */
export function clientOptions(network: NetworkConfig): {
  maxAttempts: number;
  retryMode: string;
  customUserAgent: [string, string][];
  requestHandler?: NodeHttpHandlerOptions;
} {
  const agents = proxyAgents(network.proxy);
  return {
    maxAttempts: network.maxAttempts,
    retryMode: network.retryMode,
    customUserAgent: [[USER_AGENT_NAME, VERSION]],
    ...(agents ? { requestHandler: agents } : {}),
  };
}
