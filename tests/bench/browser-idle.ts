import { readdirSync, readFileSync } from 'node:fs';

/**
 * Waits until the browser this process started is idle, before a measured navigation.
 *
 * Chromium does work of its own as each tab opens: in Chromium 156 its omnibox popup is a page of its own (the
 * "WebUI Top Renderer"), and a new tab cost ~1.2 s of CPU across its processes over the next ~800 ms on this
 * 2-core machine. A person opens a tab and then types or taps the address; a test navigates within
 * milliseconds, so without this wait it measured the tab's start-up fighting the page for the two cores.
 *
 * Reads Linux's /proc: the CPU time of every process descended from this one (the browser and its renderers,
 * and nothing else). Where /proc cannot be read it waits `fallbackMs` instead.
 */
export async function waitForBrowserIdle(options: BrowserIdleOptions = {}): Promise<BrowserIdleResult> {
  const { pollMs = 100, idleCpuMs = 10, quietPolls = 2, timeoutMs = 5000, fallbackMs = 1500 } = options;
  const started = performance.now();
  const first = descendantsCpuMs(process.pid);
  if (first === undefined) {
    await sleep(fallbackMs);
    return { waitedMs: performance.now() - started, settled: false };
  }
  let last = first;
  let quiet = 0;
  while (performance.now() - started < timeoutMs) {
    await sleep(pollMs);
    const now: number = descendantsCpuMs(process.pid) ?? last;
    quiet = now - last <= idleCpuMs ? quiet + 1 : 0;
    last = now;
    if (quiet >= quietPolls) return { waitedMs: performance.now() - started, settled: true };
  }
  return { waitedMs: performance.now() - started, settled: false };
}

export interface BrowserIdleOptions {
  readonly pollMs?: number;
  /** At most this much CPU (ms, all processes together) per poll counts as idle. */
  readonly idleCpuMs?: number;
  /** Idle polls in a row that settle it. */
  readonly quietPolls?: number;
  readonly timeoutMs?: number;
  readonly fallbackMs?: number;
}

export interface BrowserIdleResult {
  readonly waitedMs: number;
  /** False when it timed out, or could not read /proc and waited `fallbackMs`. */
  readonly settled: boolean;
}

/** User + system CPU time (ms) of every live process below `rootPid`; undefined without a readable /proc. */
export function descendantsCpuMs(rootPid: number): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const stats = new Map<number, { parent: number; cpuTicks: number }>();
  for (const name of entries) {
    const stat = readStat(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  if (stats.size === 0) return undefined;
  let ticks = 0;
  for (const [pid, stat] of stats) if (descendsFrom(pid, rootPid, stats)) ticks += stat.cpuTicks;
  return ticks * (1000 / CLOCK_TICKS_PER_SECOND);
}

/** Linux reports process CPU time in clock ticks of USER_HZ, 100 per second on every mainstream kernel. */
const CLOCK_TICKS_PER_SECOND = 100;

function readStat(pid: number) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid … utime stime …": comm may hold spaces and parentheses, so split after its last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // the process ended while we read
  }
}

function descendsFrom(pid: number, rootPid: number, stats: ReadonlyMap<number, { parent: number }>) {
  let current = stats.get(pid)?.parent;
  for (let depth = 0; current !== undefined && current > 0 && depth < 64; depth++) {
    if (current === rootPid) return true;
    current = stats.get(current)?.parent;
  }
  return false;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
