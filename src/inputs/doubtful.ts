/**
 * Choices the input rules accept but a run should warn about: valid, and not proven to work
 * with the real MediaConvert. Pure; the pipeline logs them before the first request (a dry run
 * too).
 */
import type { Config } from './config.js';

/** The warnings `config` deserves, each one line. */
export function doubtfulChoices(config: Pick<Config, 'mode' | 'ivBytes'>): string[] {
  const warnings: string[] = [];
  if (config.mode === 'AES_CTR' && config.ivBytes === 12) {
    // docs/ctr-12-byte-iv.md: the two conventions, and why neither is proven.
    warnings.push(
      "iv-length 12 with AES_CTR: how MediaConvert turns a 12-byte CTR IV into its 16-byte counter is not documented. This tool appends four zero bytes, so the counter starts at IV || 00000000 (as openssl enc does); the AWS S3 encryption client starts at IV || 00000002 (GCM's J0 = IV || 00000001, incremented once). If MediaConvert does the latter, every job decrypts to noise. Use the default 16-byte IV, which leaves nothing to interpretation (docs/ctr-12-byte-iv.md).",
    );
  }
  return warnings;
}
