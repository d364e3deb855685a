import type { Label } from '../domain/model/categories.ts';
import type { Language } from '../domain/model/language.ts';
import { enMessages } from './messages-en.ts';
import { type MessageKey, zhMessages } from './messages-zh.ts';

export const LANGUAGES: readonly Language[] = ['zh-TW', 'en'];

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { 'zh-TW': zhMessages, en: enMessages };

/** Looks a message up and fills its {placeholders}. */
export function translate(
  lang: Language,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  return CATALOGUES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Picks the side of a bilingual label for the language. */
export function pickLabel(lang: Language, label: Label): string {
  return lang === 'en' ? label.en : label.zh;
}

// One formatter per language: making an Intl.NumberFormat costs far more than formatting with one, and the
// filter panels format hundreds of counts when the data lands.
const numberFormats = new Map<Language, Intl.NumberFormat>();

/**
 * Formats a number the way the language writes numbers. Whole numbers (counts) are grouped by threes with commas,
 * as both zh-TW and English write them, without Intl: the page's first Intl object loads the browser's locale data,
 * which took 50–66 ms in one task while the page was loading.
 */
export function formatNumber(lang: Language, n: number): string {
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) return groupDigits(n);
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang);
    numberFormats.set(lang, format);
  }
  return format.format(n);
}

function groupDigits(n: number): string {
  const digits = String(Math.abs(n));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${grouped}` : grouped;
}
