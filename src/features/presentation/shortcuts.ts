import type { MessageKey } from '../../i18n/messages-zh.ts';
import type { OfficeMessageKey } from '../../i18n/office-messages-zh.ts';

/** The keyboard shortcuts, as the help overlay lists them (keys as printed on the keyboard). */
export const SHORTCUTS: readonly { keys: readonly string[]; action: MessageKey | OfficeMessageKey }[] = [
  { keys: ['P'], action: 'shortcut.presentation' },
  { keys: ['N', 'PageDown'], action: 'shortcut.nextTown' },
  { keys: ['B', 'PageUp'], action: 'shortcut.previousTown' },
  { keys: ['+', '−'], action: 'shortcut.zoom' },
  { keys: ['1 … 9'], action: 'shortcut.toggleCategory' },
  { keys: ['0'], action: 'shortcut.allCategories' },
  { keys: ['Q'], action: 'shortcut.qr' },
  { keys: ['I'], action: 'shortcut.inventory' },
  { keys: ['A'], action: 'shortcut.coMapping' },
  { keys: ['Ctrl+Z', 'Ctrl+Y'], action: 'shortcut.undoRedo' },
  { keys: ['?', 'H'], action: 'shortcut.help' },
  { keys: ['Esc'], action: 'shortcut.escape' },
];
