import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { downloadArtifact, type ArtifactDownloader } from '../../src/files/artifact.js';

let temp: string;

beforeEach(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'artifact-test-'));
});

afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

function fake(
  download: ArtifactDownloader['downloadArtifact'],
): ArtifactDownloader & { ids: number[] } {
  const ids: number[] = [];
  return {
    ids,
    getArtifact: async (name) => ({ artifact: { id: 31, name } }),
    downloadArtifact: async (id, options) => {
      ids.push(id);
      return download(id, options);
    },
  };
}

describe('downloadArtifact', () => {
  test('downloads by id into a new folder under the temp dir and returns it', async () => {
    let target = '';
    const client = fake(async (_id, options) => {
      target = options.path;
      return {};
    });
    const root = await downloadArtifact(client, 'media', temp);
    expect(client.ids).toEqual([31]);
    expect(root).toBe(target);
    expect(path.dirname(root)).toBe(temp);
    expect(path.basename(root)).toMatch(/^mediaconvert-encrypt-artifact-/);
    expect((await stat(root)).isDirectory()).toBe(true);
  });

  test('the client’s downloadPath wins when it gives one', async () => {
    const client = fake(async () => ({ downloadPath: '/elsewhere' }));
    expect(await downloadArtifact(client, 'media', temp)).toBe('/elsewhere');
  });

  test('a digest mismatch is an error naming the artifact', async () => {
    const client = fake(async () => ({ digestMismatch: true }));
    await expect(downloadArtifact(client, 'media', temp)).rejects.toThrow(
      "artifact 'media' failed its digest check after download",
    );
  });

  test('an artifact that is not found is an error naming it and keeping the cause', async () => {
    const cause = new Error('404');
    const client: ArtifactDownloader = {
      getArtifact: async () => {
        throw cause;
      },
      downloadArtifact: async () => ({}),
    };
    const error: unknown = await downloadArtifact(client, 'media', temp).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      "artifact 'media' was not found in this workflow run: 404",
    );
    expect((error as Error).cause).toBe(cause);
  });
});
