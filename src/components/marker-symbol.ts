import type { MarkerSymbol } from '../domain/model/categories.ts';

/** SVG shapes in a 24×24 box, one per category symbol, so colour is never the only cue. */
const SHAPES: Record<MarkerSymbol, string> = {
  circle: '<circle cx="12" cy="12" r="9"/>',
  square: '<rect x="3.5" y="3.5" width="17" height="17" rx="1.5"/>',
  triangle: '<path d="M12 2.5 22 20.5H2z"/>',
  diamond: '<path d="M12 1.5 22.5 12 12 22.5 1.5 12z"/>',
  star: '<path d="m12 1.8 3 6.6 7.2.8-5.4 4.9 1.5 7.1L12 17.6l-6.3 3.6 1.5-7.1L1.8 9.2 9 8.4z"/>',
  hexagon: '<path d="M12 1.8 21 7v10l-9 5.2L3 17V7z"/>',
  cross: '<path d="M8.5 2.5h7v6h6v7h-6v6h-7v-6h-6v-7h6z"/>',
  heart:
    '<path d="M12 21.2 3.6 13C1.2 10.6 1.4 6.7 4 4.7c2.4-1.8 5.8-1.3 8 1.4 2.2-2.7 5.6-3.2 8-1.4 2.6 2 2.8 5.9.4 8.3z"/>',
};

/**
 * What sets a record a `?data=` link brought apart from the map's own, in any colour and for colour-blind eyes:
 * a dashed dark ring on a white halo around the symbol, and a "!" in a dark disc at its top right (a path, no
 * font). Drawn in a larger box (-5…29) around the symbol's 24×24.
 */
const LINK_RING =
  '<circle cx="12" cy="12" r="14.2" fill="#FFFFFF" fill-opacity="0.9" stroke="#1F1F1F" stroke-width="1.8" stroke-dasharray="3.4 2.2"/>';
const LINK_MARK =
  '<circle cx="23" cy="1" r="5.3" fill="#1F1F1F" stroke="#FFFFFF" stroke-width="1.2"/><path fill="#FFFFFF" d="M22.1-2.5h1.8v4.2h-1.8zM22.1 2.6h1.8v1.8h-1.8z"/>';

/**
 * An SVG string of a category symbol (for Leaflet icons, which take HTML); `linked` for a record a `?data=`
 * link brought (the ring and the "!" of LINK_RING and LINK_MARK, the symbol a little smaller in the same size).
 */
export function markerSymbolSvg(
  symbol: MarkerSymbol,
  color: string,
  size: number,
  selected = false,
  linked = false,
): string {
  const fill = /^#[\da-f]{3,8}$/i.test(color) ? color : '#595959';
  const stroke = selected ? '#FFD400' : '#FFFFFF';
  const strokeWidth = selected ? 3.5 : 2;
  const shape = `<g fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}" stroke-linejoin="round" paint-order="stroke">${SHAPES[symbol]}</g>`;
  const viewBox = linked ? '-5 -5 34 34' : '0 0 24 24';
  const body = linked ? `${LINK_RING}${shape}${LINK_MARK}` : shape;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" width="${size}" height="${size}" aria-hidden="true" focusable="false">${body}</svg>`;
}
