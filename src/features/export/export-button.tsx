import './export.css';
import { formatNumber } from '../../i18n/translate.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectFilterResult } from '../../store/data/derived.ts';

/** Opens the export of the filtered list (the count says exactly how many records it will hold). */
export function ExportButton() {
  const { t, language } = useTranslation();
  const count = useAppStore((s) => selectFilterResult(s).visible.length);
  const ready = useAppStore((s) => s.status === 'ready');
  const setExportOpen = useAppStore((s) => s.setExportOpen);
  const setPrintOpen = useAppStore((s) => s.setPrintOpen);
  return (
    <div className="button-row export-buttons">
      <button
        type="button"
        className="button-secondary"
        disabled={!ready}
        onClick={() => setExportOpen(true)}
      >
        {t('export.open', { count: formatNumber(language, count) })}
      </button>
      <button type="button" className="button-secondary" disabled={!ready} onClick={() => setPrintOpen(true)}>
        {t('print.open')}
      </button>
    </div>
  );
}
