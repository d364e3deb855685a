import type { Language } from '../domain/model/language.ts';

const MONTHS: Partial<Record<Language, readonly string[]>> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  th: ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'],
};

/**
 * A calendar date (ISO YYYY-MM-DD, as records keep it) as the language writes it — the way Intl.DateTimeFormat
 * does, by hand for the same reason as formatNumber (no locale data while the list first renders):
 * 2023-03-05 → 2023/3/5 (zh-TW), Mar 5, 2023 (en), 5/3/2023 (vi), 5 Mar 2023 (id), 5 มี.ค. 2566 (th, Buddhist era).
 * Anything that is not an ISO date is returned as written.
 */
export function formatDate(lang: Language, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const name = MONTHS[lang]?.[month - 1];
  switch (lang) {
    case 'zh-TW':
      return `${year}/${month}/${day}`;
    case 'vi':
      return `${day}/${month}/${year}`;
    case 'en':
      return `${name} ${day}, ${year}`;
    case 'id':
      return `${day} ${name} ${year}`;
    case 'th':
      return `${day} ${name} ${year + 543}`;
  }
}

/** The Intl options formatDate follows per language (its test compares the two). */
export const DATE_STYLE: Record<Language, Intl.DateTimeFormatOptions> = {
  'zh-TW': { year: 'numeric', month: 'numeric', day: 'numeric' },
  en: { dateStyle: 'medium' },
  vi: { year: 'numeric', month: 'numeric', day: 'numeric' },
  id: { dateStyle: 'medium' },
  th: { dateStyle: 'medium' },
};
