import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import * as glob from '@actions/glob';
import type { Destination } from '../inputs/config.js';
import { InputError } from '../shared/errors.js';
import { GCM_MAX_PLAINTEXT_BYTES, type Mode } from '../mediaconvert/decryption.js';
import { undecodableName } from './undecodable.js';

export interface MediaFile {
  /** Absolute path on the runner. */
  absolutePath: string;
  /** POSIX path relative to the root (workspace or artifact), as shown to users. */
  relativePath: string;
  bytes: number;
  bucket: string;
  key: string;
  /** What the file was when listed: reading checks that it is still that file, unchanged. */
  listed?: FileIdentity;
}

/** Device, inode, size and times: a swapped or rewritten file differs in one of them. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export function identityOf(info: FileIdentity): FileIdentity {
  const { dev, ino, size, mtimeMs, ctimeMs } = info;
  return { dev, ino, size, mtimeMs, ctimeMs };
}

export interface FileQuery {
  root: string;
  patterns: readonly string[];
  destination: Destination;
  mode: Mode;
  shard?: { index: number; count: number };
  /** Take files and folders whose names start with `.` (`.git/config`, `.env`) too. */
  includeHidden?: boolean;
  /** Told about what the patterns matched but cannot be taken (dangling symbolic links). */
  onWarning?: (message: string) => void;
}

/** S3 refuses keys longer than this many UTF-8 bytes. */
const MAX_KEY_BYTES = 1024;

/**
 * Expands the globs under `root`, checks every match is a readable, non-empty regular file
 * inside the root, maps it to its object key and returns the sorted list (this shard's share).
 */
export async function findFiles(query: FileQuery): Promise<MediaFile[]> {
  const root = await realpath(query.root);
  const matched = await expandPatterns(root, query);
  const all: MediaFile[] = [];
  const keys = new Map<string, string>();
  for (const absolutePath of matched) {
    const file = await describeFile(root, absolutePath, query);
    const other = keys.get(file.key);
    if (other !== undefined) {
      throw new InputError(
        'files',
        `'${other}' and '${file.relativePath}' both map to object key '${file.key}'`,
      );
    }
    keys.set(file.key, file.relativePath);
    all.push(file);
  }
  all.sort((a, b) =>
    a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0,
  );
  return query.shard
    ? all.filter((f) => shardOf(f.relativePath, query.shard!.count) === query.shard!.index)
    : all;
}

/**
 * Which shard (1-based) of `count` a path belongs to. Hash-based, so adding or removing a file
 * never moves another file to a different shard.
 */
export function shardOf(relativePath: string, count: number): number {
  const digest = createHash('sha256').update(relativePath).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** A path with a file or folder name starting with `.` below the root. */
function isHidden(root: string, absolutePath: string): boolean {
  return path
    .relative(root, absolutePath)
    .split(path.sep)
    .some((name) => name.startsWith('.'));
}

async function expandPatterns(root: string, query: FileQuery): Promise<string[]> {
  const { patterns } = query;
  const includeHidden = query.includeHidden ?? false;
  const negations = patterns.filter((p) => p.startsWith('!'));
  const found = new Set<string>();
  for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
    const lines = [pattern, ...negations].map((p) =>
      p.startsWith('!') ? `!${path.join(root, p.slice(1))}` : path.join(root, p),
    );
    const globOf = async (followSymbolicLinks: boolean): Promise<string[]> => {
      const globber = await glob.create(lines.join('\n'), {
        matchDirectories: false,
        implicitDescendants: false,
        followSymbolicLinks,
      });
      // A symlink loop, an unreadable directory or a name that is not UTF-8 makes the glob
      // itself fail.
      return globber.glob().catch(async (error: unknown) => {
        const missing = (error as NodeJS.ErrnoException).path;
        const name = missing === undefined ? undefined : await undecodableName(root, missing);
        if (name !== undefined) {
          throw new InputError(
            'files',
            `'${pattern}' reaches '${name}', whose name is not valid UTF-8 (the bytes shown as \\xHH): S3 object keys are UTF-8, so it cannot be uploaded under its name; rename it (e.g. convmv -f latin1 -t utf-8 --notest) or use patterns that do not reach it (a '!' pattern does not keep the search from reading it)`,
          );
        }
        throw new InputError(
          'files',
          `'${pattern}' cannot be expanded: ${(error as Error).message}`,
        );
      });
    };
    const matches = await globOf(true);
    // The glob drops a symbolic link whose target does not exist without a word; say so.
    const dangling = (await danglingLinks(await globOf(false), new Set(matches))).filter(
      (m) => includeHidden || !isHidden(root, m),
    );
    const relative = (m: string): string => path.relative(root, m).split(path.sep).join('/');
    if (matches.length === 0 && dangling.length > 0) {
      throw new InputError(
        'files',
        `'${pattern}' matches only symbolic links whose target does not exist: ${dangling.map((m) => `'${relative(m)}'`).join(', ')}`,
      );
    }
    if (dangling.length > 0) {
      query.onWarning?.(
        `'${pattern}': ${dangling.length} symbolic link(s) whose target does not exist skipped: ${dangling.map((m) => `'${relative(m)}'`).join(', ')}`,
      );
    }
    if (matches.length === 0) await explainNoMatch(root, pattern, negations);
    // As actions/upload-artifact: `**` must not sweep up .git/config or a .env file.
    const taken = includeHidden ? matches : matches.filter((m) => !isHidden(root, m));
    if (taken.length === 0) {
      throw new InputError(
        'files',
        `'${pattern}' matches only hidden files or folders (names starting with '.'); set include-hidden-files: true to take them`,
      );
    }
    for (const match of taken) found.add(match);
  }
  return [...found];
}

/** Of the paths a glob found without following links, the links that lead nowhere. */
async function danglingLinks(
  unfollowed: readonly string[],
  taken: ReadonlySet<string>,
): Promise<string[]> {
  const out: string[] = [];
  for (const candidate of unfollowed) {
    if (taken.has(candidate)) continue;
    const info = await lstat(candidate).catch(() => undefined);
    if (!info?.isSymbolicLink()) continue;
    const target = await stat(candidate).catch((error: NodeJS.ErrnoException) => error.code);
    if (target === 'ENOENT' || target === 'ENOTDIR') out.push(candidate);
  }
  return out.sort();
}

async function explainNoMatch(
  root: string,
  pattern: string,
  negations: readonly string[],
): Promise<never> {
  const literal = path.join(root, pattern);
  const info = await stat(literal).catch(() => undefined);
  if (info?.isDirectory()) {
    throw new InputError(
      'files',
      `'${pattern}' is a directory; use '${pattern.replace(/\/+$/, '')}/**' to take the files in it`,
    );
  }
  if (negations.length > 0) {
    // Matched without the negations: they took every file out.
    const globber = await glob.create(path.join(root, pattern), {
      matchDirectories: false,
      implicitDescendants: false,
    });
    const excluded = await globber.glob().catch(() => []);
    if (excluded.length > 0) {
      const first = path.relative(root, excluded.sort()[0]!).split(path.sep).join('/');
      throw new InputError(
        'files',
        `'${pattern}' matches ${excluded.length} file(s), all excluded by ${negations.map((n) => `'${n}'`).join(', ')} (e.g. '${first}'); change the pattern or the negation`,
      );
    }
  }
  throw new InputError('files', `'${pattern}' matches no file under ${root}`);
}

async function describeFile(
  root: string,
  absolutePath: string,
  query: FileQuery,
): Promise<MediaFile> {
  const relativePath = path.relative(root, absolutePath).split(path.sep).join('/');
  const real = await realpath(absolutePath).catch((error: unknown) => {
    throw new InputError(
      'files',
      `'${relativePath}' cannot be resolved: ${(error as Error).message}`,
    );
  });
  if (real !== root && !real.startsWith(root + path.sep)) {
    throw new InputError(
      'files',
      `'${relativePath}' is a symbolic link that leads outside ${root}`,
    );
  }
  const info = await stat(real);
  if (!info.isFile()) throw new InputError('files', `'${relativePath}' is not a regular file`);
  try {
    await access(real, constants.R_OK);
  } catch {
    throw new InputError('files', `'${relativePath}' is not readable`);
  }
  if (info.size === 0)
    throw new InputError('files', `'${relativePath}' is empty: nothing to transcode`);
  if (query.mode === 'AES_GCM' && info.size > GCM_MAX_PLAINTEXT_BYTES) {
    throw new InputError(
      'mode',
      `'${relativePath}' is ${info.size} bytes, over AES_GCM's limit of ${GCM_MAX_PLAINTEXT_BYTES}; use AES_CTR or AES_CBC`,
    );
  }
  const key = (query.destination.prefix + relativePath).normalize('NFC');
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
    throw new InputError(
      'files',
      `object key for '${relativePath}' is longer than ${MAX_KEY_BYTES} bytes`,
    );
  }
  return {
    absolutePath: real,
    relativePath,
    bytes: info.size,
    bucket: query.destination.bucket,
    key,
    listed: identityOf(info),
  };
}
