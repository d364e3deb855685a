import './result-facts.css';
import { formatDistance, townCentreDistance } from '../domain/geo/distance-format.ts';
import type { Resource } from '../domain/model/resource.ts';
import type { MessageKey } from '../i18n/messages-zh.ts';
import { formatNumber } from '../i18n/translate.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { selectDistanceTo } from '../store/nearby/nearby-selectors.ts';
import type { ReferencePoint } from '../store/nearby/nearby-slice.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * A distance in words. Exact positions: metres or kilometres ("850 公尺"). A record placed at its township centre:
 * 「同鄉鎮」 or whole kilometres, each with 「位置為鄉鎮中心」 — metres would claim a precision the record lacks.
 */
export function distanceInWords(
  t: Translate,
  language: Parameters<typeof formatDistance>[1] & Parameters<typeof formatNumber>[0],
  resource: Pick<Resource, 'precision' | 'county' | 'town'>,
  metres: number,
  reference: ReferencePoint | null,
): string {
  if (resource.precision !== 'approximate-town') return formatDistance(metres, language);
  const sameTown =
    reference?.source === 'town' && reference.county === resource.county && reference.town === resource.town;
  const honest = townCentreDistance(metres, sameTown);
  return honest.kind === 'same-town'
    ? t('distance.sameTown')
    : t('distance.townKm', { km: formatNumber(language, honest.km) });
}

/** "距離 850 公尺" from the reference point; 「同鄉鎮」 / "約 12 公里（位置為鄉鎮中心）" for a township centre. */
export function DistanceText({
  resource,
}: {
  resource: Pick<Resource, 'id' | 'precision' | 'county' | 'town'>;
}) {
  const { t, language } = useTranslation();
  const metres = useAppStore((s) => selectDistanceTo(s, resource.id));
  const reference = useAppStore((s) => s.reference);
  if (metres === null) return null;
  const words = distanceInWords(t, language, resource, metres, reference);
  return (
    <span className="distance" data-distance-metres={Math.round(metres)}>
      {resource.precision === 'approximate-town' ? words : t('nearby.distanceAway', { distance: words })}
    </span>
  );
}
