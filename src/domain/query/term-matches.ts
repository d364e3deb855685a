import { normalizeForSearch } from '../model/normalize-text.ts';
import type { SearchTerm } from '../search/parse-query.ts';
import { hasAnyTag, recordText, type SearchColumns, tagMask, textMatches } from './search-columns.ts';

/** One search term, prepared: its alternatives, and the categories and configured tags whose names hold one. */
export interface PreparedTerm {
  readonly alternatives: readonly string[];
  readonly categories: Uint8Array;
  readonly tags: Uint32Array;
  readonly anyTag: boolean;
}

/** Matches a term against the category and tag names once, so that records are then picked by code and bit. */
export function prepareTerm(columns: SearchColumns, term: SearchTerm): PreparedTerm {
  const holds = (label: string) => term.alternatives.some((a) => label.includes(a));
  const categories = new Uint8Array(columns.categoryIds.length);
  columns.categoryIds.forEach((id, code) => {
    if (holds(columns.categoryLabels[code] || normalizeForSearch(id))) categories[code] = 1;
  });
  const tags = tagMask(columns, (bit) => holds(columns.tagLabels[bit] as string));
  return { alternatives: term.alternatives, categories, tags, anyTag: tags.some((w) => w !== 0) };
}

/** Whether the record at display position k has a category or service the term names. */
export const labelled = (columns: SearchColumns, term: PreparedTerm, k: number) =>
  term.categories[columns.category[k] as number] === 1 || (term.anyTag && hasAnyTag(columns, k, term.tags));

/** Whether the own text of the record at display position k holds one of the term's alternatives. */
const textHolds = (columns: SearchColumns, term: PreparedTerm, k: number) => {
  const text = recordText(columns, k);
  return term.alternatives.some((a) => text.includes(a));
};

/**
 * The positions, among `within` (null: all), that match one term: by their own text, or by the name of their
 * category or of one of their services. Many positions: one native search over all the text per alternative;
 * few: each tested.
 */
export function termMatches(
  columns: SearchColumns,
  term: PreparedTerm,
  within: readonly number[] | null,
): number[] {
  const byLabel = term.anyTag || term.categories.includes(1);
  const n = columns.category.length;
  if (within && within.length <= n / 16) {
    return within.filter((k) => (byLabel && labelled(columns, term, k)) || textHolds(columns, term, k));
  }
  const byText = textMatchesOfAny(columns, term.alternatives);
  if (!byLabel) return within ? intersectSorted(within, byText) : byText;
  const marks = new Uint8Array(n);
  for (const k of byText) marks[k] = 1;
  const out: number[] = [];
  if (within) {
    for (const k of within) if (marks[k] === 1 || labelled(columns, term, k)) out.push(k);
  } else {
    for (let k = 0; k < n; k++) if (marks[k] === 1 || labelled(columns, term, k)) out.push(k);
  }
  return out;
}

/** The display positions whose own text holds any of the texts, ascending. */
function textMatchesOfAny(columns: SearchColumns, texts: readonly string[]): number[] {
  if (texts.length === 1) return textMatches(columns, texts[0] as string);
  const marks = new Uint8Array(columns.category.length);
  for (const text of texts) for (const k of textMatches(columns, text)) marks[k] = 1;
  const out: number[] = [];
  for (let k = 0; k < marks.length; k++) if (marks[k] === 1) out.push(k);
  return out;
}

/** The common elements of two ascending lists. */
export function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}
