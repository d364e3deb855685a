import type { UndoHistory } from './undo-history.ts';

/** Corrections by record id: the value every undo state holds. */
export type EditMap<T> = Readonly<Record<string, T>>;

/** What another tab changed: a record's correction, or null where it no longer has one. */
export type EditChanges<T> = ReadonlyMap<string, T | null>;

/**
 * The ids whose correction differs between two states (added, replaced or removed), compared by identity: a
 * correction is a new object whenever it changes. Example: {a: x, b: y} → {a: x, c: z} gives [b, c].
 */
export function changedEditIds<T>(before: EditMap<T>, after: EditMap<T>): string[] {
  if (before === after) return [];
  const ids: string[] = [];
  for (const id in before) if (before[id] !== after[id]) ids.push(id);
  for (const id in after) if (!(id in before)) ids.push(id);
  return ids;
}

/** One state with the changes applied; the very same object when none of them changes it. */
function applyChanges<T>(state: EditMap<T>, changes: EditChanges<T>): EditMap<T> {
  let next: Record<string, T> | null = null;
  for (const [id, value] of changes) {
    const current = state[id];
    if (value === null ? !(id in state) : current === value) continue;
    next ??= { ...state };
    if (value === null) delete next[id];
    else next[id] = value;
  }
  return next ?? state;
}

/**
 * The history with changes made elsewhere (another tab of the same browser) written into every state, past and
 * future included: undo and redo then step through this tab's own changes only, and never take back what another
 * tab saved. Where both tabs corrected the same record, the other tab's later correction stands in every state.
 */
export function withChangesFromElsewhere<T>(
  history: UndoHistory<EditMap<T>>,
  changes: EditChanges<T>,
): UndoHistory<EditMap<T>> {
  if (changes.size === 0) return history;
  const present = applyChanges(history.present, changes);
  const past = history.past.map((state) => applyChanges(state, changes));
  const future = history.future.map((state) => applyChanges(state, changes));
  const same =
    present === history.present &&
    past.every((s, i) => s === history.past[i]) &&
    future.every((s, i) => s === history.future[i]);
  return same ? history : { past, present, future };
}

/** The changes that turn `from` into `to` (for a saved history whose records were changed elsewhere since). */
export function editChangesBetween<T>(from: EditMap<T>, to: EditMap<T>): Map<string, T | null> {
  return new Map(changedEditIds(from, to).map((id) => [id, to[id] ?? null]));
}
