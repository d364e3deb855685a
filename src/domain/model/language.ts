/**
 * The languages of the page and its links; zh-TW is the default (a link says `lang=en`, `lang=vi`…).
 * Exports and the shared map's records stay in zh-TW or English (see `export-columns.ts`).
 */
export const LANGUAGES = ['zh-TW', 'en', 'vi', 'id', 'th'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language a link or a remembered setting names, or null for anything else (`lang=fr`, `lang=`). */
export function languageOf(text: string | null | undefined): Language | null {
  return LANGUAGES.find((language) => language === text) ?? null;
}
