/** Splits a phone cell that holds several numbers, e.g. "05-3621150；1925" → two numbers. */
export function splitPhones(raw: string): string[] {
  return raw
    .split(/[;；、\n]|\s{2,}|\/(?=\s*\(?0)/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * Builds a `tel:` URI. Extensions (分機, ext., #, 轉) become a pause: "(05)220-7017 ext. 17" → "tel:052207017,17".
 * Returns null when no dialable digits remain.
 */
export function toTelUri(phone: string): string | null {
  const text = phone.normalize('NFKC');
  const [main = '', ext] = text.split(/\s*(?:分機|ext\.?|#|轉|x)\s*/i);
  const digits = main.replace(/[^\d+]/g, '');
  if (digits.replace(/\+/g, '').length < 3) return null;
  const extDigits = ext?.replace(/\D/g, '') ?? '';
  return `tel:${digits}${extDigits ? `,${extDigits}` : ''}`;
}
