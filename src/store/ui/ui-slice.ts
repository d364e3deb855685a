import type { StateCreator } from 'zustand';
import type { MapView } from '../../domain/link/view-state.ts';
import type { Language } from '../../domain/model/language.ts';
import type { AppState } from '../app-store.ts';

/** Where the selection came from: the list asks the map to fly, the map asks the list to scroll. */
export type SelectionOrigin = 'list' | 'map' | 'url';

/** The tools' catalogue and the language it was loaded for. */
export interface OfficeMessages {
  readonly language: Language;
  readonly messages: Readonly<Record<string, string>>;
}

export interface UiSlice {
  readonly selectedId: string | null;
  readonly selectionOrigin: SelectionOrigin;
  readonly mapView: MapView | null;
  readonly language: Language;
  /**
   * The chosen language's UI catalogue (message key → text), loaded when it was chosen; null for zh-TW, which
   * is built in. Plain data: the store does not know the keys (i18n reads it through `catalogueOf`).
   */
  readonly messages: Readonly<Record<string, string>> | null;
  /**
   * The catalogue of the tools loaded on demand (office workspace, imports, workshop, shared map, dialogs) in the
   * language it was loaded for; null until a tool first needs it (`components/office-catalogue.tsx`). Every
   * language's, zh-TW's too, is a chunk of its own. Plain data, as `messages` is.
   */
  readonly officeMessages: OfficeMessages | null;
  /** County and township names for that language (Chinese name → romanised), loaded with it; null for zh-TW. */
  readonly placeNames: Readonly<Record<string, string>> | null;
  readonly tilesFailed: boolean;
  /**
   * Whether the person has entered the office workspace (公所工作區) on purpose: only there are records corrected
   * and moved. Residents (the default) see no editing controls; their fix is a correction report.
   */
  readonly officeWorkspace: boolean;
  /** A newer version of the app is installed and waits for this tab (app/register-service-worker.ts). */
  readonly newVersionReady: boolean;
  select(id: string | null, origin: SelectionOrigin): void;
  setMapView(view: MapView): void;
  /**
   * Shows the page in a language whose catalogue has been loaded (null for zh-TW), with its tools' catalogue when
   * that was loaded too (else the tools on screen load theirs before they show again).
   */
  setLanguage(
    language: Language,
    messages: Readonly<Record<string, string>> | null,
    placeNames?: Readonly<Record<string, string>> | null,
    officeMessages?: Readonly<Record<string, string>> | null,
  ): void;
  /** Keeps the tools' catalogue loaded for a language; one that arrives after the page left that language is not kept. */
  setOfficeMessages(language: Language, messages: Readonly<Record<string, string>>): void;
  setTilesFailed(failed: boolean): void;
  setOfficeWorkspace(on: boolean): void;
  setNewVersionReady(): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  selectedId: null,
  selectionOrigin: 'url',
  mapView: null,
  language: 'zh-TW',
  messages: null,
  officeMessages: null,
  placeNames: null,
  tilesFailed: false,
  officeWorkspace: false,
  newVersionReady: false,
  select: (selectedId, selectionOrigin) => set({ selectedId, selectionOrigin }),
  setMapView: (mapView) => set({ mapView }),
  setLanguage: (language, messages, placeNames = null, officeMessages = null) =>
    set({
      language,
      messages: language === 'zh-TW' ? null : messages,
      placeNames: language === 'zh-TW' ? null : placeNames,
      officeMessages: officeMessages ? { language, messages: officeMessages } : null,
    }),
  setOfficeMessages: (language, messages) => {
    if (get().language === language) set({ officeMessages: { language, messages } });
  },
  setTilesFailed: (tilesFailed) => set({ tilesFailed }),
  setOfficeWorkspace: (officeWorkspace) => set({ officeWorkspace }),
  setNewVersionReady: () => set({ newVersionReady: true }),
});
