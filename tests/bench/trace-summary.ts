/** Main-thread time by trace event name (self time), from a Chrome trace (devtools.timeline). */
export interface TraceShare {
  readonly name: string;
  readonly ms: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { name?: string };
}

/**
 * Self time of complete events ('X') on the renderer's main thread, by name: how much of the busy time is
 * script, style, layout, paint… (the part a JavaScript CPU profile calls "(program)").
 */
export function summariseTrace(traceJson: string): { busyMs: number; byName: TraceShare[] } {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.dur === undefined || !mainThreads.has(key)) continue;
    const list = byThread.get(key);
    if (list) list.push(e);
    else byThread.set(key, [e]);
  }
  const self = new Map<string, number>();
  let busy = 0;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: { end: number; name: string }[] = [];
    for (const e of list) {
      const end = e.ts + (e.dur ?? 0);
      while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.dur ?? 0));
      else busy += e.dur ?? 0;
      self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0));
      stack.push({ end, name: e.name });
    }
  }
  return {
    busyMs: busy / 1000,
    byName: [...self].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms),
  };
}
