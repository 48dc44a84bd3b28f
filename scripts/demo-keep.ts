/**
 * `npm run demo -- --keep`: what to tell a user whose stack stays up (how to point the AWS CLI
 * at it, what is kept on disk, how to stop it), and the wait for that stop.
 */
import type { LocalStack } from '../local-aws/stack.js';

export interface Kept {
  /** The object the action uploaded, e.g. `encrypted/samples/clip.mp4`. */
  objectKey?: string;
  jobId?: string;
  /** Folders on disk that go when the stack stops, each with what it holds. */
  folders: { path: string; holds: string }[];
}

/**
 * The lines that point the AWS CLI at the stack. `--endpoint-url` on every command: Debian's
 * AWS CLI 2.9 ignores AWS_ENDPOINT_URL_<SERVICE>, and a v1 from pip reads it, so only the
 * flag works with both.
 */
export function awsCliLines(stack: LocalStack, kept: Kept): string[] {
  const { info } = stack;
  const { s3, kms, mediaconvert } = info.endpoints;
  const lines = [
    `export AWS_ACCESS_KEY_ID=${info.credentials.accessKeyId} AWS_SECRET_ACCESS_KEY=${info.credentials.secretAccessKey} AWS_DEFAULT_REGION=${info.region}`,
    `aws s3 ls s3://${info.bucket}/ --recursive --endpoint-url ${s3}`,
  ];
  if (kept.objectKey) {
    lines.push(
      `aws s3api head-object --bucket ${info.bucket} --key ${kept.objectKey} --endpoint-url ${s3}`,
    );
  }
  lines.push(`aws kms describe-key --key-id ${info.kmsKeyArn} --endpoint-url ${kms}`);
  if (kept.jobId) {
    lines.push(`aws mediaconvert get-job --id ${kept.jobId} --endpoint-url ${mediaconvert}`);
  }
  return lines;
}

/** Prints how to use and stop the stack, then waits for SIGINT or SIGTERM. */
export async function keepUntilStopped(stack: LocalStack, kept: Kept): Promise<string> {
  console.log('\nThe local AWS stack stays up. Point the AWS CLI at it (any version) with:');
  for (const line of awsCliLines(stack, kept)) console.log(`  ${line}`);
  console.log("\nThe AWS SDK and this project's CLI find the stack with:");
  for (const [name, value] of Object.entries(stack.env())) {
    if (name.startsWith('AWS_ENDPOINT_URL_')) console.log(`  export ${name}=${value}`);
  }
  if (kept.folders.length > 0) console.log('\nKept on disk while the stack is up:');
  for (const folder of kept.folders) console.log(`  ${folder.path}  (${folder.holds})`);
  console.log(
    `\nStop it with Ctrl-C (or: kill ${process.pid}): the stack closes, its S3 data and the folders above are removed.`,
  );
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}
