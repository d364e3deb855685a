/**
 * A value with the states before it (undo) and after it (redo), as older versions of the app stored the office's
 * corrections and the workshop (crm-imports v1, crm-workshop): read once, when they move into local documents.
 */
export interface UndoHistory<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}
