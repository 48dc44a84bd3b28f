import { createHash } from 'node:crypto';

/** The one AWS account the local stack pretends to be. */
export const ACCOUNT_ID = '111122223333';

/** s3rver accepts only this pair, so every client of the stack signs with it. */
export const STACK_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** The principal that STACK_CREDENTIALS stand for (the developer or the CI runner). */
export const STACK_USER_ARN = `arn:aws:iam::${ACCOUNT_ID}:user/local-developer`;

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Credentials that stand for an IAM role: what a service gets when it assumes the role.
 * Deterministic so the KMS emulator can map them back to the role without a shared store.
 */
export function roleCredentials(roleArn: string): Credentials {
  const digest = createHash('sha256').update(roleArn).digest('hex').toUpperCase();
  return { accessKeyId: `ASIA${digest.slice(0, 16)}`, secretAccessKey: digest.slice(16, 56) };
}

/** The access key id in a SigV4 `Authorization` header, if there is one. */
export function accessKeyIdOf(authorization: string | undefined): string | undefined {
  const match = /Credential=([^/,\s]+)\//.exec(authorization ?? '');
  return match?.[1];
}

/** Maps access key ids to principal ARNs: the stack user plus every registered role. */
export class Principals {
  private readonly byAccessKey = new Map<string, string>([
    [STACK_CREDENTIALS.accessKeyId, STACK_USER_ARN],
  ]);

  registerRole(roleArn: string): Credentials {
    const creds = roleCredentials(roleArn);
    this.byAccessKey.set(creds.accessKeyId, roleArn);
    return creds;
  }

  /** The caller's principal ARN, or undefined when the access key is unknown. */
  resolve(authorization: string | undefined): string | undefined {
    const id = accessKeyIdOf(authorization);
    return id === undefined ? undefined : this.byAccessKey.get(id);
  }
}
