import { useTranslation } from '../i18n/use-translation.ts';

/** Holds the map's place while its chunk loads; the list and filters already work. */
export function MapLoading() {
  const { t } = useTranslation();
  return (
    <section className="map-panel" aria-label={t('map.label')}>
      <p className="map-notice">{t('map.loading')}</p>
    </section>
  );
}
