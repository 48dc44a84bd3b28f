/** The inputs most runs of the packaged action against the local stack start from. */
import type { StackInfo } from '../../local-aws/stack.js';

type InputsStack = { info: Pick<StackInfo, 'kmsKeyArn' | 'bucket' | 'roleArn' | 'jobTemplate'> };

/**
 * The stack's KMS key and `destination` s3://<bucket>/<prefix>/ (the slash added unless
 * `prefix` ends with one); when the run creates jobs (`extra` does not say `create-job:
 * false`), the stack's role, and its job template unless `extra` names `job-settings`, as a
 * user's step would have them. `extra` adds to these and overrides them.
 */
export function actionInputs(
  stack: InputsStack,
  prefix: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const { info } = stack;
  const createsJobs = extra['create-job'] !== 'false';
  const usesTemplate = createsJobs && extra['job-settings'] === undefined;
  return {
    'kms-key-arn': info.kmsKeyArn,
    destination: `s3://${info.bucket}/${prefix.endsWith('/') ? prefix : `${prefix}/`}`,
    ...(createsJobs ? { 'role-arn': info.roleArn } : {}),
    ...(usesTemplate ? { 'job-template': info.jobTemplate } : {}),
    ...extra,
  };
}
