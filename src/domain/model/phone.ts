import { stripBidiControls } from './bidi-controls.ts';
import { nfkc } from './normalize-text.ts';

/**
 * Splits a phone cell that holds several numbers, e.g. "05-3621150；1925" → two numbers. Two complete
 * numbers joined by one space or comma ("02-25505567 0910-381106") are split too; "(05) 220-7017" is one.
 */
export function splitPhones(raw: string): string[] {
  // What is shown must be what is dialled: no control may reorder the digits (bidi-controls.ts).
  return stripBidiControls(raw)
    .split(/[;；、\n]|\s{2,}|\/(?=\s*\(?0)/)
    .flatMap(splitJoinedNumbers)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** A gap before something that starts like a new number: 0…, (0…) or +…. */
const NUMBER_GAP = /[\s,，]+(?=\(?0\d|\+\d)/g;

const EXTENSION_MARK_AT_END = /(?:分機|ext\.?|#|\*|轉|x)\s*$/i;

/** Splits at a gap only once the part before it holds a whole number (7+ digits), not just an area code. */
function splitJoinedNumbers(part: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const gap of part.matchAll(NUMBER_GAP)) {
    const before = part.slice(start, gap.index);
    if (before.replace(/\D/g, '').length >= 7 && !EXTENSION_MARK_AT_END.test(before)) {
      pieces.push(before);
      start = gap.index + gap[0].length;
    }
  }
  pieces.push(part.slice(start));
  return pieces;
}

/**
 * Builds a `tel:` URI. Extensions (分機, ext., #, *, 轉) become a pause: "(05)220-7017 ext. 17" → "tel:052207017,17".
 * Returns null when no dialable digits remain.
 */
export function toTelUri(phone: string): string | null {
  const text = nfkc(stripBidiControls(phone));
  const [main = '', ext] = text.split(/\s*(?:分機|ext\.?|#|\*|轉|x)\s*/i);
  const digits = main.replace(/[^\d+]/g, '');
  if (digits.replace(/\+/g, '').length < 3) return null;
  const extDigits = ext?.replace(/\D/g, '') ?? '';
  return `tel:${digits}${extDigits ? `,${extDigits}` : ''}`;
}

/**
 * The digits a search finds a phone number by: the number without its extension, +886 written as the domestic
 * 0. e.g. "(05)220-7017 分機17" → "052207017", "+886 5 220 7017" → "052207017", "1925" → "1925".
 */
export function searchDigits(phone: string): string {
  const main = nfkc(phone).split(/\s*(?:分機|ext\.?|#|\*|轉|x)\s*/i)[0] ?? '';
  const digits = main.replace(/\D/g, '');
  return main.trim().startsWith('+886') ? `0${digits.slice(3)}` : digits;
}
