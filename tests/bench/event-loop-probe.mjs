// Preloaded into a server process by the sync bench (node --import): the event loop's longest delay in each
// 250 ms window, as `event-loop <epoch ms> <ms>` lines on stderr. Measures the server without changing it.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
setInterval(() => {
  process.stderr.write(`event-loop ${Date.now()} ${(histogram.max / 1e6).toFixed(1)}\n`);
  histogram.reset();
}, 250).unref();
