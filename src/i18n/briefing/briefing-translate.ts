import { useCallback } from 'react';
import type { Language } from '../../domain/model/language.ts';
import { useAppStore } from '../../store/app-store.ts';
import { enBriefing } from './en-briefing.ts';
import { type BriefingKey, zhBriefing } from './zh-briefing.ts';

const CATALOGUES: Record<Language, Record<BriefingKey, string>> = { 'zh-TW': zhBriefing, en: enBriefing };

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

/** The current language's briefing translate function. */
export function useBriefingTranslation() {
  const language = useAppStore((s) => s.language);
  const tb = useCallback(
    (key: BriefingKey, values?: Record<string, string | number>) => translateBriefing(language, key, values),
    [language],
  );
  return { tb, language };
}
