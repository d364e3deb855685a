import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectNeedsLocation } from '../../store/import/import-derived.ts';

const LISTED = 100;

/** Imported records without a position: each can be placed by clicking the map. */
export function NeedsLocationList() {
  const { t } = useOfficeTranslation();
  const records = useAppStore(selectNeedsLocation);
  const placingId = useAppStore((s) => s.placingId);
  const startPlacing = useAppStore((s) => s.startPlacing);
  if (records.length === 0) return null;
  return (
    <section className="needs-location" aria-labelledby="needs-location-heading">
      <h3 id="needs-location-heading">{t('import.needsLocation', { count: records.length })}</h3>
      <p className="muted">{t('import.needsLocationHint')}</p>
      <ul aria-labelledby="needs-location-heading">
        {records.slice(0, LISTED).map((r) => (
          <li key={r.id} className="needs-location__item">
            <span className="needs-location__name">{r.name}</span>
            {r.address && <span className="muted"> · {r.address}</span>}
            <button
              type="button"
              className="button-secondary"
              aria-pressed={placingId === r.id}
              aria-label={t('import.placeLabel', { name: r.name })}
              onClick={() => startPlacing(placingId === r.id ? null : r.id)}
            >
              {t('import.place')}
            </button>
          </li>
        ))}
      </ul>
      {records.length > LISTED && (
        <p className="muted">{t('import.moreNeedLocation', { count: records.length - LISTED })}</p>
      )}
    </section>
  );
}
