import type { Language } from '../domain/model/language.ts';

/** Each language's name in itself: the language menu shows these whatever the page's language is. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  'zh-TW': '中文',
  en: 'English',
  vi: 'Tiếng Việt',
  id: 'Bahasa Indonesia',
  th: 'ไทย',
};
