import OpeningHours from 'opening_hours';
import type { Resource } from '../model/resource.ts';
import { OPEN_STATE_CODES, type OpenState } from './open-state.ts';

/** Taiwan keeps UTC+8 all year (no daylight saving since 1979). */
const TAIWAN_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The wall-clock time in Taiwan at `instant`, as a Date whose local fields read that time: opening_hours works
 * in the runtime's local time, and the places are in Taiwan whatever zone the phone is set to.
 * e.g. 2026-01-05T07:00Z (15:00 in Taipei) → a Date whose getHours() is 15 anywhere.
 */
export function taiwanWallClock(instant: number): Date {
  const t = new Date(instant + TAIWAN_OFFSET_MS);
  return new Date(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes());
}

type Parsed = OpeningHours | null;

/** opening_hours mode 0: plain time ranges, as OpenStreetMap's opening_hours tag. */
const OPTIONS = 0;

/**
 * An evaluator that parses each distinct hours text once (many shops share "24/7"). Public holidays (PH) are
 * evaluated without a holiday calendar, because opening_hours has none for Taiwan: PH rules never match.
 */
export function createOpenStateEvaluator(): (hours: string | undefined, instant: number) => OpenState {
  const cache = new Map<string, Parsed>();
  const parse = (text: string): Parsed => {
    if (cache.has(text)) return cache.get(text) ?? null;
    let parsed: Parsed = null;
    try {
      parsed = new OpeningHours(text, null, OPTIONS);
    } catch {
      parsed = null;
    }
    cache.set(text, parsed);
    return parsed;
  };
  return (hours, instant) => {
    const text = hours?.trim() ?? '';
    if (text === '') return 'none';
    const parsed = parse(text);
    if (!parsed) return 'unknown';
    try {
      const state = parsed.getStateString(taiwanWallClock(instant), true);
      return state === 'open' ? 'open' : state === 'closed' ? 'closed' : 'unknown';
    } catch {
      return 'unknown';
    }
  };
}

/** The open state of every resource at an instant, as OPEN_STATE_CODES by resource index. */
export function openStates(resources: readonly Resource[], instant: number): Uint8Array {
  const evaluate = createOpenStateEvaluator();
  const byText = new Map<string, number>();
  const out = new Uint8Array(resources.length);
  resources.forEach((r, i) => {
    const text = r.openingHours ?? '';
    let code = byText.get(text);
    if (code === undefined) {
      code = OPEN_STATE_CODES[evaluate(text, instant)];
      byText.set(text, code);
    }
    out[i] = code;
  });
  return out;
}
