import type { SearchColumns } from '../query/search-columns.ts';
import { parseQuery, type SearchTerm } from './parse-query.ts';
import { type SearchVocabulary, spacedSearchKey } from './search-vocabulary.ts';

/** The query a search's results were found for when nothing matched as typed (您是不是要找…). */
export interface Correction {
  /** The query with the wrong word put right, normalised (臺, 市, lower case), words one space apart. */
  readonly query: string;
  readonly terms: readonly SearchTerm[];
}

/** Record texts tried for one word: enough to count the common spellings, bounded for a 100,000-record list. */
const TEXT_MATCHES_READ = 400;
/** Longer words are not corrected from the record texts (the pattern grows with the word). */
const LONGEST_WORD = 16;

const LATIN_WORD = /^[a-z][a-z'’]*$/;
const CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/;

/**
 * The rule for one wrong character, applied only when a query finds nothing as typed, and only to words the
 * vocabulary does not know and that find nothing on their own:
 * - a Chinese word of two characters may have one character wrong when that gives a known place, category,
 *   service or abbreviation (民熊 → 民雄: Chinese writes a township in two characters, so a two-character
 *   word is a whole name; it is not tried against record texts, where half a word matches too much);
 * - a word of three or more characters may have one character wrong (Chinese: one replaced; Latin letters: one
 *   replaced, added, left out, or two swapped: Minxoing → Minxiong), against the vocabulary and, for Chinese,
 *   the records' own texts (日安社會福力 → 日安社會福利).
 * Several candidates: the one most records hold. The results are marked as found for the corrected query.
 */
export function correctQuery(
  query: string,
  terms: readonly SearchTerm[],
  vocabulary: SearchVocabulary,
  columns: SearchColumns,
  matchCount: (term: SearchTerm) => number,
): Correction | null {
  let spaced = spacedSearchKey(query);
  let changed = false;
  const corrected: SearchTerm[] = [];
  for (const term of terms) {
    if (term.kind !== 'text' || matchCount(term) > 0) {
      corrected.push(term);
      continue;
    }
    const best = bestCandidate(
      candidatesFor(term.text, vocabulary, columns).map((text) => parseQuery(text, vocabulary)),
      matchCount,
    );
    if (!best) {
      corrected.push(term);
      continue;
    }
    corrected.push(...best.terms);
    spaced = spaced.replace(term.text, best.text);
    changed = true;
  }
  return changed ? { query: spaced, terms: corrected } : null;
}

function bestCandidate(
  candidates: readonly SearchTerm[][],
  matchCount: (term: SearchTerm) => number,
): { terms: SearchTerm[]; text: string } | null {
  let best: { terms: SearchTerm[]; text: string } | null = null;
  let most = 0;
  for (const terms of candidates.slice(0, 8)) {
    const count = Math.min(...terms.map(matchCount));
    if (count > most) {
      most = count;
      best = { terms, text: terms.map((t) => t.text).join('') };
    }
  }
  return best;
}

/** Known words and record spellings one character away from the word, most likely first. */
function candidatesFor(word: string, vocabulary: SearchVocabulary, columns: SearchColumns): string[] {
  const chars = [...word];
  if (CJK.test(word) && chars.length >= 2) {
    const known = [...vocabulary.phrases.keys()].filter((key) => oneReplaced(chars, [...key]));
    return chars.length >= 3 && chars.length <= LONGEST_WORD
      ? [...known, ...textSpellings(chars, columns).filter((s) => !known.includes(s))]
      : known;
  }
  if (LATIN_WORD.test(word) && chars.length >= 3) {
    return [...vocabulary.phrases.keys()].filter((key) => LATIN_WORD.test(key) && oneEditApart(word, key));
  }
  return [];
}

/** Two words of the same length that differ in exactly one character. */
function oneReplaced(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++differences > 1) return false;
  return differences === 1;
}

/** One character replaced, added or left out, or two neighbours swapped (Damerau–Levenshtein distance 1). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Spellings in the records' texts that differ from the word in one character, most frequent first. Two native
 * scans over the texts' pieces: the word without its first character (then the character before it), and a
 * pattern that starts with the first character (so the engine looks for that character, not at every position).
 * A character never spans two fields or records.
 */
function textSpellings(chars: readonly string[], columns: SearchColumns): string[] {
  const counts = new Map<string, number>();
  const add = (spelling: string) => counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
  const rest = chars.slice(1).join('');
  let read = 0;
  for (const piece of columns.pieces) {
    for (let at = piece.indexOf(rest, 1); at !== -1 && read < TEXT_MATCHES_READ; read++) {
      const before = piece[at - 1] as string;
      if (before !== '\u0001' && before !== '\u0002') add(before + rest);
      at = piece.indexOf(rest, at + 1);
    }
  }
  const any = '[^\\u0001\\u0002]';
  const later = chars
    .slice(1)
    .map(
      (_, i) =>
        `${escapeRegExp(chars.slice(1, i + 1).join(''))}${any}${escapeRegExp(chars.slice(i + 2).join(''))}`,
    )
    .join('|');
  const re = new RegExp(`${escapeRegExp(chars[0] as string)}(?:${later})`, 'g');
  read = 0;
  for (const piece of columns.pieces) {
    re.lastIndex = 0;
    for (let m = re.exec(piece); m && read < TEXT_MATCHES_READ; m = re.exec(piece), read++) add(m[0]);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([spelling]) => spelling);
}
