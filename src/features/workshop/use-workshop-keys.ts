import { useEffect } from 'react';
import { isTyping } from '../../components/is-typing.ts';
import { useAppStore } from '../../store/app-store.ts';

/** The workshop's undo and redo, from the module that writes its document (loaded with the workshop: Yjs). */
const workshopActions = () => import('../../store/workshop/workshop-actions.ts');

/**
 * Ctrl/⌘+Z undoes, Ctrl/⌘+Y or Ctrl/⌘+Shift+Z redoes the workshop's last change; Esc cancels a move. The keys
 * act only when this tab has a workshop change to undo or redo: those steps come from the workshop's document,
 * so its module is loaded by then and the import resolves at once (it is not part of the first screen).
 */
export function useWorkshopKeys() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const s = useAppStore.getState();
      if (event.key === 'Escape' && s.workshopMoving) {
        s.startMove(null);
        return;
      }
      if (isTyping(event.target) || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey && s.workshopSteps.undo > 0) {
        event.preventDefault();
        void workshopActions().then((actions) => actions.undoWorkshop());
      } else if ((key === 'y' || (key === 'z' && event.shiftKey)) && s.workshopSteps.redo > 0) {
        event.preventDefault();
        void workshopActions().then((actions) => actions.redoWorkshop());
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
