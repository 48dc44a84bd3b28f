/**
 * The conformance matrix: every mode and IV length MediaConvert accepts, with every data key
 * length. Three of these conventions are this project's reading of undocumented behaviour
 * (docs/conformance.md): a 12-byte CTR IV padded with zeros and counted from 0, the GCM tag
 * appended after the ciphertext, and 192-bit keys.
 */
import type { Mode } from '../mediaconvert/decryption.js';

export interface ConformanceCase {
  /** `AES_CTR-iv16-key256`: safe in an S3 key and a file name. */
  name: string;
  mode: Mode;
  ivBytes: 12 | 16;
  keyBits: 128 | 192 | 256;
}

const MODE_IVS: readonly (readonly [Mode, 12 | 16])[] = [
  ['AES_CTR', 16],
  ['AES_CTR', 12],
  ['AES_CBC', 16],
  ['AES_GCM', 16],
  ['AES_GCM', 12],
];
const KEY_BITS = [128, 192, 256] as const;

export const CASES: readonly ConformanceCase[] = MODE_IVS.flatMap(([mode, ivBytes]) =>
  KEY_BITS.map((keyBits) => ({
    name: `${mode}-iv${ivBytes}-key${keyBits}`,
    mode,
    ivBytes,
    keyBits,
  })),
);

/**
 * The cases a `--cases` list names (comma-separated names, or `all`). Throws on an unknown
 * name, listing the accepted ones.
 */
export function selectCases(list: string): ConformanceCase[] {
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length === 0 || names.includes('all')) return [...CASES];
  const unknown = names.filter((n) => !CASES.some((c) => c.name === n));
  if (unknown.length > 0) {
    throw new Error(
      `--cases: ${unknown.map((n) => JSON.stringify(n)).join(', ')} is not a case; use all or any of ${CASES.map((c) => c.name).join(', ')}`,
    );
  }
  return CASES.filter((c) => names.includes(c.name));
}
