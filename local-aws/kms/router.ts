import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One KMS endpoint for several regions, as AWS_ENDPOINT_URL_KMS is one URL: each request goes
 * to the emulator of the region its SigV4 credential scope names (which is what a real
 * regional endpoint serves).
 */
export interface KmsRouter {
  url: string;
  close(): Promise<void>;
}

export async function startKmsRouter(byRegion: Record<string, string>): Promise<KmsRouter> {
  const server = http.createServer((req, res) => {
    const region = /Credential=[^/]+\/\d{8}\/([^/]+)\/kms\//.exec(
      req.headers.authorization ?? '',
    )?.[1];
    const target = region === undefined ? undefined : byRegion[region];
    if (target === undefined) {
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify({
          __type: 'UnrecognizedClientException',
          message: `no KMS in region ${region ?? '(unsigned)'}`,
        }),
      );
      return;
    }
    const upstream = new URL(target);
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
