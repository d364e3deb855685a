import { latLngToLngLat } from '../model/coordinates.ts';
import type { Resource } from '../model/resource.ts';
import {
  cellText,
  columnHeaders,
  type ExportColumnId,
  type ExportContext,
  markedColumns,
} from './export-columns.ts';

/**
 * A GeoJSON FeatureCollection (RFC 7946: WGS84, [lng, lat]); every chosen column but lat/lng is a property.
 * A record without a position has a null geometry, so it is kept rather than dropped. A link's records carry
 * the link-origin property (markedColumns).
 */
export function exportGeoJson(
  resources: readonly Resource[],
  columns: readonly ExportColumnId[],
  ctx: ExportContext,
): string {
  const propertyColumns = markedColumns(resources, columns, ctx).filter((c) => c !== 'lat' && c !== 'lng');
  const names = columnHeaders(propertyColumns, ctx.language);
  const features = resources.map((r) => {
    const properties: Record<string, string> = {};
    for (const [i, column] of propertyColumns.entries()) {
      Object.defineProperty(properties, names[i] as string, {
        value: cellText(r, column, ctx),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return {
      type: 'Feature',
      id: r.id,
      geometry: r.position ? { type: 'Point', coordinates: [...latLngToLngLat(r.position)] } : null,
      properties,
    };
  });
  return JSON.stringify({ type: 'FeatureCollection', features }, null, 1);
}
