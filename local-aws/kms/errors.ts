/**
 * Errors of the KMS emulator. Each carries the wire `__type` and HTTP status real KMS uses, so
 * the AWS SDK and the AWS CLI raise the same exception classes they raise against AWS.
 */
export class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export const notFound = (message: string): KmsError => new KmsError('NotFoundException', message);

export const disabled = (keyArn: string): KmsError =>
  new KmsError('DisabledException', `${keyArn} is disabled.`);

export const invalidCiphertext = (): KmsError =>
  // Real KMS says nothing about why (wrong context, tampering, foreign blob look the same).
  new KmsError(
    'InvalidCiphertextException',
    'The ciphertext is invalid, was modified, or its encryption context does not match.',
  );

export const accessDenied = (principal: string, operation: string, resource: string): KmsError =>
  new KmsError(
    'AccessDeniedException',
    `User: ${principal} is not authorized to perform: kms:${operation} on resource: ${resource} ` +
      `because no identity-based policy allows the kms:${operation} action`,
  );

export const serialization = (message: string): KmsError =>
  new KmsError('SerializationException', message);

/** The wire body of an error: what the SDK's JSON-RPC error parser reads. */
export function errorBody(error: KmsError): { __type: string; message: string } {
  return { __type: error.type, message: error.message };
}
