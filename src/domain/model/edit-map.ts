/** Corrections by record id: the record to show in place of the one with that id. */
export type EditMap<T> = Readonly<Record<string, T>>;
