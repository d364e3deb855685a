/** Whether a key press belongs to a text field (keyboard shortcuts must not steal typing or its own undo). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.isContentEditable || el.closest('input, textarea, select') !== null;
}
