import type { Language } from '../domain/model/language.ts';
import { loadCatalogue, loadPlaceNames } from '../i18n/load-catalogue.ts';
import { useAppStore } from '../store/app-store.ts';

/**
 * Shows the page in a language: its catalogue is loaded first (a chunk of its own), then the store switches
 * in one step, so no screen ever mixes two languages. (Two choices within one chunk's download end in the one
 * whose chunk arrived last; the menu shows the store's language, so what it says is always what is shown.)
 */
export async function chooseLanguage(language: Language): Promise<void> {
  const [messages, placeNames] = await Promise.all([loadCatalogue(language), loadPlaceNames(language)]);
  useAppStore.getState().setLanguage(language, messages, placeNames);
}
