/**
 * The table of bad-inputs.test.ts: one wrong value (or more) for every input of the action,
 * the input its message must name, and the only requests it may send.
 */

/** AES-GCM's limit on one message, in bytes: a file one byte larger is refused. */
export const GCM_LIMIT = 2 ** 36 - 32;
const isRoot = process.getuid?.() === 0;

export interface Case {
  /** The input the message must name. */
  input: string;
  why: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  /** MediaConvert operations this case may send (the existence checks), in order. */
  requests?: string[];
  /** A value that may be a secret: the log must not show it. */
  secret?: string;
  skip?: boolean;
}

const tooMany = JSON.stringify(
  Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'v'])),
);

export const cases: Case[] = [
  { input: 'files', why: 'missing', inputs: { files: '' } },
  { input: 'files', why: 'leaves the workspace with ..', inputs: { files: '../*/secret.mp4' } },
  { input: 'files', why: 'absolute path', inputs: { files: '/etc/hostname' } },
  { input: 'files', why: 'matches nothing', inputs: { files: 'masters/*.mov' } },
  { input: 'files', why: 'a file that does not exist', inputs: { files: 'masters/missing.mp4' } },
  { input: 'files', why: 'a directory', inputs: { files: 'masters' } },
  { input: 'files', why: 'an empty file', inputs: { files: 'empty.mp4' } },
  {
    input: 'files',
    why: 'an unreadable file',
    inputs: { files: 'unreadable.mp4' },
    skip: isRoot,
  },
  { input: 'files', why: 'a symlink leading outside', inputs: { files: 'link-out.mp4' } },
  { input: 'files', why: 'a symlinked directory outside', inputs: { files: 'link-dir/**' } },
  { input: 'files', why: 'a symlink loop', inputs: { files: 'loop.mp4' } },
  { input: 'files', why: 'a broken symlink', inputs: { files: 'broken.mp4' } },
  { input: 'files', why: 'a FIFO, not a regular file', inputs: { files: 'fifo.mp4' } },
  { input: 'files', why: 'NFC and NFD names: one object key', inputs: { files: 'nfc/*.mp4' } },
  {
    input: 'files',
    why: 'one empty file among good ones',
    inputs: { files: 'masters/*.mp4\nempty.mp4' },
  },
  {
    input: 'mode',
    why: 'a GCM file over 2^36 - 32 bytes',
    inputs: { files: 'big/huge.mp4', mode: 'AES_GCM' },
  },
  { input: 'artifact', why: 'a name with a slash', inputs: { artifact: 'builds/media' } },
  {
    input: 'artifact-run-id',
    why: 'not a number',
    inputs: { artifact: 'media', 'artifact-run-id': 'latest', 'github-token': 'ghs_example0123' },
  },
  {
    input: 'github-token',
    why: 'given without artifact-run-id',
    inputs: { 'github-token': 'ghs_example0123' },
  },
  { input: 'http-proxy', why: 'not an http(s) URL', inputs: { 'http-proxy': 'socks5://p:1080' } },
  { input: 'kms-key-arn', why: 'missing', inputs: { 'kms-key-arn': '' } },
  {
    input: 'kms-key-arn',
    why: 'a bare key ID',
    inputs: { 'kms-key-arn': '1234abcd-12ab-34cd-56ef-1234567890ab' },
  },
  { input: 'region', why: 'shell text', inputs: { region: 'us-east-1; rm -rf /' } },
  {
    input: 'region',
    why: 'unset everywhere',
    inputs: { region: '' },
    env: { AWS_REGION: '', AWS_DEFAULT_REGION: '' },
  },
  { input: 'mode', why: 'an unknown mode', inputs: { mode: 'AES_XTS' } },
  { input: 'key-length', why: '512', inputs: { 'key-length': '512' } },
  { input: 'iv-length', why: '12 bytes with CBC', inputs: { mode: 'AES_CBC', 'iv-length': '12' } },
  { input: 'key-source', why: 'an unknown source', inputs: { 'key-source': 'hsm' } },
  { input: 'destination', why: 'missing', inputs: { destination: '' } },
  { input: 'destination', why: 'not s3://', inputs: { destination: 'https://media/prefix/' } },
  { input: 's3-sse', why: 'an unknown type', inputs: { 's3-sse': 'SSE-C' } },
  {
    input: 's3-sse-kms-key-id',
    why: 'without s3-sse aws:kms',
    inputs: { 's3-sse-kms-key-id': 'alias/s3' },
  },
  { input: 'part-size-mib', why: 'under 5', inputs: { 'part-size-mib': '4' } },
  { input: 'create-job', why: 'not a boolean', inputs: { 'create-job': 'yes' } },
  { input: 'role-arn', why: 'missing', inputs: { 'role-arn': '' } },
  {
    input: 'job-settings',
    why: 'neither template nor settings',
    inputs: { 'job-template': '', 'job-settings': '' },
  },
  {
    input: 'job-template',
    why: 'a template that does not exist',
    inputs: { 'job-template': 'no-such-template' },
    requests: ['GetJobTemplate'],
  },
  {
    input: 'job-settings',
    why: 'a request file naming a template that does not exist',
    inputs: { 'job-template': '', 'job-settings': 'settings/unknown-template.json' },
    requests: ['GetJobTemplate'],
  },
  {
    input: 'queue',
    why: 'a queue that does not exist',
    inputs: { queue: 'NoSuchQueue' },
    requests: ['GetJobTemplate', 'GetQueue'],
  },
  {
    input: 'job-settings',
    why: 'a missing file',
    inputs: { 'job-settings': 'settings/none.json' },
  },
  {
    input: 'job-settings',
    why: 'malformed JSON',
    inputs: { 'job-settings': 'settings/broken.json' },
  },
  { input: 'job-settings', why: 'a JSON array', inputs: { 'job-settings': 'settings/array.json' } },
  {
    input: 'job-settings',
    why: 'no output groups and no template',
    inputs: { 'job-template': '', 'job-settings': 'settings/no-outputs.json' },
  },
  {
    input: 'job-settings',
    why: 'Inputs that is not an array',
    inputs: { 'job-settings': 'settings/inputs-object.json' },
  },
  { input: 'job-layout', why: 'an unknown layout', inputs: { 'job-layout': 'batch' } },
  { input: 'user-metadata', why: 'more than 9 entries', inputs: { 'user-metadata': tooMany } },
  { input: 'tags', why: 'a line without =', inputs: { tags: 'team' } },
  {
    input: 'user-metadata',
    why: 'a line without = is not quoted (it may be a token)',
    inputs: { 'user-metadata': 'team=media\nghp_NotQuotedToken0123456789' },
    secret: 'ghp_NotQuotedToken0123456789',
  },
  {
    input: 'tags',
    why: 'a line without a key is not quoted',
    inputs: { tags: '=s3cr3t-tag-value' },
    secret: 's3cr3t-tag-value',
  },
  {
    input: 'user-metadata',
    why: 'malformed JSON is not quoted',
    inputs: { 'user-metadata': '{"token": NotQuotedJsonSecret}' },
    secret: 'NotQuotedJsonSecret',
  },
  {
    input: 'job-settings',
    why: 'malformed JSON in the file is not quoted',
    inputs: { 'job-settings': 'settings/secret-broken.json' },
    secret: 'NotQuotedStaticKeyValue',
  },
  { input: 'wait', why: 'not a boolean', inputs: { wait: 'maybe' } },
  { input: 'wait', why: 'true without jobs', inputs: { wait: 'true', 'create-job': 'false' } },
  { input: 'wait-timeout', why: 'zero', inputs: { 'wait-timeout': '0' } },
  { input: 'request-timeout', why: 'a fraction', inputs: { 'request-timeout': '0.5' } },
  { input: 'wait-only', why: 'not a boolean', inputs: { 'wait-only': 'maybe' } },
  {
    input: 'job-ids',
    why: 'given without wait-only',
    inputs: { 'job-ids': '1700000000000-abc123' },
  },
  {
    input: 'job-ids',
    why: 'not a job ID',
    inputs: { 'wait-only': 'true', 'job-ids': '["../../etc/passwd"]' },
  },
  { input: 'cancel-on-timeout', why: 'not a boolean', inputs: { 'cancel-on-timeout': '1' } },
  { input: 'concurrency', why: 'over 64', inputs: { concurrency: '65' } },
  { input: 'max-memory-mib', why: 'under 16', inputs: { 'max-memory-mib': '8' } },
  { input: 'parts-in-flight', why: 'over 50', inputs: { 'parts-in-flight': '51' } },
  { input: 'fail-fast', why: 'not a boolean', inputs: { 'fail-fast': 'on' } },
  { input: 'shard', why: 'index over count', inputs: { shard: '5/4' } },
  { input: 'if-exists', why: 'not a choice', inputs: { 'if-exists': 'replace' } },
  { input: 'dry-run', why: 'not a boolean', inputs: { 'dry-run': 'yes' } },
  { input: 'delete-inputs', why: 'not a choice', inputs: { 'delete-inputs': 'always' } },
  {
    input: 'delete-inputs',
    why: 'on-complete without wait',
    inputs: { 'delete-inputs': 'on-complete', wait: 'false' },
  },
  {
    input: 'manifest',
    why: 'one of the files to encrypt',
    inputs: { manifest: 'masters/a.mp4' },
  },
  {
    input: 'manifest',
    why: 'an existing file that is not a manifest',
    inputs: { manifest: 'settings/array.json' },
  },
  {
    input: 'include-hidden-files',
    why: 'not a boolean',
    inputs: { 'include-hidden-files': 'yes' },
  },
  { input: 'files', why: 'only hidden files (.git/config)', inputs: { files: '.git/**' } },
  {
    input: 'manifest',
    why: 'unset with no RUNNER_TEMP',
    inputs: { manifest: '' },
    env: { RUNNER_TEMP: '' },
  },
  { input: 'command', why: 'not a command', inputs: { command: 'transcode' } },
  {
    input: 'objects',
    why: 'verify: not an S3 URI',
    inputs: { command: 'verify', objects: 'media/masters/' },
  },
  {
    input: 'manifest',
    why: 'verify: a file that is not a manifest',
    inputs: { command: 'verify', manifest: 'settings/array.json' },
  },
  {
    input: 'to-kms-key-arn',
    why: 'rewrap without it',
    inputs: { command: 'rewrap', objects: 's3://media/masters/' },
  },
];
