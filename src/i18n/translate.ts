import type { Label } from '../domain/model/categories.ts';
import type { Language } from '../domain/model/language.ts';
import { type MessageKey, zhMessages } from './messages-zh.ts';
import type { OfficeMessageKey } from './office-messages-zh.ts';

/** A whole catalogue of one language (zh-TW's is built in; the others are loaded when chosen, see load-catalogue.ts). */
export type Catalogue = Readonly<Record<MessageKey, string>>;

/** The tools' catalogue of one language (loaded with the tools, see load-catalogue.ts). */
export type OfficeCatalogue = Readonly<Record<OfficeMessageKey, string>>;

/**
 * The catalogue to translate with: the one the store holds for a language other than zh-TW, else zh-TW's.
 * The store keeps it untyped (it never imports i18n); it was loaded for that language by `loadCatalogue`.
 */
export function catalogueOf(language: Language, loaded: Readonly<Record<string, string>> | null): Catalogue {
  return language === 'zh-TW' || loaded === null ? zhMessages : (loaded as Catalogue);
}

/**
 * Looks a message up and fills its {placeholders}. The types make a missing key impossible; should a catalogue
 * loaded at run time lack one all the same, the key itself is shown (and logged) rather than the page failing.
 */
export function translate<K extends string>(
  catalogue: Readonly<Record<K, string>>,
  key: K,
  values: Record<string, string | number> = {},
): string {
  const message: string | undefined = catalogue[key];
  if (message === undefined) {
    console.error(`No message "${key}" in the catalogue`);
    return key;
  }
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/**
 * Picks a configuration label's text for the language: zh and en are required in the manifest; vi, id and th
 * are optional and fall back to English (a resident who reads Thai is likelier to read English than Chinese).
 */
export function pickLabel(lang: Language, label: Label): string {
  if (lang === 'zh-TW') return label.zh;
  if (lang === 'en') return label.en;
  return label[lang] || label.en;
}

/**
 * A county, or a township of a county, as the language writes it: as written in zh-TW (嘉義縣民雄鄉); romanised,
 * township first, elsewhere (Minxiong Township, Chiayi County). A name the table does not know stays as written.
 */
export function placeName(names: Readonly<Record<string, string>> | null, county: string, town = ''): string {
  if (!names) return `${county}${town}`;
  const key = (name: string) => name.replace(/台/g, '臺');
  const countyName = county ? (names[key(county)] ?? county) : '';
  const townName = town ? (names[`${key(county)}|${key(town)}`] ?? town) : '';
  return [townName, countyName].filter(Boolean).join(', ');
}

// One formatter per language: making an Intl.NumberFormat costs far more than formatting with one, and the
// filter panels format hundreds of counts when the data lands.
const numberFormats = new Map<Language, Intl.NumberFormat>();

/** How each language groups thousands: Vietnamese and Indonesian write 1.234, the others 1,234 (as Intl does). */
const THOUSANDS_SEPARATOR: Record<Language, string> = { 'zh-TW': ',', en: ',', vi: '.', id: '.', th: ',' };

/**
 * Formats a number the way the language writes numbers. Whole numbers (counts) are grouped by threes by hand,
 * as Intl writes them, without Intl: the page's first Intl object loads the browser's locale data,
 * which took 50–66 ms in one task while the page was loading.
 */
export function formatNumber(lang: Language, n: number): string {
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) return groupDigits(n, THOUSANDS_SEPARATOR[lang]);
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang);
    numberFormats.set(lang, format);
  }
  return format.format(n);
}

function groupDigits(n: number, separator: string): string {
  const digits = String(Math.abs(n));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `${separator}${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${grouped}` : grouped;
}
