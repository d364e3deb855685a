import { useCallback } from 'react';
import type { Label } from '../domain/model/categories.ts';
import { useAppStore } from '../store/app-store.ts';
import type { MessageKey } from './messages-zh.ts';
import { catalogueOf, pickLabel, translate } from './translate.ts';

/** The current language's translate and label functions. */
export function useTranslation() {
  const language = useAppStore((s) => s.language);
  const messages = useAppStore((s) => s.messages);
  const t = useCallback(
    (key: MessageKey, values?: Record<string, string | number>) =>
      translate(catalogueOf(language, messages), key, values),
    [language, messages],
  );
  const label = useCallback((l: Label) => pickLabel(language, l), [language]);
  return { t, label, language };
}
