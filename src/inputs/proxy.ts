/**
 * Which proxy AWS requests go through: the `http-proxy` input, else HTTPS_PROXY / HTTP_PROXY,
 * minus what NO_PROXY names. Pure parsing; the agents that route by it are in aws/proxy-agents.ts.
 */
import { InputError } from '../shared/errors.js';

/** Where AWS requests go: through a proxy per target scheme, except hosts NO_PROXY names. */
export interface ProxySettings {
  /** For http:// endpoints (the local stack, custom endpoints). */
  http?: URL;
  /** For https:// endpoints (AWS itself). */
  https?: URL;
  /** NO_PROXY entries, lower-cased: `*`, `host`, `.domain`, `*.domain`, any of them with `:port`. */
  noProxy: string[];
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The `http-proxy` input proxies every request; without it HTTPS_PROXY serves https:// and
 * HTTP_PROXY http:// endpoints (lower-case names first, as curl and @actions/http-client read
 * them). NO_PROXY applies to both. Pure: reads only `env`.
 */
export function proxySettings(input: string, env: Env): ProxySettings {
  const noProxy = (env.no_proxy ?? env.NO_PROXY ?? '')
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  if (input !== '') {
    const url = proxyUrl(input, () => new InputError('http-proxy', notAProxy(input)));
    return { http: url, https: url, noProxy };
  }
  const settings: ProxySettings = { noProxy };
  const fromEnv = (names: string[]): URL | undefined => {
    const name = names.find((n) => env[n]);
    const value = name ? env[name] : undefined;
    if (!name || !value) return undefined;
    return proxyUrl(value, () => new Error(`environment variable ${name}: ${notAProxy(value)}`));
  };
  const httpProxy = fromEnv(['http_proxy', 'HTTP_PROXY']);
  const httpsProxy = fromEnv(['https_proxy', 'HTTPS_PROXY']);
  if (httpProxy) settings.http = httpProxy;
  if (httpsProxy) settings.https = httpsProxy;
  return settings;
}

function notAProxy(value: string): string {
  // A proxy URL may carry a password: show only where it points.
  return `'${redact(value)}' is not a proxy URL; use http://host:port (or https://, with user:password@ if the proxy needs it)`;
}

function proxyUrl(value: string, error: () => Error): URL {
  let url: URL;
  try {
    // A bare host:port means http, as curl and most tools read it.
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    throw error();
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw error();
  }
  return url;
}

/** The proxy URL as it may be shown: without user and password. */
export function redact(value: string | URL): string {
  return String(value).replace(/\/\/[^@/]*@/, '//***@');
}

/** True when NO_PROXY says `host:port` is reached directly. */
export function bypassesProxy(host: string, port: number, noProxy: readonly string[]): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return noProxy.some((entry) => {
    if (entry === '*') return true;
    const match = /^(.*?)(?::(\d+))?$/.exec(entry);
    const pattern = (match?.[1] ?? entry).replace(/^\*?\./, '.').replace(/^\[(.*)\]$/, '$1');
    if (match?.[2] !== undefined && Number(match[2]) !== port) return false;
    const domain = pattern.replace(/^\./, '');
    return name === domain || name.endsWith(`.${domain}`);
  });
}
