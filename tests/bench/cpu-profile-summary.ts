import { moduleName as moduleOf, type SourceLookup } from './source-map-lookup.ts';

/** The parts of a DevTools protocol CPU profile (Profiler.stop) the summary reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
      readonly columnNumber: number;
    };
    readonly children?: readonly number[];
  }[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface ProfileShare {
  readonly key: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  /** Main-thread time that was not idle, in ms. */
  readonly busyMs: number;
  readonly byModule: readonly ProfileShare[];
  readonly byFunction: readonly ProfileShare[];
}

const VM_STATES = new Set(['(garbage collector)', '(program)']);
const IGNORED = new Set(['(idle)', '(root)']);

function shortPath(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  return nm >= 0 ? source.slice(nm + 'node_modules/'.length) : moduleOf(source);
}

/**
 * Self time per module and per original function, natives (Intl, sort, DOM) folded into the JS that
 * called them, positions mapped back through the build's source maps.
 */
export function summariseProfile(
  profile: CpuProfile,
  lookupFor: (url: string) => SourceLookup | undefined,
): ProfileSummary {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  });

  const describe = (id: number): { module: string; fn: string } | null => {
    const node = byId.get(id);
    if (!node) return null;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (IGNORED.has(functionName)) return null;
    if (VM_STATES.has(functionName)) return { module: functionName, fn: functionName };
    if (url === '') {
      const up = parent.get(id);
      const caller = up === undefined ? null : describe(up);
      const name = `${functionName || '(anonymous)'} (native)`;
      return caller
        ? { module: caller.module, fn: `${caller.fn} → ${name}` }
        : { module: '(native)', fn: name };
    }
    const original = lookupFor(url)?.(lineNumber, columnNumber);
    if (!original) {
      const file = url.split('/').pop() ?? url;
      return { module: file, fn: `${file}:${lineNumber + 1} ${functionName}` };
    }
    return { module: moduleOf(original.source), fn: `${shortPath(original.source)}:${original.line}` };
  };

  const modules = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const where = describe(id);
    if (!where) continue;
    busy += us;
    modules.set(where.module, (modules.get(where.module) ?? 0) + us);
    functions.set(where.fn, (functions.get(where.fn) ?? 0) + us);
  }
  const ranked = (m: Map<string, number>): ProfileShare[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([key, us]) => ({ key, ms: us / 1000, share: busy > 0 ? us / busy : 0 }));
  return { busyMs: busy / 1000, byModule: ranked(modules), byFunction: ranked(functions) };
}
