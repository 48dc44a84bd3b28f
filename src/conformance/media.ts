/** The conformance clip, made and measured with ffmpeg and ffprobe from PATH. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A clip of `seconds` (H.264 320x240 and AAC in MP4), as a user's master would be. */
export async function makeClip(file: string, seconds: number): Promise<void> {
  const args = [
    ['-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=320x240:rate=30`],
    ['-f', 'lavfi', '-i', `sine=frequency=1000:duration=${seconds}`],
    ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'],
    ['-loglevel', 'error', '-y', file],
  ].flat();
  try {
    await run('ffmpeg', args, { timeout: 120_000 });
  } catch (error) {
    throw new Error(
      `making the test clip with ffmpeg failed (is ffmpeg on PATH?): ${toolError(error)}`,
    );
  }
}

/** The container's duration in seconds, by ffprobe; throws when the file does not decode. */
export async function probeDuration(file: string): Promise<number> {
  let stdout: string;
  try {
    ({ stdout } = await run(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file],
      { timeout: 60_000 },
    ));
  } catch (error) {
    throw new Error(`ffprobe could not read it: ${toolError(error)}`);
  }
  const seconds = Number(stdout.trim());
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`ffprobe found no duration (${JSON.stringify(stdout.trim().slice(0, 40))})`);
  }
  return seconds;
}

function toolError(error: unknown): string {
  const e = error as { stderr?: string; message?: string };
  return (e.stderr?.trim() || e.message || String(error)).split('\n')[0]!.slice(0, 300);
}
