import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { downloadArtifact, type ArtifactDownloader } from '../../src/files/artifact.js';
import { AbandonedWorkError } from '../../src/shared/errors.js';

let temp: string;

beforeEach(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'artifact-test-'));
});

afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

const DIGEST = `sha256:${'ab'.repeat(32)}`;

function fake(
  download: ArtifactDownloader['downloadArtifact'],
  listed: { size?: number; digest?: string } = { size: 1000, digest: DIGEST },
): ArtifactDownloader & { ids: number[] } {
  const ids: number[] = [];
  return {
    ids,
    getArtifact: async (name) => ({ artifact: { id: 31, name, ...listed } }),
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

  test('the listed digest is passed as the expected hash; a mismatch names the artifact', async () => {
    let expected: string | undefined;
    const client = fake(async (_id, options) => {
      expected = options.expectedHash;
      return { digestMismatch: true };
    });
    await expect(downloadArtifact(client, 'media', temp)).rejects.toThrow(
      `artifact 'media' does not match the digest its listing gives (${DIGEST}): it was changed or damaged after upload, and nothing from it is used`,
    );
    expect(expected).toBe(DIGEST);
  });

  test('a listing without a digest: downloaded, with a warning that it cannot be checked', async () => {
    let options: { expectedHash?: string } = {};
    const warnings: string[] = [];
    const client = fake(
      async (_id, o) => {
        options = o;
        return {};
      },
      { size: 10 },
    );
    await downloadArtifact(client, 'media', temp, { onWarning: (m) => warnings.push(m) });
    expect(options).not.toHaveProperty('expectedHash');
    expect(warnings).toEqual([
      "artifact 'media' has no digest in its listing (uploaded by actions/upload-artifact before v4?): its download cannot be checked",
    ]);
  });

  test('a listed size over the free space: refused before any download, naming ENOSPC', async () => {
    const client = fake(async () => ({}), { size: 5000, digest: DIGEST });
    await expect(
      downloadArtifact(client, 'media', temp, { freeSpace: async () => 4999 }),
    ).rejects.toThrow(
      `artifact 'media' is 5000 bytes zipped, but the disk holding ${temp} has 4999 bytes free: no space left on device (ENOSPC)`,
    );
    expect(client.ids).toEqual([]);
  });

  test('the disk filling up during the download: refused at once, the download left behind', async () => {
    let free = 1_000_000;
    const client = fake(() => {
      free = 0;
      // The library's download: failing and retrying for another half minute.
      return new Promise(() => undefined);
    });
    const error: unknown = await downloadArtifact(client, 'media', temp, {
      freeSpace: async () => free,
      pollMs: 5,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbandonedWorkError);
    expect((error as Error).message).toMatch(
      /^artifact 'media' does not fit: the disk holding .* is full \(no space left on device, ENOSPC\) while downloading/,
    );
  });

  test('a download that ends stops the watch on the disk', async () => {
    let looks = 0;
    const client = fake(async () => ({}));
    await downloadArtifact(client, 'media', temp, {
      freeSpace: async () => {
        looks += 1;
        return 1_000_000;
      },
      pollMs: 1,
    });
    const after = looks;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(looks).toBe(after);
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
