import { nfkc } from './normalize-text.ts';
/** Marker symbols drawn by the map; each category has its own so colour is never the only cue. */
export const MARKER_SYMBOLS = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'star',
  'hexagon',
  'cross',
  'heart',
] as const;
export type MarkerSymbol = (typeof MARKER_SYMBOLS)[number];

/**
 * A configuration label (category, service, need, hotline…): zh-TW and English are required; Vietnamese,
 * Indonesian and Thai are optional and the page falls back to English where one is missing.
 */
export interface Label {
  readonly zh: string;
  readonly en: string;
  readonly vi?: string;
  readonly id?: string;
  readonly th?: string;
}

/** The optional languages of a label, in the order a manifest writes them. */
export const OPTIONAL_LABEL_LANGUAGES = ['vi', 'id', 'th'] as const;

/**
 * Reads a manifest label, reporting problems by path: zh and en must be non-empty texts; vi, id and th may be
 * left out, but when present they must be non-empty texts too. e.g. {"zh":"餐食提供","en":"Meals","vi":"Bữa ăn"}.
 */
export function parseLabel(v: unknown, path: string, problems: string[]): Label {
  const o = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const text = (key: string, required: boolean): string | undefined => {
    const value = o[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (required || value !== undefined) problems.push(`${path}.${key} must be a non-empty text`);
    return required ? '' : undefined;
  };
  const label: { -readonly [K in keyof Label]: Label[K] } = {
    zh: text('zh', true) ?? '',
    en: text('en', true) ?? '',
  };
  for (const language of OPTIONAL_LABEL_LANGUAGES) {
    const value = text(language, false);
    if (value !== undefined) label[language] = value;
  }
  return label;
}

/** A resource category, from configuration (data/manifest.json), not from code. */
export interface CategoryConfig {
  readonly id: string;
  readonly label: Label;
  /** Names an input file may use for this category, e.g. 日安社會福利服務中心. */
  readonly aliases: readonly string[];
  readonly color: string;
  readonly symbol: MarkerSymbol;
  /** Internal categories (庇護所 shelters…) never reach a public build or an AI pack. */
  readonly visibility?: 'internal';
}

/** A service tag, e.g. 餐食提供 (meals). */
export interface ServiceTagConfig {
  readonly id: string;
  readonly label: Label;
  readonly aliases: readonly string[];
}

/** Okabe–Ito: a palette that stays distinct for the common forms of colour blindness. */
export const COLOR_BLIND_SAFE_PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#8C6D00',
  '#000000',
] as const;

/** Finds the category or tag whose id, label or alias matches a cell, ignoring case and spaces. */
export function matchByLabel<T extends { id: string; label: Label; aliases: readonly string[] }>(
  items: readonly T[],
  raw: string,
): T | undefined {
  const key = compact(raw);
  if (key === '') return undefined;
  return lookupOf(items).get(key);
}

/** Normalised names → item, built once per configuration list (a 100,000-row import matches every row). */
const lookups = new WeakMap<readonly object[], Map<string, unknown>>();
function lookupOf<T extends { id: string; label: Label; aliases: readonly string[] }>(
  items: readonly T[],
): Map<string, T> {
  let lookup = lookups.get(items) as Map<string, T> | undefined;
  if (!lookup) {
    lookup = new Map();
    // First item wins, in the precedence order of a linear search: id, labels, then aliases.
    for (const item of items) {
      for (const name of [item.id, item.label.zh, item.label.en, ...item.aliases]) {
        const k = compact(name);
        if (!lookup.has(k)) lookup.set(k, item);
      }
    }
    lookups.set(items, lookup);
  }
  return lookup;
}

function compact(s: string): string {
  return nfkc(s).replace(/\s+/g, '').replace(/台/g, '臺').toLowerCase();
}
