import L from 'leaflet';
import { markerSymbolSvg } from '../../components/marker-symbol.ts';
import type { CategoryConfig } from '../../domain/model/categories.ts';

const iconCache = new Map<string, L.DivIcon>();

/**
 * A category symbol icon; cached so markers reuse the same icon object. `linked`: a record a `?data=` link
 * brought, drawn larger to hold its dashed ring and "!" (see markerSymbolSvg) and classed resource-marker--link.
 */
export function categoryIcon(
  category: CategoryConfig | undefined,
  selected: boolean,
  linked = false,
): L.DivIcon {
  const key = `${category?.id ?? '?'}|${selected}|${linked}`;
  const cached = iconCache.get(key);
  if (cached) return cached;
  const size = (selected ? 40 : 28) + (linked ? 12 : 0);
  const className = [
    'resource-marker',
    selected && 'resource-marker--selected',
    linked && 'resource-marker--link',
  ]
    .filter(Boolean)
    .join(' ');
  const icon = L.divIcon({
    className,
    html: markerSymbolSvg(category?.symbol ?? 'circle', category?.color ?? '#595959', size, selected, linked),
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
  iconCache.set(key, icon);
  return icon;
}

/**
 * A cluster bubble sized by its count; one holding records a `?data=` link brought (`linked` > 0) has a dashed
 * border and a "!" (cluster-marker--link).
 */
export function clusterIcon(count: number, linked = 0): L.DivIcon {
  const size = count < 10 ? 36 : count < 100 ? 44 : count < 1000 ? 52 : 60;
  const text = count < 10_000 ? String(count) : `${Math.round(count / 1000)}k`;
  const span = document.createElement('span');
  span.textContent = text;
  span.setAttribute('aria-hidden', 'true');
  if (linked > 0) {
    const mark = document.createElement('span');
    mark.className = 'cluster-marker__link-mark';
    mark.textContent = '!';
    mark.setAttribute('aria-hidden', 'true');
    const both = document.createElement('span');
    both.className = 'cluster-marker__inner';
    both.append(span, mark);
    return L.divIcon({
      className: 'cluster-marker cluster-marker--link',
      html: both,
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
    });
  }
  return L.divIcon({
    className: 'cluster-marker',
    html: span,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}
