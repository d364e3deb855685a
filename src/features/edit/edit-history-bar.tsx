import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { redoCorrection, undoCorrection } from '../../store/import/corrections-actions.ts';
import { correctedCount } from '../../store/import/import-slice.ts';

/** Undo and redo of this tab's own corrections (fields, moves, placements, merges); another tab's are its own. */
export function EditHistoryBar() {
  const { t } = useOfficeTranslation();
  const canUndo = useAppStore((s) => s.correctionSteps.undo > 0);
  const canRedo = useAppStore((s) => s.correctionSteps.redo > 0);
  const count = useAppStore((s) => correctedCount(s.officeEdits));
  if (!canUndo && !canRedo) return null;
  return (
    <fieldset className="edit-history">
      <legend className="visually-hidden">{t('edit.history')}</legend>
      <span className="muted">{t('edit.count', { count })}</span>
      <button type="button" className="button-secondary" disabled={!canUndo} onClick={undoCorrection}>
        {t('edit.undo')}
      </button>
      <button type="button" className="button-secondary" disabled={!canRedo} onClick={redoCorrection}>
        {t('edit.redo')}
      </button>
    </fieldset>
  );
}
