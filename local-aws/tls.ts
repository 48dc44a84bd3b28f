/**
 * https for the local stack: a certificate authority made at start with the OpenSSL CLI, a
 * server certificate it signs for 127.0.0.1 and localhost, and a TLS front for each of the
 * stack's http servers.
 *
 * A front terminates TLS and passes the bytes on over a plain TCP connection to its server,
 * so s3rver and the emulators serve https unchanged (and keep serving http on their own
 * ports), and whatever sits between a client and the front (the link proxy) sees TCP only.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:tls';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface StackCertificates {
  /** The folder holding the files below; removed by `remove()`. */
  dir: string;
  /** The CA certificate (PEM): what clients trust (NODE_EXTRA_CA_CERTS, AWS_CA_BUNDLE...). */
  caFile: string;
  ca: string;
  /** The server's certificate (PEM, for 127.0.0.1 and localhost) and private key. */
  cert: string;
  key: string;
  remove(): Promise<void>;
}

/**
 * Extensions of the two certificates. Clients are strict about them: Go (rclone) reads names
 * only from subjectAltName, Python 3.13 wants an authority key identifier on the server's.
 */
const OPENSSL_CONFIG = `[req]
distinguished_name = dn
prompt = no
[dn]
CN = local
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

/** Valid for a week: the stack makes a new pair every time it starts. */
const DAYS = '7';

/**
 * A new CA and a server certificate it signed, in a new temporary folder. The CA's private
 * key is deleted once it has signed: a CA someone trusts can then sign nothing else.
 */
export async function makeCertificates(): Promise<StackCertificates> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'local-aws-tls-'));
  const at = (name: string): string => path.join(dir, name);
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  try {
    await writeFile(at('openssl.cnf'), OPENSSL_CONFIG);
    const config = ['-config', at('openssl.cnf')];
    await openssl([
      'req',
      '-x509',
      ...config,
      '-extensions',
      'ca',
      ...ecKey,
      '-keyout',
      at('ca.key'),
      '-out',
      at('ca.pem'),
      '-days',
      DAYS,
      '-subj',
      '/CN=mediaconvert-encrypt local AWS stack CA',
    ]);
    await openssl([
      'req',
      '-new',
      ...config,
      ...ecKey,
      '-keyout',
      at('server.key'),
      '-out',
      at('server.csr'),
      '-subj',
      '/CN=localhost',
    ]);
    await openssl([
      'x509',
      '-req',
      '-in',
      at('server.csr'),
      '-CA',
      at('ca.pem'),
      '-CAkey',
      at('ca.key'),
      '-set_serial',
      `0x${randomBytes(16).toString('hex')}`,
      '-days',
      DAYS,
      '-extfile',
      at('openssl.cnf'),
      '-extensions',
      'server',
      '-out',
      at('server.pem'),
    ]);
    // The CA's key goes at once; the request and the configuration have served their turn.
    await Promise.all(['ca.key', 'server.csr', 'openssl.cnf'].map((name) => rm(at(name))));
    return {
      dir,
      caFile: at('ca.pem'),
      ca: await readFile(at('ca.pem'), 'utf8'),
      cert: await readFile(at('server.pem'), 'utf8'),
      key: await readFile(at('server.key'), 'utf8'),
      remove: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function openssl(args: string[]): Promise<void> {
  try {
    await run('openssl', args);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(
      `openssl ${args[0]} failed while making the local stack's TLS certificates ` +
        `(OpenSSL 1.1.1 or later is needed): ${stderr.trim() || String(error)}`,
    );
  }
}

export interface TlsFront {
  /** https://127.0.0.1:PORT */
  url: string;
  close(): Promise<void>;
}

/** Serves https on a free 127.0.0.1 port, passing each connection's bytes to `upstream`. */
export async function startTlsFront(
  upstream: string,
  identity: Pick<StackCertificates, 'cert' | 'key'>,
): Promise<TlsFront> {
  const target = new URL(upstream);
  if (target.protocol !== 'http:') {
    throw new Error(`a TLS front needs an http:// upstream, not ${upstream}`);
  }
  const sockets = new Set<Socket>();
  const server = createServer({ cert: identity.cert, key: identity.key }, (client) => {
    // Small requests and answers go out at once, as they would from the server itself.
    const backend = connect({ host: target.hostname, port: Number(target.port), noDelay: true });
    client.setNoDelay(true);
    for (const socket of [client, backend]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        backend.destroy();
      });
    }
    client.pipe(backend);
    backend.pipe(client);
  });
  const listening = await listenLoopback(server, sockets);
  return { url: `https://127.0.0.1:${listening.port}`, close: listening.close };
}

/**
 * Listens on a free 127.0.0.1 port. `close()` stops the server and destroys `sockets` (which
 * the caller fills with the connections it wants ended), so that it does not wait for idle
 * keep-alive connections.
 */
export async function listenLoopback(
  server: NetServer,
  sockets: Set<Socket>,
): Promise<{ port: number; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
