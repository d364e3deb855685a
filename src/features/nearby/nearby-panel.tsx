import './nearby.css';
import { useEffect, useState } from 'react';
import { toLatLng } from '../../domain/model/coordinates.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { loadTownships } from '../../store/data/load-townships.ts';
import { isLocateProblem, LocateStatusMessage } from './locate-status.tsx';
import { NeedFilters } from './need-filters.tsx';
import { PlacePicker } from './place-picker.tsx';
import { RadiusChoice } from './radius-choice.tsx';
import { useLocate } from './use-locate.ts';
import { usePlaceName } from './use-place-name.ts';

/**
 * "Near me": the device's location, or a township, or a point on the map; then distance, open now and needs.
 * Every failure to locate says why and leaves the other ways open (never a blank screen).
 */
export function NearbyPanel() {
  const { t } = useTranslation();
  const locate = useLocate();
  const status = useAppStore((s) => s.locateStatus);
  const reference = useAppStore((s) => s.reference);
  const picking = useAppStore((s) => s.pickingPoint);
  const openNowOnly = useAppStore((s) => s.openNowOnly);
  const setOpenNowOnly = useAppStore((s) => s.setOpenNowOnly);
  const setPickingPoint = useAppStore((s) => s.setPickingPoint);
  const setReference = useAppStore((s) => s.setReference);
  const dataReady = useAppStore((s) => s.status === 'ready');
  const placeName = usePlaceName();
  const failed = isLocateProblem(status);
  const [othersOpen, setOthersOpen] = useState(false);

  useEffect(() => {
    if (failed) setOthersOpen(true);
  }, [failed]);
  useEffect(() => {
    if (othersOpen && dataReady) void loadTownships();
  }, [othersOpen, dataReady]);

  const searchMapCentre = () => {
    const view = useAppStore.getState().mapView;
    if (view) setReference({ source: 'map', point: toLatLng(view.lat, view.lng) });
  };

  return (
    <section className="nearby-panel" aria-labelledby="nearby-heading">
      <h2 id="nearby-heading" tabIndex={-1}>
        {t('nearby.heading')}
      </h2>
      <button
        type="button"
        className="button-primary locate-button"
        onClick={locate}
        aria-describedby="nearby-privacy"
      >
        {t('nearby.useMyLocation')}
      </button>
      <p id="nearby-privacy" className="nearby-privacy">
        {t('nearby.privacy')}
      </p>
      <LocateStatusMessage />
      {reference && (
        <div className="nearby-reference">
          <p>{t('nearby.nearestFrom', { place: placeName(reference) })}</p>
          <button type="button" className="button-secondary" onClick={() => setReference(null)}>
            {t('nearby.clear')}
          </button>
          <RadiusChoice />
        </div>
      )}
      <details
        className="nearby-other-ways"
        open={othersOpen}
        onToggle={(e) => setOthersOpen(e.currentTarget.open)}
      >
        <summary>{t('nearby.otherWays')}</summary>
        {othersOpen && <PlacePicker />}
        <div className="map-point-actions">
          <button
            type="button"
            className="button-secondary"
            aria-pressed={picking}
            onClick={() => setPickingPoint(!picking)}
          >
            {t('nearby.pickOnMap')}
          </button>
          <button type="button" className="button-secondary" onClick={searchMapCentre}>
            {t('nearby.useMapCentre')}
          </button>
        </div>
        {picking && (
          <p className="nearby-message" role="status">
            {t('nearby.pickOnMapActive')}
          </p>
        )}
      </details>
      <label className="check-row">
        <input type="checkbox" checked={openNowOnly} onChange={(e) => setOpenNowOnly(e.target.checked)} />
        <span>{t('nearby.openNow')}</span>
      </label>
      <NeedFilters />
    </section>
  );
}
