import { useEffect } from 'react';
import { isTyping } from '../../components/is-typing.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { redoSharedChange, undoSharedChange } from '../../store/shared-map/shared-map-actions.ts';

/**
 * Undo and redo of this device's own changes to the shared map (a peer's changes are never undone), as buttons
 * and as Ctrl/⌘+Z, Ctrl/⌘+Shift+Z or Ctrl/⌘+Y anywhere but in a text field (which keeps its own undo).
 */
export function SharedUndo() {
  const { t } = useOfficeTranslation();
  const steps = useAppStore((s) => s.sharedUndo);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const { undo, redo } = useAppStore.getState().sharedUndo;
      if (key === 'z' && !event.shiftKey && undo > 0) {
        event.preventDefault();
        undoSharedChange();
      } else if ((key === 'y' || (key === 'z' && event.shiftKey)) && redo > 0) {
        event.preventDefault();
        redoSharedChange();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="shared-panel__row">
      <button
        type="button"
        className="button-secondary"
        disabled={steps.undo === 0}
        aria-keyshortcuts="Control+Z Meta+Z"
        onClick={undoSharedChange}
      >
        {t('shared.undo')}
      </button>
      <button
        type="button"
        className="button-secondary"
        disabled={steps.redo === 0}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        onClick={redoSharedChange}
      >
        {t('shared.redo')}
      </button>
      <span className="shared-panel__hint">{t('shared.undoHint')}</span>
    </div>
  );
}
