import type { Language } from '../../domain/model/language.ts';
import { enBriefing } from './en-briefing.ts';
import { type BriefingKey, zhBriefing } from './zh-briefing.ts';

/**
 * The briefing's catalogues by language. A language without one of its own (a newer interface language whose
 * briefing strings are not written yet) reads the English one rather than showing keys.
 */
const CATALOGUES: { readonly [L in Language]?: Readonly<Record<BriefingKey, string>> } = {
  'zh-TW': zhBriefing,
  en: enBriefing,
};

/** Looks a briefing string up and fills its {placeholders}. */
export function translateBriefing(
  lang: Language,
  key: BriefingKey,
  values: Record<string, string | number> = {},
): string {
  return (CATALOGUES[lang] ?? enBriefing)[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
