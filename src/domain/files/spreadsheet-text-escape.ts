/**
 * The OOXML escape for text a workbook's XML cannot hold (ECMA-376 Part 1, ST_Xstring): a UTF-16 code unit
 * written as _xHHHH_. Excel writes CR and control characters this way, and a literal "_x0041_" as
 * "_x005F_x0041_" (005F is "_"), so that it is not read as "A". SheetJS decodes _xHHHH_ in every cell of an
 * XLSX and of an ODS, so both writers use the same escape; ordinary text never contains one, and a workbook
 * with ordinary text is written exactly as before.
 */

/**
 * What the escape is for. XLSX: control characters and CR (Excel's convention; a raw CR would become LF in
 * any XML reader). ODS: control characters only (CR is written as a character reference there).
 */
export type EscapeTarget = 'xlsx' | 'ods';

/**
 * An underscore that would start an escape: "_x", four hex digits, then "_" or a character that is itself
 * escaped (its escape starts with "_"). Also matched before tab, LF, CR and surrogate pairs, which is more
 * than needed and harmless, as the reader turns "_x005F_" back into "_" wherever it is.
 */
const ESCAPE_LIKE = '_(?=x[0-9A-Fa-f]{4}(?:_|[\\u0000-\\u001F\\uD800-\\uDFFF\\uFFFE\\uFFFF]))';
/** Lone surrogates, U+FFFE and U+FFFF: not text, so no XML holds them. */
const NOT_TEXT =
  '[\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

const ESCAPED: Record<EscapeTarget, RegExp> = {
  xlsx: new RegExp(`${ESCAPE_LIKE}|[\\u0000-\\u0008\\u000B-\\u001F]|${NOT_TEXT}`, 'g'),
  ods: new RegExp(`${ESCAPE_LIKE}|[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]|${NOT_TEXT}`, 'g'),
};

/**
 * Escapes cell text for a workbook, e.g. "a\u0001b" → "a_x0001_b", "_x0041_" → "_x005F_x0041_" and, for
 * XLSX, "a\r\nb" → "a_x000D_\nb". Text without such characters comes back unchanged.
 */
export function escapeCellText(text: string, target: EscapeTarget): string {
  return text.replace(ESCAPED[target], codeOf);
}

/** Reads _xHHHH_ escapes back, left to right as Excel and SheetJS do: "_x005F_x0041_" → "_x0041_". */
export function unescapeCellText(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

function codeOf(character: string): string {
  return `_x${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}
