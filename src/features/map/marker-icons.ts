import L from 'leaflet';
import { markerSymbolSvg } from '../../components/marker-symbol.ts';
import type { CategoryConfig } from '../../domain/model/categories.ts';

const iconCache = new Map<string, L.DivIcon>();

/** A category symbol icon; cached so markers reuse the same icon object. */
export function categoryIcon(category: CategoryConfig | undefined, selected: boolean): L.DivIcon {
  const key = `${category?.id ?? '?'}|${selected}`;
  const cached = iconCache.get(key);
  if (cached) return cached;
  const size = selected ? 40 : 28;
  const icon = L.divIcon({
    className: selected ? 'resource-marker resource-marker--selected' : 'resource-marker',
    html: markerSymbolSvg(category?.symbol ?? 'circle', category?.color ?? '#595959', size, selected),
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
  iconCache.set(key, icon);
  return icon;
}

/** A cluster bubble sized by its count. */
export function clusterIcon(count: number): L.DivIcon {
  const size = count < 10 ? 36 : count < 100 ? 44 : count < 1000 ? 52 : 60;
  const text = count < 10_000 ? String(count) : `${Math.round(count / 1000)}k`;
  const span = document.createElement('span');
  span.textContent = text;
  span.setAttribute('aria-hidden', 'true');
  return L.divIcon({
    className: 'cluster-marker',
    html: span,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}
