import { reloadToNewVersion } from '../components/reload-to-new-version.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';

/**
 * Says, politely, that a new version of the app is installed and waits for this tab; the person chooses when to
 * reload (a form being filled in is not lost to an update). The status region is always in the page, so that a
 * screen reader announces the sentence when it appears.
 */
export function NewVersionBanner() {
  const { t } = useTranslation();
  const ready = useAppStore((s) => s.newVersionReady);
  return (
    <div role="status" className={ready ? 'new-version' : undefined}>
      {ready && (
        <>
          <p>{t('version.ready')}</p>
          <button type="button" className="button-secondary" onClick={() => void reloadToNewVersion()}>
            {t('version.reload')}
          </button>
        </>
      )}
    </div>
  );
}
