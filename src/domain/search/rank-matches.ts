import type { SearchColumns } from '../query/search-columns.ts';
import type { SearchTerm } from './parse-query.ts';

/**
 * At most this many matches are ranked; a longer list keeps the display order. Ranking reads each match's text,
 * and nobody reads 2,000 results: the person types on, and the list becomes short enough to rank.
 */
export const RANKED_AT_MOST = 2000;

/**
 * The matches (display positions, ascending) best first, each rank in display order:
 * 0. the name holds the whole query (spaces left out): 民雄鄉課後照顧 → 示範民雄鄉課後照顧據點;
 * 1. the name holds every term (one of its alternatives): 民雄 社福 → 嘉義縣日安社會福利服務中心（民雄）;
 * 2. the record's text holds the whole query (an address: 中山路206號);
 * 3. the rest (matched through a category, a service, or terms spread over several fields).
 */
export function rankMatches(
  columns: SearchColumns,
  matched: readonly number[],
  terms: readonly SearchTerm[],
): readonly number[] {
  if (matched.length > RANKED_AT_MOST || matched.length < 2 || terms.length === 0) return matched;
  const whole = terms.map((t) => t.text).join('');
  const ranks: number[][] = [[], [], [], []];
  const { pieces, pieceStarts, starts } = columns;
  let c = 0;
  for (const k of matched) {
    // recordText, written out (the matches ascend, so their pieces do): this module is loaded on demand and
    // imports nothing of the first screen's.
    while ((pieceStarts[c + 1] as number) <= k) c++;
    const piece = pieces[c] as string;
    const end = k + 1 < (pieceStarts[c + 1] as number) ? (starts[k + 1] as number) - 1 : piece.length;
    const text = piece.slice(starts[k], end);
    const nameEnd = text.indexOf('\u0001');
    const name = nameEnd < 0 ? text : text.slice(0, nameEnd);
    const rank = name.includes(whole)
      ? 0
      : terms.every((t) => t.alternatives.some((a) => name.includes(a)))
        ? 1
        : text.includes(whole)
          ? 2
          : 3;
    (ranks[rank] as number[]).push(k);
  }
  return ranks.flat();
}
