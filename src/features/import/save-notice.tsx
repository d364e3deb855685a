import './import.css';
import type { SaveLoss } from '../../domain/model/save-ledger.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectSaveStatus } from '../../store/import/import-derived.ts';

/**
 * What is not saved, at the top of every screen until it is: storage cleared while the page is open (export, or
 * save again), a failed save (export, or try again), and what a previous visit saved or was saving that this
 * browser no longer holds (until the person acknowledges it).
 */
export function SaveNotice() {
  const { t, language } = useOfficeTranslation();
  const status = useAppStore(selectSaveStatus);
  const cleared = useAppStore((s) => s.storageCleared);
  const losses = useAppStore((s) => s.saveLosses);
  const setExportOpen = useAppStore((s) => s.setExportOpen);
  const saveAgain = useAppStore((s) => s.requestSaveAgain);
  const dismiss = useAppStore((s) => s.dismissSaveLosses);
  const exportNow = (
    <button type="button" className="button-primary" onClick={() => setExportOpen(true)}>
      {t('import.exportNow')}
    </button>
  );
  return (
    <>
      {cleared && (
        <div className="save-notice" role="alert">
          <p>{t('save.clearedNow')}</p>
          <div className="button-row">
            {exportNow}
            <button type="button" className="button-secondary" onClick={saveAgain}>
              {t('save.saveAgain')}
            </button>
          </div>
        </div>
      )}
      {!cleared && status === 'failed' && (
        <div className="save-notice" role="alert">
          <p>{t('import.storageFailed')}</p>
          <div className="button-row">
            {exportNow}
            <button type="button" className="button-secondary" onClick={saveAgain}>
              {t('save.retry')}
            </button>
          </div>
        </div>
      )}
      {losses.map((loss) => (
        <div key={loss.cause} className="save-notice" role="alert">
          <p>
            {t(loss.cause === 'cleared' ? 'save.lostCleared' : 'save.lostUnfinished', {
              what: lossText(loss, t, language),
            })}
          </p>
          <div className="button-row">
            <button type="button" className="button-secondary" onClick={dismiss}>
              {t('save.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </>
  );
}

/** The files and corrections of a loss, as one phrase: 「a.csv」（20,000 列）、3 筆修正. */
function lossText(
  loss: SaveLoss,
  t: ReturnType<typeof useOfficeTranslation>['t'],
  language: ReturnType<typeof useOfficeTranslation>['language'],
): string {
  const n = (value: number) => formatNumber(language, value);
  const parts = loss.datasets.map((d) => t('save.lostFile', { file: d.fileName, rows: n(d.rows) }));
  if (loss.edits > 0) parts.push(t('save.lostEdits', { count: n(loss.edits) }));
  return parts.join(t('save.listSeparator'));
}
