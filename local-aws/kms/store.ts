import { randomBytes, randomUUID } from 'node:crypto';
import { ACCOUNT_ID, STACK_USER_ARN } from '../identity.js';
import type { EncryptionContext } from './blob.js';
import { KmsError, accessDenied, disabled, notFound } from './errors.js';

export interface KmsKey {
  readonly id: string;
  readonly arn: string;
  /** The principal that created the key; it may do everything with it (the "key policy"). */
  readonly owner: string;
  readonly description: string;
  readonly creationDate: Date;
  /** The key material: only ever used inside the emulator, never returned or logged. */
  readonly backingKey: Buffer;
  enabled: boolean;
  readonly grants: Grant[];
}

export interface GrantConstraints {
  encryptionContextSubset?: EncryptionContext;
  encryptionContextEquals?: EncryptionContext;
}

export interface Grant {
  readonly grantId: string;
  readonly grantToken: string;
  readonly keyArn: string;
  readonly name: string | undefined;
  readonly granteePrincipal: string;
  readonly retiringPrincipal: string | undefined;
  readonly operations: readonly string[];
  readonly constraints: GrantConstraints | undefined;
  readonly creationDate: Date;
}

export interface Alias {
  readonly name: string;
  readonly arn: string;
  readonly targetKeyId: string;
  readonly creationDate: Date;
}

export interface NewGrant {
  granteePrincipal: string;
  operations: readonly string[];
  name?: string | undefined;
  retiringPrincipal?: string | undefined;
  constraints?: GrantConstraints | undefined;
}

/** Which identifiers an operation accepts: DescribeKey/Encrypt/... take aliases, grants do not. */
export type KeyIdForm = 'key-or-alias' | 'key-only';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ARN = /^arn:([^:]+):kms:([^:]*):([^:]*):(key|alias)\/(.+)$/;

/** Keys, aliases and grants of one account in one region. */
export class KeyStore {
  private readonly keys = new Map<string, KmsKey>();
  private readonly aliases = new Map<string, Alias>();

  constructor(readonly region: string) {}

  keyArn(keyId: string): string {
    return `arn:aws:kms:${this.region}:${ACCOUNT_ID}:key/${keyId}`;
  }

  aliasArn(aliasName: string): string {
    return `arn:aws:kms:${this.region}:${ACCOUNT_ID}:${aliasName}`;
  }

  createKey(opts: { description?: string; owner?: string } = {}): KmsKey {
    const id = randomUUID();
    const key: KmsKey = {
      id,
      arn: this.keyArn(id),
      owner: opts.owner ?? STACK_USER_ARN,
      description: opts.description ?? '',
      creationDate: new Date(),
      backingKey: randomBytes(32),
      enabled: true,
      grants: [],
    };
    this.keys.set(id, key);
    return key;
  }

  /** Checks the name the way KMS does, then maps it to a key given by id or ARN. */
  createAlias(aliasName: string, targetKeyId: string): Alias {
    if (!aliasName.startsWith('alias/') || aliasName === 'alias/') {
      throw new KmsError('InvalidAliasNameException', 'Alias must start with the prefix "alias/".');
    }
    if (aliasName.startsWith('alias/aws/')) {
      throw new KmsError(
        'InvalidAliasNameException',
        'The prefix "alias/aws/" is reserved for AWS managed keys.',
      );
    }
    const key = this.resolve(targetKeyId, 'key-only');
    const arn = this.aliasArn(aliasName);
    if (this.aliases.has(aliasName)) {
      throw new KmsError('AlreadyExistsException', `An alias with the name ${arn} already exists`);
    }
    const alias = { name: aliasName, arn, targetKeyId: key.id, creationDate: new Date() };
    this.aliases.set(aliasName, alias);
    return alias;
  }

  listAliases(): Alias[] {
    return [...this.aliases.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** The key an identifier names in this account and region, or NotFoundException. */
  resolve(identifier: string, form: KeyIdForm): KmsKey {
    const arn = ARN.exec(identifier);
    if (arn) return this.resolveArn(identifier, arn, form);
    if (identifier.startsWith('alias/') && form === 'key-or-alias') {
      return this.resolveAlias(identifier, this.aliasArn(identifier));
    }
    if (!UUID.test(identifier)) throw notFound(`Invalid keyId '${identifier}'`);
    return this.keyById(identifier);
  }

  /** A key by the id found inside a ciphertext blob, if this store has it. */
  findById(keyId: string): KmsKey | undefined {
    return this.keys.get(keyId);
  }

  addGrant(key: KmsKey, grant: NewGrant): Grant {
    const created: Grant = {
      grantId: randomBytes(32).toString('hex'),
      grantToken: randomBytes(48).toString('base64url'),
      keyArn: key.arn,
      name: grant.name,
      granteePrincipal: grant.granteePrincipal,
      retiringPrincipal: grant.retiringPrincipal,
      operations: [...grant.operations],
      constraints: grant.constraints,
      creationDate: new Date(),
    };
    key.grants.push(created);
    return created;
  }

  private resolveArn(identifier: string, match: RegExpExecArray, form: KeyIdForm): KmsKey {
    const [, partition, region, account, kind, rest] = match;
    if (region !== this.region) throw notFound(`Invalid arn ${region ?? ''}`);
    if (partition !== 'aws' || account !== ACCOUNT_ID) {
      throw notFound(`${kind === 'alias' ? 'Alias' : 'Key'} '${identifier}' does not exist`);
    }
    if (kind === 'alias') {
      if (form === 'key-only') throw notFound(`Invalid keyId '${identifier}'`);
      return this.resolveAlias(`alias/${rest ?? ''}`, identifier);
    }
    return this.keyById(rest ?? '');
  }

  private resolveAlias(aliasName: string, aliasArn: string): KmsKey {
    const alias = this.aliases.get(aliasName);
    if (!alias) throw notFound(`Alias ${aliasArn} is not found.`);
    return this.keyById(alias.targetKeyId);
  }

  private keyById(keyId: string): KmsKey {
    const key = this.keys.get(keyId);
    if (!key) throw notFound(`Key '${this.keyArn(keyId)}' does not exist`);
    return key;
  }
}

/**
 * The authorization model: the key's creator may do everything; anyone else needs a grant for
 * that principal naming the operation (and, when the grant has constraints, a matching context).
 */
export function authorize(
  key: KmsKey,
  principal: string,
  operation: string,
  context: EncryptionContext = {},
): void {
  if (principal === key.owner) return;
  const allowed = key.grants.some(
    (grant) =>
      grant.granteePrincipal === principal &&
      grant.operations.includes(operation) &&
      constraintsHold(grant.constraints, context),
  );
  if (!allowed) throw accessDenied(principal, operation, key.arn);
}

export function requireEnabled(key: KmsKey): void {
  if (!key.enabled) throw disabled(key.arn);
}

function constraintsHold(
  constraints: GrantConstraints | undefined,
  context: EncryptionContext,
): boolean {
  const subset = constraints?.encryptionContextSubset;
  const equals = constraints?.encryptionContextEquals;
  const contains = (pairs: EncryptionContext): boolean =>
    Object.entries(pairs).every(([name, value]) => context[name] === value);
  if (subset && !contains(subset)) return false;
  if (equals && !(contains(equals) && Object.keys(context).length === Object.keys(equals).length)) {
    return false;
  }
  return true;
}
