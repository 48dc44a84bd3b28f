/**
 * A proxy that refuses the request for want of the right credentials. The SDK would read the
 * proxy's HTML page as the service's answer and fail with `SyntaxError: Unexpected token '<'`;
 * this says what happened instead, once, without a retry (a wrong password stays wrong).
 *
 * Proxies answer 407 Proxy Authentication Required; tinyproxy answers a wrong password with
 * 401 and a Basic challenge. No AWS endpoint asks for Basic credentials, so on a request that
 * went through a proxy either answer is the proxy's.
 */
import { bypassesProxy, shownProxy, type ProxySettings } from '../inputs/proxy.js';

type Handler = (args: { request: unknown }) => Promise<{ response: unknown }>;
interface Stack {
  add(
    middleware: (next: Handler) => Handler,
    options: { step: 'deserialize'; priority: 'low'; name: string },
  ): void;
}

interface Request {
  protocol?: string;
  hostname?: string;
  port?: number;
}

interface Response {
  statusCode?: number;
  headers?: Record<string, string | undefined>;
  body?: { destroy?: () => void };
}

/** The message for a refusal by `proxy`, with the status it answered. */
export function proxyAuthMessage(proxy: URL, status: number): string {
  const answer =
    status === 407
      ? 'HTTP 407 Proxy Authentication Required'
      : `HTTP ${status} with a Basic challenge`;
  if (proxy.username !== '' || proxy.password !== '') {
    return `the proxy ${shownProxy(proxy)} refused the credentials (${answer}): check the user name and password in the http-proxy input or HTTPS_PROXY / HTTP_PROXY (a / @ : # ? % in them percent-encoded)`;
  }
  return `the proxy ${shownProxy(proxy)} asks for credentials (${answer}) and none were given: put them in the proxy URL, http://user:password@host:port`;
}

/** The proxy `request` went through, or undefined when it went directly. */
function proxyOf(request: Request, settings: ProxySettings): URL | undefined {
  const secure = request.protocol === 'https:';
  const proxy = secure ? settings.https : settings.http;
  const port = request.port ?? (secure ? 443 : 80);
  if (!proxy || bypassesProxy(request.hostname ?? '', port, settings.noProxy)) return undefined;
  return proxy;
}

function isRefusal(response: Response): boolean {
  if (response.statusCode === 407) return true;
  const challenge = response.headers?.['www-authenticate'] ?? '';
  return response.statusCode === 401 && /^\s*basic\b/i.test(challenge);
}

/**
 * Adds the check to each client: in the deserialize step, below the SDK's deserializer, so it
 * sees the raw answer before the deserializer tries to parse the proxy's page.
 */
export function checkProxyAuthentication(
  clients: readonly object[],
  settings: ProxySettings,
): void {
  for (const client of clients) {
    const stack = (client as { middlewareStack: Stack }).middlewareStack;
    stack.add(
      (next) => async (args) => {
        const out = await next(args);
        const response = out.response as Response;
        const proxy = proxyOf(args.request as Request, settings);
        if (proxy && isRefusal(response)) {
          // Unread, the page would hold its keep-alive socket, and the process, open until
          // the proxy drops it.
          response.body?.destroy?.();
          const status = response.statusCode!;
          throw Object.assign(new Error(proxyAuthMessage(proxy, status)), {
            $fault: 'client',
            $metadata: { httpStatusCode: status },
          });
        }
        return out;
      },
      { step: 'deserialize', priority: 'low', name: 'proxyAuthentication' },
    );
  }
}
