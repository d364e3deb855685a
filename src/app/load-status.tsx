import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';

/** "Loading…" while the data downloads, or why it failed: its own component, so the data landing re-renders it alone. */
export function LoadStatus() {
  const { t } = useTranslation();
  const loading = useAppStore((s) => s.status === 'loading');
  const fatalError = useAppStore((s) => s.fatalError);
  return (
    <>
      {loading && (
        <p className="loading" role="status">
          {t('app.loading')}
        </p>
      )}
      {fatalError && (
        <p className="alert" role="alert">
          {t('app.loadFailed', { reason: fatalError })}
        </p>
      )}
    </>
  );
}
