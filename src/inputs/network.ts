import { parseInteger } from './parse.js';
import { proxySettings, type ProxySettings } from './proxy.js';

/** How the SDK clients reach AWS: proxy, retries, time limits. */
export interface NetworkConfig {
  proxy: ProxySettings;
  maxAttempts: number;
  retryMode: 'standard' | 'adaptive';
  /**
   * `request-timeout`: how long a connection may move no byte before the attempt is given up
   * (and retried); also the base of each attempt's total time limit (aws/timeouts.ts).
   */
  requestTimeoutMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Retries for throttling and dropped connections when AWS_MAX_ATTEMPTS is not set. */
export const DEFAULT_MAX_ATTEMPTS = 6;

/** The longest `request-timeout`, in seconds: an hour without a byte is a dead connection. */
export const MAX_REQUEST_TIMEOUT_S = 3600;

/**
 * The `http-proxy` and `request-timeout` inputs and the variables the AWS SDK and CLI read:
 * HTTPS_PROXY, HTTP_PROXY, NO_PROXY, AWS_MAX_ATTEMPTS, AWS_RETRY_MODE. Pure; throws on a bad
 * value.
 */
export function parseNetwork(httpProxy: string, env: Env, requestTimeout = '30'): NetworkConfig {
  const attempts = env.AWS_MAX_ATTEMPTS?.trim() ?? '';
  const maxAttempts = attempts === '' ? DEFAULT_MAX_ATTEMPTS : Number(attempts);
  if (!/^\d+$/.test(String(maxAttempts)) || maxAttempts < 1 || maxAttempts > 100) {
    throw new Error(
      `environment variable AWS_MAX_ATTEMPTS: '${attempts}' is not accepted; use a whole number from 1 to 100`,
    );
  }
  const mode = env.AWS_RETRY_MODE?.trim().toLowerCase() || 'standard';
  if (mode !== 'standard' && mode !== 'adaptive') {
    throw new Error(
      `environment variable AWS_RETRY_MODE: '${env.AWS_RETRY_MODE}' is not accepted; use standard or adaptive`,
    );
  }
  const timeoutS = parseInteger('request-timeout', requestTimeout, 1, MAX_REQUEST_TIMEOUT_S);
  return {
    proxy: proxySettings(httpProxy, env),
    maxAttempts,
    retryMode: mode,
    requestTimeoutMs: timeoutS * 1000,
  };
}
