/** Original source of a generated position, read from a v3 source map (enough to name modules in a profile). */
export interface OriginalPosition {
  readonly source: string;
  /** 1-based. */
  readonly line: number;
}

export type SourceLookup = (line: number, column: number) => OriginalPosition | undefined;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGITS = new Map([...BASE64].map((ch, i) => [ch, i]));

function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = DIGITS.get(ch) ?? 0;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

interface Segment {
  readonly column: number;
  readonly source: number;
  readonly line: number;
}

function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let sourceLine = 0;
  for (const text of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const raw of text.split(',')) {
      if (raw === '') continue;
      const [dc = 0, ds, dl] = decodeSegment(raw);
      column += dc;
      if (ds === undefined || dl === undefined) continue;
      source += ds;
      sourceLine += dl;
      segments.push({ column, source, line: sourceLine });
    }
    lines.push(segments);
  }
  return lines;
}

/** Parses `mappings`; the lookup takes 0-based line and column, as the DevTools protocol reports them. */
export function parseSourceMap(map: { sources: readonly string[]; mappings: string }): SourceLookup {
  const lines = decodeMappings(map.mappings);
  return (line, column) => {
    const segments = lines[line];
    if (!segments || segments.length === 0) return undefined;
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segments[mid]?.column ?? 0) <= column) lo = mid;
      else hi = mid - 1;
    }
    const hit = segments[lo];
    if (!hit) return undefined;
    return { source: map.sources[hit.source] ?? '?', line: hit.line + 1 };
  };
}

/** Characters of generated code per original source: what each module costs in a bundle. */
export function charsBySource(
  map: { sources: readonly string[]; mappings: string },
  code: string,
): Map<string, number> {
  const codeLines = code.split('\n');
  const totals = new Map<string, number>();
  decodeMappings(map.mappings).forEach((segments, i) => {
    const length = codeLines[i]?.length ?? 0;
    segments.forEach((segment, j) => {
      const end = segments[j + 1]?.column ?? length;
      const source = map.sources[segment.source] ?? '?';
      totals.set(source, (totals.get(source) ?? 0) + Math.max(0, end - segment.column));
    });
  });
  return totals;
}

/** A source path as a short module name: the npm package, or the path under the repository. */
export function moduleName(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = source.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? source);
  }
  return source.replace(/^(\.\.\/)+/, '').replace(/^\/?/, '');
}
