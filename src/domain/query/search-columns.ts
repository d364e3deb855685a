import type { CategoryConfig, ServiceTagConfig } from '../model/categories.ts';
import { normalizeForSearch } from '../model/normalize-text.ts';
import { searchDigits } from '../model/phone.ts';
import type { Resource } from '../model/resource.ts';
import {
  piecesOfJoined,
  pieceWriter,
  type TextPieces,
  textAt,
  textMatches as textMatchesOfPieces,
} from './text-pieces.ts';

/**
 * The resources as flat columns in display order, so that a keystroke scans short strings and small integers
 * instead of objects. The records' normalised own texts are kept in pieces of consecutive records (TextPieces):
 * one native string search per piece finds every record containing a term, fast even before the JavaScript is
 * optimised, and a change to one record cuts one piece, not a string of millions of characters. A resource's own text (name, address, place) is searched per record; category and service
 * names are the same for thousands of records, so a search term is matched against each label once and the
 * records are then picked by their category code and service bits.
 */
export interface SearchColumns extends TextPieces {
  /** Category code at each display position (an index into categoryIds). */
  readonly category: Uint16Array;
  readonly categoryIds: readonly string[];
  /**
   * Normalised names per category code — label zh, en and the aliases, U+0001 between them ('' for a category
   * the configuration does not name): a search for 社福中心 or 友善商家 finds the category by its alias.
   */
  readonly categoryLabels: readonly string[];
  /** Configured service tags, as bits: record k holds words [k * tagWords, (k + 1) * tagWords). */
  readonly tagBits: Uint32Array;
  readonly tagWords: number;
  readonly tagIds: readonly string[];
  /** Normalised names per tag bit: label zh, en and the aliases (共餐, 供餐 for 餐食提供), U+0001 between them. */
  readonly tagLabels: readonly string[];
  /** County and town codes at each display position (indexes into counties / towns). */
  readonly county: Uint16Array;
  readonly counties: readonly string[];
  readonly town: Uint32Array;
  readonly towns: readonly string[];
}

/** The names a category or tag is searched by; the separator keeps a term from matching across two of them. */
const labelText = (item: { label: { zh: string; en: string }; aliases: readonly string[] }) =>
  [item.label.zh, item.label.en, ...item.aliases].map(normalizeForSearch).join('\u0001');

/** How service tags are laid out as bits, and their searchable names (see SearchColumns.tagLabels). */
export function tagColumnsOf(
  serviceTags: readonly ServiceTagConfig[],
): Pick<SearchColumns, 'tagWords' | 'tagIds' | 'tagLabels'> {
  return {
    tagWords: Math.ceil(serviceTags.length / 32),
    tagIds: serviceTags.map((t) => t.id),
    tagLabels: serviceTags.map(labelText),
  };
}

/** The searchable names of each category id (see SearchColumns.categoryLabels); '' for an unknown id. */
export function categoryLabelsOf(ids: readonly string[], categories: readonly CategoryConfig[]): string[] {
  const byId = new Map(categories.map((c) => [c.id, c] as const));
  return ids.map((id) => {
    const c = byId.get(id);
    return c ? labelText(c) : '';
  });
}

/**
 * The text a search looks in for one resource, besides its category and configured service names: name (first:
 * ranking reads it up to the first U+0001), address, county, town, village, service labels the configuration
 * does not know (kept as written), and each phone number's digits (searchDigits: 052207017 finds 2207017).
 */
export function ownSearchTextBuilder(serviceTags: readonly ServiceTagConfig[]): (r: Resource) => string {
  const configured = new Set(serviceTags.map((t) => t.id));
  return (r) => {
    let text = `${r.name}\u0001${r.address}\u0001${r.county}\u0001${r.town}\u0001${r.village ?? ''}`;
    for (const s of r.services) if (!configured.has(s)) text += `\u0001${s}`;
    // A record built by hand (a test, an old stored layer) may lack the list.
    for (const p of r.phones ?? []) text += `\u0001${searchDigits(p)}`;
    return normalizeForSearch(text);
  };
}

/** A string → small integer dictionary that grows as values are met (codes in the order values are met). */
export function encoder(initial: readonly string[] = []) {
  const values = [...initial];
  const codes = new Map(values.map((v, i) => [v, i] as const));
  return {
    values,
    code(value: string): number {
      let code = codes.get(value);
      if (code === undefined) {
        code = values.length;
        codes.set(value, code);
        values.push(value);
      }
      return code;
    },
  };
}

/**
 * Builds the columns. `texts` holds precomputed own texts by resource index (the loading worker sends them);
 * a missing entry is computed here.
 */
export function buildSearchColumns(
  resources: readonly Resource[],
  order: readonly number[],
  categories: readonly CategoryConfig[],
  serviceTags: readonly ServiceTagConfig[],
  texts: readonly (string | undefined)[] = [],
): SearchColumns {
  const n = order.length;
  const ownText = ownSearchTextBuilder(serviceTags);
  const categoryCodes = encoder(categories.map((c) => c.id));
  const countyCodes = encoder();
  const townCodes = encoder();
  const tagBit = new Map(serviceTags.map((t, i) => [t.id, i] as const));
  const tagWords = Math.ceil(serviceTags.length / 32);
  const text = pieceWriter(n);
  const columns = {
    category: new Uint16Array(n),
    tagBits: new Uint32Array(n * tagWords),
    county: new Uint16Array(n),
    town: new Uint32Array(n),
  };
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const r = resources[i] as Resource;
    text.add(texts[i] ?? ownText(r));
    columns.category[k] = categoryCodes.code(r.category);
    columns.county[k] = countyCodes.code(r.county);
    columns.town[k] = townCodes.code(r.town);
    for (const s of r.services) {
      const bit = tagBit.get(s);
      if (bit === undefined) continue;
      const word = k * tagWords + (bit >>> 5);
      columns.tagBits[word] = (columns.tagBits[word] as number) | (1 << (bit & 31));
    }
  }
  return {
    ...columns,
    ...text.done(),
    categoryIds: categoryCodes.values,
    categoryLabels: categoryLabelsOf(categoryCodes.values, categories),
    ...tagColumnsOf(serviceTags),
    counties: countyCodes.values,
    towns: townCodes.values,
  };
}

/**
 * Search columns whose text is still the UTF-16LE bytes a compiled pack stores it as, one string of every
 * record's text (see joinedText): how the loading worker sends them, transferring the bytes instead of copying
 * a string of millions of characters through the message (see unpackSearchColumns).
 */
export interface PackedSearchColumns extends Omit<SearchColumns, 'pieces' | 'pieceStarts' | 'starts'> {
  readonly joinedUtf16: Uint8Array;
  /** The bytes hold the text as a JSON string: it has a lone surrogate, which a decoder would replace. */
  readonly joinedAsJson: boolean;
  /** Where each record's text starts in the joined text (one more entry: its length + 1). */
  readonly starts: Int32Array;
}

/** The columns with their text decoded from a pack's bytes, in pieces. */
export function unpackSearchColumns(packed: PackedSearchColumns): SearchColumns {
  const { joinedUtf16, joinedAsJson, starts, ...rest } = packed;
  // ignoreBOM: a search text that starts with U+FEFF keeps it (a decoder drops a leading one by default).
  const text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(joinedUtf16);
  return { ...rest, ...piecesOfJoined(joinedAsJson ? (JSON.parse(text) as string) : text, starts) };
}

/** The own text of the record at display position k. */
export function recordText(columns: SearchColumns, k: number): string {
  return textAt(columns, k);
}

/** The typed arrays of the columns, to transfer (not copy) them from a worker. */
export function columnBuffers(columns: SearchColumns): ArrayBuffer[] {
  return [
    columns.category,
    columns.tagBits,
    columns.county,
    columns.town,
    columns.starts,
    columns.pieceStarts,
  ].map((a) => a.buffer as ArrayBuffer);
}

/** The display positions whose own text contains the term, ascending (see textMatches in text-pieces.ts). */
export function textMatches(columns: SearchColumns, term: string): number[] {
  return textMatchesOfPieces(columns, term);
}

/** The bits of the configured tags whose label contains a term, or that a filter names. */
export function tagMask(columns: SearchColumns, hasTag: (bit: number) => boolean): Uint32Array {
  const mask = new Uint32Array(columns.tagWords);
  for (let bit = 0; bit < columns.tagIds.length; bit++) {
    if (hasTag(bit)) mask[bit >>> 5] = (mask[bit >>> 5] as number) | (1 << (bit & 31));
  }
  return mask;
}

/** Whether the record at display position k has any of the tags in the mask. */
export function hasAnyTag(columns: SearchColumns, k: number, mask: Uint32Array): boolean {
  const base = k * columns.tagWords;
  for (let w = 0; w < mask.length; w++)
    if ((columns.tagBits[base + w] as number) & (mask[w] as number)) return true;
  return false;
}

/** How many records each category code has (in columns.categoryIds order). */
export function categoryTotalsOf(columns: Pick<SearchColumns, 'category' | 'categoryIds'>): Int32Array {
  const totals = new Int32Array(columns.categoryIds.length);
  for (let k = 0; k < columns.category.length; k++) {
    const code = columns.category[k] as number;
    totals[code] = (totals[code] as number) + 1;
  }
  return totals;
}
