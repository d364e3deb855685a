import type { StateCreator } from 'zustand';
import type { AppState } from '../app-store.ts';

/** What is drawn over the projected map: the QR code of the view, or the keyboard help. */
export type PresentationOverlay = 'none' | 'qr' | 'help';

/** Projector view and time: presentation mode, its overlays, and the year the map is shown "as of". */
export interface PresentationSlice {
  readonly presenting: boolean;
  readonly overlay: PresentationOverlay;
  /** Show the data as of this year (records that had started by then); null: no year filter. */
  readonly asOfYear: number | null;
  setPresenting(on: boolean): void;
  setOverlay(overlay: PresentationOverlay): void;
  setAsOfYear(year: number | null): void;
}

export const createPresentationSlice: StateCreator<AppState, [], [], PresentationSlice> = (set) => ({
  presenting: false,
  overlay: 'none',
  asOfYear: null,
  setPresenting: (presenting) => set(presenting ? { presenting } : { presenting, overlay: 'none' }),
  setOverlay: (overlay) => set({ overlay }),
  setAsOfYear: (asOfYear) => set({ asOfYear }),
});
