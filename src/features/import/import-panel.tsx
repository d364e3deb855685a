import './import.css';
import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectSaveStatus } from '../../store/import/import-derived.ts';
import { FilePicker } from './file-picker.tsx';
import { reasonText } from './import-reason.ts';
import { limitsSummary } from './limit-text.ts';

const imports = officePart(() =>
  import('./imported-datasets.tsx').then((m) => ({ default: m.ImportedDatasets })),
);

/**
 * The office's imports: pick or drop files, and — once there are any, loaded then with their words — the datasets
 * kept in this browser, the records that still need a location, and the way back to the default data.
 */
export function ImportPanel() {
  const { t, language } = useTranslation();
  const importError = useAppStore((s) => s.importError);
  const hasImports = useAppStore(
    (s) =>
      s.importedDatasets.length > 0 ||
      Object.keys(s.officeEdits).length > 0 ||
      s.correctionIssues.length > 0 ||
      selectSaveStatus(s) === 'saving' ||
      selectSaveStatus(s) === 'failed' ||
      selectSaveStatus(s) === 'unsaved',
  );
  const [Imports, retry] = useLazyPart(imports);
  return (
    <section className="import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.heading')}</h2>
      <p className="muted">{t('import.hint')}</p>
      <FilePicker label={t('import.pick')} />
      <p className="muted import-limits">{limitsSummary(t, language)}</p>
      {importError && (
        <p className="alert" role="alert">
          {t('import.failed', {
            file: importError.fileName,
            reason: reasonText(importError.reason, t, language),
          })}
        </p>
      )}
      <WhenOpen open={hasImports} onRetry={retry}>
        <Imports />
      </WhenOpen>
    </section>
  );
}
