import { nfkc } from './normalize-text.ts';
/**
 * Parses a date cell into ISO YYYY-MM-DD. Accepts 2023-03-15, 2023/3/15, 2023年3月15日, 20230315 and ROC (民國)
 * years such as 112/03/15, 077/11/29, 民國112年3月15日 or 1120315 (year + 1911); a time after the date
 * (2016-08-25T08:31:03Z, 2023/3/15 上午 12:00:00) is ignored. Returns null for anything else, including an
 * empty `//` and impossible dates such as 086/08/00.
 */
export function parseDateCell(raw: string): string | null {
  const text = nfkc(raw)
    .trim()
    .replace(/^民國\s*/, '');
  const m =
    /^(\d{2,4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:(?:T|\s+)(?:[上下]午\s*)?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    ) ??
    // Compact forms from government exports: 1120315 (ROC) or 20230315.
    /^(\d{3,4})(\d{2})(\d{2})$/.exec(text);
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
