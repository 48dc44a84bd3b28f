import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export interface S3Server {
  url: string;
  /** Where s3rver keeps buckets and objects on disk. */
  directory: string;
  close(): Promise<void>;
}

/** s3rver on 127.0.0.1 with the given buckets; a temporary directory unless one is given. */
export async function startS3(options: {
  buckets: string[];
  port?: number;
  directory?: string;
}): Promise<S3Server> {
  const owned = options.directory === undefined;
  const directory = options.directory ?? (await mkdtemp(path.join(os.tmpdir(), 'local-s3-')));
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  const address = await server.run();
  return {
    url: `http://127.0.0.1:${address.port}`,
    directory,
    close: async () => {
      await server.close();
      if (owned) await rm(directory, { recursive: true, force: true });
    },
  };
}
