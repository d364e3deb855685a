import './result-facts.css';
import { formatDistance } from '../domain/geo/distance-format.ts';
import type { Resource } from '../domain/model/resource.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { selectDistanceTo } from '../store/nearby/nearby-selectors.ts';

/** "距離 850 公尺" from the reference point; "約 …" when the resource sits at its township centre. Nothing without a point. */
export function DistanceText({ resource }: { resource: Pick<Resource, 'id' | 'precision'> }) {
  const { t, language } = useTranslation();
  const metres = useAppStore((s) => selectDistanceTo(s, resource.id));
  if (metres === null) return null;
  const distance = formatDistance(metres, language);
  return (
    <span className="distance" data-distance-metres={Math.round(metres)}>
      {resource.precision === 'approximate-town'
        ? t('nearby.distanceApprox', { distance })
        : t('nearby.distanceAway', { distance })}
    </span>
  );
}
