import './data-link.css';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { dismissDataLink, removeLinkData } from '../../store/import/data-link-actions.ts';
import { selectLinkHosts } from '../../store/import/data-link-derived.ts';
import { reasonText } from './import-reason.ts';

/**
 * Under the header on every screen (the phone's three, presentation mode too) while a `?data=` link's data is on
 * the map: 此地圖含有來自 host 的非官方資料, and the way to take it off. Also where a link's loading and its
 * failure are said, since the import panel is not on a phone's first screen.
 */
export function DataLinkNotice() {
  const { t, language } = useTranslation();
  const hosts = useAppStore(selectLinkHosts);
  const link = useAppStore((s) => s.dataLink);
  const failed = link?.stage === 'failed' ? link : null;
  if (hosts.length === 0 && (link === null || link.stage === 'confirm')) return null;
  return (
    // A region of its own (named), so that every part of the page is in a landmark.
    <section className="link-data-notice" aria-label={t('dataLink.bannerLabel')}>
      {hosts.length > 0 && (
        <>
          <p role="note">{t('dataLink.banner', { host: hosts.join('、') })}</p>
          <button type="button" className="button-secondary" onClick={removeLinkData}>
            {t('dataLink.remove')}
          </button>
        </>
      )}
      {link?.stage === 'loading' && <p role="status">{t('dataLink.loading', { host: link.host })}</p>}
      {failed && (
        <>
          <p role="alert">
            {t('dataLink.failed', {
              source: failed.host || failed.url,
              reason: reasonText(failed.reason ?? '', t, language),
            })}
          </p>
          <button type="button" className="button-secondary" onClick={dismissDataLink}>
            {t('import.close')}
          </button>
        </>
      )}
    </section>
  );
}
