import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';

/** A resource for the near-me tests: at a position (or none), with just what those tests look at. */
export function placeAt(
  id: string,
  position: [number, number] | null,
  more: Partial<Resource> = {},
): Resource {
  return {
    id,
    name: id,
    category: 'community-association',
    services: [],
    address: '',
    county: '',
    town: '',
    position: position ? toLatLng(position[0], position[1]) : null,
    precision: position ? 'exact' : 'missing',
    phones: [],
    source: 'test',
    visibility: 'public',
    extra: {},
    ...more,
  };
}
