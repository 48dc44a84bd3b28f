import { describe, expect, test } from '@jest/globals';
import { objectOutputs, objectSummary } from '../../src/outputs/object-outputs.js';
import type { ObjectsReport } from '../../src/objects/run.js';

const DECRYPTION = {
  DecryptionMode: 'AES_CTR' as const,
  EncryptedDecryptionKey: 'AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY',
  InitializationVector: 'AAAAAAAAAAAAAAAAAAAAAA==',
};

const verifyReport: ObjectsReport = {
  command: 'verify',
  dryRun: false,
  manifestPath: '/tmp/m.json',
  results: [
    {
      s3Uri: 's3://media/a.mov',
      status: 'ok',
      message: 'decrypts to the plaintext recorded at upload',
    },
    {
      s3Uri: 's3://media/<b>|.mov',
      status: 'mismatch',
      message: 'AES_GCM authentication tag does not verify',
    },
  ],
};

describe('verify and rewrap outputs', () => {
  test('object-results has one entry per object; verify sets no decryption settings', () => {
    const outputs = objectOutputs(verifyReport);
    expect(JSON.parse(outputs['object-results']!)).toEqual(
      verifyReport.results.map(({ s3Uri, status, message }) => ({ s3Uri, status, message })),
    );
    expect(JSON.parse(outputs['s3-uris']!)).toEqual(['s3://media/a.mov', 's3://media/<b>|.mov']);
    expect(outputs.manifest).toBe('/tmp/m.json');
    expect(outputs['decryption-settings']).toBeUndefined();
  });

  test("rewrap sets each object's decryption settings after the run, in object order", () => {
    const outputs = objectOutputs({
      command: 'rewrap',
      dryRun: false,
      results: [
        { s3Uri: 's3://media/a.mov', status: 'rewrapped', message: 'm', decryption: DECRYPTION },
        { s3Uri: 's3://media/b.mov', status: 'failed', message: 'missing' },
      ],
    });
    expect(JSON.parse(outputs['decryption-settings']!)).toEqual([DECRYPTION, null]);
    expect(outputs.manifest).toBeUndefined();
  });

  test('the summary counts, lists failures first and escapes names', () => {
    const summary = objectSummary(verifyReport);
    expect(summary).toContain('### MediaConvert encrypt: verify');
    expect(summary).toContain('2 object(s): 1 ok, 1 mismatch.');
    const rows = summary.split('\n').filter((l) => l.startsWith('| s3'));
    expect(rows[0]).toContain('**mismatch**');
    expect(summary).not.toContain('<b>');
    expect(summary).toContain('&#60;b&#62;&#124;');
  });
});
