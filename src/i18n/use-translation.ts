import { useCallback } from 'react';
import type { Label } from '../domain/model/categories.ts';
import { useAppStore } from '../store/app-store.ts';
import type { MessageKey } from './messages-zh.ts';
import { catalogueOf, pickLabel, placeName, translate } from './translate.ts';

/** The current language's translate, label and place-name functions. */
export function useTranslation() {
  const language = useAppStore((s) => s.language);
  const messages = useAppStore((s) => s.messages);
  const t = useCallback(
    (key: MessageKey, values?: Record<string, string | number>) =>
      translate(catalogueOf(language, messages), key, values),
    [language, messages],
  );
  const label = useCallback((l: Label) => pickLabel(language, l), [language]);
  const placeNames = useAppStore((s) => s.placeNames);
  const place = useCallback((county: string, town = '') => placeName(placeNames, county, town), [placeNames]);
  // In a list of places: the romanised name with the Chinese one beside it (signs and addresses are in Chinese).
  const placeOption = useCallback(
    (county: string, town = '') => {
      const written = town || county;
      const romanised = placeName(placeNames, county, town).split(', ')[0] ?? written;
      return placeNames && romanised !== written ? `${romanised} (${written})` : written;
    },
    [placeNames],
  );
  return { t, label, place, placeOption, language };
}
