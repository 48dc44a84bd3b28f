/**
 * Every input and output of the action, declared once. action.yml, the README tables and the
 * CLI's --help are generated from this table (scripts/gen-interface.ts), and a test fails when
 * they drift apart.
 */
export interface InputSpec {
  readonly name: string;
  readonly description: string;
  /** The default as a string, exactly as the runner would pass it; '' means "not set". */
  readonly default: string;
  readonly required?: boolean;
  /** `true` or `false`: on the command line a bare flag (`--wait`) or its `--no-` form. */
  readonly boolean?: true;
  /** What the value looks like in the CLI's --help (`--kms-key-arn ARN`); none for a boolean. */
  readonly placeholder?: string;
  /** The description in the CLI's --help, where the action's words fit only a workflow. */
  readonly cli?: string;
}

export interface OutputSpec {
  readonly name: string;
  readonly description: string;
  /** A JSON text: a string among the action's outputs, the value itself in the CLI's JSON. */
  readonly json?: true;
}

export const INPUTS = [
  {
    name: 'command',
    description:
      "`encrypt`: encrypt files, upload them and create jobs. For objects already uploaded (docs/after-upload.md): `verify` decrypts each object of `manifest` or `objects` through KMS and checks it against the plaintext SHA-256 recorded at upload; `rewrap` re-encrypts each object's data key to `to-kms-key-arn` (KMS ReEncrypt) and replaces its metadata in place, with no ciphertext re-sent.",
    default: 'encrypt',
    placeholder: 'COMMAND',
  },
  {
    name: 'files',
    description:
      'Newline- or comma-separated globs of media files, relative to the workspace (or to the artifact root when `artifact` is set). Required unless `artifact` is given.',
    default: '',
    placeholder: 'GLOBS',
    cli: 'Newline- or comma-separated globs of media files, relative to the current directory.',
  },
  {
    name: 'artifact',
    description:
      'Name of an artifact of this workflow run to download first; `files` then applies inside it (default `**`).',
    default: '',
    placeholder: 'NAME',
    cli: 'Works only inside a GitHub Actions run: outside one, download the files first and use `files`.',
  },
  {
    name: 'artifact-run-id',
    description:
      'ID of another workflow run whose `artifact` to download (as actions/download-artifact `run-id`); needs `github-token` with `actions: read` on this repository.',
    default: '',
    placeholder: 'RUN_ID',
    cli: 'With `artifact`, inside a GitHub Actions run only: the run whose artifact to download.',
  },
  {
    name: 'github-token',
    description:
      'Token that may read the artifacts of `artifact-run-id` (for example `${{ secrets.GITHUB_TOKEN }}` with `actions: read`). Used for nothing else.',
    default: '',
    placeholder: 'TOKEN',
    cli: 'With `artifact-run-id`, inside a GitHub Actions run only: a token with `actions: read` on the repository. Used for nothing else.',
  },
  {
    name: 'kms-key-arn',
    description:
      'ARN of the KMS key (or alias ARN) that protects the data keys. Its region becomes `KmsKeyRegion` when it differs from `region`. Required for `command: encrypt`.',
    default: '',
    placeholder: 'ARN',
  },
  {
    name: 'region',
    description: 'Region for S3 and MediaConvert. Defaults to `AWS_REGION` / `AWS_DEFAULT_REGION`.',
    default: '',
    placeholder: 'REGION',
  },
  {
    name: 'mode',
    description: 'AES mode: `AES_CTR`, `AES_CBC` or `AES_GCM` (ctr/cbc/gcm in any case also work).',
    default: 'AES_CTR',
    placeholder: 'MODE',
  },
  {
    name: 'key-length',
    description: 'Data key length in bits: 128, 192 or 256.',
    default: '256',
    placeholder: '128|192|256',
  },
  {
    name: 'iv-length',
    description:
      'IV length in bytes: 16 (any mode) or 12 (AES_CTR and AES_GCM only). Empty: 16 for CTR and CBC, 12 for GCM. 12 with AES_CTR gets a warning: how MediaConvert extends a 12-byte CTR IV is not documented.',
    default: '',
    placeholder: '12|16',
  },
  {
    name: 'key-source',
    description:
      '`kms`: KMS GenerateDataKey makes each data key. `local`: a random key is made on the runner, then encrypted with KMS Encrypt.',
    default: 'kms',
    placeholder: 'kms|local',
  },
  {
    name: 'destination',
    description:
      '`s3://bucket/prefix/` for the ciphertext. Object key = prefix + path relative to the workspace (or artifact root). Required for `command: encrypt`.',
    default: '',
    placeholder: 'S3_URI',
    cli: '`s3://bucket/prefix/` for the ciphertext. Object key = prefix + path relative to the current directory.',
  },
  {
    name: 's3-sse',
    description:
      'Optional S3 server-side encryption on top of client-side encryption: `AES256` or `aws:kms`.',
    default: '',
    placeholder: 'AES256|aws:kms',
  },
  {
    name: 's3-sse-kms-key-id',
    description: 'KMS key id or ARN for `s3-sse: aws:kms` (empty: the S3 default key).',
    default: '',
    placeholder: 'KEY_ID',
  },
  {
    name: 'part-size-mib',
    description:
      'Multipart upload part size in MiB (5 to 5120). A size that does not fit twice in `max-memory-mib` (besides 1 MiB of read buffers) is reduced to fit, with a warning. AES_CTR parts over https, which hold no buffer, may be made a little larger (never smaller) so that they fill whole rounds of `parts-in-flight`.',
    default: '5',
    placeholder: 'MIB',
  },
  {
    name: 'max-memory-mib',
    description:
      "Memory for buffers, in MiB (16 to 65536), shared by every file of the run: each file's 1 MiB of read buffers, every part buffer, and 1 MiB for each AES_CTR part in flight over https (such a part is read and encrypted again as it is sent, and holds no part buffer) come from it, so files at once and parts in flight per file both live inside it. The process needs about 110 MiB besides (peak RSS at the default: about 115-170 MiB for AES_CTR over https, by file size; about 180 MiB with part buffers, on Node 24 up to about 225 MiB for files of several GiB, 180 with NODE_OPTIONS=--max-semi-space-size=8 in its environment).",
    default: '64',
    placeholder: 'MIB',
  },
  {
    name: 'parts-in-flight',
    description:
      'Most parts the run sends at once, shared by its files (1 to 50; each is one S3 connection). AES_CTR parts over https are read and encrypted again as they are sent, so they hold no part buffer and only this bounds them; other parts are bounded by `max-memory-mib` as well.',
    default: '20',
    placeholder: 'N',
  },
  {
    name: 'create-job',
    description:
      '`true` creates MediaConvert jobs; `false` stops after upload (outputs still carry the decryption settings).',
    default: 'true',
    boolean: true,
    cli: 'Creates MediaConvert jobs (the default). `--no-create-job` (or `--create-job false`) stops after the upload; the output still carries the decryption settings.',
  },
  {
    name: 'role-arn',
    description: 'ARN of the IAM role MediaConvert assumes. Required when jobs are created.',
    default: '',
    placeholder: 'ARN',
  },
  {
    name: 'job-template',
    description: 'MediaConvert job template name or ARN.',
    default: '',
    placeholder: 'NAME',
  },
  {
    name: 'job-settings',
    description:
      'Path to a JSON file: a job `Settings` object, a whole CreateJob request or a `get-job` answer. Its first `Inputs` entry, if any, is the template for every file input.',
    default: '',
    placeholder: 'FILE',
  },
  {
    name: 'job-layout',
    description:
      '`per-file`: one job per file. `single`: one job, every file an input, in file order.',
    default: 'per-file',
    placeholder: 'per-file|single',
  },
  {
    name: 'queue',
    description: 'MediaConvert queue name or ARN (empty: the account default).',
    default: '',
    placeholder: 'NAME',
  },
  {
    name: 'user-metadata',
    description:
      'Job user metadata: a JSON object or `key=value` lines (at most 9 entries: every job also carries `mediaconvert-encrypt-run`, the run it belongs to).',
    default: '',
    placeholder: 'JSON|LINES',
  },
  {
    name: 'tags',
    description:
      'Job tags: a JSON object or `key=value` lines (at most 50; keys of 1 to 128 characters, values of up to 256, no key starting with `aws:`).',
    default: '',
    placeholder: 'JSON|LINES',
  },
  {
    name: 'wait',
    description:
      '`true` waits for every job to finish and fails the step if one ends in ERROR or CANCELED.',
    default: 'false',
    boolean: true,
    cli: 'Waits for every job to finish; exits 1 if one ends in ERROR or CANCELED.',
  },
  {
    name: 'wait-timeout',
    description: 'Longest wait for jobs, in seconds, with `wait: true`.',
    default: '3600',
    placeholder: 'SECONDS',
  },
  {
    name: 'cancel-on-timeout',
    description: '`true` cancels jobs still running when `wait-timeout` passes.',
    default: 'false',
    boolean: true,
    cli: 'Cancels the jobs still running when `wait-timeout` passes.',
  },
  {
    name: 'request-timeout',
    description:
      'Seconds (1 to 3600) an AWS request may go without moving a byte (connecting, sending or receiving) before it is abandoned and retried, up to `AWS_MAX_ATTEMPTS` attempts in all (6 by default). Each attempt must also end within twice this time plus 1 s per 16 KiB it sends, so an answer that trickles ends too.',
    default: '30',
    placeholder: 'SECONDS',
  },
  {
    name: 'wait-only',
    description:
      '`true`: encrypt, upload and create nothing; wait for the jobs of `job-ids` (or, when it is empty, of the manifest at `manifest`) and report them as `wait` does (`wait-timeout`, `cancel-on-timeout`, `delete-inputs` apply; `files`, `kms-key-arn` and `destination` are not needed). For a later step or job with fresh credentials: see docs/interrupted-runs.md.',
    cli: 'Encrypt, upload and create nothing; wait for the jobs of `job-ids` (or, when it is empty, of the manifest at `manifest`) and report them as `wait` does (`wait-timeout`, `cancel-on-timeout`, `delete-inputs` apply; `files`, `kms-key-arn` and `destination` are not needed). For a later run with fresh credentials: see docs/interrupted-runs.md.',
    default: 'false',
    boolean: true,
  },
  {
    name: 'job-ids',
    description:
      'With `wait-only`: the jobs to wait for, as the `job-ids` output gives them (a JSON array) or separated by commas or newlines.',
    default: '',
    placeholder: 'IDS',
  },
  {
    name: 'concurrency',
    description:
      'Files processed at once (1 to 64), or `auto`: as many as `max-memory-mib` holds two parts of the typical file, from 4 to 64 (64 for small files, 4 for large ones).',
    default: 'auto',
    placeholder: 'N|auto',
  },
  {
    name: 'include-hidden-files',
    description:
      '`true` also takes files and folders whose names start with `.` (by default they are never matched, as in actions/upload-artifact).',
    default: 'false',
    boolean: true,
    cli: 'Also takes files and folders whose names start with `.` (by default they are never matched).',
  },
  {
    name: 'fail-fast',
    description: '`true` stops starting new files after the first failure.',
    default: 'false',
    boolean: true,
    cli: 'Stops starting new files after the first failure.',
  },
  {
    name: 'shard',
    description:
      "`i/n` (1 <= i <= n): process only this runner's share of the files, for a matrix of n runners.",
    default: '',
    placeholder: 'I/N',
  },
  {
    name: 'http-proxy',
    description:
      'Proxy URL for every AWS request, e.g. `http://proxy.internal:3128`. Empty: `HTTPS_PROXY` for https endpoints, `HTTP_PROXY` for http ones; `NO_PROXY` applies either way.',
    default: '',
    placeholder: 'URL',
  },
  {
    name: 'if-exists',
    description:
      "What to do when an object already exists at a file's key. `overwrite`: encrypt and upload again. `skip`: when the object's metadata has the same plaintext SHA-256, size and mode, neither encrypt nor upload; its decryption settings come from that metadata, and its job is still created (`create-job`). `fail`: the file fails before any data key is made.",
    default: 'overwrite',
    placeholder: 'overwrite|skip|fail',
  },
  {
    name: 'dry-run',
    description:
      '`true`: validate the inputs, list the files, check the job template, queue and settings, and print the plan (files, bytes, jobs, data keys); make no data key, upload nothing, create no job. With `command: rewrap`: say which objects would be re-wrapped, and change no object or manifest.',
    default: 'false',
    boolean: true,
    cli: 'Validates the options, lists the files, checks the job template, queue and settings, and prints the plan (files, bytes, jobs, data keys); makes no data key, uploads nothing, creates no job.',
  },
  {
    name: 'delete-inputs',
    description:
      '`never`, or `on-complete`: delete each uploaded ciphertext object once every job that reads it is COMPLETE (needs `wait: true`).',
    default: 'never',
    placeholder: 'never|on-complete',
  },
  {
    name: 'manifest',
    description:
      "Where to write the manifest JSON (the run's journal, written as it goes). Empty: `$RUNNER_TEMP/mediaconvert-encrypt-manifest.json`. With `wait-only` and no `job-ids`: the manifest whose jobs to wait for. With `command: verify` or `rewrap` (and no `objects`): the manifest to read, which `rewrap` updates.",
    default: '',
    placeholder: 'FILE',
    cli: 'Where to write the manifest JSON. Default: a new file for every run, `mediaconvert-encrypt-manifest-TIME-PID.json` in $RUNNER_TEMP or the system temporary folder; the log and the JSON on stdout give its path.',
  },
  {
    name: 'objects',
    description:
      "`verify` and `rewrap`: `s3://bucket/prefix/` whose every object to take, instead of the files of `manifest`; the plaintext SHA-256 then comes from each object's metadata.",
    default: '',
    placeholder: 'S3_URI',
  },
  {
    name: 'to-kms-key-arn',
    description:
      '`rewrap`: ARN of the KMS key (or alias ARN) to re-encrypt each data key to. KMS ReEncrypt works within one region: the key must be in the region of the key each object is under now.',
    default: '',
    placeholder: 'ARN',
  },
] as const satisfies readonly InputSpec[];

export type InputName = (typeof INPUTS)[number]['name'];

export const OUTPUTS = [
  { name: 'job-id', description: 'ID of the first job created (empty when none).' },
  { name: 'job-ids', description: 'JSON array of every job ID created.', json: true },
  {
    name: 'job-settings',
    description:
      'JSON array of the CreateJob requests as sent. Any array output over 1 MB holds a short form pointing at the manifest instead (see Output size limits).',
    json: true,
  },
  {
    name: 'decryption-settings',
    description:
      "JSON array, one `DecryptionSettings` object per file, in file order. With `command: rewrap`: each object's settings after the run, in object order.",
    json: true,
  },
  {
    name: 's3-uris',
    description:
      'JSON array of the ciphertext objects (uploaded, or skipped by `if-exists: skip`), in file order. With `command: verify` or `rewrap`: the objects taken, in order.',
    json: true,
  },
  { name: 'manifest', description: 'Path of the manifest JSON file.' },
  {
    name: 'job-status',
    description:
      'JSON array of `{id, status, errorCode, errorMessage}` per job (when `wait` is true).',
    json: true,
  },
  {
    name: 'skipped-files',
    description:
      'JSON array of the files (paths as listed) not uploaded because `if-exists: skip` found them unchanged.',
    json: true,
  },
  {
    name: 'output-uris',
    description:
      'When `wait` is true: JSON array, one `{jobId, status, outputs: [{group, type, uri, kind}]}` per job, the S3 URIs of the files and HLS/DASH/CMAF manifests each COMPLETE job wrote, computed from its final settings.',
    json: true,
  },
  {
    name: 'object-results',
    description:
      '`verify` and `rewrap`: JSON array, one `{s3Uri, status, message}` per object. verify: `ok`, `mismatch`, `missing`, `undecryptable` or `unchecked`; rewrap: `rewrapped`, `unchanged`, `would-rewrap` (dry run) or `failed`.',
    json: true,
  },
] as const satisfies readonly OutputSpec[];

export type OutputName = (typeof OUTPUTS)[number]['name'];

export type RawInputs = Readonly<Record<InputName, string>>;
