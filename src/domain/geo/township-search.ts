import { placeKey, type Township } from './gazetteer.ts';

/**
 * Townships matching what a person typed, best first: "民雄" → 嘉義縣民雄鄉, "嘉義縣 民雄鄉" → the same,
 * "東區" → every 東區 (the person then picks the county). Spaces, 台/臺 and full-width letters are ignored.
 */
export function findTownships(townships: readonly Township[], typed: string, limit = 12): Township[] {
  const q = placeKey(typed);
  if (q === '') return [];
  const scored: { township: Township; score: number }[] = [];
  for (const t of townships) {
    const full = `${t.county}${t.town}`;
    const score =
      full === q || t.town === q
        ? 0
        : t.town.startsWith(q) || full.startsWith(q)
          ? 1
          : full.includes(q)
            ? 2
            : t.zipcode !== '' && t.zipcode === q
              ? 0
              : -1;
    if (score >= 0) scored.push({ township: t, score });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.township);
}
