import { useCallback } from 'react';
import { useAppStore } from '../store/app-store.ts';
import type { MessageKey } from './messages-zh.ts';
import type { OfficeMessageKey } from './office-messages-zh.ts';
import { catalogueOf, type OfficeCatalogue, translate } from './translate.ts';
import { useTranslation } from './use-translation.ts';

/**
 * `useTranslation` for the tools loaded on demand: `t` also takes the tools' keys. Only for a component shown
 * inside `OfficeCatalogue` (components/office-catalogue.tsx), which renders it once the tools' catalogue of the
 * language on show is in the store; used anywhere else, it says so by throwing, and the part's chunk boundary
 * offers a retry (which loads the catalogue) instead of the page showing keys.
 */
export function useOfficeTranslation() {
  const translation = useTranslation();
  const { language } = translation;
  const messages = useAppStore((s) => s.messages);
  const office = useAppStore((s) => s.officeMessages);
  if (office?.language !== language) {
    throw new Error(
      `The tools' catalogue (${language}) is not loaded: render this part inside OfficeCatalogue`,
    );
  }
  const officeMessages = office.messages as OfficeCatalogue;
  const t = useCallback(
    (key: MessageKey | OfficeMessageKey, values?: Record<string, string | number>) =>
      isFirstScreenKey(key)
        ? translate(catalogueOf(language, messages), key, values)
        : translate(officeMessages, key, values),
    [language, messages, officeMessages],
  );
  return { ...translation, t };
}

/** Whether a key is the first screen's (zh-TW's first-screen catalogue is built in, so it answers for every language). */
function isFirstScreenKey(key: MessageKey | OfficeMessageKey): key is MessageKey {
  return key in catalogueOf('zh-TW', null);
}
