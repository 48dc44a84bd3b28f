/**
 * The IAM policies in iam/: they parse, and use only real action names, condition keys and
 * well-formed ARNs. The names are from the AWS Service Authorization Reference (the pages
 * "Actions, resources, and condition keys for" AWS KMS, Amazon S3, AWS Elemental MediaConvert,
 * IAM and AWS STS) and the IAM OIDC reference for GitHub's token claims.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ACTIONS: Readonly<Record<string, readonly string[]>> = {
  kms: [
    'CancelKeyDeletion',
    'ConnectCustomKeyStore',
    'CreateAlias',
    'CreateCustomKeyStore',
    'CreateGrant',
    'CreateKey',
    'Decrypt',
    'DeleteAlias',
    'DeleteCustomKeyStore',
    'DeleteImportedKeyMaterial',
    'DeriveSharedSecret',
    'DescribeCustomKeyStores',
    'DescribeKey',
    'DisableKey',
    'DisableKeyRotation',
    'DisconnectCustomKeyStore',
    'EnableKey',
    'EnableKeyRotation',
    'Encrypt',
    'GenerateDataKey',
    'GenerateDataKeyPair',
    'GenerateDataKeyPairWithoutPlaintext',
    'GenerateDataKeyWithoutPlaintext',
    'GenerateMac',
    'GenerateRandom',
    'GetKeyPolicy',
    'GetKeyRotationStatus',
    'GetParametersForImport',
    'GetPublicKey',
    'ImportKeyMaterial',
    'ListAliases',
    'ListGrants',
    'ListKeyPolicies',
    'ListKeyRotations',
    'ListKeys',
    'ListResourceTags',
    'ListRetirableGrants',
    'PutKeyPolicy',
    'ReEncryptFrom',
    'ReEncryptTo',
    'ReplicateKey',
    'RetireGrant',
    'RevokeGrant',
    'RotateKeyOnDemand',
    'ScheduleKeyDeletion',
    'Sign',
    'SynchronizeMultiRegionKey',
    'TagResource',
    'UntagResource',
    'UpdateAlias',
    'UpdateCustomKeyStore',
    'UpdateKeyDescription',
    'UpdatePrimaryRegion',
    'Verify',
    'VerifyMac',
  ],
  // The object and bucket actions a media pipeline touches (S3 has many more).
  s3: [
    'AbortMultipartUpload',
    'DeleteObject',
    'DeleteObjectVersion',
    'GetBucketLocation',
    'GetObject',
    'GetObjectAcl',
    'GetObjectAttributes',
    'GetObjectTagging',
    'GetObjectVersion',
    'ListAllMyBuckets',
    'ListBucket',
    'ListBucketMultipartUploads',
    'ListMultipartUploadParts',
    'PutObject',
    'PutObjectAcl',
    'PutObjectTagging',
    'RestoreObject',
  ],
  mediaconvert: [
    'AssociateCertificate',
    'CancelJob',
    'CreateJob',
    'CreateJobTemplate',
    'CreatePreset',
    'CreateQueue',
    'CreateResourceShare',
    'DeleteJobTemplate',
    'DeletePolicy',
    'DeletePreset',
    'DeleteQueue',
    'DescribeEndpoints',
    'DisassociateCertificate',
    'GetJob',
    'GetJobTemplate',
    'GetPolicy',
    'GetPreset',
    'GetQueue',
    'ListJobTemplates',
    'ListJobs',
    'ListPresets',
    'ListQueues',
    'ListTagsForResource',
    'ListVersions',
    'Probe',
    'PutPolicy',
    'SearchJobs',
    'TagResource',
    'UntagResource',
    'UpdateJobTemplate',
    'UpdatePreset',
    'UpdateQueue',
  ],
  iam: ['GetRole', 'ListRoles', 'PassRole'],
  sts: [
    'AssumeRole',
    'AssumeRoleWithSAML',
    'AssumeRoleWithWebIdentity',
    'GetCallerIdentity',
    'SetSourceIdentity',
    'TagSession',
  ],
};

/** Exact condition keys, and prefixes of keys AWS writes with a placeholder tail. */
const CONDITION_KEYS = new Set([
  'kms:CallerAccount',
  'kms:EncryptionContextKeys',
  'kms:ReEncryptOnSameKey',
  'kms:RequestAlias',
  'kms:ViaService',
  'iam:AssociatedResourceArn',
  'iam:PassedToService',
  's3:prefix',
  's3:x-amz-server-side-encryption',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
  'token.actions.githubusercontent.com:aud',
  'token.actions.githubusercontent.com:sub',
  'aws:PrincipalAccount',
  'aws:SecureTransport',
  'aws:SourceAccount',
  'aws:SourceArn',
]);
const CONDITION_KEY_PREFIXES = ['kms:EncryptionContext:', 'aws:RequestTag/', 'aws:ResourceTag/'];
const OPERATORS = new Set([
  'StringEquals',
  'StringNotEquals',
  'StringLike',
  'StringNotLike',
  'ArnEquals',
  'ArnLike',
  'Bool',
]);

const ACCOUNT = '\\d{12}';
const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d';
/** Resource ARN shapes per service, as the reference's "Resource types" tables give them. */
const ARN: Readonly<Record<string, RegExp>> = {
  kms: new RegExp(`^arn:aws:kms:${REGION}:${ACCOUNT}:key/[0-9a-f-]{36}$`),
  s3: /^arn:aws:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[A-Za-z0-9!_.*'()/-]*)?$/,
  mediaconvert: new RegExp(
    `^arn:aws:mediaconvert:${REGION}:${ACCOUNT}:(jobs|queues|jobTemplates|presets)/[A-Za-z0-9_*-]+$`,
  ),
  iam: new RegExp(`^arn:aws:iam::${ACCOUNT}:role/[\\w+=,.@-]+$`),
};

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: string | string[];
  Principal?: Record<string, string | string[]>;
  Condition?: Record<string, Record<string, string | string[]>>;
}
interface Policy {
  Version: string;
  Statement: Statement[];
}

const dir = 'iam';
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const policies = new Map<string, Policy>(
  files.map((f) => [f, JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Policy]),
);
const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];
const policy = (name: string): Policy => {
  const found = policies.get(name);
  if (!found) throw new Error(`iam/${name} is missing`);
  return found;
};
const statements = (name: string, action: string): Statement[] =>
  policy(name).Statement.filter((s) => list(s.Action).includes(action));

test('the four policies docs/iam.md names exist, the two for s3-sse aws:kms, and one per subcommand', () => {
  expect(files.sort()).toEqual([
    'decrypt-policy.json',
    'mediaconvert-role-policy.json',
    'mediaconvert-role-s3-sse-kms-policy.json',
    'mediaconvert-role-trust.json',
    'rewrap-policy.json',
    'verify-policy.json',
    'workflow-role-policy.json',
    'workflow-role-s3-sse-kms-policy.json',
    'workflow-role-trust.json',
  ]);
});

describe.each(files)('iam/%s', (file) => {
  const doc = policy(file);
  const trust = file.endsWith('-trust.json');

  test('is linked from docs/iam.md, which says what to attach it to', () => {
    expect(readFileSync('docs/iam.md', 'utf8')).toContain(`](../iam/${file})`);
  });

  test('is a policy document of version 2012-10-17 with Allow statements only', () => {
    expect(Object.keys(doc).sort()).toEqual(['Statement', 'Version']);
    expect(doc.Version).toBe('2012-10-17');
    expect(doc.Statement.length).toBeGreaterThan(0);
    for (const s of doc.Statement) expect(s.Effect).toBe('Allow');
    const sids = doc.Statement.map((s) => s.Sid);
    expect(new Set(sids).size).toBe(sids.length);
    for (const sid of sids) expect(sid).toMatch(/^[A-Za-z0-9]+$/);
  });

  test('uses only real action names, spelled as AWS spells them', () => {
    for (const action of doc.Statement.flatMap((s) => list(s.Action))) {
      const [service, name, ...rest] = action.split(':');
      expect({ action, known: rest.length === 0 && ACTIONS[service!]?.includes(name!) }).toEqual({
        action,
        known: true,
      });
    }
  });

  test('uses only real condition keys and operators', () => {
    for (const s of doc.Statement) {
      for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
        expect(OPERATORS).toContain(operator);
        for (const key of Object.keys(keys)) {
          const known =
            CONDITION_KEYS.has(key) ||
            CONDITION_KEY_PREFIXES.some((p) => key.startsWith(p) && key.length > p.length);
          expect({ key, known }).toEqual({ key, known: true });
        }
      }
    }
  });

  if (trust) {
    test('a trust policy names a principal and an sts action, no resource', () => {
      for (const s of doc.Statement) {
        expect(s.Resource).toBeUndefined();
        expect(s.Principal).toBeDefined();
        for (const action of list(s.Action)) expect(action).toMatch(/^sts:/);
      }
    });
  } else {
    test('every resource is a well-formed ARN of the action’s service, never "*"', () => {
      for (const s of doc.Statement) {
        expect(s.Principal).toBeUndefined();
        const services = new Set(list(s.Action).map((a) => a.split(':')[0]!));
        expect(services.size).toBe(1);
        const [service] = [...services];
        const resources = list(s.Resource);
        expect(resources.length).toBeGreaterThan(0);
        for (const arn of resources) {
          expect({ arn, wellFormed: ARN[service!]?.test(arn) ?? false }).toEqual({
            arn,
            wellFormed: true,
          });
        }
      }
    });
  }
});

describe('what docs/iam.md promises of the policies', () => {
  const KEY_CONTEXT = { 'kms:EncryptionContext:service': 'mediaconvert.amazonaws.com' };

  test('data keys are made and decrypted only under the MediaConvert encryption context', () => {
    const kms = [
      ...statements('workflow-role-policy.json', 'kms:GenerateDataKey'),
      ...statements('workflow-role-policy.json', 'kms:Encrypt'),
      ...statements('mediaconvert-role-policy.json', 'kms:Decrypt'),
    ];
    expect(kms.length).toBeGreaterThanOrEqual(2);
    for (const s of kms) expect(s.Condition).toEqual({ StringEquals: KEY_CONTEXT });
  });

  test('the workflow role cannot decrypt with the media key', () => {
    expect(statements('workflow-role-policy.json', 'kms:Decrypt')).toEqual([]);
  });

  test('both roles name the same KMS key, and MediaConvert reads where the workflow writes', () => {
    const [make] = statements('workflow-role-policy.json', 'kms:GenerateDataKey');
    const [decrypt] = statements('mediaconvert-role-policy.json', 'kms:Decrypt');
    expect(list(make?.Resource)).toEqual(list(decrypt?.Resource));
    const [put] = statements('workflow-role-policy.json', 's3:PutObject');
    const [get] = statements('mediaconvert-role-policy.json', 's3:GetObject');
    expect(list(put?.Resource)).toEqual(list(get?.Resource));
    expect(list(put?.Action).sort()).toEqual(['s3:AbortMultipartUpload', 's3:PutObject']);
  });

  test('the workflow role may pass only the MediaConvert role, only to MediaConvert', () => {
    const pass = statements('workflow-role-policy.json', 'iam:PassRole');
    expect(pass).toHaveLength(1);
    expect(list(pass[0]!.Resource)).toEqual(['arn:aws:iam::111122223333:role/MediaConvertRole']);
    expect(pass[0]!.Condition).toEqual({
      StringEquals: { 'iam:PassedToService': 'mediaconvert.amazonaws.com' },
    });
  });

  test('the workflow role may call every KMS and MediaConvert operation in src/', () => {
    const called = new Set<string>();
    const sources = readdirSync('src', { recursive: true, encoding: 'utf8' });
    // src/objects/ (verify, decrypt, rewrap) runs under roles of its own: iam-objects.test.ts.
    for (const file of sources.filter((f) => f.endsWith('.ts') && !f.startsWith('objects'))) {
      const source = readFileSync(path.join('src', file), 'utf8');
      const imports = /import \{([^}]*)\} from '@aws-sdk\/client-(kms|mediaconvert)'/g;
      for (const [, names, service] of source.matchAll(imports)) {
        for (const [, operation] of names!.matchAll(/(?<!type )\b(\w+)Command\b/g)) {
          called.add(`${service}:${operation}`);
        }
      }
    }
    expect(called).toContain('kms:GenerateDataKey');
    expect(called).toContain('mediaconvert:CreateJob');
    const granted = policy('workflow-role-policy.json').Statement.flatMap((s) => list(s.Action));
    expect([...called].filter((action) => !granted.includes(action))).toEqual([]);
  });

  test('GitHub OIDC trust: the token audience is STS and the subject is one repository', () => {
    const [s] = policy('workflow-role-trust.json').Statement;
    expect(s?.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(s?.Principal?.Federated).toMatch(
      /^arn:aws:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/,
    );
    expect(s?.Condition?.StringEquals).toEqual({
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
    });
    const subjects = list(s?.Condition?.StringLike?.['token.actions.githubusercontent.com:sub']);
    expect(subjects.length).toBeGreaterThan(0);
    for (const sub of subjects) expect(sub).toMatch(/^repo:OWNER\/REPO:/);
  });

  test('MediaConvert trust: only the service assumes the role, for jobs of this account only', () => {
    const statements = policy('mediaconvert-role-trust.json').Statement;
    expect(statements).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'mediaconvert.amazonaws.com' },
        Action: 'sts:AssumeRole',
      }),
    ]);
    // Against the confused deputy: the account, and MediaConvert resources of that account.
    const condition = statements[0]?.Condition;
    expect(Object.keys(condition ?? {}).sort()).toEqual(['ArnLike', 'StringEquals']);
    const account = condition?.StringEquals?.['aws:SourceAccount'];
    expect(account).toMatch(/^\d{12}$/);
    expect(condition?.ArnLike).toEqual({
      'aws:SourceArn': expect.stringMatching(
        new RegExp(`^arn:aws:mediaconvert:${REGION}:${String(account)}:\\*$`),
      ) as unknown,
    });
  });

  test('the s3-sse aws:kms policies let S3, and only S3, use the S3 key', () => {
    for (const file of [
      'workflow-role-s3-sse-kms-policy.json',
      'mediaconvert-role-s3-sse-kms-policy.json',
    ]) {
      for (const s of policy(file).Statement) {
        expect(s.Condition).toEqual({
          StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' },
        });
      }
    }
    const upload = list(policy('workflow-role-s3-sse-kms-policy.json').Statement[0]?.Action);
    expect(upload.sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
  });
});
