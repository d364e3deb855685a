import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { correctedCount } from '../../store/import/import-slice.ts';

/** Undo and redo of the office's corrections (fields, moves, placements, merges); kept across reloads. */
export function EditHistoryBar() {
  const { t } = useOfficeTranslation();
  const canUndo = useAppStore((s) => s.officeEdits.past.length > 0);
  const canRedo = useAppStore((s) => s.officeEdits.future.length > 0);
  const count = useAppStore((s) => correctedCount(s.officeEdits.present));
  const undo = useAppStore((s) => s.undoOfficeEdit);
  const redo = useAppStore((s) => s.redoOfficeEdit);
  if (!canUndo && !canRedo) return null;
  return (
    <fieldset className="edit-history">
      <legend className="visually-hidden">{t('edit.history')}</legend>
      <span className="muted">{t('edit.count', { count })}</span>
      <button type="button" className="button-secondary" disabled={!canUndo} onClick={undo}>
        {t('edit.undo')}
      </button>
      <button type="button" className="button-secondary" disabled={!canRedo} onClick={redo}>
        {t('edit.redo')}
      </button>
    </fieldset>
  );
}
