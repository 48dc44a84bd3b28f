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

const ACCEPTED =
  'use http://host:port (or https://, with user:password@ if the proxy needs it, a / @ : # ? % in either percent-encoded)';

/**
 * A proxy URL may carry a password, and a value that does not parse cannot be split safely
 * into its parts (`http://user:Pa55/word@host` reads as host `user`), so no part of it is
 * shown; one that parses is shown by its scheme and host only.
 */
function notAProxy(value: string): string {
  const url = parse(value);
  if (url === undefined) {
    return `is not a URL that can be read (the value is not shown: it may hold a password); ${ACCEPTED}`;
  }
  return `'${shownProxy(url)}' is not a proxy URL; ${ACCEPTED}`;
}

/** A bare host:port means http, as curl and most tools read it. */
function parse(value: string): URL | undefined {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return undefined;
  }
}

function proxyUrl(value: string, error: () => Error): URL {
  const url = parse(value);
  if (url === undefined) throw error();
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw error();
  }
  return url;
}

/** The proxy as it may be shown: scheme and host, `***@` where it has a user or password. */
export function shownProxy(url: URL): string {
  const credentials = url.username !== '' || url.password !== '' ? '***@' : '';
  return `${url.protocol}//${credentials}${url.host}`;
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
