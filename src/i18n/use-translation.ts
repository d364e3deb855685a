import { useCallback } from 'react';
import type { Label } from '../domain/model/categories.ts';
import { useAppStore } from '../store/app-store.ts';
import type { MessageKey } from './messages-zh.ts';
import { pickLabel, translate } from './translate.ts';

/** The current language's translate and label functions. */
export function useTranslation() {
  const language = useAppStore((s) => s.language);
  const t = useCallback(
    (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values),
    [language],
  );
  const label = useCallback((l: Label) => pickLabel(language, l), [language]);
  return { t, label, language };
}
