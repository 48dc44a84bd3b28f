/**
 * The layout the proxies in front of the local stack share (the link proxy here, the tests'
 * fault proxy in test/support/fault-proxy.ts): one server a service on a free 127.0.0.1 port,
 * each standing in front of that service's real server, and the environment that points the
 * AWS SDK at them.
 */
import type { AddressInfo, Server as NetServer } from 'node:net';

export type Service = 's3' | 'kms' | 'mediaconvert';

const ENDPOINT_VARIABLES: Record<Service, string> = {
  s3: 'AWS_ENDPOINT_URL_S3',
  kms: 'AWS_ENDPOINT_URL_KMS',
  mediaconvert: 'AWS_ENDPOINT_URL_MEDIACONVERT',
};

/**
 * `base` with the AWS_ENDPOINT_URL_<SERVICE> variable of each service in `urls` set to its URL:
 * what points the action's SDK clients at a proxy in front of the stack (the fault proxy, or
 * the link proxy of link-proxy.ts).
 */
export function endpointEnv(
  base: Record<string, string>,
  urls: Partial<Record<Service, string>>,
): Record<string, string> {
  const env = { ...base };
  for (const [service, url] of Object.entries(urls) as [Service, string][]) {
    env[ENDPOINT_VARIABLES[service]] = url;
  }
  return env;
}

/**
 * One server a service, made by `serve` to stand in front of its upstream, each listening on a
 * free 127.0.0.1 port: the layout of the fault proxy and of the link proxy.
 */
export async function listenPerService<S extends NetServer>(
  upstreams: Partial<Record<Service, string>>,
  serve: (service: Service, target: URL) => S,
): Promise<{ servers: S[]; urls: Partial<Record<Service, string>> }> {
  const servers: S[] = [];
  const urls: Partial<Record<Service, string>> = {};
  for (const [service, upstream] of Object.entries(upstreams) as [Service, string][]) {
    const server = serve(service, new URL(upstream));
    servers.push(server);
    urls[service] = await listen(server);
  }
  return { servers, urls };
}

function listen(server: NetServer): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}
