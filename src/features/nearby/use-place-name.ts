import { useTranslation } from '../../i18n/use-translation.ts';
import type { ReferencePoint } from '../../store/nearby/nearby-slice.ts';

/** How a reference point is named: "你的位置", "嘉義縣民雄鄉（中心點）" (Minxiong Township, Chiayi County), "地圖上選的位置". */
export function usePlaceName(): (reference: ReferencePoint) => string {
  const { t, place } = useTranslation();
  return (reference) =>
    reference.source === 'device'
      ? t('nearby.place.device')
      : reference.source === 'map'
        ? t('nearby.place.map')
        : t('nearby.place.town', { place: place(reference.county, reference.town) });
}
