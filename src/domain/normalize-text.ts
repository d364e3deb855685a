/**
 * Normalises text for search: full-width → half-width (NFKC), 台 → 臺, no spaces, lower case.
 * e.g. "台北市　ＡＢＣ１２" and "臺北市abc12" normalise to the same string.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').replace(/台/g, '臺').replace(/\s+/g, '').toLowerCase();
}
