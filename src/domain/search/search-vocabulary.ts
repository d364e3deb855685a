import type { CategoryConfig, ServiceTagConfig } from '../model/categories.ts';
import { nfkc } from '../model/normalize-text.ts';
import type { Abbreviation } from './abbreviations.ts';

/** What a known phrase of a query names. */
export type PhraseKind = 'category' | 'service' | 'abbreviation' | 'place';

/** A phrase the search knows, found anywhere in a query (民雄社福中心 = 民雄 + 社福中心). */
export interface Phrase {
  /** As found in a query: normalised (see spacedSearchKey), words of Latin names one space apart. */
  readonly key: string;
  readonly kinds: readonly PhraseKind[];
  /**
   * What a record's text or its category/service names must contain, one of them (normalised, no spaces):
   * the phrase itself and what it stands for (社福 → 社會福利, Minxiong → 民雄鄉). None contains another.
   */
  readonly alternatives: readonly string[];
  /** The counties and townships a place phrase names (民雄 → 民雄鄉; 嘉義 → 嘉義縣, 嘉義市). */
  readonly places: readonly string[];
}

/** The phrases a query is read with, by key. */
export interface SearchVocabulary {
  readonly phrases: ReadonlyMap<string, Phrase>;
  /** The keys' lengths, longest first (a query takes the longest phrase at each position). */
  readonly lengths: readonly number[];
}

/** A county or township a search knows: its name (嘉義縣, 民雄鄉) and, when known, its English name. */
export interface PlaceName {
  readonly zh: string;
  readonly en?: string;
}

/**
 * A query or phrase normalised for reading: full-width → half-width, 台 → 臺, 巿 → 市, lower case, control
 * characters dropped, spaces kept as one (they separate words; Latin names have them inside).
 */
export function spacedSearchKey(text: string): string {
  return (
    nfkc(text)
      .replace(/台/g, '臺')
      .replace(/巿/g, '市')
      .toLowerCase()
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the record texts use them as separators
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** What a matched text holds: the key without its spaces. */
export const unspaced = (key: string) => key.replace(/ /g, '');

/** The alternatives without duplicates and without any that contains another (a substring test implies it). */
export function prunedAlternatives(alternatives: readonly string[]): string[] {
  const unique = [...new Set(alternatives.filter((a) => a !== ''))].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const a of unique) if (!kept.some((k) => a.includes(k))) kept.push(a);
  return kept;
}

const PLACE_SUFFIX = /[縣市鄉鎮區]$/;
/** English place-name endings a person may leave out: "Minxiong Township" → "minxiong". */
const EN_PLACE_SUFFIX = / (county|city|township|district)$/;

/** Short forms of a Chinese place name: 民雄鄉 → 民雄, 阿里山鄉 → 阿里山 (never one character: 東區 stays). */
function chineseForms(zh: string): string[] {
  return zh.length >= 3 && PLACE_SUFFIX.test(zh) ? [zh, zh.slice(0, -1)] : [zh];
}

/** Spellings of an English name: as written, and without apostrophes (Ren'ai, Renai). */
const spellings = (name: string) =>
  [...new Set([name, name.replace(/['’]/g, '')])].filter((f) => f.length >= 3);

/**
 * The phrases of a configuration: category and service names with their aliases, the common abbreviations, and
 * place names in Chinese (with short forms) and English. A key named twice (課輔: an abbreviation and a service
 * alias) keeps every meaning.
 */
export function buildSearchVocabulary(input: {
  readonly categories: readonly CategoryConfig[];
  readonly serviceTags: readonly ServiceTagConfig[];
  readonly abbreviations: readonly Abbreviation[];
  readonly places: readonly PlaceName[];
}): SearchVocabulary {
  const found = new Map<string, { kinds: Set<PhraseKind>; alternatives: string[]; places: string[] }>();
  const add = (
    rawKey: string,
    kind: PhraseKind,
    alternatives: readonly string[],
    places: readonly string[] = [],
  ) => {
    const key = spacedSearchKey(rawKey);
    // One character would split every word that holds it.
    if ([...key].length < 2) return;
    let entry = found.get(key);
    if (!entry) {
      entry = { kinds: new Set(), alternatives: [unspaced(key)], places: [] };
      found.set(key, entry);
    }
    entry.kinds.add(kind);
    entry.alternatives.push(...alternatives.map((a) => unspaced(spacedSearchKey(a))));
    entry.places.push(...places);
  };
  // An alias stands for the name too: 社福中心 also finds a record whose text says 社會福利服務中心.
  for (const c of input.categories)
    for (const name of [c.label.zh, c.label.en, ...c.aliases]) add(name, 'category', [c.label.zh]);
  for (const t of input.serviceTags)
    for (const name of [t.label.zh, t.label.en, ...t.aliases]) add(name, 'service', [t.label.zh]);
  for (const a of input.abbreviations) add(a.short, 'abbreviation', a.full);
  for (const p of input.places) {
    const zh = spacedSearchKey(p.zh);
    const forms = chineseForms(zh);
    for (const form of forms) add(form, 'place', [zh], [zh]);
    if (!p.en) continue;
    // "Chiayi County" is 嘉義縣; "Chiayi" finds what 嘉義 finds, "Minxiong" what 民雄 finds (a name that says 民雄).
    const full = spacedSearchKey(p.en);
    const base = full.replace(EN_PLACE_SUFFIX, '');
    for (const form of spellings(full)) add(form, 'place', [zh], [zh]);
    if (base !== full) for (const form of spellings(base)) add(form, 'place', forms, [zh]);
  }
  const phrases = new Map<string, Phrase>();
  for (const [key, entry] of found) {
    phrases.set(key, {
      key,
      kinds: [...entry.kinds],
      alternatives: prunedAlternatives(entry.alternatives),
      places: [...new Set(entry.places)],
    });
  }
  const lengths = [...new Set([...phrases.keys()].map((k) => k.length))].sort((a, b) => b - a);
  return { phrases, lengths };
}

/** A vocabulary that knows no phrase: every query is read word by word, as typed. */
export const NO_VOCABULARY: SearchVocabulary = { phrases: new Map(), lengths: [] };
