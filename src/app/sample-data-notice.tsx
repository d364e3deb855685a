import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';

/** A visible warning whenever demo records (示範資料) are loaded, so no resident goes to a fictional shop. */
export function SampleDataNotice() {
  const { t } = useTranslation();
  const hasSample = useAppStore((s) => s.loadReport.files.some((f) => f.sample && f.resourceCount > 0));
  if (!hasSample) return null;
  return (
    // A region of its own (named), so that every part of the page is in a landmark.
    <section className="sample-notice" aria-label={t('detail.sample')}>
      <p role="note">{t('app.sampleNotice')}</p>
    </section>
  );
}
