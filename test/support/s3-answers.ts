/** What S3 answers, as the SDK hands it to the caller: for clients mocked with aws-sdk-client-mock. */
import { S3ServiceException } from '@aws-sdk/client-s3';

/** HeadObject's error for a missing object (404) or one the caller may not read (403). */
export function s3Error(status: 404 | 403): S3ServiceException {
  return new S3ServiceException({
    name: status === 404 ? 'NotFound' : 'AccessDenied',
    $fault: 'client',
    $metadata: { httpStatusCode: status },
    message: status === 404 ? 'Not Found' : 'Access Denied',
  });
}
