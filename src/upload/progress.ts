import type { MediaFile } from '../files/listing.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { formatBytes } from '../shared/units.js';

/** Progress lines for long uploads: at most one every INTERVAL_MS per file. */
const INTERVAL_MS = 5000;

export class Progress {
  private readonly started: number;
  private lastLine: number;

  constructor(
    /** A file, or anything read with a name and a size (an object read back). */
    private readonly file: Pick<MediaFile, 'relativePath' | 'bytes'>,
    private readonly log: Logger,
    private readonly clock: Clock,
  ) {
    this.started = clock.now();
    this.lastLine = this.started;
  }

  update(uploadedBytes: number): void {
    if (this.log.progress) {
      this.log.progress(this.file.relativePath, uploadedBytes, this.file.bytes);
      return;
    }
    const now = this.clock.now();
    if (now - this.lastLine < INTERVAL_MS) return;
    this.lastLine = now;
    const percent =
      this.file.bytes > 0 ? Math.min(100, (uploadedBytes / this.file.bytes) * 100) : 100;
    this.log.info(
      `${this.file.relativePath}: ${formatBytes(uploadedBytes)} of ${formatBytes(this.file.bytes)} (${percent.toFixed(0)}%), ${this.rate(uploadedBytes, now)}`,
    );
  }

  done(s3Uri: string): void {
    const now = this.clock.now();
    this.log.info(
      `${this.file.relativePath}: ${formatBytes(this.file.bytes)} encrypted to ${s3Uri} in ${((now - this.started) / 1000).toFixed(1)} s (${this.rate(this.file.bytes, now)})`,
    );
  }

  private rate(bytes: number, now: number): string {
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    return `${(bytes / 1048576 / seconds).toFixed(1)} MiB/s`;
  }
}
