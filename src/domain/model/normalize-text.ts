/** Printable ASCII and CJK Unified Ideographs: text NFKC leaves as it is (most cells of a Taiwanese file). */
const NFKC_STABLE = /^[\u0020-\u007e\u4e00-\u9fff]*$/;

/**
 * NFKC (full-width → half-width, compatibility forms → plain), skipping the Unicode tables when a quick scan
 * shows there is nothing to change: 100,000-row files normalise every address and name.
 */
export function nfkc(text: string): string {
  return NFKC_STABLE.test(text) ? text : text.normalize('NFKC');
}

/**
 * Normalises text for search: full-width → half-width (NFKC), 台 → 臺, 巿 (U+5DFF, a look-alike often typed for
 * 市) → 市, no spaces, lower case. e.g. "台北巿　ＡＢＣ１２" and "臺北市abc12" normalise to the same string.
 */
export function normalizeForSearch(text: string): string {
  return nfkc(text).replace(/台/g, '臺').replace(/巿/g, '市').replace(/\s+/g, '').toLowerCase();
}
