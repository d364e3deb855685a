import { useEffect } from 'react';
import { useAppStore } from '../../store/app-store.ts';

/** Whether a key press belongs to a text field (shortcuts must not steal typing). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.isContentEditable || el.closest('input, textarea, select') !== null;
}

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
