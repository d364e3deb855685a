/**
 * Parses a date cell into ISO YYYY-MM-DD. Accepts 2023-03-15, 2023/3/15 and ROC (民國) years such as
 * 112/03/15 or 077/11/29 (year + 1911). Returns null for anything else, including an empty `//`.
 */
export function parseDateCell(raw: string): string | null {
  const text = raw.normalize('NFKC').trim();
  const m = /^(\d{2,4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return null;
  let year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if ((m[1] ?? '').length <= 3) year += 1911;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}
