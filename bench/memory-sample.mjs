// Where a process's memory goes: preloaded into the packaged action
// (NODE_OPTIONS="--import ./bench/memory-sample.mjs" MEM_SAMPLE_OUT=FILE), it samples
// process.memoryUsage() every 50 ms and appends one JSON line to FILE at exit: the peak of
// each figure, and every figure at the moment of peak RSS, in MiB. RSS well above heap plus
// arrayBuffers is native memory (OpenSSL's buffers, malloc's arenas) that V8 does not see.
import { appendFileSync } from 'node:fs';
import { setInterval } from 'node:timers';

const peak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
let atPeakRss = process.memoryUsage();
const timer = setInterval(() => {
  const now = process.memoryUsage();
  for (const name of Object.keys(peak)) peak[name] = Math.max(peak[name], now[name]);
  if (now.rss >= peak.rss) atPeakRss = now;
}, 50);
// The sampling must not keep the process alive.
timer.unref();

const mib = (figures) =>
  Object.fromEntries(
    Object.keys(peak).map((name) => [name, Number((figures[name] / 2 ** 20).toFixed(1))]),
  );
process.on('exit', () => {
  appendFileSync(
    process.env.MEM_SAMPLE_OUT,
    `${JSON.stringify({ peak: mib(peak), atPeakRss: mib(atPeakRss) })}\n`,
  );
});
