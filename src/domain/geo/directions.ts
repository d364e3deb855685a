import type { Resource } from '../model/resource.ts';

/**
 * A directions link that phones open in their map app (Google Maps universal link, which iOS and Android hand to
 * the installed app). Exact positions route to the coordinates; approximate ones to the address, because a
 * township centroid is not a place anyone should walk to.
 */
export function directionsUrl(resource: Pick<Resource, 'position' | 'precision' | 'address'>): string | null {
  const url = new URL('https://www.google.com/maps/dir/');
  url.searchParams.set('api', '1');
  if (resource.position && resource.precision === 'exact') {
    url.searchParams.set(
      'destination',
      `${resource.position[0].toFixed(6)},${resource.position[1].toFixed(6)}`,
    );
    return url.href;
  }
  if (resource.address.trim() !== '') {
    url.searchParams.set('destination', resource.address);
    return url.href;
  }
  return null;
}
