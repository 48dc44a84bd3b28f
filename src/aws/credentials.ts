/**
 * When the credentials run out. Credentials from a role assumed by OIDC (what
 * aws-actions/configure-aws-credentials hands a step: one hour by default) cannot be
 * refreshed inside the step; a wait longer than they last ends in ExpiredToken while the jobs
 * go on. The SDK knows their expiry: AWS_CREDENTIAL_EXPIRATION for credentials in the
 * environment, or the `expiration` the provider resolved.
 */
interface WithCredentials {
  config: { credentials?: unknown };
}

/** The expiry of the credentials `client` signs with, when they have one. */
export async function credentialExpiry(client: WithCredentials): Promise<Date | undefined> {
  const provider = client.config.credentials;
  if (typeof provider !== 'function') return undefined;
  try {
    const resolved = (await (provider as () => Promise<{ expiration?: Date }>)()) ?? {};
    return resolved.expiration instanceof Date ? resolved.expiration : undefined;
  } catch {
    // No credentials at all fail the first request, with the SDK's own message.
    return undefined;
  }
}

/** A request refused because the session token has expired. */
export function isExpiredToken(error: unknown): boolean {
  const { name, Code, code } = error as { name?: unknown; Code?: unknown; code?: unknown };
  return [name, Code, code].some((v) => typeof v === 'string' && /^ExpiredToken/.test(v));
}

/**
 * The warning before a wait that can outlive the credentials, with the figures; undefined
 * when they outlast the wait's limit (or have no expiry).
 */
export function expiryWarning(
  expiry: Date | undefined,
  now: number,
  waitMs: number,
): string | undefined {
  if (!expiry) return undefined;
  const left = expiry.getTime() - now;
  if (left >= waitMs) return undefined;
  const minutes = (ms: number): string => `${Math.max(0, Math.round(ms / 60_000))} min`;
  return `the AWS credentials expire at ${expiry.toISOString()}, in ${minutes(left)}, and wait-timeout lets this wait last ${minutes(waitMs)}: jobs still running then are waited for no longer (ExpiredToken), though they go on. Credentials from an OIDC role cannot be refreshed inside a step: give the role a longer session (role-duration-seconds), or wait in a later step with wait-only (docs/interrupted-runs.md)`;
}
