import { formatNumber } from '../../i18n/translate.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { cancelImport } from '../../store/import/import-actions.ts';

/**
 * While a file is read or imported (in a worker): what is happening, how far, and a cancel button. Not modal:
 * the map and the list stay usable during a 100,000-row import.
 */
export function ImportProgress() {
  const { t, language } = useOfficeTranslation();
  const job = useAppStore((s) => (s.importJob && s.importJob.stage !== 'confirm' ? s.importJob : null));
  if (!job) return null;
  const progress = job.progress;
  const phase = progress?.phase ?? 'read';
  const value = progress && progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <section className="import-progress" aria-label={t('import.progressLabel')}>
      <p role="status">
        {job.stage === 'reading'
          ? t('import.reading', { file: job.fileName })
          : phase === 'validate' && progress
            ? t('import.validating', {
                file: job.fileName,
                done: formatNumber(language, progress.done),
                total: formatNumber(language, progress.total),
              })
            : t(`import.phase.${phase}`, { file: job.fileName })}
      </p>
      <progress
        aria-label={t('import.progressLabel')}
        max={1}
        {...(value !== undefined && phase === 'validate' ? { value } : {})}
      />
      <button type="button" className="button-secondary" onClick={cancelImport}>
        {t('import.cancelImport')}
      </button>
    </section>
  );
}
