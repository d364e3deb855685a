import { searchDigits } from '../model/phone.ts';
import {
  type Phrase,
  type PhraseKind,
  prunedAlternatives,
  type SearchVocabulary,
  spacedSearchKey,
} from './search-vocabulary.ts';

/** One part of a query; a record must match every part. */
export interface SearchTerm {
  /** What was typed for it, normalised, without spaces (民雄, 社福中心, 052207017). */
  readonly text: string;
  /** text: words the vocabulary does not know; phone: digits of a phone number; else what the phrase names. */
  readonly kind: 'text' | 'phone' | PhraseKind;
  /** A record matches when its text, category name or a service name contains one of these. */
  readonly alternatives: readonly string[];
  /** The counties and townships a place term names. */
  readonly places: readonly string[];
}

const LATIN = /[a-z0-9]/;
/** Digits written as a phone number: 1925, 2207017, 05-2207017, (05)220-7017, +886-5-220-7017. */
const PHONE = /^\+?[\d()\-.－]+$/;

/**
 * Reads a query into terms: each word of it, split further wherever a known phrase appears, even inside a word
 * without spaces — 民雄社福中心 → place 民雄 + category 社福中心; 日安民雄社會福利服務中心 → 日安 + 民雄 + 社會福利服務中心.
 * At each position the longest known phrase wins; an English phrase only stands as whole words (Minxiong, not
 * the "east" of "eastern"). What is left is matched as typed; digits written like a phone number by their digits.
 */
export function parseQuery(query: string, vocabulary: SearchVocabulary): SearchTerm[] {
  // A phone number written in groups is one number: 05 220 7017, (05) 220-7017, +886 5 220 7017.
  const text = spacedSearchKey(query).replace(/([\d)]) (?=[\d(])/g, '$1');
  const terms: SearchTerm[] = [];
  let free = '';
  const flush = () => {
    if (free !== '') terms.push(freeTerm(free));
    free = '';
  };
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      flush();
      i++;
      continue;
    }
    const phrase = phraseAt(text, i, vocabulary);
    if (phrase) {
      flush();
      terms.push(phraseTerm(phrase));
      i += phrase.key.length;
    } else {
      free += text[i];
      i++;
    }
  }
  flush();
  return terms;
}

/** The longest known phrase starting at i, or null. */
function phraseAt(text: string, i: number, vocabulary: SearchVocabulary): Phrase | null {
  const startsWord = i === 0 || !LATIN.test(text[i - 1] as string);
  for (const length of vocabulary.lengths) {
    if (i + length > text.length) continue;
    const phrase = vocabulary.phrases.get(text.slice(i, i + length));
    if (!phrase) continue;
    if (LATIN.test(phrase.key[0] as string)) {
      const next = text[i + length];
      if (!startsWord || (next !== undefined && LATIN.test(next))) continue;
    }
    return phrase;
  }
  return null;
}

function phraseTerm(phrase: Phrase): SearchTerm {
  return {
    text: phrase.key.replace(/ /g, ''),
    kind: phrase.kinds[0] as PhraseKind,
    alternatives: phrase.alternatives,
    places: phrase.places,
  };
}

/**
 * A word the vocabulary does not know: a phone number's digits, or the text as typed. Digits written like a
 * number being typed (05-) are read by their digits too, so the list does not empty between keys.
 */
function freeTerm(word: string): SearchTerm {
  const digits = PHONE.test(word) ? searchDigits(word) : '';
  if (digits.length >= 3) return { text: digits, kind: 'phone', alternatives: [digits], places: [] };
  const text = digits || word;
  return { text, kind: 'text', alternatives: prunedAlternatives([text]), places: [] };
}
