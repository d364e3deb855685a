import type { LatLng } from './coordinates.ts';

/** How far a resource's position can be trusted. */
export type LocationPrecision = 'exact' | 'approximate-town' | 'missing';

/** Public records may be shown anywhere; internal ones never reach a public build. */
export type Visibility = 'public' | 'internal';

/** One place that can help: a welfare center, a friendly shop, a community association… */
export interface Resource {
  /** Stable across reloads: from the file's id column, or derived from source file + name + address. */
  readonly id: string;
  readonly name: string;
  /** A category id from configuration (see CategoryConfig). */
  readonly category: string;
  /** Service tag ids from configuration; unknown labels are kept as they were written. */
  readonly services: readonly string[];
  readonly address: string;
  readonly county: string;
  readonly town: string;
  readonly village?: string;
  readonly position: LatLng | null;
  readonly precision: LocationPrecision;
  readonly phones: readonly string[];
  /** OpenStreetMap `opening_hours` syntax. */
  readonly openingHours?: string;
  readonly website?: string;
  readonly description?: string;
  readonly source: string;
  /** ISO date (YYYY-MM-DD). */
  readonly lastVerified?: string;
  readonly visibility: Visibility;
  /** Input columns the model does not know, kept so that nothing is lost on a round trip. */
  readonly extra: Readonly<Record<string, string>>;
}

/** A resource that has a position, as the map needs. */
export type PlacedResource = Resource & { readonly position: LatLng };

/** Narrows to resources that can be drawn. */
export function isPlaced(r: Resource): r is PlacedResource {
  return r.position !== null;
}
