import { ShareActions } from '../components/share-actions.tsx';
import { viewShareUrl } from '../domain/link/share-links.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { searchOfView } from '../store/filters/search-of-view.ts';

/** Share the current view (filters, search, place); with the device's location in use, without the map position. */
export function ShareView() {
  const { t } = useTranslation();
  const usingDevice = useAppStore((s) => s.reference?.source === 'device');
  // From the store, not the address bar: the address bar follows typing only once it pauses.
  const search = useAppStore(searchOfView);
  const url = viewShareUrl(`${window.location.origin}${window.location.pathname}${search}`, usingDevice);
  return (
    <section className="share-view" aria-labelledby="share-view-heading">
      <h2 id="share-view-heading" className="share-view__heading">
        {t('nearby.shareView')}
      </h2>
      <ShareActions title={t('app.title')} url={url} label={t('nearby.share')} />
    </section>
  );
}
