/**
 * The policies of verify, decrypt and rewrap (iam/*-policy.json) grant every AWS operation
 * their code calls: the operations imported by the modules each command runs, mapped to the
 * IAM actions AWS authorizes them as. A new call in src/objects/ without its permission fails
 * here rather than in a user's account.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';

/** The modules of src/objects/ each command runs (with what they import from there). */
const MODULES = {
  verify: ['object-source', 'stored-object', 'object-reader', 'data-key', 'open-object', 'verify'],
  decrypt: ['stored-object', 'object-reader', 'data-key', 'open-object', 'decrypt'],
  rewrap: ['object-source', 'stored-object', 'rewrap', 'copy-in-place'],
} as const;

/** How IAM authorizes each operation (S3 authorizes a copy as reading the source and writing). */
const ACTIONS: Record<string, string[]> = {
  'kms:Decrypt': ['kms:Decrypt'],
  'kms:ReEncrypt': ['kms:ReEncryptFrom', 'kms:ReEncryptTo'],
  's3:HeadObject': ['s3:GetObject'],
  's3:GetObject': ['s3:GetObject'],
  's3:ListObjectsV2': ['s3:ListBucket'],
  's3:CopyObject': ['s3:GetObject', 's3:PutObject'],
  's3:CreateMultipartUpload': ['s3:PutObject'],
  's3:UploadPartCopy': ['s3:GetObject', 's3:PutObject'],
  's3:CompleteMultipartUpload': ['s3:PutObject'],
  's3:AbortMultipartUpload': ['s3:AbortMultipartUpload'],
  // Only for an object over 5 GiB that has tags (docs/after-upload.md, IAM).
  's3:GetObjectTagging': [],
};

function operationsOf(module: string): string[] {
  const source = readFileSync(`src/objects/${module}.ts`, 'utf8');
  const found: string[] = [];
  const imports = /import \{([^}]*)\} from '@aws-sdk\/client-(kms|s3)'/g;
  for (const [, names, service] of source.matchAll(imports)) {
    for (const [, operation] of names!.matchAll(/(?<!type )\b(\w+)Command\b/g)) {
      found.push(`${service}:${operation}`);
    }
  }
  return found;
}

function granted(command: keyof typeof MODULES): Set<string> {
  const policy = JSON.parse(readFileSync(`iam/${command}-policy.json`, 'utf8')) as {
    Statement: { Action: string | string[] }[];
  };
  return new Set(
    policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])),
  );
}

describe('each command of src/objects/ is granted what it calls', () => {
  test.each(Object.keys(MODULES) as (keyof typeof MODULES)[])('%s', (command) => {
    const operations = MODULES[command].flatMap(operationsOf);
    expect(operations.length).toBeGreaterThan(0);
    const unknown = operations.filter((op) => !(op in ACTIONS));
    expect(unknown).toEqual([]);
    const needed = new Set(operations.flatMap((op) => ACTIONS[op]!));
    const allowed = granted(command);
    expect([...needed].filter((action) => !allowed.has(action))).toEqual([]);
  });

  test('the module lists name every file of src/objects/ that calls AWS', () => {
    const listed = new Set<string>(Object.values(MODULES).flat());
    const calling = readdirSync('src/objects')
      .map((f) => f.replace(/\.ts$/, ''))
      .filter((m) => operationsOf(m).length > 0);
    expect(calling.length).toBeGreaterThan(3);
    expect(calling.filter((m) => !listed.has(m))).toEqual([]);
  });
});
