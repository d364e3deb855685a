import { useCallback } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import { translateBriefing } from './translate-briefing.ts';
import type { BriefingKey } from './zh-briefing.ts';

/** The current language's briefing translate function. */
export function useBriefingTranslation() {
  const language = useAppStore((s) => s.language);
  const tb = useCallback(
    (key: BriefingKey, values?: Record<string, string | number>) => translateBriefing(language, key, values),
    [language],
  );
  return { tb, language };
}
