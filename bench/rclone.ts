/**
 * rclone (Debian's 1.60) as a side of the upload comparisons, configured by environment only:
 * its defaults (4 parts at once of 5 MiB), and tuned the way a user tunes it for a fast link
 * (16 parts at once of 8 MiB).
 */
import { existsSync } from 'node:fs';
import { timed, type Usage } from './lib.js';

export const RCLONE = '/usr/bin/rclone';
export const HAS_RCLONE = existsSync(RCLONE);

export const RCLONE_TUNED = ['--s3-upload-concurrency', '16', '--s3-chunk-size', '8M'];

/**
 * The remote `bench:` on the S3 endpoint of `base`. rclone 1.60 refuses to start while
 * AWS_CA_BUNDLE is set, over http and https alike ("unable to load custom CA bundle,
 * HTTPClient's transport unsupported type"), so the variable goes and the CA, if any, is
 * given through rclone's own option (--ca-cert, as RCLONE_CA_CERT).
 */
export function rcloneEnv(base: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {
    ...base,
    RCLONE_CONFIG_BENCH_TYPE: 's3',
    RCLONE_CONFIG_BENCH_PROVIDER: 'Other',
    RCLONE_CONFIG_BENCH_ACCESS_KEY_ID: base.AWS_ACCESS_KEY_ID!,
    RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY: base.AWS_SECRET_ACCESS_KEY!,
    RCLONE_CONFIG_BENCH_REGION: base.AWS_REGION!,
    RCLONE_CONFIG_BENCH_ENDPOINT: base.AWS_ENDPOINT_URL_S3!,
    RCLONE_CONFIG: '/dev/null',
  };
  if (base.AWS_CA_BUNDLE) env.RCLONE_CA_CERT = base.AWS_CA_BUNDLE;
  delete env.AWS_CA_BUNDLE;
  return env;
}

/**
 * The two rclone sides, copying `file` to `bucket`/`prefix`/... through the endpoint of `env`.
 * Every run writes a new key: rclone skips a copy whose destination already matches.
 */
export function rcloneSides(
  file: string,
  bucket: string,
  prefix: string,
  env: Record<string, string>,
): { 'rclone defaults': () => Promise<Usage>; 'rclone tuned': () => Promise<Usage> } {
  let run = 0;
  const copy = (extra: string[], side: string) => () =>
    timed(
      RCLONE,
      [
        'copyto',
        file,
        `bench:${bucket}/${prefix}/${side}/${++run}`,
        '--s3-no-check-bucket',
        ...extra,
      ],
      { env: rcloneEnv(env) },
    );
  return { 'rclone defaults': copy([], 'defaults'), 'rclone tuned': copy(RCLONE_TUNED, 'tuned') };
}
