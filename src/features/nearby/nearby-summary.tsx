import './nearby.css';
import { distanceInWords } from '../../components/distance-text.tsx';
import { formatDistance } from '../../domain/geo/distance-format.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectDistanceTo, selectFirstResult } from '../../store/nearby/nearby-selectors.ts';
import { isLocateProblem, LocateStatusMessage } from './locate-status.tsx';
import { useLocate } from './use-locate.ts';
import { usePlaceName } from './use-place-name.ts';

/**
 * Above the results: where "near" is, the nearest result, and a way to change or clear it. Without a point, phones
 * get a start bar here (use my location, or more ways), as the list is the first screen they see.
 */
export function NearbySummary({ onChange }: { onChange?: () => void }) {
  const { t, language } = useTranslation();
  const locate = useLocate();
  const problem = useAppStore((s) => isLocateProblem(s.locateStatus));
  const reference = useAppStore((s) => s.reference);
  const radiusKm = useAppStore((s) => s.radiusKm);
  const setReference = useAppStore((s) => s.setReference);
  const first = useAppStore(selectFirstResult);
  const firstDistance = useAppStore((s) => (first ? selectDistanceTo(s, first.id) : null));
  const firstName = first?.name ?? null;
  const placeName = usePlaceName();
  if (!reference) {
    return (
      <div className="nearby-summary nearby-summary--start">
        <div className="nearby-summary__actions">
          <button type="button" className="button-primary" onClick={locate}>
            {t('nearby.useMyLocation')}
          </button>
          {onChange && (
            <button type="button" className="button-secondary" onClick={onChange}>
              {problem ? t('nearby.otherWays') : t('nearby.moreWays')}
            </button>
          )}
        </div>
        <LocateStatusMessage />
      </div>
    );
  }
  return (
    <div className="nearby-summary">
      <p>
        <strong>{t('nearby.nearestFrom', { place: placeName(reference) })}</strong>
        {radiusKm !== null && ` · ${t('nearby.radiusKm', { km: radiusKm })}`}
      </p>
      <p className="nearby-summary__nearest">
        {firstName && firstDistance !== null
          ? t('nearby.nearestIs', {
              name: firstName,
              distance: first
                ? distanceInWords(t, language, first, firstDistance, reference)
                : formatDistance(firstDistance, language),
            })
          : radiusKm !== null && firstName === null
            ? t('nearby.noneInRadius', { km: radiusKm })
            : null}
      </p>
      <div className="nearby-summary__actions">
        {onChange && (
          <button type="button" className="button-secondary" onClick={onChange}>
            {t('nearby.change')}
          </button>
        )}
        <button type="button" className="button-secondary" onClick={() => setReference(null)}>
          {t('nearby.clear')}
        </button>
      </div>
    </div>
  );
}
