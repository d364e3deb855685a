/** A value with the states before it (undo) and after it (redo). Plain data, so it can be persisted. */
export interface UndoHistory<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

/** How many steps back a workshop can go; older steps are dropped. */
export const UNDO_LIMIT = 100;

/** A history that starts at `present`. */
export function startHistory<T>(present: T): UndoHistory<T> {
  return { past: [], present, future: [] };
}

/** Records a new state; the redo list is cleared. Recording the same object again is not a step. */
export function record<T>(history: UndoHistory<T>, next: T, limit = UNDO_LIMIT): UndoHistory<T> {
  if (next === history.present) return history;
  return { past: [...history.past, history.present].slice(-limit), present: next, future: [] };
}

/** One step back; unchanged when there is nothing to undo. */
export function undo<T>(history: UndoHistory<T>): UndoHistory<T> {
  const previous = history.past.at(-1);
  if (history.past.length === 0) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous as T,
    future: [history.present, ...history.future],
  };
}

/** One step forward; unchanged when there is nothing to redo. */
export function redo<T>(history: UndoHistory<T>): UndoHistory<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next as T, future: rest };
}
