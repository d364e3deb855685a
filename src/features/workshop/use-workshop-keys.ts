import { useEffect } from 'react';
import { isTyping } from '../../components/is-typing.ts';
import { useAppStore } from '../../store/app-store.ts';

/** Ctrl/⌘+Z undoes, Ctrl/⌘+Y or Ctrl/⌘+Shift+Z redoes the workshop's last change; Esc cancels a move. */
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
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        s.undoWorkshop();
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        event.preventDefault();
        s.redoWorkshop();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
