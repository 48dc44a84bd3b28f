/**
 * The policies of the CLI's verify, decrypt and rewrap subcommands (iam/*-policy.json): each
 * grants what its subcommand calls and nothing else, every KMS statement holds to the
 * MediaConvert encryption context, and docs/iam-after-upload.md explains them. That the
 * action names and condition keys are real is checked with every policy in iam.test.ts.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';

interface Statement {
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];
const policy = (name: string): { Statement: Statement[] } =>
  JSON.parse(readFileSync(`iam/${name}`, 'utf8')) as { Statement: Statement[] };
const statements = (name: string, action: string): Statement[] =>
  policy(name).Statement.filter((s) => list(s.Action).includes(action));

describe('the policies of the verify, decrypt and rewrap subcommands', () => {
  const KEY_CONTEXT = { 'kms:EncryptionContext:service': 'mediaconvert.amazonaws.com' };
  const actions = (name: string): string[] =>
    [...new Set(policy(name).Statement.flatMap((s) => list(s.Action)))].sort();
  const [upload] = statements('workflow-role-policy.json', 's3:PutObject');
  const [makeKeys] = statements('workflow-role-policy.json', 'kms:GenerateDataKey');

  test.each([
    ['verify-policy.json', ['kms:Decrypt', 's3:GetObject', 's3:ListBucket']],
    ['decrypt-policy.json', ['kms:Decrypt', 's3:GetObject']],
    [
      'rewrap-policy.json',
      [
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
        's3:AbortMultipartUpload',
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
      ],
    ],
  ])('iam/%s grants exactly what the subcommand calls', (file, expected) => {
    expect(actions(file)).toEqual(expected);
  });

  test.each(['verify-policy.json', 'decrypt-policy.json', 'rewrap-policy.json'])(
    'iam/%s: every KMS statement holds to the MediaConvert context; objects are the uploaded ones',
    (file) => {
      const kms = policy(file).Statement.filter((s) => list(s.Action)[0]!.startsWith('kms:'));
      expect(kms.length).toBeGreaterThan(0);
      for (const s of kms) expect(s.Condition?.StringEquals).toEqual(KEY_CONTEXT);
      // Objects where the workflow uploads them; listing only in their bucket.
      const s3 = policy(file).Statement.filter((s) => list(s.Action)[0]!.startsWith('s3:'));
      const where = s3.map((s) => ({
        listing: list(s.Action).includes('s3:ListBucket'),
        resources: list(s.Resource),
      }));
      expect(where).toEqual(
        where.map(({ listing }) => ({
          listing,
          resources: listing ? ['arn:aws:s3:::media-in'] : list(upload?.Resource),
        })),
      );
    },
  );

  test('verify and decrypt read with the key the workflow makes data keys with', () => {
    for (const file of ['verify-policy.json', 'decrypt-policy.json']) {
      const [decrypt] = statements(file, 'kms:Decrypt');
      expect(list(decrypt?.Resource)).toEqual(list(makeKeys?.Resource));
      expect(decrypt?.Condition).toEqual({ StringEquals: KEY_CONTEXT });
    }
  });

  test('rewrap moves data keys from the workflow key to one other key and never decrypts', () => {
    const from = statements('rewrap-policy.json', 'kms:ReEncryptFrom');
    const [to] = statements('rewrap-policy.json', 'kms:ReEncryptTo');
    expect(statements('rewrap-policy.json', 'kms:Decrypt')).toEqual([]);
    const target = list(to?.Resource);
    expect(target).toHaveLength(1);
    expect(target).not.toEqual(list(makeKeys?.Resource));
    expect(to?.Condition).toEqual({ StringEquals: KEY_CONTEXT });
    // From the old key: unconditionally on the key, but only under the context.
    const fromOld = from.filter((s) => list(s.Resource)[0] !== target[0]);
    expect(fromOld).toHaveLength(1);
    expect(list(fromOld[0]?.Resource)).toEqual(list(makeKeys?.Resource));
    expect(fromOld[0]?.Condition).toEqual({ StringEquals: KEY_CONTEXT });
    // From the new key: only onto itself (a re-run recognising an object already moved).
    const fromNew = from.filter((s) => list(s.Resource)[0] === target[0]);
    expect(fromNew).toHaveLength(1);
    expect(fromNew[0]?.Condition).toEqual({
      StringEquals: KEY_CONTEXT,
      Bool: { 'kms:ReEncryptOnSameKey': 'true' },
    });
  });

  test('rewrap writes the copy onto the objects themselves and may abort a multipart copy', () => {
    const [write] = statements('rewrap-policy.json', 's3:PutObject');
    expect(list(write?.Action).sort()).toEqual(['s3:AbortMultipartUpload', 's3:PutObject']);
    expect(list(write?.Resource)).toEqual(list(upload?.Resource));
    expect(write?.Condition).toBeUndefined();
  });

  test('docs/iam-after-upload.md explains each of these policies and the trust conditions', () => {
    const page = readFileSync('docs/iam-after-upload.md', 'utf8');
    for (const file of [
      'verify-policy.json',
      'decrypt-policy.json',
      'rewrap-policy.json',
      'mediaconvert-role-trust.json',
    ]) {
      expect(page).toContain(`](../iam/${file})`);
    }
    for (const term of ['aws:SourceAccount', 'aws:SourceArn', 'kms:ReEncryptOnSameKey']) {
      expect(page).toContain(term);
    }
  });
});
