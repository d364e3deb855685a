import type { HeaderMapping } from '../../domain/loading/column-mapping.ts';
import { headerSetKey } from '../../domain/loading/header-set.ts';

const KEY = 'crm.import.mappings';
/** Only the most recent header sets are kept, so storage stays small. */
const LIMIT = 50;

function readAll(): Record<string, HeaderMapping> {
  try {
    const data: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    return typeof data === 'object' && data !== null ? (data as Record<string, HeaderMapping>) : {};
  } catch {
    return {};
  }
}

/** The mapping a person confirmed for this set of headers before, if any. */
export function rememberedMapping(headers: readonly string[]): HeaderMapping | undefined {
  if (headers.length === 0) return undefined;
  const mapping = readAll()[headerSetKey(headers)];
  // A remembered header that the file no longer has is ignored rather than trusted.
  if (!mapping) return undefined;
  const present = new Set(headers);
  return Object.fromEntries(
    Object.entries(mapping).filter(([, h]) => typeof h === 'string' && present.has(h)),
  );
}

/** Remembers a confirmed mapping for the next file with the same headers (in this browser). */
export function rememberMapping(headers: readonly string[], mapping: HeaderMapping): void {
  try {
    const all = readAll();
    const key = headerSetKey(headers);
    delete all[key];
    all[key] = mapping;
    const keys = Object.keys(all);
    for (const old of keys.slice(0, Math.max(0, keys.length - LIMIT))) delete all[old];
    window.localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage full or disabled: the mapping is simply asked for again next time.
  }
}
