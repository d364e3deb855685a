import type { StateCreator } from 'zustand';
import type { Township } from '../../domain/geo/gazetteer.ts';
import type { LatLng } from '../../domain/model/coordinates.ts';
import type { AppState } from '../app-store.ts';

/**
 * Where "near" is. `device` comes from the browser's geolocation and stays in memory: it is never written to the
 * URL, storage or any request. `town` and `map` are choices the person made, and may be shared.
 */
export type ReferencePoint =
  | { readonly source: 'device'; readonly point: LatLng }
  | { readonly source: 'town'; readonly point: LatLng; readonly county: string; readonly town: string }
  | { readonly source: 'map'; readonly point: LatLng };

/** Where asking the browser for the position got to. */
export type LocateStatus =
  | 'idle'
  | 'locating'
  | 'found'
  | 'denied'
  | 'unavailable'
  | 'timeout'
  | 'unsupported';

export type TownshipsStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** Near me, open now, and what they need (the township list, the clock, whether hours can be evaluated). */
export interface NearbySlice {
  readonly reference: ReferencePoint | null;
  /** Radius in km; null: any distance. */
  readonly radiusKm: number | null;
  /** Hide what is known to be closed now (records without hours stay). */
  readonly openNowOnly: boolean;
  readonly locateStatus: LocateStatus;
  /** The next map click sets the reference point. */
  readonly pickingPoint: boolean;
  /** Now, to the minute (ms since epoch): "open now" follows it. */
  readonly clock: number;
  /** The opening-hours engine has loaded (it is a separate download). */
  readonly hoursReady: boolean;
  readonly townships: readonly Township[];
  readonly townshipsStatus: TownshipsStatus;
  /** A township a link asked for, until the township list has loaded. */
  readonly pendingTown: { readonly county: string; readonly town: string } | null;
  setReference(reference: ReferencePoint | null): void;
  setRadius(radiusKm: number | null): void;
  setOpenNowOnly(on: boolean): void;
  setLocateStatus(status: LocateStatus): void;
  setPickingPoint(on: boolean): void;
  tick(now: number): void;
  setHoursReady(): void;
  setTownships(status: TownshipsStatus, townships?: readonly Township[]): void;
  setPendingTown(town: { county: string; town: string } | null): void;
}

const MINUTE = 60_000;
const toMinute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

export const createNearbySlice: StateCreator<AppState, [], [], NearbySlice> = (set) => ({
  reference: null,
  radiusKm: null,
  openNowOnly: false,
  locateStatus: 'idle',
  pickingPoint: false,
  clock: toMinute(Date.now()),
  hoursReady: false,
  townships: [],
  townshipsStatus: 'idle',
  pendingTown: null,
  // Choosing another place (or none) ends a location request: a late answer must not override the choice.
  setReference: (reference) =>
    set((s) => ({
      reference,
      pickingPoint: false,
      pendingTown: null,
      locateStatus: reference?.source === 'device' ? s.locateStatus : 'idle',
    })),
  setRadius: (radiusKm) => set({ radiusKm }),
  setOpenNowOnly: (openNowOnly) => set({ openNowOnly }),
  setLocateStatus: (locateStatus) => set({ locateStatus }),
  setPickingPoint: (pickingPoint) => set({ pickingPoint }),
  tick: (now) => set((s) => (toMinute(now) === s.clock ? s : { clock: toMinute(now) })),
  setHoursReady: () => set({ hoursReady: true }),
  setTownships: (townshipsStatus, townships) =>
    set((s) => ({ townshipsStatus, townships: townships ?? s.townships })),
  setPendingTown: (pendingTown) => set({ pendingTown }),
});
