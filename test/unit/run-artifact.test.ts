/**
 * The pipeline as a whole, its AWS clients mocked: files from a workflow artifact, the request
 * token seed, and the memory budget.
 */
import { describe, expect, test } from '@jest/globals';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import 'aws-sdk-client-mock-jest';
import type { ArtifactDownloader } from '../../src/files/artifact.js';
import { parseConfig } from '../../src/inputs/config.js';
import { runPipeline as run } from '../../src/pipeline/run.js';
import {
  config,
  deps,
  KMS_ARN,
  put,
  s3Mock,
  usePipelineHarness,
} from '../support/pipeline-harness.js';

const harness = usePipelineHarness();

describe('artifact', () => {
  function downloader(
    files: Record<string, string>,
    result: { digestMismatch?: boolean } = {},
  ): ArtifactDownloader {
    return {
      getArtifact: async (name) => ({ artifact: { id: 7, name, digest: 'sha256:00' } }),
      downloadArtifact: async (_id, options) => {
        for (const [name, data] of Object.entries(files)) await put(name, data, options.path);
        return { downloadPath: options.path, ...result };
      },
    };
  }

  test('files are taken from the downloaded artifact, keyed relative to its root', async () => {
    const { report } = await run(
      config({ files: '', artifact: 'encoded', 'create-job': 'false' }),
      deps({ artifacts: () => downloader({ 'x/one.mp4': 'one', 'two.mov': 'two' }) }),
    );
    expect(report.files.map((f) => f.s3Uri)).toEqual([
      's3://media-bucket/in/two.mov',
      's3://media-bucket/in/x/one.mp4',
    ]);
    expect(harness.log.messages('info')[0]).toMatch(/^artifact 'encoded' downloaded to /);
  });

  test('a digest mismatch stops the run before any AWS request', async () => {
    await expect(
      run(
        config({ files: '', artifact: 'encoded' }),
        deps({ artifacts: () => downloader({ 'a.mp4': 'a' }, { digestMismatch: true }) }),
      ),
    ).rejects.toThrow("artifact 'encoded' does not match the digest its listing gives");
    expect(harness.clientCalls).toBe(0);
  });

  test('an unknown artifact names it', async () => {
    const missing: ArtifactDownloader = {
      getArtifact: async () => {
        throw new Error('Artifact not found');
      },
      downloadArtifact: async () => ({}),
    };
    await expect(
      run(config({ files: '', artifact: 'nope' }), deps({ artifacts: () => missing })),
    ).rejects.toThrow("artifact 'nope' was not found in this workflow run");
  });

  /** A downloader that remembers the folders it was given. */
  function recording(
    files: Record<string, string>,
    result: { digestMismatch?: boolean } = {},
  ): ArtifactDownloader & { folders: string[]; finds: unknown[] } {
    const folders: string[] = [];
    const finds: unknown[] = [];
    return {
      folders,
      finds,
      getArtifact: async (name, options) => {
        finds.push(options?.findBy);
        return { artifact: { id: 7, name, digest: 'sha256:00' } };
      },
      downloadArtifact: async (_id, options) => {
        folders.push(options.path);
        finds.push(options.findBy);
        for (const [name, data] of Object.entries(files)) await put(name, data, options.path);
        return { downloadPath: options.path, ...result };
      },
    };
  }
  const gone = (folder: string): Promise<boolean> =>
    access(folder).then(
      () => false,
      () => true,
    );

  test('the downloaded artifact is removed after a successful run', async () => {
    const client = recording({ 'a.mp4': 'a' });
    await run(
      config({ files: '', artifact: 'encoded', 'create-job': 'false' }),
      deps({ artifacts: () => client }),
    );
    expect(client.folders).toHaveLength(1);
    expect(await gone(client.folders[0]!)).toBe(true);
    expect(harness.log.messages('info')).toContain(
      `removed the downloaded artifact from ${client.folders[0]}`,
    );
  });

  test('the downloaded artifact is removed when an upload fails', async () => {
    s3Mock.on(PutObjectCommand).rejects(new Error('AccessDenied'));
    const client = recording({ 'a.mp4': 'a' });
    const outcome = await run(
      config({ files: '', artifact: 'encoded', 'create-job': 'false' }),
      deps({ artifacts: () => client }),
    );
    expect(outcome.failure).toMatch(/AccessDenied/);
    expect(await gone(client.folders[0]!)).toBe(true);
  });

  test('the downloaded artifact is removed when the run throws (digest mismatch)', async () => {
    const client = recording({ 'a.mp4': 'a' }, { digestMismatch: true });
    await expect(
      run(config({ files: '', artifact: 'encoded' }), deps({ artifacts: () => client })),
    ).rejects.toThrow('does not match the digest');
    expect(await gone(client.folders[0]!)).toBe(true);
  });

  test('artifact-run-id and github-token look in that run of this repository', async () => {
    const client = recording({ 'a.mp4': 'a' });
    const other = parseConfig(
      {
        artifact: 'encoded',
        'artifact-run-id': '123456',
        'github-token': 'ghs_token',
        'kms-key-arn': KMS_ARN,
        destination: 's3://media-bucket/in/',
        'create-job': 'false',
        manifest: path.join(harness.workspace, 'out/manifest.json'),
      },
      { AWS_REGION: 'us-east-1', GITHUB_REPOSITORY: 'octo/media' },
    );
    const { report } = await run(other, deps({ artifacts: () => client }));
    const findBy = {
      token: 'ghs_token',
      workflowRunId: 123456,
      repositoryOwner: 'octo',
      repositoryName: 'media',
    };
    expect(client.finds).toEqual([findBy, findBy]);
    expect(report.files.map((f) => f.s3Uri)).toEqual(['s3://media-bucket/in/a.mp4']);
  });

  test('an artifact missing from another run names that run, not the token', async () => {
    const missing: ArtifactDownloader = {
      getArtifact: async () => {
        throw new Error('Artifact not found');
      },
      downloadArtifact: async () => ({}),
    };
    const other = parseConfig(
      {
        artifact: 'nope',
        'artifact-run-id': '99',
        'github-token': 'ghs_secret',
        'kms-key-arn': KMS_ARN,
        destination: 's3://media-bucket/in/',
        'create-job': 'false',
        manifest: path.join(harness.workspace, 'out/manifest.json'),
      },
      { AWS_REGION: 'us-east-1', GITHUB_REPOSITORY: 'octo/media' },
    );
    const error = (await run(other, deps({ artifacts: () => missing })).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toBe(
      "artifact 'nope' was not found in workflow run 99 of octo/media: Artifact not found",
    );
    expect(error.message).not.toContain('ghs_secret');
  });
});

describe('memory budget', () => {
  test('a part size that does not fit twice in max-memory-mib is reduced, with a warning that says so', async () => {
    await run(
      config({ 'create-job': 'false', 'part-size-mib': '64', 'max-memory-mib': '32' }),
      deps(),
    );
    expect(harness.log.messages('warning')).toContain(
      'part-size-mib 64 does not fit twice in max-memory-mib 32: parts of 15 MiB are used instead (raise max-memory-mib to 129 to keep the part size)',
    );
  });

  test('concurrency auto runs small files many at once, inside the budget', async () => {
    await run(config({ 'create-job': 'false' }), deps());
    expect(harness.log.messages('info')).toContain(
      '64 file(s) at once (auto), buffers within 64 MiB (max-memory-mib), 5 MiB parts, at most 20 in flight',
    );
    expect(harness.log.messages('warning')).toEqual([]);
  });

  test('AES_CTR with a 12-byte IV is warned about, once', async () => {
    await run(config({ 'create-job': 'false', 'iv-length': '12' }), deps());
    const warnings = harness.log.messages('warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^iv-length 12 with AES_CTR: how MediaConvert turns/);
  });

  test('a set concurrency is used as given', async () => {
    await run(config({ 'create-job': 'false', concurrency: '3' }), deps());
    expect(harness.log.messages('info')).toContain(
      '3 file(s) at once, buffers within 64 MiB (max-memory-mib), 5 MiB parts, at most 20 in flight',
    );
  });
});
