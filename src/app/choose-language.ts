import type { Language } from '../domain/model/language.ts';
import { loadCatalogue, loadOfficeCatalogue, loadPlaceNames } from '../i18n/load-catalogue.ts';
import { useAppStore } from '../store/app-store.ts';

/**
 * Shows the page in a language: its catalogue is loaded first (a chunk of its own; with the tools' catalogue when a
 * tool has needed it), then the store switches
 * in one step, so no screen ever mixes two languages. (Two choices within one chunk's download end in the one
 * whose chunk arrived last; the menu shows the store's language, so what it says is always what is shown.)
 */
export async function chooseLanguage(language: Language): Promise<void> {
  // The tools' catalogue too, when a tool has loaded it: an open tool (a form half filled in) stays on screen.
  const withTools = useAppStore.getState().officeMessages !== null;
  const [messages, placeNames, officeMessages] = await Promise.all([
    loadCatalogue(language),
    loadPlaceNames(language),
    withTools ? loadOfficeCatalogue(language) : null,
  ]);
  useAppStore.getState().setLanguage(language, messages, placeNames, officeMessages);
}
