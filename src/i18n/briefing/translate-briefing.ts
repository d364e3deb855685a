import type { Language } from '../../domain/model/language.ts';
import { enBriefing } from './en-briefing.ts';
import { idBriefing } from './id-briefing.ts';
import { thBriefing } from './th-briefing.ts';
import { viBriefing } from './vi-briefing.ts';
import { type BriefingKey, zhBriefing } from './zh-briefing.ts';

/**
 * The briefing's catalogues by language, every interface language required (a new language fails the type check
 * until its briefing is written). All five are in the analysis panel's chunk, opened on demand: Vietnamese,
 * Indonesian and Thai added about 6.5 kB gzip to it.
 */
const CATALOGUES: { readonly [L in Language]: Readonly<Record<BriefingKey, string>> } = {
  'zh-TW': zhBriefing,
  en: enBriefing,
  vi: viBriefing,
  id: idBriefing,
  th: thBriefing,
};

/** A language's whole briefing catalogue (for tests that compare catalogues). */
export function briefingCatalogue(lang: Language): Readonly<Record<BriefingKey, string>> {
  return CATALOGUES[lang];
}

/** Looks a briefing string up and fills its {placeholders}. */
export function translateBriefing(
  lang: Language,
  key: BriefingKey,
  values: Record<string, string | number> = {},
): string {
  return CATALOGUES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
