import type { LngLat } from '../model/coordinates.ts';
import type { MappableField } from './column-mapping.ts';

/** One input row or feature, after column mapping and before validation. */
export interface RawRecord {
  /** 1-based line (CSV) or feature number (GeoJSON). */
  readonly row: number;
  readonly fields: Partial<Record<MappableField, string>>;
  /** Header of each mapped field as written in the file, for issue reports. */
  readonly headers: Partial<Record<MappableField, string>>;
  readonly extra: Readonly<Record<string, string>>;
  /** A GeoJSON Point's position, when the record came from GeoJSON. */
  readonly point?: LngLat;
  /** Set when a GeoJSON feature had a geometry other than Point. */
  readonly otherGeometry?: string;
}
